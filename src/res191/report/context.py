"""Everything a report template may show, computed from the records of the data repository."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from res191.loading.record import LoadedRecords
from res191.models import Body, Conference, Meeting, Report, Resolution, Sector, Theme
from res191.models.theme import Activity, FocalPoint
from res191.report.narrative import split_sections
from res191.wording import join_and

if TYPE_CHECKING:
    from res191.overlaps.findings import Finding

CONFERENCE_NAMES = {
    Conference.PP: "the Plenipotentiary Conference",
    Conference.WTSA: "the World Telecommunication Standardization Assembly",
    Conference.WTDC: "the World Telecommunication Development Conference",
    Conference.RA: "the Radiocommunication Assembly",
    Conference.WRC: "the World Radiocommunication Conference",
    Conference.COUNCIL: "the Council",
}
SECTOR_COLUMNS = [Sector.ITU_R, Sector.ITU_T, Sector.ITU_D, Sector.GS]
MAPPED_CONFERENCES = [Conference.PP, Conference.WTSA, Conference.WTDC, Conference.RA, Conference.WRC]


class ReportError(Exception):
    """The records cannot make the report: what is missing, and where to add it."""


@dataclass(frozen=True)
class MeetingInReport:
    """A meeting of the reporting period, with the body it was held with and its tense."""

    meeting: Meeting
    held_with: Body | None
    planned: bool  # after the document's date: written as "will have met"


@dataclass(frozen=True)
class Alike:
    """What all the meetings of a list share; None where they differ."""

    venue: str | None
    remote_participation: bool | None
    captioning: bool | None
    platform: str | None

    @classmethod
    def of(cls, meetings: list[Meeting]) -> Alike:
        """The facts every one of the meetings has in common."""

        def shared(name: str) -> Any:
            values = {getattr(m, name) for m in meetings}
            return values.pop() if len(values) == 1 else None

        return cls(*(shared(name) for name in ("venue", "remote_participation", "captioning", "platform")))


@dataclass(frozen=True)
class ProposedTheme:
    """A theme taken up in the report's year, and the body that proposed it."""

    theme: Theme
    proposed_by: Body | None


@dataclass(frozen=True)
class ThemeRow:
    """A line of an annex: a theme with its focal points, resolutions and activities."""

    theme: Theme
    focal_points: dict[str, list[FocalPoint]]  # by Sector value
    citations: dict[str, list[str]]  # by conference value
    activities: dict[str, list[Activity]]  # this year's, by Sector value

    @property
    def has_activities(self) -> bool:
        """Whether the tracker holds any activity of the report's year for this theme."""
        return any(self.activities.values())


@dataclass
class ReportContext:
    """The facts of one year's report, as the templates see them."""

    report: Report
    year: int
    council: Meeting
    previous_council: Meeting | None
    narrative: dict[str, str]
    references: str
    isc_tf: Body | None
    iscg: Body | None
    iscg_meetings: list[MeetingInReport]
    iscg_alike: Alike
    iscg_topics: list[Theme]
    proposed_themes: list[ProposedTheme]
    reports_to: list[Body]
    theme_rows: list[ThemeRow]
    annexes: list[str]
    overlaps: list[Finding] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)

    def as_template_variables(self) -> dict[str, Any]:
        """The context as the keyword arguments of a template's render()."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def references_line(resolutions: list[Resolution], year: int) -> str:
    """The summary box's References: citations grouped by conference, as the seed writes them."""
    groups: dict[Conference, list[str]] = {}
    for resolution in resolutions:
        groups.setdefault(resolution.conference, []).append(resolution.citation(resolution.edition_in(year)))
    return "; ".join(f"{join_and(cited)} of {CONFERENCE_NAMES[conf]}" for conf, cited in groups.items())


def build_context(repository: LoadedRecords, year: int) -> ReportContext:
    """The context of the report for a year; ReportError when a record it needs is missing."""
    records: dict[tuple[str, str], Any] = {
        (r.kind.name, r.id): r for r in repository.records if r.record is not None
    }

    def record(kind: str, record_id: str) -> Any:
        loaded = records.get((kind, record_id))
        return loaded.record if loaded is not None else None

    reports = [
        r for r in repository.of_kind("report") if isinstance(r.record, Report) and r.record.year == year
    ]
    if not reports:
        raise ReportError(
            f"there is no report record for {year}: add data/reports/{year}.md "
            f"(copy last year's and change its front matter and narrative)"
        )
    loaded_report = reports[0]
    report = loaded_report.record
    assert isinstance(report, Report)

    council = record("meeting", report.council_session)
    if not isinstance(council, Meeting):
        raise ReportError(
            f"the report for {year} goes to '{report.council_session}', which is no meeting record"
        )
    meetings = sorted(
        (m for m in (r.record for r in repository.of_kind("meeting")) if isinstance(m, Meeting)),
        key=lambda m: m.start,
    )
    earlier = [m for m in meetings if m.body == council.body and m.start < council.start]
    previous = earlier[-1] if earlier else None

    references: list[Resolution] = []
    for ref in report.references:
        resolution = record("resolution", ref)
        if not isinstance(resolution, Resolution):
            raise ReportError(f"the report for {year} cites '{ref}', which is no resolution record")
        references.append(resolution)

    bodies = {r.id: r.record for r in repository.of_kind("body") if isinstance(r.record, Body)}
    iscg, isc_tf = bodies.get("iscg"), bodies.get("isc-tf")
    period_start = (previous.end or previous.start) if previous else date(year - 1, 1, 1)
    period_end = council.start
    iscg_meetings = [
        MeetingInReport(
            m, bodies.get(m.in_conjunction_with or ""), report.date is not None and m.start > report.date
        )
        for m in meetings
        if m.body == "iscg" and period_start < m.start <= period_end
    ]
    themes = [t for t in (r.record for r in repository.of_kind("theme")) if isinstance(t, Theme)]
    proposed = [
        ProposedTheme(t, bodies.get(t.proposed_by or ""))
        for t in themes
        if year in t.iscg_topic_years and t.since is not None and t.since.startswith(str(year))
    ]
    proposed_ids = {p.theme.id for p in proposed}
    topics = [t for t in themes if year in t.iscg_topic_years and t.id not in proposed_ids]
    resolutions = {
        r.id: r.record for r in repository.of_kind("resolution") if isinstance(r.record, Resolution)
    }

    return ReportContext(
        report=report,
        year=year,
        council=council,
        previous_council=previous,
        narrative=split_sections(loaded_report.body),
        references=references_line(references, year),
        isc_tf=isc_tf,
        iscg=iscg,
        iscg_meetings=iscg_meetings,
        iscg_alike=Alike.of([m.meeting for m in iscg_meetings]),
        iscg_topics=topics,
        proposed_themes=proposed,
        reports_to=[bodies[b] for b in (iscg.reports_to if iscg else []) if b in bodies],
        theme_rows=[_row(t, resolutions, year) for t in themes if t.status != "retired"],
        annexes=list(report.annexes),
        overlaps=_overlaps(repository, year) if "overlaps" in report.annexes else [],
        bodies=bodies,
    )


def _overlaps(repository: LoadedRecords, year: int) -> list[Finding]:
    # Imported here: only a report with this annex pays for the similarity of every resolution.
    from res191.overlaps.find import find_overlaps

    return find_overlaps(repository, year)


def _row(theme: Theme, resolutions: dict[str, Resolution], year: int) -> ThemeRow:
    citations: dict[str, list[str]] = {c.value: [] for c in MAPPED_CONFERENCES}
    for ref in theme.resolutions:
        resolution = resolutions.get(ref)
        if resolution is not None and resolution.conference in MAPPED_CONFERENCES:
            citations[resolution.conference.value].append(resolution.citation(resolution.edition_in(year)))
    return ThemeRow(
        theme=theme,
        focal_points={s.value: [f for f in theme.focal_points if f.sector is s] for s in SECTOR_COLUMNS},
        citations=citations,
        activities={
            s.value: [a for a in theme.tracker if a.sector is s and a.year == year] for s in SECTOR_COLUMNS
        },
    )
