"""A table of text, written as a terminal table, Markdown, CSV or JSON: one function per format."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TextIO

from res191.wording import printable


class TableFormat(StrEnum):
    """The formats of `list` and `matrix`."""

    TEXT = "text"
    MD = "md"
    CSV = "csv"
    JSON = "json"


@dataclass
class Table:
    """Rows of cells under a title and column names."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    note: str = ""  # a line under the table: how many, what a mark means


def write_text(tables: list[Table], out: TextIO) -> None:
    """Tables drawn for people at a terminal (plain when piped)."""
    from rich.table import Table as RichTable

    from res191.terminal import console as terminal

    console = terminal(out, highlight=False, soft_wrap=False)
    for table in tables:
        drawn = RichTable(title=printable(table.title), title_justify="left", show_lines=False)
        for column in table.columns:
            drawn.add_column(printable(column), overflow="fold")
        for row in table.rows:
            drawn.add_row(*(printable(cell) for cell in row))
        console.print(drawn, markup=False)
        if table.note:
            console.print(printable(table.note), markup=False)


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|") or " "


def write_md(tables: list[Table], out: TextIO) -> None:
    """Tables in Markdown (GitHub's tables), each under a heading."""
    for number, table in enumerate(tables):
        if number:
            out.write("\n")
        out.write(f"## {table.title}\n\n")
        out.write("| " + " | ".join(_md_cell(c) for c in table.columns) + " |\n")
        out.write("|" + "---|" * len(table.columns) + "\n")
        for row in table.rows:
            out.write("| " + " | ".join(_md_cell(c) for c in row) + " |\n")
        if table.note:
            out.write(f"\n{table.note}\n")


def write_csv(tables: list[Table], out: TextIO) -> None:
    """Tables as CSV, one after the other, each with its title in the first column of a line."""
    writer = csv.writer(out, lineterminator="\n")
    for number, table in enumerate(tables):
        if len(tables) > 1:
            if number:
                writer.writerow([])
            writer.writerow([table.title])
        writer.writerow(table.columns)
        writer.writerows(table.rows)


def write_json(tables: list[Table], out: TextIO) -> None:
    """Tables as JSON: for each, its title and its rows as objects keyed by column."""
    document = [
        {"title": t.title, "rows": [dict(zip(t.columns, row, strict=True)) for row in t.rows]} for t in tables
    ]
    json.dump(document if len(document) != 1 else document[0], out, indent=2, ensure_ascii=False)
    out.write("\n")


WRITERS: dict[TableFormat, Callable[[list[Table], TextIO], None]] = {
    TableFormat.TEXT: write_text,
    TableFormat.MD: write_md,
    TableFormat.CSV: write_csv,
    TableFormat.JSON: write_json,
}
