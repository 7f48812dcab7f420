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
    Initiative,
    Meeting,
    Position,
    Report,
    Resolution,
    Theme,
)
from res191.models.reporting import (
    COVER,
    Period,
    ThemeInAnnexes,
    not_on_cover,
    report_day,
    reporting_period,
)
from res191.models.translations import ENGLISH
from res191.rendering.catalogs import translations
from res191.rendering.localized import N_, Wording
from res191.rendering.localized import english as in_english
from res191.rendering.templates import builtin_folder
from res191.report.annexes import Annex, LeftOut, chosen_annexes, numbered
from res191.report.from_records import (
    ReportError,
    background,
    cited_documents,
    cited_resolutions,
    council_sessions,
    find_report,
    initiatives_of,
    meetings_of,
    positions_of,
    references_line,
    theme_row,
    topics_of,
)
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
        return unmarked(self.report.title or "") or self.words.fill(
            N_("Report on the implementation of %(resolution)s to Council %(year)s"),
            resolution=self.background.short,
            year=self.year,
        )

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
    # As described for the report's year: a composition or terms given by a source of another year are not
    # this report's to state.
    iscg, isc_tf = (b.as_described_in(year) if (b := bodies.get(key)) else None for key in ("iscg", "isc-tf"))
    # The themes of the report's day: one that became a theme after it is not this report's.
    themes = [t for t in records.all("theme", Theme).values() if t.exists_on(on)]
    topics, proposed = topics_of(themes, year, bodies)
    iscg_meetings = meetings_of(records, "iscg", period, on, bodies)
    resolutions = records.all("resolution", Resolution)
    rows = [theme_row(t, resolutions, year, on, sessions) for t in themes if t.reported_on(on)]
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
        involvements=positions_of(records, "iscg", year, "involvement", on),
        emphases=positions_of(records, "iscg", year, "emphasis", on),
        requests=positions_of(records, "iscg", year, "request", on),
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

    return find_overlaps(loaded, year, on=on)
