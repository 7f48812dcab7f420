"""Load a data repository: every record file read, parsed and checked against its schema."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from res191.checks.schema import validate_record
from res191.diagnostics import Diagnostic, Location, problem
from res191.loading.files import FileProblem, FoundFile, RecordFile, check_link, read_text, shown_path
from res191.loading.frontmatter import split_front_matter
from res191.loading.positions import Position, locate, shallow_positions
from res191.loading.yaml12 import Document, YamlProblem, parse_yaml
from res191.models import KINDS, RecordKind


@dataclass
class LoadedRecord:
    """One record file: its model when it passed its schema, and the id it declares."""

    file: RecordFile
    record: BaseModel | None = None
    declared_id: str | None = None  # the `id:` written in the file, when it is text
    parsed: bool = False  # whether the file parsed into a mapping at all
    body: str = ""  # the Markdown after the front matter of a meeting: its outcome
    document: Document | None = field(default=None, repr=False)
    _shallow: dict[tuple[str | int, ...], tuple[Position, Position]] | None = field(default=None, repr=False)

    @property
    def raw(self) -> dict[str, Any] | None:
        """The mapping read from the file, while it is kept (for records that failed their schema)."""
        value = self.document.value if self.document is not None else None
        return value if isinstance(value, dict) else None

    @functools.cached_property
    def id(self) -> str:
        """The record's id, which is its file name without the ending."""
        return self.file.path.stem

    def locate(self, path: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
        """Line and column of a value (or its key) in the file, parsing it again if need be.

        A record that passed its schema gives up its node tree: most never need a position, and
        keeping them all costs more than parsing the few that do once more. What that parse finds
        near the top of the record is kept, small, for the next question.
        """
        if self.document is not None:
            return locate(self.document, path, at_key)
        if self._shallow is None or (path not in self._shallow and len(path) <= 2):
            document = self._reparse()
            if document is None:
                return 1, 1  # the file changed under us and no longer parses: point at its start
            self._shallow = shallow_positions(document)
            if path not in self._shallow:
                return locate(document, path, at_key)
        if path in self._shallow:
            key, value = self._shallow[path]
            return key if at_key else value
        document = self._reparse()
        return locate(document, path, at_key) if document is not None else (1, 1)

    def _reparse(self) -> Document | None:
        try:
            return _parse_file(self.file)[0]
        except (FileProblem, YamlProblem):
            return None


@dataclass
class Repository:
    """What was loaded, and every problem met on the way."""

    root: Path
    records: list[LoadedRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[LoadedRecord]:
        """The loaded records of one kind, in file order."""
        return [r for r in self.records if r.file.kind.name == kind]


def _parse_file(file: RecordFile) -> tuple[Document, str, bool]:
    """The file's YAML document, its Markdown body and whether it had a byte-order mark."""
    text, bom = read_text(file.path)
    if not file.kind.markdown:
        return parse_yaml(text), "", bom
    front = split_front_matter(text)
    return parse_yaml(front.yaml, line_offset=front.first_line), front.body, bom


def load_record(
    file: RecordFile, root: Path, positions: bool = False
) -> tuple[LoadedRecord, list[Diagnostic]]:
    """Read, parse and schema-check one file; every problem becomes a diagnostic, none escapes.

    With positions, the record keeps where its top-level keys and their items are, for commands
    that point at many records (overlaps) without parsing them again.
    """
    loaded = LoadedRecord(file)
    found: list[Diagnostic] = []
    try:
        if file.is_link:
            check_link(file.path, root)
        document, loaded.body, bom = _parse_file(file)
    except (FileProblem, YamlProblem) as error:
        related = tuple(Location(file.shown, line, col) for line, col in getattr(error, "related", []))
        where = Location(file.shown, error.line, error.column)
        return loaded, [Diagnostic(problem(error.code), where, error.message, error.hint, related=related)]
    if bom:
        found.append(
            Diagnostic(
                problem("Y116"),
                Location(file.shown),
                "the file starts with a byte-order mark (BOM)",
                "save it as UTF-8 without BOM; some tools show the mark as stray characters",
            )
        )
    loaded.document = document
    first_line = 1 + document.line_offset
    if document.value is None:
        message = "the file holds no record" if not file.kind.markdown else "the front matter holds no record"
        hint = f"start with the record's id, e.g. id: {file.path.stem}"
        found.append(Diagnostic(problem("Y110"), Location(file.shown, first_line), message, hint))
        return loaded, found
    if not isinstance(document.value, dict):
        held = "list" if isinstance(document.value, list) else "single value"
        found.append(
            Diagnostic(
                problem("Y115"),
                Location(file.shown, first_line),
                f"the file holds a {held}, not a record",
                "a record is a mapping of keys to values, one `key: value` per line",
                f"id: {file.path.stem}",
            )
        )
        return loaded, found
    loaded.parsed = True
    declared = document.value.get("id")
    loaded.declared_id = declared if isinstance(declared, str) else None
    loaded.record, schema_problems = validate_record(file, document)
    if loaded.record is not None:
        if positions:
            loaded._shallow = shallow_positions(document)
        loaded.document = None
    return loaded, found + schema_problems


def load_repository(root: Path, cwd: Path, files: Iterable[FoundFile], positions: bool = False) -> Repository:
    """Load the record files among files; any other file under data/ gets a warning."""
    repository = Repository(root)
    for found in files:
        shown = shown_path(found.path, cwd)
        if not found.is_record or found.kind is None:
            if not found.is_note:
                repository.diagnostics.append(not_a_record(shown, found.kind))
            continue
        record_file = RecordFile(found.path, shown, found.kind, found.is_link)
        loaded, problems = load_record(record_file, root, positions)
        repository.records.append(loaded)
        repository.diagnostics.extend(problems)
    return repository


def not_a_record(shown: Path, kind: RecordKind | None) -> Diagnostic:
    """The warning for a file under data/ that is not a record and so is not checked."""
    if kind is None:
        folders = ", ".join(f"data/{k.folder}/" for k in KINDS.values())
        message = f"this file is outside the record folders ({folders}), so it is not checked"
    else:
        message = (
            f"records in data/{kind.folder}/ end in {' or '.join(kind.suffixes)}, so this file is not checked"
        )
    return Diagnostic(problem("Y118"), Location(shown), message, "rename it, or move it out of data/")
