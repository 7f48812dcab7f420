"""Load one record file: read it, split its front matter, parse its YAML, check it against its schema.

This is the one path every command takes to a record; every problem on the way becomes a
diagnostic, and none escapes as an exception.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from res191.diagnostics import MOST_PROBLEMS, Diagnostic, Location, problem
from res191.json_schemas import declared_schema
from res191.loading.explain import validate_record
from res191.loading.files import FileProblem, FoundFile, check_link, decode, not_regular, read_text
from res191.loading.frontmatter import split_front_matter
from res191.loading.key_places import KeyPlaces, LineColumn, Loc
from res191.loading.locator import Locator, find_key_places
from res191.loading.yaml12 import Document, parse_yaml
from res191.loading.yaml_problems import CONTROL, YamlProblem, control_character
from res191.models import KINDS, RecordKind, Sessions, conference_sessions, id_from_name


@dataclass(slots=True)
class LoadedRecord:
    """One record file: its model when it passed its schema, and what it declares."""

    file: FoundFile
    shown: str  # the path as the user sees it
    kind: RecordKind
    record: BaseModel | None = None
    declared_id: str | None = None  # the `id:` written in the file, when it is text
    parsed: bool = False  # whether the file parsed into a mapping at all
    body: str = ""  # the Markdown after the front matter
    body_line: int = 1  # the line the Markdown starts on
    schema: str | None = None  # the schema its modeline names (YAML records)
    raw: dict[str, Any] | None = field(default=None, repr=False)  # kept when the schema failed
    omitted: int = 0  # problems found beyond MOST_PROBLEMS, not listed
    _key_places: KeyPlaces | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        """The record's id, which is its file name without the ending."""
        return self.file.stem

    @property
    def key_places(self) -> KeyPlaces | None:
        """Where the top-level keys and their items are, if that was kept."""
        return self._key_places

    @property
    def path(self) -> Path:
        """The file's absolute path."""
        return Path(self.file.path)

    def locate(self, path: Loc, at_key: bool = False) -> LineColumn:
        """Line and column of a value (or its key) in the file, parsing it again if need be.

        Most records never need a position, so the node tree is not kept; what a parse finds
        near the top of the record is kept, small, for the next question.
        """
        places = self._key_places
        if places is not None and path in places:
            key, value = places[path]
            return key if at_key else value
        document = self._reparse()
        if document is None:
            return 1, 1  # the file changed under us and no longer parses: point at its start
        self._key_places = find_key_places(document)
        return Locator(document).locate(path, at_key)

    def _reparse(self) -> Document | None:
        try:
            return parse_file(self.file.path, self.kind).document
        except (FileProblem, YamlProblem):
            return None


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A record file parsed: its YAML, the Markdown after it, and what its first lines say."""

    document: Document
    body: str = ""
    body_line: int = 1
    bom: bool = False
    size: int = 0  # characters
    schema: str | None = None  # the schema the modeline names, in a YAML record


def parse_file(path: str, kind: RecordKind, raw: bytes | None = None) -> ParsedFile:
    """Read and parse a record file (or its bytes, read already); FileProblem or YamlProblem when it
    cannot be. A key written twice does not stop it: the document holds it (Document.duplicates)."""
    text, bom = read_text(path) if raw is None else decode(raw)
    if not kind.markdown:
        return ParsedFile(
            parse_yaml(text, past_duplicates=True), bom=bom, size=len(text), schema=declared_schema(text)
        )
    front = split_front_matter(text)
    document = parse_yaml(front.yaml, line_offset=front.first_line, past_duplicates=True)
    found = CONTROL.search(front.body)
    if found:  # in the Markdown after the front matter, written into the file itself
        before = front.body[: found.start()]
        line = front.body_line + before.count("\n")
        raise control_character(found.group(), line, found.start() - before.rfind("\n"))
    return ParsedFile(document, front.body, front.body_line, bom, len(text))


def load_record(
    file: FoundFile, shown: str, root: Path, positions: bool = False, raw: bytes | None = None
) -> tuple[LoadedRecord, list[Diagnostic]]:
    """Read, parse and schema-check one record file; every problem becomes a diagnostic.

    The record keeps where its top-level keys are, and the items of its top-level lists of plain values
    (a theme's resolutions): enough to place nearly every problem found across files. With positions,
    the items of every top-level list too (a theme's tracker), for commands that point at many
    records (overlaps) without parsing them again.
    """
    assert file.kind is not None, "only record files are loaded"
    loaded = LoadedRecord(file, shown, file.kind)
    found: list[Diagnostic] = []
    try:
        if not file.is_regular:
            raise not_regular(file.path)
        if file.is_link:
            check_link(Path(file.path), root)
        parsed = parse_file(file.path, file.kind, raw)
    except (FileProblem, YamlProblem) as error:
        return loaded, [_yaml_diagnostic(shown, error)]
    document, loaded.body, loaded.body_line = parsed.document, parsed.body, parsed.body_line
    loaded.schema = parsed.schema
    if parsed.bom:
        found.append(
            Diagnostic(
                problem("Y116"),
                Location(shown),
                "the file starts with a byte-order mark (BOM)",
                "save it as UTF-8 without BOM; some tools show the mark as stray characters",
            )
        )
    twice = document.duplicates
    found += [_yaml_diagnostic(shown, duplicate) for duplicate in twice[:MOST_PROBLEMS]]
    value = document.value
    first_line = 1 + document.line_offset
    if not isinstance(value, dict):
        found.append(_not_a_record(loaded, value, first_line))
        return loaded, found
    loaded.parsed = True
    declared = value.get("id")
    loaded.declared_id = declared if isinstance(declared, str) else None
    loaded.record, schema_problems, loaded.omitted = validate_record(
        file.kind, shown, document, max(0, MOST_PROBLEMS - len(twice))
    )
    loaded.omitted += max(0, len(twice) - MOST_PROBLEMS)
    if twice:  # checked with each key's last value, but not a record to work from
        loaded.record = None
    if loaded.record is None:
        loaded.raw = value
    # Where the top-level keys and list items are: small, and enough to place nearly every problem
    # the checks across files find (a broken reference in a theme's list) without parsing it again.
    loaded._key_places = find_key_places(document, every_list=positions)
    return loaded, found + schema_problems


def _yaml_diagnostic(shown: str, error: FileProblem | YamlProblem) -> Diagnostic:
    related = tuple(Location(shown, line, col) for line, col in getattr(error, "related", []))
    where = Location(shown, error.line, error.column)
    return Diagnostic(problem(error.code), where, error.message, error.hint, related=related)


def _not_a_record(loaded: LoadedRecord, value: Any, line: int) -> Diagnostic:
    suggested = id_from_name(loaded.id) or "pp-191"
    if value is None:
        markdown = loaded.kind.markdown
        message = "the front matter holds no record" if markdown else "the file holds no record"
        hint = f"start with the record's id, e.g. id: {suggested}"
        return Diagnostic(problem("Y110"), Location(loaded.shown, line), message, hint)
    held = "list" if isinstance(value, list) else "single value"
    return Diagnostic(
        problem("Y115"),
        Location(loaded.shown, line),
        f"the file holds a {held}, not a record",
        "a record is a mapping of keys to values, one `key: value` per line",
        f"id: {suggested}",
    )


class ValuePlaces:
    """Where values are in record files that were loaded earlier (or in another process, or cached).

    A file is parsed again the first time a check asks about it, and its tree kept for the next
    question: only the few files with a problem across files are ever parsed twice.
    """

    def __init__(self, known: dict[str, KeyPlaces] | None = None) -> None:
        self._locators: dict[str, Locator | None] = {}
        self._known = known or {}

    def locate(self, path: str, kind: RecordKind, loc: Loc, at_key: bool = False) -> LineColumn:
        """Line and column of the value at loc (or of its key) in the file at path."""
        places = self._known.get(path)
        if places is not None and () in places and (loc in places or len(loc) <= 1):
            # A top-level key or list item, or a missing key: then, as Locator does, the mapping.
            key, value = places.get(loc, places[()])
            return key if at_key else value
        if path not in self._locators:
            try:
                self._locators[path] = Locator(parse_file(path, kind).document)
            except (FileProblem, YamlProblem):
                self._locators[path] = None
        locator = self._locators[path]
        return locator.locate(loc, at_key) if locator is not None else (1, 1)


def not_a_record(file: FoundFile, shown: str, root: Path | None = None) -> Diagnostic:
    """The diagnostic for an entry under data/ that is not a record, and so is not checked."""
    if not file.is_regular:
        trouble = not_regular(file.path)
        return Diagnostic(problem(trouble.code), Location(shown), trouble.message, trouble.hint)
    if file.is_link and root is not None:
        try:
            check_link(Path(file.path), root)  # a linked folder: its records are not read either
        except FileProblem as trouble:
            return Diagnostic(problem(trouble.code), Location(shown), trouble.message, trouble.hint)
        if Path(file.path).is_dir():
            message = "this is a link to a folder: links are not followed, so its records are not checked"
            return Diagnostic(problem("Y118"), Location(shown), message, "move the records into data/ itself")
    kind = file.kind
    if kind is None:
        folders = ", ".join(f"data/{k.folder}/" for k in KINDS.values())
        message = f"this file is outside the record folders ({folders}), so it is not checked"
    else:
        message = (
            f"records in data/{kind.folder}/ end in {' or '.join(kind.suffixes)}, so this file is not checked"
        )
    return Diagnostic(problem("Y118"), Location(shown), message, "rename it, or move it out of data/")


Model = TypeVar("Model", bound=BaseModel)


@dataclass
class LoadedRecords:
    """The records of a repository as loaded, for the commands that work from them."""

    root: Path
    records: list[LoadedRecord]
    _valid: dict[str, dict[str, BaseModel]] | None = field(default=None, repr=False)
    _by_id: dict[tuple[str, str], LoadedRecord] | None = field(default=None, repr=False)
    _all: dict[tuple[str, type[BaseModel]], dict[str, Any]] = field(default_factory=dict, repr=False)
    _sessions: Sessions | None = field(default=None, repr=False)

    def sessions(self) -> Sessions:
        """The sessions of each conference recorded (meetings of the conference bodies): what dates the
        editions and says which later sessions are accounted for (see models/in_force.py)."""
        if self._sessions is None:
            from res191.models import Meeting

            meetings = self.all("meeting", Meeting).values()
            held = ((m.body, m.id, m.name, m.start, m.end or m.start) for m in meetings)
            self._sessions = conference_sessions(held)
        return self._sessions

    def of_kind(self, kind: str) -> list[LoadedRecord]:
        """The loaded records of one kind, valid or not, in file order."""
        return [r for r in self.records if r.kind.name == kind]

    def _index(self) -> dict[str, dict[str, BaseModel]]:
        if self._valid is None:
            self._valid = {}
            for loaded in self.records:
                if loaded.record is not None:
                    self._valid.setdefault(loaded.kind.name, {})[loaded.id] = loaded.record
        return self._valid

    def all(self, kind: str, model: type[Model]) -> dict[str, Model]:
        """Every valid record of a kind, by id, in file order (the same dict each time: do not change it)."""
        key = (kind, model)
        if key not in self._all:
            self._all[key] = {i: r for i, r in self._index().get(kind, {}).items() if isinstance(r, model)}
        return self._all[key]

    def get(self, kind: str, record_id: str, model: type[Model]) -> Model | None:
        """One valid record of a kind, or None."""
        found = self._index().get(kind, {}).get(record_id)
        return found if isinstance(found, model) else None

    def read_as(self, read: Callable[[str, BaseModel], BaseModel]) -> LoadedRecords:
        """The same records, each valid one as `read(kind, record)` gives it (the report in another language
        reads each text in it); the conference sessions as they are."""
        index = {
            kind: {i: read(kind, r) for i, r in records.items()} for kind, records in self._index().items()
        }
        return LoadedRecords(self.root, self.records, _valid=index, _sessions=self.sessions())

    def find(self, kind: str, record_id: str) -> LoadedRecord | None:
        """The loaded record of a kind and id, valid or not (the first, where two files claim the id)."""
        if self._by_id is None:
            self._by_id = {}
            for record in self.records:
                self._by_id.setdefault((record.kind.name, record.id), record)
        return self._by_id.get((kind, record_id))
