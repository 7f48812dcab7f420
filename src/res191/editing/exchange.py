"""Sheets written to and read from a workbook (.xlsx, with openpyxl), a folder of CSV files, or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from res191.editing.sheets import Sheet
from res191.loading.record import LoadedRecords
from res191.models import KINDS


@dataclass(frozen=True)
class Cell:
    """Where a value came from: `themes.tracker!D5`, or a path in a JSON file."""

    sheet: str
    row: int  # 1-based, the heading being row 1
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.sheet}!{_letters(self.column)}{self.row}"


def _letters(column: int) -> str:
    text = ""
    while column:
        column, rest = divmod(column - 1, 26)
        text = chr(65 + rest) + text
    return text


@dataclass
class ReadSheet:
    """A sheet as read back: its headings, and each row's values with the cells they came from."""

    name: str
    headings: list[str]
    rows: list[tuple[int, dict[str, tuple[Any, Cell]]]]


def write_xlsx(sheets: Iterable[Sheet]) -> bytes:
    """A workbook with one worksheet a sheet, headings bold and frozen, every cell as a value (no formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for sheet in sheets:
        page = book.create_sheet(sheet.shape.name)
        page.append(sheet.headings)
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in sheet.rows:
            page.append([row.get(h) for h in sheet.headings])
        for column in page.columns:
            for cell in column[1:]:
                if isinstance(cell.value, str):
                    # A text starting with = would be kept as a formula: it is a text, and stays one.
                    cell.data_type = "s"
                    if "\n" in cell.value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
        page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_xlsx(content: bytes) -> list[ReadSheet]:
    """The worksheets of a workbook, with values (never formulas) and their cells."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    found = []
    for page in book.worksheets:
        rows = list(page.iter_rows(values_only=True))
        found.append(_read_rows(page.title, [list(r) for r in rows]))
    return found


def _read_rows(name: str, rows: list[list[Any]]) -> ReadSheet:
    if not rows:
        return ReadSheet(name, [], [])
    headings = [str(h).strip() if h is not None else "" for h in rows[0]]
    read = []
    for number, values in enumerate(rows[1:], start=2):
        if all(v is None or v == "" for v in values):
            continue
        cells = {
            heading: (value, Cell(name, number, column))
            for column, (heading, value) in enumerate(zip(headings, values, strict=False), start=1)
            if heading
        }
        read.append((number, cells))
    return ReadSheet(name, headings, read)


def write_csv_folder(sheets: Iterable[Sheet], folder: Path) -> list[Path]:
    """One CSV file a sheet (`themes.tracker.csv`), in UTF-8 with a byte-order mark for spreadsheets."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(sheet.headings)
        for row in sheet.rows:
            writer.writerow([_csv(row.get(h)) for h in sheet.headings])
        path = folder / f"{sheet.shape.name}.csv"
        from res191.atomic import write_bytes

        write_bytes(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
        written.append(path)
    return written


def _csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def read_csv_folder(folder: Path) -> list[ReadSheet]:
    """The sheets of a folder of CSV files, each named after its file."""
    found = []
    for path in sorted(folder.glob("*.csv")):
        text = path.read_text(encoding="utf-8-sig")
        rows = [list(r) for r in csv.reader(io.StringIO(text))]
        found.append(_read_rows(path.stem, rows))
    return found


def write_json(loaded: LoadedRecords) -> str:
    """Every valid record, by kind's folder, as each file says it."""
    document = {
        kind.folder: [
            r.record.model_dump(mode="json", exclude_unset=True)
            for r in loaded.of_kind(name)
            if r.record is not None
        ]
        for name, kind in KINDS.items()
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
