"""What each part of a report takes from the records, as of the report's day: its record and Council
sessions, the background its resolution instructs, the resolutions and documents it cites, the body's
meetings, positions and topics of its period, the secretariat's initiatives, and each theme's row in the
annexes. report/context.py puts them together for the templates."""

from __future__ import annotations

from datetime import date

from res191.loading.of_day import position_expressed_by
from res191.loading.record import LoadedRecords
from res191.models import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Body,
    Cited,
    Conference,
    Document,
    Initiative,
    Meeting,
    Position,
    Report,
    Resolution,
    Sessions,
    Theme,
)
from res191.models.reporting import (
    Period,
)
from res191.models.rested_on import rested_on
from res191.rendering.bilingual import passed_on
from res191.rendering.localized import N_, Wording
from res191.report.parts import Background, CitedDocument, MeetingInReport, ProposedTheme, ThemeRow

CONFERENCE_NAMES = {
    Conference.PP: N_("the Plenipotentiary Conference"),
    Conference.WTSA: N_("the World Telecommunication Standardization Assembly"),
    Conference.WTDC: N_("the World Telecommunication Development Conference"),
    Conference.RA: N_("the Radiocommunication Assembly"),
    Conference.WRC: N_("the World Radiocommunication Conference"),
    Conference.COUNCIL: N_("the Council"),
}


class ReportError(Exception):
    """The records cannot make the report: what is missing, and where to add it."""


def find_report(records: LoadedRecords, year: int) -> tuple[Report, str, str]:
    """The report record of a year, its narrative and its file; ReportError when there is none."""
    for loaded in records.of_kind("report"):
        if isinstance(loaded.record, Report) and loaded.record.year == year:
            return loaded.record, loaded.body, loaded.shown
    raise ReportError(
        f"there is no report record for {year}: add data/reports/{year}.md "
        f"(copy last year's and change its front matter)"
    )


def council_sessions(records: LoadedRecords, report: Report) -> tuple[Meeting, Meeting | None]:
    """The Council session the report goes to, and the one before it (None if not recorded)."""
    council = records.get("meeting", report.council_session, Meeting)
    if council is None:
        raise ReportError(
            f"the report for {report.year} goes to '{report.council_session}', which is no meeting record"
        )
    earlier = [
        m
        for m in records.all("meeting", Meeting).values()
        if m.body == council.body and m.start < council.start
    ]
    return council, max(earlier, key=lambda m: m.start, default=None)


def background(
    records: LoadedRecords, resolution: Resolution, on: date, sessions: Sessions, words: Wording
) -> Background:
    """The resolution reported on, as it stands on the day, with the conference session that adopted the
    edition cited."""
    found = resolution.cited(on, sessions)
    session = None
    if found.edition is not None:
        year = found.edition.year
        session = next(
            (
                m
                for m in records.all("meeting", Meeting).values()
                if m.body == resolution.conference.body_id and (m.end or m.start).year == year
            ),
            None,
        )
    conference = records.get("body", resolution.conference.body_id, Body)
    return Background(
        resolution=resolution,
        cited=found,
        short=resolution.short,
        conference=conference.name
        if conference
        else passed_on(words.gettext(CONFERENCE_NAMES[resolution.conference]), _without_article),
        session=session,
        instructions=list(found.edition.instructs) if found.edition else [],
    )


def references_line(resolutions: list[Resolution], on: date, sessions: Sessions, words: Wording) -> str:
    """The summary box's References: citations grouped by conference, as Council documents write them."""
    groups: dict[Conference, list[str]] = {}
    for resolution in resolutions:
        groups.setdefault(resolution.conference, []).append(str(resolution.cited(on, sessions)))
    return "; ".join(
        words.fill(
            N_("%(resolutions)s of %(conference)s"),
            resolutions=words.join_and(cited),
            conference=words.gettext(CONFERENCE_NAMES[conference]),
        )
        for conference, cited in groups.items()
    )


def _without_article(name: str) -> str:
    return name.removeprefix("the ")


def cited_resolutions(records: LoadedRecords, report: Report) -> list[Resolution]:
    """The resolutions of the References, in the record's order."""
    found = []
    for ref in report.references:
        resolution = records.get("resolution", ref, Resolution)
        if resolution is None:
            raise ReportError(f"the report for {report.year} cites '{ref}', which is no resolution record")
        found.append(resolution)
    return found


def cited_documents(records: LoadedRecords, ids: list[str]) -> list[CitedDocument]:
    """Documents as the report cites them."""
    found = []
    for ref in ids:
        document = records.get("document", ref, Document)
        if document is not None:
            about = document.about or document.title
            found.append(
                CitedDocument(document.number, about, document.link, document.kind == "council-document")
            )
    return found


def initiatives_of(records: LoadedRecords, report: Report, body: str) -> list[Initiative]:
    """The initiatives the report lists: those its record names, in its order, else those of the body, in
    file order; only those worked on in the report's year (the record says which years)."""
    every = records.all("initiative", Initiative)

    def of_year(initiative: Initiative) -> bool:
        return any(y.year == report.year for y in initiative.years)

    if report.initiatives is not None:  # in the record's order; only those worked on in its year
        return [every[i] for i in report.initiatives if i in every and of_year(every[i])]
    return [i for i in every.values() if i.body == body and of_year(i)]


def meetings_of(
    records: LoadedRecords, body: str, period: Period, on: date, bodies: dict[str, Body]
) -> list[MeetingInReport]:
    """A body's meetings in the period, by date; those after the report's day are written as planned."""
    meetings = sorted(
        (m for m in records.all("meeting", Meeting).values() if m.body == body and m.start in period),
        key=lambda m: m.start,
    )
    return [MeetingInReport(m, bodies.get(m.in_conjunction_with or ""), m.start > on) for m in meetings]


def positions_of(records: LoadedRecords, body: str, year: int, kind: str, on: date) -> list[Position]:
    """A body's positions of one kind in the year, expressed by the report's day (at a meeting held by
    then, where the record names one: loading/of_day.position_expressed_by, as the site shows them)."""
    return [
        p
        for p in records.all("position", Position).values()
        if p.body == body and p.year == year and p.kind == kind and position_expressed_by(records, p, on)
    ]


def topics_of(
    themes: list[Theme], year: int, bodies: dict[str, Body]
) -> tuple[list[Theme], list[ProposedTheme]]:
    """The ISCG's topics of the year: those it addressed, and those taken up that year."""
    proposed = [
        ProposedTheme(t, bodies.get(t.proposed_by or ""))
        for t in themes
        if year in t.iscg_topic_years and t.since is not None and t.since.startswith(str(year))
    ]
    proposed_ids = {p.theme.id for p in proposed}
    return [t for t in themes if year in t.iscg_topic_years and t.id not in proposed_ids], proposed


def theme_row(
    theme: Theme, resolutions: dict[str, Resolution], year: int, on: date, sessions: Sessions
) -> ThemeRow:
    """A theme's line in the annexes: focal points per Sector, citations per conference, activities."""
    grouped = rested_on(theme, resolutions.get, lambda r: r.cited(on, sessions))
    citations: dict[str, list[Cited]] = {
        c.value: [cited for _, cited in grouped.get(c, [])] for c in MAPPED_CONFERENCES
    }
    return ThemeRow(
        theme=theme,
        focal_points={s.value: [f for f in theme.focal_points if f.sector is s] for s in SECTOR_COLUMNS},
        citations=citations,
        activities={
            s.value: [a for a in theme.tracker if a.sector is s and a.year == year] for s in SECTOR_COLUMNS
        },
    )
