"""Sheets written to and read from a workbook (.xlsx: written with XlsxWriter, read with openpyxl), a
folder of CSV files, or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from res191.editing.sheets import Dumped, Sheet, dumped, to_sheets
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


def write_xlsx(sheets: Iterable[Sheet], when: datetime | None = None) -> bytes:
    """A workbook with one worksheet a sheet, headings bold and frozen, every cell as a value (no formula).

    when, if given, is the date the workbook says it was made: the same sheets then give the same bytes
    (XlsxWriter dates the parts inside the file alike, whatever the clock).
    """
    import xlsxwriter

    out = io.BytesIO()
    # Each row written out as it is complete, its texts in place (XlsxWriter's constant_memory mode): a
    # workbook of 10,000 records in half openpyxl's time, in its write-only mode. A text is written as a
    # text, whatever it looks like: "=1+1" is no formula, "12" no number, "https://..." no link.
    book = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    if when is not None:
        book.set_properties({"created": when})
    bold = book.add_format({"bold": True})
    wrapped = book.add_format({"text_wrap": True, "valign": "top"})
    for sheet in sheets:
        page = book.add_worksheet(sheet.shape.name)
        page.freeze_panes(1, 0)
        headings = sheet.headings
        page.write_row(0, 0, headings, bold)
        text, number, truth = page.write_string, page.write_number, page.write_boolean
        for row_number, row in enumerate(sheet.rows, start=1):
            for column, heading in enumerate(headings):
                value = row.get(heading)
                if value is None:
                    continue
                # Cell by cell, by type, rather than write_row: a text longer than a cell holds (32,767
                # characters) is cut there, as openpyxl did, and the rest of the row still written.
                if isinstance(value, str):
                    text(row_number, column, value, wrapped if "\n" in value else None)
                elif isinstance(value, bool):
                    truth(row_number, column, value)
                else:
                    number(row_number, column, value)
    book.close()
    return out.getvalue()


# How a workbook's XML writes a character it cannot hold (a control character, a carriage return) and
# an underscore that would start such a sequence: `_x000D_`, `_x005F_` (ECMA-376, ST_Xstring).
# Spreadsheet programs and XlsxWriter write them; openpyxl reads them as they stand.
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(value: Any) -> Any:
    """A cell's text as written, its `_xHHHH_` sequences read back into the characters they stand for."""
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED.sub(lambda found: chr(int(found.group(1), 16)), value)
    return value


def read_xlsx(content: bytes) -> list[ReadSheet]:
    """The worksheets of a workbook, with values (never formulas) and their cells.

    Read within bounds (SourceProblem past them: a zip bomb, a million rows); a formula whose value the
    file does not hold (a workbook written by a script, never opened in a spreadsheet program) is
    kept as a Formula, for the import to refuse at its cell rather than read as an empty cell.
    """
    import zipfile

    from openpyxl import load_workbook

    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise SourceProblem(_NOT_A_WORKBOOK) from None
    if unpacked > MOST_UNPACKED:
        raise SourceProblem(
            f"the workbook unpacks to {unpacked // 2**20:,} MiB, more than res191 reads "
            f"({MOST_UNPACKED // 2**20} MiB); export the records again and copy your changes into it"
        )
    try:
        # Read as written: values, and formulas as their text. Only a workbook that has formulas is read
        # again for the values its formulas had when it was last saved.
        written = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
        pages = [(page.title, _bounded_rows(page)) for page in written.worksheets]
        if any(_is_formula(value) for _, rows in pages for row in rows for value in row):
            computed = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            pages = [
                (
                    title,
                    [_computed(row, other) for row, other in zip(rows, _bounded_rows(page), strict=False)],
                )
                for (title, rows), page in zip(pages, computed.worksheets, strict=True)
            ]
        return [_read_rows(title, rows) for title, rows in pages]
    except SourceProblem:
        raise
    except Exception as error:  # openpyxl and the XML parser refuse a broken file in many ways
        if _entities_refused(error):
            raise SourceProblem(
                "the workbook holds XML declarations (entities) that a spreadsheet program never writes; "
                "res191 does not read them"
            ) from None
        raise SourceProblem(f"{_NOT_A_WORKBOOK} ({type(error).__name__}: {error})") from None


def _bounded_rows(page: Any) -> list[list[Any]]:
    """A worksheet's rows as lists of values; SourceProblem past MOST_ROWS rows or MOST_CELLS cells."""
    declared = page.max_row or 0  # the sheet's own count, where its writer gave one: refused at once
    if declared > MOST_ROWS:
        raise SourceProblem(
            f"the sheet {page.title} has {declared:,} rows; res191 reads at most {MOST_ROWS:,}"
        )
    rows = []
    cells = 0
    for row in page.iter_rows(values_only=True):
        rows.append([_unescaped(value) for value in row])
        cells += len(row)
        if len(rows) > MOST_ROWS or cells > MOST_CELLS:
            raise SourceProblem(
                f"the sheet {page.title} has more than {MOST_ROWS:,} rows or {MOST_CELLS:,} cells; res191 "
                "reads at most that"
            )
    return rows


def _computed(row: list[Any], values: list[Any]) -> list[Any]:
    """A row with each formula replaced by the value the file holds for it, or a Formula without one."""
    values = [*values, *[None] * (len(row) - len(values))]
    return [
        (Formula(value) if computed is None else computed) if _is_formula(value) else value
        for value, computed in zip(row, values, strict=False)
    ]


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


def _entities_refused(error: BaseException | None) -> bool:
    """Whether defusedxml refused the file's XML (openpyxl may wrap its exception in its own)."""
    while error is not None:
        if type(error).__name__ in ("EntitiesForbidden", "DTDForbidden", "ExternalReferenceForbidden"):
            return True
        error = error.__cause__ or error.__context__
    return False


def _is_formula(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("=")


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula whose value the file does not hold."""

    text: str


class SourceProblem(Exception):
    """What an import cannot read in its source, whole: said in an editor's words."""


# Bounds on what an import reads: far above any real export (10,000 records make a workbook of some
# 20 MiB unpacked), far below what would exhaust memory or time.
MOST_UNPACKED = 256 * 2**20
MOST_ROWS = 100_000
MOST_CELLS = 2_000_000
_NOT_A_WORKBOOK = (
    "the file is not a workbook res191 can read (an .xlsx file written by a spreadsheet program)"
)


def read_source(path: Path) -> tuple[str, list[ReadSheet] | str]:
    """What an import reads: ("sheets", the sheets) from a workbook or a folder of CSV files, or
    ("json", its text); SourceProblem for anything else, saying how to save it as res191 reads it."""
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        raise SourceProblem(f"cannot read it: {error.strerror}") from None
    if stat.S_ISDIR(mode):
        return "sheets", read_csv_folder(path)
    if not stat.S_ISREG(mode):
        raise SourceProblem(
            "it is not a file (a pipe or a device); give the path of a workbook, CSV folder or JSON file"
        )
    ending = path.suffix.lower()
    if ending in _OTHER_WORKBOOKS:
        raise SourceProblem(
            f"res191 reads .xlsx workbooks, not {_OTHER_WORKBOOKS[ending]}; open it in your spreadsheet "
            "program and save it as an Excel Workbook (.xlsx), then import that"
        )
    if ending == ".csv":
        raise SourceProblem(
            "a CSV file holds one sheet; give the folder that `res191 export --format csv` wrote, which "
            "holds one CSV file a sheet"
        )
    if path.stat().st_size > MOST_UNPACKED:
        raise SourceProblem(f"the file is larger than res191 reads ({MOST_UNPACKED // 2**20} MiB)")
    content = path.read_bytes()
    if ending == ".json":
        content = content.removeprefix(b"\xef\xbb\xbf")
        try:
            return "json", content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SourceProblem(_not_utf8(content, error, json=True)) from None
    return "sheets", read_xlsx(content)


_OTHER_WORKBOOKS = {
    ".xls": "old Excel workbooks (.xls)",
    ".ods": "OpenDocument spreadsheets (.ods)",
    ".numbers": "Numbers spreadsheets",
    ".xlsb": "binary Excel workbooks (.xlsb)",
    ".xlsm": "workbooks with macros (.xlsm)",
}


def _not_utf8(content: bytes, error: UnicodeDecodeError, json: bool = False) -> str:
    line = content[: error.start].count(b"\n") + 1
    sheet = "in Excel, 'CSV UTF-8 (Comma delimited)'; in LibreOffice, 'Edit filter settings' then UTF-8"
    how = "as JSON is written (res191 export does)" if json else sheet
    return (
        f"the text is not UTF-8 (byte 0x{content[error.start]:02X} on line {line}); save it as UTF-8: {how}"
    )


def write_csv_folder(sheets: Iterable[Sheet], folder: Path) -> list[Path]:
    """One CSV file a sheet (`themes.tracker.csv`), in UTF-8 with a byte-order mark for spreadsheets."""
    from res191.atomic import write_bytes

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in sheets:
        path = folder / f"{sheet.shape.name}.csv"
        write_bytes(path, csv_bytes(sheet))
        written.append(path)
    return written


def csv_bytes(sheet: Sheet) -> bytes:
    """A sheet as the CSV file export writes for it."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(sheet.headings)
    for row in sheet.rows:
        writer.writerow([_csv(row.get(h)) for h in sheet.headings])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def open_data(loaded: LoadedRecords, day: date) -> dict[str, bytes]:
    """What `res191 export` writes, as files to publish (the workbook, JSON, a CSV file a sheet), dated day.

    The same records and day give the same bytes: the workbook says it was made on day, and its parts
    carry that date rather than the clock's.
    """
    records = dumped(loaded)  # once, for the sheets and the JSON
    sheets = to_sheets(loaded, records)
    when = datetime(day.year, day.month, day.day)
    files = {
        "res191-records.xlsx": write_xlsx(sheets, when),
        "res191-records.json": write_json(loaded, indent=None, records=records).encode("utf-8"),
    }
    files.update({f"csv/{sheet.shape.name}.csv": csv_bytes(sheet) for sheet in sheets})
    return files


# A cell starting with one of these is a formula to a spreadsheet program opening the CSV file (CSV
# injection): it is written after an apostrophe, which spreadsheets take as "this is text", and which
# the import takes off again. A text that starts with an apostrophe gets one more, so nothing is lost.
_FORMULA_STARTS = ("=", "+", "-", "@", "'", "\t", "\r")


def _csv(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _from_csv(text: str) -> str:
    """A CSV cell as written by _csv, its apostrophe taken off again."""
    return text[1:] if text.startswith("'") and text[1:2] and text[1:].startswith(_FORMULA_STARTS) else text


def read_csv_folder(folder: Path) -> list[ReadSheet]:
    """The sheets of a folder of CSV files, each named after its file.

    Excel in a French, German or Spanish locale separates with semicolons: a file whose first line
    holds semicolons and no comma is read so. The text must be UTF-8 (SourceProblem otherwise).
    """
    found = []
    for path in sorted(folder.glob("*.csv")):
        if not path.is_file():
            continue
        content = path.read_bytes()
        if len(content) > MOST_UNPACKED:
            raise SourceProblem(f"{path.name} is larger than res191 reads ({MOST_UNPACKED // 2**20} MiB)")
        content = content.removeprefix(b"\xef\xbb\xbf")  # the byte-order mark spreadsheets write
        try:
            text = content.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SourceProblem(f"{path.name}: {_not_utf8(content, error)}") from None
        first = text.split("\n", 1)[0]
        delimiter = ";" if ";" in first and "," not in first else ","
        try:
            rows = []
            for row in csv.reader(io.StringIO(text), delimiter=delimiter):
                rows.append([_from_csv(cell) for cell in row])
                if len(rows) > MOST_ROWS:
                    raise SourceProblem(
                        f"{path.name} has more than {MOST_ROWS:,} rows; res191 reads at most that"
                    )
        except csv.Error as error:
            why = "a cell holds more text than a CSV cell may (128 KiB)" if "limit" in str(error) else error
            raise SourceProblem(f"{path.name}, line {len(rows) + 1}: {why}") from None
        found.append(_read_rows(path.stem, rows))
    if not found:
        raise SourceProblem(
            "the folder holds no CSV file; give the folder `res191 export --format csv` wrote"
        )
    return found


def write_json(loaded: LoadedRecords, indent: int | None = 2, records: Dumped | None = None) -> str:
    """Every valid record, by kind's folder, as each file says it; indented for reading and editing, or on
    one line (indent None: Python's JSON encoder in C, five times faster on a large repository). records:
    the records already dumped (sheets.dumped()), where the caller has them."""
    records = records if records is not None else dumped(loaded)
    document = {kind.folder: [data for _, data in records[name]] for name, kind in KINDS.items()}
    return json.dumps(document, indent=indent, ensure_ascii=False) + "\n"
