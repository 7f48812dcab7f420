"""Records as sheets of a workbook, and back: one sheet a kind, and one for each list of records inside.

`themes` has a row a theme; `themes.tracker` a row an activity, with the theme's id and the activity's
place in the list; a list of ids sits in one cell, one id a line. The same sheets are written to a
workbook (.xlsx), to CSV files or to JSON, and read back from any of them by `res191 import`.
"""

from __future__ import annotations

import types
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from res191.editing.markdown_text import TEXT, text_of
from res191.editing.order import model_in
from res191.loading.record import LoadedRecords
from res191.models import KINDS

Loc = tuple[str | int, ...]


def _inner(annotation: Any) -> Any:
    """The type under Optional and Annotated."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation
            annotation = args[0]
        else:
            return annotation


def is_list(annotation: Any) -> bool:
    """Whether a field holds a list."""
    return get_origin(_inner(annotation)) is list


def scalar_type(annotation: Any) -> Any:
    """int, bool or str: how a cell's value is read for a field (lists: for each item)."""
    inner = _inner(annotation)
    if get_origin(inner) is list:
        inner = _inner(get_args(inner)[0])
    if inner is bool:
        return bool
    if inner is int:
        return int
    if get_origin(inner) is Literal:
        return str
    return str


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading and the path of its value within a row's record or item."""

    heading: str
    path: tuple[str, ...]
    annotation: Any
    # The Markdown text after a meeting's or report's front matter: read back as written, blank lines,
    # spaces and all, so that an export imported unedited changes no byte.
    markdown: bool = False

    @property
    def many(self) -> bool:
        """Whether the cell holds a list, one value a line."""
        return is_list(self.annotation)


@dataclass(frozen=True)
class SheetShape:
    """A sheet: the kind, the list it flattens (() for the records themselves), and its columns."""

    name: str
    kind: str
    list_path: tuple[str, ...]  # e.g. ("editions",) or ("editions", "instructs")
    columns: list[Column]

    @property
    def index_headings(self) -> list[str]:
        """The columns that place a row: the record's id, then its position in each list."""
        return ["id", *(f"{name} #" for name in self.list_path)]


def _columns(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> list[Column]:
    """The columns of a model's scalar keys, and of those of a single nested record (chair.name)."""
    found = []
    for name, info in model.model_fields.items():
        if prefix == () and name == "id":
            continue
        nested = model_in(info.annotation)
        if nested is not None and not is_list(info.annotation):
            found += _columns(nested, (*prefix, name))
        elif nested is None:
            found.append(Column(".".join((*prefix, name)), (*prefix, name), info.annotation))
    return found


def shapes() -> list[SheetShape]:
    """Every sheet, in a stable order: each kind, then its lists of records."""
    found: list[SheetShape] = []

    def add(kind: str, model: type[BaseModel], list_path: tuple[str, ...]) -> None:
        name = ".".join([KINDS[kind].folder, *list_path])
        columns = _columns(model)
        if KINDS[kind].markdown and not list_path:
            assert TEXT not in model.model_fields, f"a {kind} key is named {TEXT}, as its Markdown text is"
            columns.append(Column(TEXT, (TEXT,), str | None, markdown=True))
        found.append(SheetShape(name, kind, list_path, columns))
        for key, info in model.model_fields.items():
            nested = model_in(info.annotation)
            if nested is not None and is_list(info.annotation):
                add(kind, nested, (*list_path, key))

    for kind, record_kind in KINDS.items():
        add(kind, record_kind.model, ())
    return found


def cell_value(value: Any) -> Any:
    """A record's value as a cell holds it: lists one item a line."""
    if isinstance(value, list):
        return "\n".join(str(v) for v in value)
    return value


@dataclass
class Sheet:
    """A sheet's rows, as the cells' values by heading."""

    shape: SheetShape
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headings(self) -> list[str]:
        """The sheet's first row."""
        return [*self.shape.index_headings, *(c.heading for c in self.shape.columns)]


def _get(data: dict[str, Any], path: tuple[str, ...]) -> Any:
    for step in path:
        if not isinstance(data, dict) or step not in data:
            return None
        data = data[step]
    return data


# Each valid record as its file says it (JSON's types, only the keys the file sets), with its id, by kind.
Dumped = dict[str, list[tuple[str, dict[str, Any]]]]


def dumped(loaded: LoadedRecords, kinds: Iterable[str] = KINDS) -> Dumped:
    """The valid records of some kinds as their files say them, in file order: what the sheets and the
    JSON export hold, worked out once for both. A meeting's or report's Markdown text is its last value,
    `text`, where it has one."""
    found: Dumped = {}
    for kind in kinds:
        records = found[kind] = []
        for r in loaded.of_kind(kind):
            if r.record is None:
                continue
            data = r.record.model_dump(mode="json", exclude_unset=True)
            text = text_of(r.body) if r.kind.markdown else None
            if text is not None:
                data[TEXT] = text
            records.append((r.id, data))
    return found


def to_sheets(loaded: LoadedRecords, records: Dumped | None = None) -> list[Sheet]:
    """The valid records as sheets: only what each file says, so that reading them back changes nothing.
    records: the records already dumped (dumped()), where the caller has them."""
    sheets = {shape.name: Sheet(shape) for shape in shapes()}
    of_kind: dict[str, list[Sheet]] = {}
    for sheet in sheets.values():
        of_kind.setdefault(sheet.shape.kind, []).append(sheet)
    if records is None:
        records = dumped(loaded, of_kind)
    for kind, kind_sheets in of_kind.items():
        for record_id, data in records.get(kind, []):
            for sheet in kind_sheets:  # a record dumped once for all the sheets of its kind
                shape = sheet.shape
                for place, item in _items(data, shape.list_path):
                    row: dict[str, Any] = {"id": record_id}
                    row.update(
                        {f"{name} #": index + 1 for name, index in zip(shape.list_path, place, strict=True)}
                    )
                    for column in shape.columns:
                        value = _get(item, column.path)
                        if value is not None:
                            row[column.heading] = cell_value(value)
                    sheet.rows.append(row)
    return list(sheets.values())


def _items(data: dict[str, Any], path: tuple[str, ...]) -> list[tuple[tuple[int, ...], dict[str, Any]]]:
    """The items at a list path, each with its positions: (editions 1, instructs 2) -> the instruction."""
    if not path:
        return [((), data)]
    found = []
    for index, item in enumerate(data.get(path[0]) or []):
        for place, inner in _items(item, path[1:]):
            found.append(((index, *place), inner))
    return found


def from_cell(value: Any, column: Column) -> Any:
    """A cell's value as the record holds it; what cannot be read is passed on for the schema to reject."""
    if value is None or value == "":
        return None
    if column.markdown and isinstance(value, str):
        return value  # as written: its blank lines and spaces are the Markdown's
    wanted = scalar_type(column.annotation)
    if column.many:
        text = value if isinstance(value, str) else str(value)
        return [_typed(part.strip(), wanted) for part in text.splitlines() if part.strip()]
    return _typed(value, wanted)


def _typed(value: Any, wanted: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if wanted is int:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and value.strip().isdigit():
            return int(value.strip())  # CSV cells are text
    if wanted is bool and isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if wanted is str and isinstance(value, int | float) and not isinstance(value, bool):
        # A spreadsheet turns 191 into a number; a record keeps it as ITU writes it.
        return str(int(value)) if float(value).is_integer() else str(value)
    if isinstance(value, str):
        return value.strip()
    return value
