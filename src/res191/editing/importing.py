"""`res191 import`: a workbook, CSV files or JSON sent back, landed in the YAML files with their comments.

Every record read back is checked as `validate` checks it, and each problem is reported at its cell
(`themes.tracker!D5`) with the same message and hint. Nothing is written unless the whole import is
valid; then only the records that changed are rewritten, each key changed in place, so that comments
and unchanged values stay as they were. A record whose id is new is created as a new file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from res191.checks.suggest import Suggester
from res191.diagnostics import Diagnostic, Location, problem
from res191.editing.exchange import Cell, ReadSheet
from res191.editing.fmt import format_record
from res191.editing.new import new_record_path, record_text
from res191.editing.sheets import SheetShape, from_cell, shapes
from res191.editing.yaml_text import canonical_scalar, dump, load
from res191.loading.frontmatter import split_front_matter
from res191.loading.record import LoadedRecords
from res191.loading.schema import explain
from res191.models import KINDS, iter_references
from res191.models.common import ID
from res191.schemas import modeline

Loc = tuple[str | int, ...]


@dataclass
class Incoming:
    """A record as read back, and the cell each of its values came from."""

    kind: str
    id: str
    values: dict[str, Any]
    origins: dict[Loc, str] = field(default_factory=dict)  # path in the record -> cell or JSON path
    row: str = ""  # where the record itself is: its id's cell

    def origin(self, loc: Loc) -> str:
        """The cell of a value, or of the nearest thing above it that has one."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.origins:
                return self.origins[loc[:end]]
        return self.row


@dataclass
class Change:
    """A record file to write: its path, its text now, and its text after the import."""

    path: Path
    before: str | None  # None for a new file
    after: str


class ImportProblems(Exception):
    """What is wrong with what was read back; nothing was written."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__(f"{len(diagnostics)} problems")
        self.diagnostics = diagnostics


def _cell_problem(code: str, where: str, message: str, hint: str = "", example: str = "") -> Diagnostic:
    return Diagnostic(problem(code), Location(where, 0, 0), message, hint, example)


def _set(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for step in path[:-1]:
        target = target.setdefault(step, {})
    target[path[-1]] = value


def from_sheets(sheets: list[ReadSheet]) -> tuple[list[Incoming], list[Diagnostic]]:
    """The records the sheets hold, rebuilt from their rows; problems of layout (unknown sheet or column)."""
    known = {shape.name: shape for shape in shapes()}
    problems: list[Diagnostic] = []
    records: dict[tuple[str, str], Incoming] = {}
    ordered = sorted((s for s in sheets if s.name in known), key=lambda s: len(known[s.name].list_path))
    for sheet in sheets:
        if sheet.name not in known:
            hint = "the sheets are those `res191 export` writes: " + ", ".join(known)
            problems.append(
                _cell_problem("S201", f"{sheet.name}!A1", f"'{sheet.name}' is not a sheet res191 reads", hint)
            )
    for sheet in ordered:
        shape = known[sheet.name]
        problems += _headings(sheet, shape)
        for _, cells in sheet.rows:
            _read_row(shape, cells, records, problems)
    return list(records.values()), problems


def _headings(sheet: ReadSheet, shape: SheetShape) -> list[Diagnostic]:
    allowed = [*shape.index_headings, *(c.heading for c in shape.columns)]
    found = []
    for column, heading in enumerate(sheet.headings, start=1):
        if heading and heading not in allowed:
            close = Suggester(allowed).closest(heading)
            where = str(Cell(sheet.name, 1, column))
            hint = (f"did you mean '{close}'? " if close else "") + "the columns are: " + ", ".join(allowed)
            found.append(_cell_problem("S201", where, f"'{heading}' is not a column of {sheet.name}", hint))
    return found


def _read_row(
    shape: SheetShape,
    cells: dict[str, tuple[Any, Cell]],
    records: dict[tuple[str, str], Incoming],
    problems: list[Diagnostic],
) -> None:
    raw_id, id_cell = cells.get("id", (None, None))
    if raw_id in (None, ""):
        first = next(iter(cells.values()))[1]
        problems.append(
            _cell_problem("S202", str(first), "this row has no id", "give the record's id in the id column")
        )
        return
    record_id = str(raw_id).strip()
    key = (shape.kind, record_id)
    prefix: Loc = ()  # where the row's values go in the record: () or ("editions", 0) ...
    if not shape.list_path:
        if key in records:
            message = f"the id '{record_id}' is on two rows of {shape.name}"
            problems.append(_cell_problem("X302", str(id_cell), message, "keep one row a record"))
            return
        records[key] = Incoming(
            shape.kind, record_id, {"id": record_id}, {("id",): str(id_cell)}, str(id_cell)
        )
        target = records[key].values
    else:
        if key not in records:
            folder = KINDS[shape.kind].folder
            message = f"no row of {folder} has the id '{record_id}'"
            hint = f"a row of {shape.name} belongs to a record of {folder}"
            problems.append(_cell_problem("X303", str(id_cell), message, hint))
            return
        incoming = records[key]
        target = incoming.values
        for name in shape.list_path:
            value, cell = cells.get(f"{name} #", (None, None))
            try:
                index = int(value) - 1  # type: ignore[arg-type]
                if index < 0:
                    raise ValueError
            except (TypeError, ValueError):
                message = f"'{name} #' should be 1, 2, 3..., not {value!r}"
                hint = "the position of the item in its list, from 1"
                problems.append(_cell_problem("S203", str(cell or id_cell), message, hint))
                return
            items = target.setdefault(name, [])
            while len(items) <= index:
                items.append({})
            target, prefix = items[index], (*prefix, name, index)
            incoming.origins.setdefault(prefix, str(cell))
    incoming = records[key]
    for column in shape.columns:
        if column.heading not in cells:
            continue
        value, cell = cells[column.heading]
        converted = from_cell(value, column)
        if converted is None:
            continue
        _set(target, column.path, converted)
        incoming.origins[(*prefix, *column.path)] = str(cell)
        if column.many:
            for index in range(len(converted)):
                incoming.origins[(*prefix, *column.path, index)] = str(cell)


def from_json(text: str, name: str) -> tuple[list[Incoming], list[Diagnostic]]:
    """The records of a JSON export, each value placed by its path in the file."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [_cell_problem("Y101", f"{name}:{error.lineno}:{error.colno}", f"not JSON: {error.msg}")]
    folders = {kind.folder: name for name, kind in KINDS.items()}
    records, problems = [], []
    if not isinstance(document, dict):
        return [], [
            _cell_problem(
                "Y115",
                name,
                "the file holds no mapping of kinds to records",
                "export one with res191 export --format json",
            )
        ]
    for folder, items in document.items():
        if folder not in folders or not isinstance(items, list):
            hint = "the kinds are: " + ", ".join(folders)
            problems.append(
                _cell_problem("S201", f"{name}: {folder}", f"'{folder}' is not a kind of record", hint)
            )
            continue
        for index, item in enumerate(items):
            where = f"{folder}[{index}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(
                    _cell_problem("S202", where, "this record has no id", "give each record its id")
                )
                continue
            incoming = Incoming(folders[folder], item["id"], item, row=where)
            _json_origins(item, (), where, incoming.origins)
            records.append(incoming)
    return records, problems


def _json_origins(value: Any, loc: Loc, where: str, origins: dict[Loc, str]) -> None:
    origins[loc] = where
    if isinstance(value, dict):
        for key, inner in value.items():
            _json_origins(inner, (*loc, key), f"{where}.{key}", origins)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _json_origins(inner, (*loc, index), f"{where}[{index}]", origins)


def check(incoming: list[Incoming], loaded: LoadedRecords) -> list[Diagnostic]:
    """Each record read back, checked as validate checks it, every problem at its cell."""
    found: list[Diagnostic] = []
    ids: dict[str, set[str]] = defaultdict(set)
    for existing in loaded.records:
        ids[existing.kind.name].add(existing.id)
    for record in incoming:
        ids[record.kind].add(record.id)
    suggesters = {kind: Suggester(known) for kind, known in ids.items()}
    for record in incoming:
        kind = KINDS[record.kind]
        if not ID.fullmatch(record.id):
            hint = "an id is lower-case words and digits joined by hyphens, such as pp-191"
            found.append(_cell_problem("S204", record.row, f"'{record.id}' is not an id", hint))
            continue
        source: BaseModel | dict[str, Any] = record.values
        try:
            source = kind.model.model_validate(record.values)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                why = explain(kind.model, kind.name, detail)
                found.append(
                    _cell_problem(why.code, record.origin(why.loc), why.message, why.hint, why.example)
                )
        # References are checked even in a record with another problem, as validate checks them.
        for loc, target, ref in iter_references(kind.model, source):
            if ID.fullmatch(ref) and ref not in ids[target]:
                close = suggesters.get(target, Suggester([])).closest(ref)
                hint = (f"did you mean '{close}'? " if close else "") + f"the {target} must exist"
                found.append(
                    _cell_problem("X303", record.origin(loc), f"no {target} has the id '{ref}'", hint)
                )
    return found


def _json_value(model: BaseModel) -> dict[str, Any]:
    value: dict[str, Any] = model.model_dump(mode="json", exclude_unset=True)
    return value


def _merge(target: CommentedMap, new: dict[str, Any], old: dict[str, Any], order: list[str]) -> None:
    """Change target (read with its comments) from old to new, key by key, touching nothing else."""
    for key in [k for k in old if k not in new]:
        del target[key]
    for key, value in new.items():
        if key in old and old[key] == value:
            continue
        current = target.get(key)
        if (
            isinstance(value, list)
            and isinstance(current, CommentedSeq)
            and value
            and all(isinstance(v, dict) for v in value)
        ):
            _merge_list(current, value, old.get(key) or [])
        elif isinstance(value, dict) and isinstance(current, CommentedMap):
            _merge(current, value, old.get(key) or {}, list(value))
        elif key in target:
            target[key] = _written(value)
        else:
            position = (
                sum(1 for k in target if k in order and order.index(k) < order.index(key))
                if key in order
                else len(target)
            )
            target.insert(position, key, _written(value))


def _merge_list(target: CommentedSeq, new: list[dict[str, Any]], old: list[dict[str, Any]]) -> None:
    while len(target) > len(new):
        del target[-1]
    for index, item in enumerate(new):
        if index < len(target) and isinstance(target[index], CommentedMap):
            _merge(target[index], item, old[index] if index < len(old) else {}, list(item))
        else:
            target.append(_written(item))


def _written(value: Any) -> Any:
    """A value as ruamel.yaml writes it in a record: ids on one line, records as blocks."""
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            seq = CommentedSeq([canonical_scalar(v) for v in value])
            seq.fa.set_flow_style()
            return seq
        return CommentedSeq([_written(v) for v in value])
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, inner in value.items():
            mapping[key] = _written(inner)
        return mapping
    return canonical_scalar(value)


def plan(incoming: list[Incoming], loaded: LoadedRecords) -> list[Change]:
    """The files the import changes or creates, with their texts; records that did not change are left out."""
    changes = []
    for record in incoming:
        kind = KINDS[record.kind]
        model = kind.model.model_validate(record.values)
        new = _json_value(model)
        existing = loaded.find(record.kind, record.id)
        if existing is None:
            path = new_record_path(loaded.root, kind, record.id)
            changes.append(Change(path, None, record_text(kind, new, path, loaded.root)))
            continue
        old = _json_value(existing.record) if existing.record is not None else None
        if old == new:
            continue
        before = existing.path.read_text(encoding="utf-8")
        changes.append(
            Change(
                existing.path, before, _rewrite(before, kind.name, new, old or {}, existing.path, loaded.root)
            )
        )
    return changes


def _rewrite(
    text: str, kind_name: str, new: dict[str, Any], old: dict[str, Any], path: Path, root: Path
) -> str:
    kind = KINDS[kind_name]
    if kind.markdown:
        front = split_front_matter(text)
        data = load(front.yaml)
        _merge(data, new, old, list(kind.model.model_fields))
        return format_record("---\n" + dump(data) + text[front.closing :], kind)
    data = load(text)
    _merge(data, new, old, list(kind.model.model_fields))
    return format_record(dump(data), kind, modeline(path, root, kind))
