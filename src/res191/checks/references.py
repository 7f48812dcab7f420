"""Checks across files: ids that match file names, duplicate ids, references to unknown records."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from res191.diagnostics import Diagnostic, Location, problem
from res191.index import RecordIndex
from res191.loading.files import shown_path
from res191.models import KINDS, iter_references
from res191.models.common import ID_PATTERN
from res191.repository import LoadedRecord

ID = re.compile(ID_PATTERN)


def check_ids(records: Iterable[LoadedRecord], index: RecordIndex, cwd: Path) -> Iterator[Diagnostic]:
    """An id must equal its file name, and no two records of a kind may share one."""
    for loaded in records:
        if not loaded.parsed:
            continue
        declared = loaded.declared_id
        if declared is not None and declared != loaded.id:
            line, col = loaded.locate(("id",))
            yield Diagnostic(
                problem("X301"),
                Location(loaded.file.shown, line, col),
                f"the id '{declared}' does not match the file name '{loaded.file.path.name}'",
                "other records refer to this one by its file name; make the two the same",
                f"id: {loaded.id}",
            )
        others = [p for p in index.paths(loaded.file.kind.name, loaded.id) if p != loaded.file.path]
        if others:
            line, col = loaded.locate(("id",))
            yield Diagnostic(
                problem("X302"),
                Location(loaded.file.shown, line, col),
                f"another {loaded.file.kind.name} has the id '{loaded.id}': {shown_path(others[0], cwd)}",
                "ids must be unique within a kind of record; rename one of the files and its id",
                related=tuple(Location(shown_path(p, cwd)) for p in others),
            )


def check_references(records: Iterable[LoadedRecord], index: RecordIndex) -> Iterator[Diagnostic]:
    """Every id a record refers to must name a record of the right kind, valid record or not."""
    for loaded in records:
        data = loaded.record if loaded.record is not None else loaded.raw
        if data is None:
            continue
        for loc, kind, ref in iter_references(loaded.file.kind.model, data):
            if index.exists(kind, ref) or not ID.fullmatch(ref):
                continue  # an id of the wrong form is already a schema error
            known = list(index.ids[kind])
            close = difflib.get_close_matches(ref, known, n=1, cutoff=0.7)
            folder = KINDS[kind].folder
            hint = f"did you mean '{close[0]}'? " if close else ""
            hint += f"the {kind} must exist as data/{folder}/{ref}{KINDS[kind].suffixes[0]}"
            line, col = loaded.locate(loc)
            yield Diagnostic(
                problem("X303"),
                Location(loaded.file.shown, line, col),
                f"no {kind} has the id '{ref}'",
                hint,
            )
