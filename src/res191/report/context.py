"""Everything a report template may show, computed from the records in named steps, as of the report's day.

A report states only what the records hold for its own year: the meetings of its period, the initiatives,
positions and tracker activities of its year, the chairs the records name for its day, the documents of
its session or earlier, and each resolution as the records stand on its day (the edition in force where
every later session is accounted for, else the latest recorded, said so). The rules for the day, the
period and the themes reported are in models/reporting.py; the edition in force in models/in_force.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from res191.loading.record import LoadedRecords
from res191.models import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Body,
    Chair,
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
    COVER,
    Period,
    ThemeInAnnexes,
    not_on_cover,
    report_day,
    reported,
    reporting_period,
)
from res191.models.rested_on import rested_on
from res191.models.translations import ENGLISH
from res191.rendering.catalogs import translations
from res191.rendering.localized import N_, Wording
from res191.rendering.localized import english as in_english
from res191.rendering.templates import builtin_folder
from res191.report.annexes import Annex, LeftOut, chosen_annexes, numbered
from res191.report.languages import LETTERS, TAGS, EnglishText, InLanguage, unmarked
from res191.report.narrative import split_sections
from res191.report.parts import Alike, Background, CitedDocument, MeetingInReport, ProposedTheme, ThemeRow
from res191.wording import join_and

if TYPE_CHECKING:
    from res191.overlaps.findings import Finding

# The language tags of ITU's six languages, as a report's `original` names them: for the HTML's lang,
# Word's proofing language and the file's properties.
LANGUAGES = {"english": "en-GB", "french": "fr-FR", "spanish": "es-ES", "arabic": "ar", "chinese": "zh-CN",
             "russian": "ru-RU"}  # fmt: skip

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


@dataclass
class ReportContext:
    """The facts of one year's report, as the templates see them."""

    report: Report
    record_path: str  # the report record's file, as the user sees it: where to add what is missing
    year: int
    on: date  # the day the report speaks as of (models.reporting.report_day)
    council: Meeting
    previous_council: Meeting | None
    period: Period
    background: Background
    narrative: dict[str, str]
    references: str
    isc_tf: Body | None
    isc_tf_chair: Chair | None  # as the records show it on the report's day
    iscg: Body | None
    iscg_chair: Chair | None
    initiatives: list[Initiative]
    results_in: list[CitedDocument]
    iscg_meetings: list[MeetingInReport]
    iscg_alike: Alike
    iscg_topics: list[Theme]
    proposed_themes: list[ProposedTheme]
    reports_to: list[Body]
    involvements: list[Position]
    emphases: list[Position]
    requests: list[Position]
    theme_rows: list[ThemeRow]
    annexes: list[Annex]
    left_out: list[LeftOut] = field(default_factory=list)  # annexes asked for that would be empty
    english: list[EnglishText] = field(default_factory=list)  # record texts the report shows untranslated
    overlaps: list[Finding] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)
    sector_columns: list[str] = field(default_factory=lambda: [s.value for s in SECTOR_COLUMNS])
    conference_columns: list[str] = field(default_factory=lambda: [c.value for c in MAPPED_CONFERENCES])
    words: Wording = field(default_factory=in_english)  # the language the report is written in
    reading: InLanguage = field(default_factory=lambda: InLanguage(ENGLISH))  # its records' texts in it

    def as_template_variables(self) -> dict[str, Any]:
        """The context as the keyword arguments of a template's render()."""
        derived = {
            "unconfirmed": self.unconfirmed,
            "overlaps_unconfirmed": self.overlaps_unconfirmed,
            # The bodies whose names the report has spelt out so far (the `named` filter): each render
            # starts with none, so that the first mention in the document is the full one.
            "spelt_out": set(),
            # ITU's letter for the report's language, after its document number: C24/35-F.
            "language_letter": LETTERS[self.words.language],
        }
        hidden = ("words", "reading", "english")
        return {
            name: getattr(self, name) for name in self.__dataclass_fields__ if name not in hidden
        } | derived

    @property
    def language(self) -> str:
        """The language tag of the report (HTML's lang, Word's proofing): in English, its original's (en-GB if
        none), as the English report has always said; in another language, that language's."""
        if not self.words.english:
            return TAGS[self.words.language]
        return LANGUAGES.get((self.report.original or "English").lower(), "en-GB")

    @property
    def letter(self) -> str:
        """ITU's letter for the report's language: E, F, S, A, C or R."""
        return LETTERS[self.words.language]

    @property
    def not_on_cover(self) -> list[str]:
        """The report record's keys that the cover and header show as placeholders (COVER's keys)."""
        report = self.report
        values = {"document": report.document, "date": report.date, "agenda_item": report.agenda_item,
                  "title": report.title}  # fmt: skip
        return not_on_cover(values)

    def check_final(self) -> None:
        """ReportError unless the cover has all it shows: a final report carries no placeholder."""
        missing = self.not_on_cover
        if missing:
            raise ReportError(
                f"the report for {self.year} is not final: its {join_and([COVER[k] for k in missing])} "
                f"{'are' if len(missing) > 1 else 'is'} not recorded (the cover shows a placeholder); add "
                f"{join_and([k + ':' for k in missing])} to the front matter of {self.record_path}"
            )

    @property
    def title(self) -> str:
        """The report's title, or a description of it where the record gives none."""
        wording = self.words.gettext("Report on the implementation of %(resolution)s to Council %(year)s")
        return unmarked(self.report.title or "") or wording % {
            "resolution": self.background.short,
            "year": self.year,
        }

    @property
    def overlaps_unconfirmed(self) -> bool:
        """Whether a finding of the overlaps annex cites an edition only the latest recorded (marked *)."""
        return any(m.label.endswith("*") for f in self.overlaps for m in f.members)

    @property
    def unconfirmed(self) -> bool:
        """Whether any resolution in the annexes is cited only in its latest recorded edition."""
        return any(
            not c.in_force for row in self.theme_rows for cited in row.citations.values() for c in cited
        )


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
        else words.gettext(CONFERENCE_NAMES[resolution.conference]).removeprefix("the "),
        session=session,
        instructions=list(found.edition.instructs) if found.edition else [],
    )


def references_line(resolutions: list[Resolution], on: date, sessions: Sessions, words: Wording) -> str:
    """The summary box's References: citations grouped by conference, as Council documents write them."""
    groups: dict[Conference, list[str]] = {}
    for resolution in resolutions:
        groups.setdefault(resolution.conference, []).append(str(resolution.cited(on, sessions)))
    of = words.gettext("%(resolutions)s of %(conference)s")
    return "; ".join(
        of % {"resolutions": words.join_and(cited), "conference": words.gettext(CONFERENCE_NAMES[conference])}
        for conference, cited in groups.items()
    )


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


def positions_of(records: LoadedRecords, body: str, year: int, kind: str) -> list[Position]:
    """A body's positions of one kind in the year."""
    return [
        p
        for p in records.all("position", Position).values()
        if p.body == body and p.year == year and p.kind == kind
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


def build_context(loaded: LoadedRecords, year: int, language: str = ENGLISH) -> ReportContext:
    """The context of the report for a year in one of ITU's languages (English by default): its standing
    wording from the language's catalog, each record text in the language where translated, else in English,
    marked (languages.py); ReportError when a record it needs is missing."""
    words = Wording(language, translations(builtin_folder(), language))
    reading = InLanguage(language)
    records = reading.records(loaded)
    english_report, narrative, record_path = find_report(records, year)
    report = reading.record("report", english_report)
    assert isinstance(report, Report)
    council, previous = council_sessions(records, report)
    period = reporting_period(council.start, previous.start if previous else None)
    on = report_day(report.date, report.written_before, council.start)
    sessions = records.sessions()
    subject = records.get("resolution", report.resolution, Resolution)
    if subject is None:
        raise ReportError(f"the report for {year} is on '{report.resolution}', which is no resolution record")
    bodies = records.all("body", Body)
    iscg, isc_tf = bodies.get("iscg"), bodies.get("isc-tf")
    # The themes of the report's day: one that became a theme after it is not this report's.
    themes = [t for t in records.all("theme", Theme).values() if t.exists_on(on)]
    topics, proposed = topics_of(themes, year, bodies)
    iscg_meetings = meetings_of(records, "iscg", period, on, bodies)
    resolutions = records.all("resolution", Resolution)
    rows = [theme_row(t, resolutions, year, on, sessions) for t in themes if reported(t.status)]
    in_annexes = [
        ThemeInAnnexes(bool(t.focal_points), bool(t.resolutions), frozenset(a.year for a in t.tracker))
        for t in (r.theme for r in rows)
    ]
    names, left_out = chosen_annexes(report.annexes, year, in_annexes)
    overlaps = _overlaps(loaded, year, on) if "overlaps" in names else []
    if "overlaps" in names and not overlaps:
        names.remove("overlaps")
        left_out.append(LeftOut("overlaps", "no overlap was found in the records"))
    return ReportContext(
        report=report,
        record_path=record_path,
        year=year,
        on=on,
        council=council,
        previous_council=previous,
        period=period,
        background=background(records, subject, on, sessions, words),
        narrative=split_sections(narrative),
        references=references_line(cited_resolutions(records, report), on, sessions, words),
        isc_tf=isc_tf,
        isc_tf_chair=isc_tf.chair_on(on) if isc_tf else None,
        iscg=iscg,
        iscg_chair=iscg.chair_on(on) if iscg else None,
        initiatives=initiatives_of(records, report, "isc-tf"),
        results_in=cited_documents(records, list(report.results_in)),
        iscg_meetings=iscg_meetings,
        # What the meetings held by the report's day share: a planned one is not said to have been held.
        iscg_alike=Alike.of([m.meeting for m in iscg_meetings if not m.planned]),
        iscg_topics=topics,
        proposed_themes=proposed,
        reports_to=[bodies[b] for b in (iscg.reports_to if iscg else []) if b in bodies],
        involvements=positions_of(records, "iscg", year, "involvement"),
        emphases=positions_of(records, "iscg", year, "emphasis"),
        requests=positions_of(records, "iscg", year, "request"),
        theme_rows=rows,
        annexes=numbered(names),
        left_out=left_out,
        overlaps=overlaps,
        bodies=bodies,
        words=words,
        reading=reading,
    )


def _overlaps(loaded: LoadedRecords, year: int, on: date) -> list[Finding]:
    # Imported here: only a report with this annex pays for the similarity of every resolution.
    from res191.overlaps.find import find_overlaps

    return find_overlaps(loaded.themes_on(on), year, on=on)
