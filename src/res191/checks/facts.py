"""What the checks across files need to know of each record: small, plain and cacheable.

The checks across files (ids, references, ITU's rules, reports) run on the whole repository every
time. They read these facts rather than the records, so that a record unchanged since the last run
need not be parsed again (the facts come from the cache), and so that worker processes send back
little. The facts of a kind are plain JSON values: lists, text, numbers, true/false.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict, cast

if TYPE_CHECKING:  # only for the type hints: a run from the cache builds no model and parses nothing
    from pydantic import BaseModel

    from res191.loading.key_places import KeyPlaces, Loc
    from res191.loading.record import LoadedRecord
    from res191.models import Document, Meeting, Position, Report, Resolution, Theme


class ResolutionFacts(TypedDict):
    """What the checks know of a resolution."""

    conference: str  # a Conference's value
    calls: bool  # it calls for inter-Sector coordination
    sectors: list[str]  # the Sectors it concerns
    editions: list[tuple[int, str | None, bool]]  # (year, place, revised), as lists once cached
    history: list[tuple[str, str]]  # (session, outcome)


class ThemeFacts(TypedDict):
    """What the checks know of a theme."""

    resolutions: list[str]
    sectors: list[str]  # its tracker's Sectors and its lead
    focal: list[str]  # the Sectors with a focal point
    tracker_years: list[int]
    status: str | None
    status_as_of: str | None  # when the status was read: a year, or year and month
    since: str | None  # when it became a theme: a year, or year and month


class MeetingFacts(TypedDict):
    """What the checks know of a meeting: its body, name and days (ISO dates; end is start if one day)."""

    body: str
    name: str | None
    start: str
    end: str


class ReportTexts(TypedDict):
    purpose: str
    title: str | None


class ReportFacts(TypedDict):
    """What the checks know of a report to Council (dates as ISO text)."""

    year: int
    council_session: str
    document: str | None
    date: str | None
    agenda_item: str | None
    written_before: str | None
    texts: ReportTexts
    results_in: list[str]
    resolution: str
    references: list[str]
    annexes: list[str] | None


class PositionFacts(TypedDict):
    year: int
    meeting: str | None


class DocumentFacts(TypedDict):
    number: str | None
    year: int | None  # the year of its Council session, from its number


KindFacts = ResolutionFacts | ThemeFacts | MeetingFacts | ReportFacts | PositionFacts | DocumentFacts


@dataclass(slots=True)
class RecordFacts:
    """One record file as the checks across files see it."""

    kind: str
    id: str  # the file name without its ending
    path: str  # absolute
    shown: str  # as the user sees it
    declared_id: str | None
    parsed: bool  # the file is a YAML mapping
    valid: bool  # the record passed its schema
    refs: list[tuple[Loc, str, str]] = field(default_factory=list)  # (where, kind referred to, id)
    # The facts of its kind, when valid (empty otherwise): read them through the typed properties below.
    data: KindFacts | dict[str, Any] = field(default_factory=dict)
    omitted: int = 0  # problems not listed because the file had too many
    # Where its top-level keys and its references are: a problem found across files is placed from
    # these without parsing the file again. Not cached: they would double the cache; the cache keeps
    # instead the few places the checks across files asked for (see ResultCache.place).
    positions: KeyPlaces | None = field(default=None, repr=False)

    # The facts of each kind, typed; asked of a record of another kind, or an invalid one, they fail.
    @property
    def resolution(self) -> ResolutionFacts:
        return cast("ResolutionFacts", self._of("resolution"))

    @property
    def theme(self) -> ThemeFacts:
        return cast("ThemeFacts", self._of("theme"))

    @property
    def meeting(self) -> MeetingFacts:
        return cast("MeetingFacts", self._of("meeting"))

    @property
    def report(self) -> ReportFacts:
        return cast("ReportFacts", self._of("report"))

    @property
    def position(self) -> PositionFacts:
        return cast("PositionFacts", self._of("position"))

    @property
    def document(self) -> DocumentFacts:
        return cast("DocumentFacts", self._of("document"))

    def _of(self, kind: str) -> KindFacts | dict[str, Any]:
        if self.kind != kind or not self.valid:
            raise ValueError(f"{self.shown} holds no facts of a valid {kind}")
        return self.data

    def as_json(self) -> list[Any]:
        """A compact form for the cache."""
        refs = [[list(loc), kind, ref] for loc, kind, ref in self.refs]
        return [self.kind, self.declared_id, self.parsed, self.valid, refs, self.data, self.omitted]

    @classmethod
    def from_json(cls, value: list[Any], path: str, shown: str, record_id: str) -> RecordFacts:
        """The facts as they were cached; a malformed value raises, and the cache entry is not used."""
        kind, declared, parsed, valid, refs, data, omitted = value
        loaded_refs = [(tuple(loc), str(ref_kind), str(ref)) for loc, ref_kind, ref in refs]
        if not isinstance(data, dict) or not isinstance(kind, str):
            raise ValueError("facts must be a mapping")
        return cls(kind, record_id, path, shown, declared, bool(parsed), bool(valid), loaded_refs, data,
                   int(omitted))  # fmt: skip


def resolution_facts(record: Resolution) -> ResolutionFacts:
    """The facts of a resolution."""
    return {
        "conference": record.conference.value,
        "calls": bool(record.calls_for_coordination),
        "sectors": sorted(s.value for s in record.concerned_sectors),
        "editions": [(e.year, e.place, e.revised) for e in record.editions],
        "history": [(h.session, h.outcome) for h in record.history],
    }


def theme_facts(record: Theme) -> ThemeFacts:
    """The facts of a theme."""
    involved = {a.sector.value for a in record.tracker}
    if record.lead is not None:
        involved.add(record.lead.value)
    return {
        "resolutions": list(record.resolutions),
        "sectors": sorted(involved),
        "focal": sorted({f.sector.value for f in record.focal_points}),
        "tracker_years": sorted({a.year for a in record.tracker}),
        "status": record.status,
        "status_as_of": record.status_as_of,
        "since": record.since,
    }


def _meeting(record: Meeting) -> MeetingFacts:
    end = record.end or record.start
    return {
        "body": record.body,
        "name": record.name,
        "start": record.start.isoformat(),
        "end": end.isoformat(),
    }


def _report(record: Report) -> ReportFacts:
    return {
        "year": record.year,
        "council_session": record.council_session,
        "document": record.document,
        "date": record.date.isoformat() if record.date else None,
        "agenda_item": record.agenda_item,
        "written_before": record.written_before.isoformat() if record.written_before else None,
        "texts": {"purpose": record.purpose, "title": record.title},
        "results_in": list(record.results_in),
        "resolution": record.resolution,
        "references": list(record.references),
        "annexes": None if record.annexes is None else list(record.annexes),
    }


def _position(record: Position) -> PositionFacts:
    return {"year": record.year, "meeting": record.meeting}


def _document(record: Document) -> DocumentFacts:
    return {"number": record.number, "year": record.of_year}


# Bodies and the kinds not listed have no facts the checks read beyond their references.
_OF_KIND: dict[str, Callable[[Any], KindFacts]] = {
    "resolution": resolution_facts,
    "theme": theme_facts,
    "meeting": _meeting,
    "report": _report,
    "position": _position,
    "document": _document,
}


def facts_of(loaded: LoadedRecord) -> RecordFacts:
    """The facts of a loaded record; references are taken even from a record that failed its schema."""
    from res191.models.common import iter_references

    record: BaseModel | None = loaded.record
    source: BaseModel | dict[str, Any] | None = record if record is not None else loaded.raw
    refs = list(iter_references(loaded.kind.model, source)) if source is not None else []
    describe = _OF_KIND.get(loaded.kind.name)
    data: KindFacts | dict[str, Any] = describe(record) if record is not None and describe is not None else {}
    file = loaded.file
    # Where its keys and its references are: what a problem across files points at.
    found = loaded.key_places
    places = None if found is None else found.keeping({loc for loc, _, _ in refs})
    return RecordFacts(loaded.kind.name, file.stem, file.path, loaded.shown, loaded.declared_id,
                       loaded.parsed, record is not None, refs, data, loaded.omitted, places)  # fmt: skip
