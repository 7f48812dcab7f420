"""Load a data repository: every record file read, parsed and checked against its schema."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from res191.checks.schema import validate_record
from res191.diagnostics import Diagnostic, Location, problem
from res191.loading.files import (
    FileProblem,
    RecordFile,
    check_link,
    is_record_file,
    kind_of,
    list_files,
    read_text,
    shown_path,
)
from res191.loading.frontmatter import split_front_matter
from res191.loading.yaml12 import Document, YamlProblem, parse_yaml
from res191.models import KINDS, RecordKind


@dataclass
class LoadedRecord:
    """One record file: its parsed document and, when it passed the schema, its model."""

    file: RecordFile
    document: Document | None = None
    record: BaseModel | None = None
    body: str = ""  # the Markdown after the front matter of a meeting: its outcome

    @property
    def id(self) -> str:
        """The record's id, which is its file name without the ending."""
        return self.file.path.stem


@dataclass
class Repository:
    """What was loaded, and every problem met on the way."""

    root: Path
    records: list[LoadedRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[LoadedRecord]:
        """The loaded records of one kind, in file order."""
        return [r for r in self.records if r.file.kind.name == kind]


def load_record(file: RecordFile, root: Path) -> tuple[LoadedRecord, list[Diagnostic]]:
    """Read, parse and schema-check one file; every problem becomes a diagnostic, none escapes."""
    loaded = LoadedRecord(file)
    found: list[Diagnostic] = []
    try:
        check_link(file.path, root)
        text, bom = read_text(file.path)
        if bom:
            found.append(
                Diagnostic(
                    problem("Y116"),
                    Location(file.shown),
                    "the file starts with a byte-order mark (BOM)",
                    "save it as UTF-8 without BOM; some tools show the mark as stray characters",
                )
            )
        yaml_text, offset = text, 0
        if file.kind.markdown:
            front = split_front_matter(text)
            yaml_text, offset, loaded.body = front.yaml, front.first_line, front.body
        document = parse_yaml(yaml_text, line_offset=offset)
    except (FileProblem, YamlProblem) as error:
        related = tuple(Location(file.shown, line, col) for line, col in getattr(error, "related", []))
        found.append(
            Diagnostic(
                problem(error.code),
                Location(file.shown, error.line, error.column),
                error.message,
                error.hint,
                related=related,
            )
        )
        return loaded, found
    loaded.document = document
    if document.value is None:
        message = "the file holds no record" if offset == 0 else "the front matter holds no record"
        found.append(
            Diagnostic(
                problem("Y110"),
                Location(file.shown, 1 + offset),
                message,
                f"start with the record's id, e.g. id: {file.path.stem}",
            )
        )
        return loaded, found
    if not isinstance(document.value, dict):
        found.append(
            Diagnostic(
                problem("Y115"),
                Location(file.shown, 1 + offset),
                f"the file holds a {'list' if isinstance(document.value, list) else 'single value'}, "
                f"not a record",
                "a record is a mapping of keys to values, one `key: value` per line",
                f"id: {file.path.stem}",
            )
        )
        return loaded, found
    loaded.record, schema_problems = validate_record(file, document)
    return loaded, found + schema_problems


def load_repository(root: Path, cwd: Path, paths: Iterable[Path] | None = None) -> Repository:
    """Load every record under root/data, or only those under the given paths."""
    repository = Repository(root)
    for path in list_files(root, paths):
        kind = kind_of(path, root)
        shown = shown_path(path, cwd)
        if kind is None or not is_record_file(path, kind):
            if path.name not in ("README.md", ".gitkeep"):
                repository.diagnostics.append(_not_a_record(path, shown, kind))
            continue
        loaded, found = load_record(RecordFile(path, shown, kind), root)
        repository.records.append(loaded)
        repository.diagnostics.extend(found)
    return repository


def _not_a_record(path: Path, shown: Path, kind: RecordKind | None) -> Diagnostic:
    if kind is None:
        folders = ", ".join(f"data/{k.folder}/" for k in KINDS.values())
        message = f"this file is outside the record folders ({folders}), so it is not checked"
    else:
        message = (
            f"records in data/{kind.folder}/ end in {' or '.join(kind.suffixes)}, so this file is not checked"
        )
    return Diagnostic(problem("Y118"), Location(shown), message, "rename it, or move it out of data/")
