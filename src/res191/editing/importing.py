"""`res191 import`: a workbook, CSV files or JSON sent back, landed in the YAML files with their comments.

One function, `import_records`, holds the whole guarantee: every record read back is checked as
`validate` checks it, each problem at its cell (`themes.tracker!D5`) with the same message and hint;
the changes are then tried on a copy of the data, where the records must validate together; and only
then are the files written, all of them or none (`atomic.replace_all`), each only if it is still as it
was read. Only what the source mentions changes (see incoming.py); each changed key is changed in
place, so that comments and unchanged values stay as they were. A record whose id is new is created.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from res191.atomic import Planned
from res191.checks.local import repeated_hint, repeated_item, repeated_items
from res191.checks.suggest import Suggester
from res191.diagnostics import MOST_PROBLEMS, Diagnostic, Location, problem
from res191.editing.exchange import read_source
from res191.editing.fmt import normal_line_endings
from res191.editing.incoming import Incoming, from_sheets
from res191.editing.incoming_json import from_json
from res191.editing.long_texts import texts_cut_in_a_cell
from res191.editing.markdown_text import TEXT, as_written, is_unchanged, text_of, with_text
from res191.editing.new import new_record_path, record_text
from res191.editing.rewrite import file_text, rewritten
from res191.editing.trial import errors_after, write_records
from res191.loading.explain import explain
from res191.loading.record import LoadedRecords
from res191.loading.yaml_problems import YamlProblem
from res191.models import KINDS, RecordKind, iter_references
from res191.models.common import ID
from res191.models.vocabulary import reserved_name


@dataclass
class Change:
    """A record file to write: its path, its text now, and its text after the import."""

    path: Path
    before: str | None  # None for a new file
    after: str


@dataclass
class ImportResult:
    """What an import did: the records it read, the files it changed (or would), and, where it wrote
    nothing, why: the problems at their cells, or the records that would not validate together."""

    read: int
    changes: list[Change]
    problems: list[Diagnostic]
    together: bool = False  # the problems are those of the records validated together, after the changes
    written: bool = False
    notes: list[str] = field(default_factory=list)  # what the source lacks, left as it is


def import_records(source: Path, loaded: LoadedRecords, dry_run: bool = False) -> ImportResult:
    """Read source (a workbook, a folder of CSV files or a JSON file) and land it in the records.

    SourceProblem when the source cannot be read whole; ChangedMeanwhile when a file changed after it
    was read. Nothing is written when there is any problem, nor with dry_run.
    """
    what, content = read_source(source)
    existing = {(r.kind.name, r.id) for r in loaded.records}
    notes: list[str] = []
    if what == "json":
        assert isinstance(content, str)
        incoming, problems = from_json(content, source.name)
    else:
        assert isinstance(content, list)
        incoming, problems, notes = from_sheets(content, existing)
        if not source.is_dir():  # a workbook, whose cells export cut (CSV files hold every text whole)
            cut, kept = texts_cut_in_a_cell(incoming, loaded)
            problems += cut
            notes += kept
    afters, found = check(incoming, loaded)
    problems += found
    if problems:
        return ImportResult(len(incoming), [], problems, notes=notes)
    changes, unwritable = plan(incoming, loaded, afters)
    if unwritable:
        return ImportResult(len(incoming), [], unwritable, notes=notes)
    tried = _trial(changes, loaded.root)
    if tried:
        return ImportResult(len(incoming), changes, tried, together=True, notes=notes)
    if not dry_run and changes:
        write_records(
            loaded.root, [Planned(c.path, _bytes(c.before), c.after.encode("utf-8")) for c in changes]
        )
    return ImportResult(len(incoming), changes, [], written=not dry_run, notes=notes)


def _bytes(text: str | None) -> bytes | None:
    return None if text is None else text.encode("utf-8")


def _trial(changes: list[Change], root: Path) -> list[Diagnostic]:
    """The errors of the records validated together with the changes made, in a copy of the data."""
    return errors_after(root, {change.path: change.after for change in changes})


def _cell_problem(code: str, where: str, message: str, hint: str = "", example: str = "") -> Diagnostic:
    return Diagnostic(problem(code), Location(where, 0, 0), message, hint, example)


Values = dict[tuple[str, str], dict[str, Any]]  # records' values by (kind, id)


def check(incoming: list[Incoming], loaded: LoadedRecords) -> tuple[Values, list[Diagnostic]]:
    """Each record as it will be after the import, checked as validate checks it, every problem at
    its cell; and the records' values after the import, by (kind, id)."""
    found: list[Diagnostic] = []
    afters: Values = {}
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
        existing_record = loaded.find(record.kind, record.id)
        if existing_record is None and reserved_name(record.id):
            found.append(_cell_problem("X304", record.row, *_reserved(record.id)))
            continue
        before = _json_value(existing_record.record) if existing_record and existing_record.record else None
        if before is not None and existing_record is not None and kind.markdown:
            held = text_of(existing_record.body)
            if held is not None:
                before[TEXT] = held
        after = record.apply(before)
        afters[(record.kind, record.id)] = after
        keys = _front_matter(kind, after)
        if kind.markdown and not isinstance(after.get(TEXT, ""), str):
            message = f"the text should be Markdown text, not {json.dumps(after[TEXT])[:40]}"
            found.append(_cell_problem("S203", record.origin((TEXT,)), message, _TEXT_HINT))
        source, problems = _checked(record, kind, keys)
        found += problems
        # References are checked even in a record with another problem, as validate checks them.
        for loc, target, ref in iter_references(kind.model, source):
            if ID.fullmatch(ref) and ref not in ids[target]:
                close = suggesters.get(target, Suggester([])).closest(ref)
                hint = (f"did you mean '{close}'? " if close else "") + f"the {target} must exist"
                found.append(
                    _cell_problem("X303", record.origin(loc), f"no {target} has the id '{ref}'", hint)
                )
    return afters, found


def _checked(
    record: Incoming, kind: RecordKind, keys: dict[str, Any]
) -> tuple[BaseModel | dict[str, Any], list[Diagnostic]]:
    """The record's model, or its keys where its schema refuses them; its schema's problems and the values
    it lists again, each at its cell."""
    try:
        source = kind.model.model_validate(keys)
    except ValidationError as error:
        found = []
        for detail in error.errors(include_url=False):
            why = explain(kind.model, kind.name, detail, sheet=not record.json, json=record.json)
            found.append(_cell_problem(why.code, record.origin(why.loc), why.message, why.hint, why.example))
        return keys, found
    return source, _repeated(record, source)


def _repeated(record: Incoming, source: BaseModel) -> list[Diagnostic]:
    """A value listed again in a list of the record (S207, as validate finds it), at its cell."""
    found = []
    for where, first in islice(repeated_items(source), MOST_PROBLEMS):  # as validate lists them
        place, first_place = record.origin(where), record.origin(first)
        again = "in the same cell" if first_place == place else f"(first at {first_place})"
        message = f"{repeated_item(source, where)} is listed again {again}"
        found.append(_cell_problem("S207", place, message, repeated_hint(where)))
    return found


def _reserved(record_id: str) -> tuple[str, str]:
    return (
        f"'{record_id}' is a name Windows keeps for a device: a record file of that name cannot be "
        "checked out there",
        f"choose another id, such as {record_id}-1",
    )


def _json_value(model: BaseModel) -> dict[str, Any]:
    value: dict[str, Any] = model.model_dump(mode="json", exclude_unset=True)
    return value


def plan(
    incoming: list[Incoming], loaded: LoadedRecords, afters: Values
) -> tuple[list[Change], list[Diagnostic]]:
    """The files the import changes or creates, with their texts (records that did not change are left
    out), and the files it cannot rewrite, each at its place (Y124: nothing is written then)."""
    changes = []
    unwritable = []
    for record in incoming:
        kind = KINDS[record.kind]
        after = afters[(record.kind, record.id)]
        new = _json_value(kind.model.model_validate(_front_matter(kind, after)))
        text = after.get(TEXT) if kind.markdown else None
        existing = loaded.find(record.kind, record.id)
        if existing is None:
            path = new_record_path(loaded.root, kind, record.id)
            given = as_written(text)
            written = record_text(kind, new, path, loaded.root, text_given=given is not None)
            if given is not None:
                written = with_text(written, given)
            changes.append(Change(path, None, written))
            continue
        old = _json_value(existing.record) if existing.record is not None else None
        same_text = not kind.markdown or is_unchanged(text, text_of(existing.body))
        if old == new and same_text:
            continue
        before = file_text(existing.path)
        after_text = normal_line_endings(before)  # written with LF, as fmt writes every file
        if old != new:
            try:
                after_text = rewritten(before, kind.name, new, old or {}, existing.path, loaded.root)
            except YamlProblem as problem_found:
                where = Location(existing.shown, problem_found.line, problem_found.column)
                unwritable.append(
                    Diagnostic(problem(problem_found.code), where, problem_found.message, problem_found.hint)
                )
                continue
        if not same_text:
            # Only what follows the front matter: its keys and comments stay as they were written.
            after_text = with_text(after_text, as_written(text))
        changes.append(Change(existing.path, before, after_text))
    return changes, unwritable


_TEXT_HINT = "a meeting's outcome or a report's narrative, as it follows the front matter in its file"


def _front_matter(kind: RecordKind, values: dict[str, Any]) -> dict[str, Any]:
    """A record's values without its Markdown text: what its model checks and its front matter holds."""
    if not kind.markdown or TEXT not in values:
        return values
    return {key: value for key, value in values.items() if key != TEXT}
