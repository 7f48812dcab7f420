"""What an import brings: for each record, the values its sheets or JSON mention, and the cell of each.

An import changes only what its source mentions. A sheet or a column the workbook does not have (someone
deleted it) leaves those values as they are; an emptied cell of a column that is there empties the
value. A list sheet (`themes.tracker`) holds the whole list of each record it mentions: a deleted row
is an item removed, and a row's `#` says which item it was, so that a column missing from the sheet
keeps that item's value. In JSON (incoming_json.py), a key left out is left alone, and `null` empties it.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from res191.checks.suggest import Suggester
from res191.diagnostics import Diagnostic, Location, problem
from res191.editing.exchange import Cell, Formula, ReadSheet
from res191.editing.sheets import Column, SheetShape, from_cell, shapes
from res191.loading.yaml_problems import CONTROL, control_character
from res191.models import KINDS

Loc = tuple[str | int, ...]
DELETE = object()  # an emptied cell, or null in JSON: the value goes


@dataclass
class Incoming:
    """A record as an import brings it: what it mentions, and the cell each value came from."""

    kind: str
    id: str
    row: str  # where the record itself is: its id's cell, or its place in the JSON file
    # The values mentioned, by path in the record: a value, or DELETE for an emptied cell.
    set_values: dict[tuple[str, ...], Any] = field(default_factory=dict)
    # Whole lists brought by a list sheet, by the list's path: each item with the position it had.
    lists: dict[tuple[str, ...], list[ListItem]] = field(default_factory=dict)
    origins: dict[Loc, str] = field(default_factory=dict)  # path in the record -> cell or JSON path
    json: bool = False  # from a JSON file: its problems are said in JSON's words, not a spreadsheet's

    def origin(self, loc: Loc) -> str:
        """The cell of a value, or of the nearest thing above it that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.origins:
                return self.origins[loc[:end]]
        return self.row

    def apply(self, before: dict[str, Any] | None) -> dict[str, Any]:
        """The record after the import: before (its values as its file holds them, None for a new
        record) with what the import mentions put in, and nothing else changed."""
        after: dict[str, Any] = copy.deepcopy(before) if before else {}
        after["id"] = self.id
        _apply_values(after, self.set_values)
        # Where each item of a list sheet went (a deleted row moves the items after it up), so that the
        # rows of a nested list (an edition's instructions) find the item they belong to.
        moved: dict[tuple[str, ...], dict[tuple[int, ...], tuple[int, ...]]] = {}
        for path in sorted(self.lists, key=len):  # editions before editions.instructs
            moves = moved.get(path[:-1], {})
            moved[path] = _apply_list(after, before or {}, path, self.lists[path], moves, self.origins)
        return after


@dataclass
class ListItem:
    """A row of a list sheet: its item's place in the list before, and the values it mentions."""

    parents: tuple[int, ...]  # the positions (from 0) of the items it lies in: (edition,) for instructs
    was: int  # its position before (from 0), by its `#`
    values: dict[tuple[str, ...], Any]
    cells: dict[tuple[str, ...], str]
    row: str


def _apply_values(target: dict[str, Any], values: dict[tuple[str, ...], Any]) -> None:
    for path, value in values.items():
        holder = target
        for step in path[:-1]:
            inner = holder.get(step)
            if not isinstance(inner, dict):
                if value is DELETE:
                    break
                inner = holder[step] = {}
            holder = inner
        else:
            if value is DELETE:
                holder.pop(path[-1], None)
            else:
                holder[path[-1]] = value
    for key in [k for k, v in target.items() if v == {}]:
        del target[key]  # a nested record (chair) all of whose cells were emptied


def _holder(record: dict[str, Any], path: tuple[str, ...], parents: tuple[int, ...]) -> dict[str, Any] | None:
    """The item that holds the list at path (the record itself for a top-level list)."""
    holder: Any = record
    for step, index in zip(path[:-1], parents, strict=True):
        items = holder.get(step) if isinstance(holder, dict) else None
        if not isinstance(items, list) or index >= len(items) or not isinstance(items[index], dict):
            return None
        holder = items[index]
    return holder if isinstance(holder, dict) else None


def _apply_list(
    after: dict[str, Any],
    before: dict[str, Any],
    path: tuple[str, ...],
    rows: list[ListItem],
    parent_moves: dict[tuple[int, ...], tuple[int, ...]],
    origins: dict[Loc, str],
) -> dict[tuple[int, ...], tuple[int, ...]]:
    """Put the list a sheet holds at path in every item that holds it; where each row's item went."""
    by_parent: dict[tuple[int, ...], list[ListItem]] = defaultdict(list)
    for row in rows:
        by_parent[parent_moves.get(row.parents, row.parents)].append(row)
    # A list sheet holds the whole list: a holder with no row left has had all its items deleted.
    holders = [()] if len(path) == 1 else _parent_positions(after, path[:-1])
    moves: dict[tuple[int, ...], tuple[int, ...]] = {}
    for parents in sorted(set(holders) | set(by_parent)):
        target = _holder(after, path, parents)
        if target is None:
            continue
        items = []
        for position, row in enumerate(sorted(by_parent.get(parents, []), key=lambda r: r.was)):
            old = _holder(before, path, row.parents) or {}
            held = old.get(path[-1])
            old_items: list[Any] = held if isinstance(held, list) else []
            base = old_items[row.was] if row.was < len(old_items) else {}
            item = copy.deepcopy(base) if isinstance(base, dict) else {}
            _apply_values(item, row.values)
            items.append(item)
            moves[(*row.parents, row.was)] = (*parents, position)
            where = (*_loc(path[:-1], parents), path[-1], position)
            origins.setdefault(where, row.row)
            for key, cell in row.cells.items():
                origins[(*where, *key)] = cell
        if items:
            target[path[-1]] = items
        else:
            target.pop(path[-1], None)
    return moves


def _loc(path: tuple[str, ...], parents: tuple[int, ...]) -> Loc:
    return tuple(step for pair in zip(path, parents, strict=True) for step in pair)


def _parent_positions(record: dict[str, Any], path: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The positions of every item at path in a record: [(0,), (1,)] for its two editions."""
    found: list[tuple[int, ...]] = []

    def walk(holder: Any, depth: int, place: tuple[int, ...]) -> None:
        items = holder.get(path[depth]) if isinstance(holder, dict) else None
        for index, item in enumerate(items if isinstance(items, list) else []):
            if depth + 1 == len(path):
                found.append((*place, index))
            else:
                walk(item, depth + 1, (*place, index))

    walk(record, 0, ())
    return found


def cell_problem(code: str, where: str, message: str, hint: str = "", example: str = "") -> Diagnostic:
    """A problem at a cell of a workbook (`themes!D5`) or a place in a JSON file (`meetings[0].text`)."""
    return Diagnostic(problem(code), Location(where, 0, 0), message, hint, example)


class _Reading:
    """The records being read from sheets, and the problems found on the way."""

    def __init__(self) -> None:
        self.records: dict[tuple[str, str], Incoming] = {}
        self.problems: list[Diagnostic] = []
        # An item's place (kind, id, list, positions) -> its row.
        self.seen_rows: dict[tuple[Any, ...], str] = {}

    def cell_value(self, value: Any, column: Column, cell: Cell) -> Any:
        """A cell's value as the record holds it; None and a problem where it cannot be read."""
        if isinstance(value, Formula):
            self.problems.append(
                cell_problem(
                    "S203",
                    str(cell),
                    f"this cell holds a formula ({value.text}) whose value the file does not hold",
                    "open the workbook in a spreadsheet program and save it (which works out the values), "
                    "or type the value itself",
                )
            )
            return None
        if value is None or value == "":
            return DELETE
        if isinstance(value, str) and CONTROL.search(value):
            problem_found = control_character(value, 0, 0)
            self.problems.append(cell_problem("Y123", str(cell), problem_found.message, problem_found.hint))
            return None
        return from_cell(value, column)


def from_sheets(
    sheets: list[ReadSheet], existing: set[tuple[str, str]]
) -> tuple[list[Incoming], list[Diagnostic], list[str]]:
    """The records the sheets mention, with what each mentions; problems of layout and of cells; and
    notes on what the workbook lacks (a sheet, a column), whose values are left as they are.

    existing: the (kind, id) of every record in the repository: a list sheet may speak of a record
    whose own sheet the workbook does not have.
    """
    known = {shape.name: shape for shape in shapes()}
    reading = _Reading()
    notes = _missing(sheets, known)
    for sheet in sheets:
        if sheet.name not in known:
            hint = "the sheets are those `res191 export` writes: " + ", ".join(known)
            reading.problems.append(
                cell_problem("S201", f"{sheet.name}!A1", f"'{sheet.name}' is not a sheet res191 reads", hint)
            )
    ordered = sorted((s for s in sheets if s.name in known), key=lambda s: len(known[s.name].list_path))
    for sheet in ordered:
        shape = known[sheet.name]
        present = _headings(sheet, shape, reading.problems)
        for _, cells in sheet.rows:
            _read_row(shape, present, cells, reading, existing)
    return list(reading.records.values()), reading.problems, notes


def _missing(sheets: list[ReadSheet], known: dict[str, SheetShape]) -> list[str]:
    """What the workbook lacks, of the kinds it holds: sheets and columns whose values stay as they are."""
    there = {sheet.name: sheet for sheet in sheets if sheet.name in known}
    kinds = {known[name].kind for name in there}
    notes = []
    for name, shape in known.items():
        if shape.kind not in kinds:
            continue
        sheet = there.get(name)
        if sheet is None:
            notes.append(f"there is no sheet {name}: what it holds is left as it is")
            continue
        lacking = [c.heading for c in shape.columns if c.heading not in sheet.headings]
        if lacking:
            columns = ", ".join(lacking)
            notes.append(f"the sheet {name} has no column {columns}: those values are left as they are")
    return notes


def _headings(sheet: ReadSheet, shape: SheetShape, problems: list[Diagnostic]) -> list[Column]:
    """The columns of the shape that the sheet has; a problem for each heading it should not have."""
    allowed = [*shape.index_headings, *(c.heading for c in shape.columns)]
    seen: dict[str, int] = {}
    for column, heading in enumerate(sheet.headings, start=1):
        if not heading:
            continue
        where = str(Cell(sheet.name, 1, column))
        if heading not in allowed:
            close = Suggester(allowed).closest(heading)
            hint = (f"did you mean '{close}'? " if close else "") + "the columns are: " + ", ".join(allowed)
            problems.append(cell_problem("S201", where, f"'{heading}' is not a column of {sheet.name}", hint))
        elif heading in seen:
            problems.append(
                cell_problem("S201", where, f"the column '{heading}' is there twice", "keep one of the two")
            )
        seen[heading] = column
    for heading in shape.index_headings:
        if heading not in seen:
            problems.append(
                cell_problem(
                    "S202",
                    f"{sheet.name}!A1",
                    f"the sheet {sheet.name} has no column '{heading}'",
                    "it places each row; export the records again to see the columns",
                )
            )
    return [c for c in shape.columns if c.heading in seen]


def _read_row(
    shape: SheetShape,
    present: list[Column],
    cells: dict[str, tuple[Any, Cell]],
    reading: _Reading,
    existing: set[tuple[str, str]],
) -> None:
    raw_id, id_cell = cells.get("id", (None, None))
    if raw_id in (None, "") or isinstance(raw_id, Formula):
        first = next(iter(cells.values()))[1]
        reading.problems.append(
            cell_problem(
                "S202", str(id_cell or first), "this row has no id", "give the record's id in the id column"
            )
        )
        return
    record_id = str(raw_id).strip()
    key = (shape.kind, record_id)
    values: dict[tuple[str, ...], Any] = {}
    value_cells: dict[tuple[str, ...], str] = {}
    for column in present:
        value, cell = cells.get(column.heading, (None, Cell(shape.name, 0, 0)))
        converted = reading.cell_value(value, column, cell)
        if converted is None:
            continue
        values[column.path] = converted
        value_cells[column.path] = str(cell)
    if not shape.list_path:
        if key in reading.records:
            message = f"the id '{record_id}' is on two rows of {shape.name}"
            also = reading.records[key].row
            reading.problems.append(
                cell_problem("X302", str(id_cell), message, f"keep one row a record ({also})")
            )
            return
        incoming = Incoming(shape.kind, record_id, str(id_cell), values)
        incoming.origins.update({path: cell for path, cell in value_cells.items()})
        reading.records[key] = incoming
        return
    if key not in reading.records:
        if key not in existing:
            folder = KINDS[shape.kind].folder
            message = f"no record of {folder} has the id '{record_id}'"
            hint = f"a row of {shape.name} belongs to a record of {folder}, in the workbook or in the data"
            reading.problems.append(cell_problem("X303", str(id_cell), message, hint))
            return
        reading.records[key] = Incoming(shape.kind, record_id, str(id_cell))
    positions = []
    for name in shape.list_path:
        value, number_cell = cells.get(f"{name} #", (None, None))
        try:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError  # int() would take 3.5 for 3, and True for 1
            position = int(value) - 1  # type: ignore[arg-type]
            if position < 0:
                raise ValueError
        except (TypeError, ValueError):
            message = f"'{name} #' should be 1, 2, 3..., not {_shown(value)}"
            hint = "the item's place in its list, from 1; a new item takes a number after the last"
            reading.problems.append(cell_problem("S203", str(number_cell or id_cell), message, hint))
            return
        positions.append(position)
    place = (*key, shape.list_path, tuple(positions))
    if place in reading.seen_rows:
        message = f"two rows are item {positions[-1] + 1} of '{shape.list_path[-1]}' of '{record_id}'"
        other = reading.seen_rows[place]
        hint = f"give each row its own number in '{shape.list_path[-1]} #' (the other row: {other})"
        reading.problems.append(cell_problem("X302", str(id_cell), message, hint))
        return
    reading.seen_rows[place] = str(id_cell)
    item = ListItem(tuple(positions[:-1]), positions[-1], values, value_cells, str(id_cell))
    reading.records[key].lists.setdefault(shape.list_path, []).append(item)


def _shown(value: Any) -> str:
    if value is None or value == "":
        return "an empty cell"
    return repr(value)
