"""Reports to Council: one a year, for the right Council session, with annexes that say something,
citing editions that were in force; and positions dated as their meetings."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from res191.checks.facts import RecordFacts, ReportFacts, ThemeFacts
from res191.checks.histories import sessions_of
from res191.checks.repository import Repository
from res191.diagnostics import Diagnostic, Location, problem
from res191.models.in_force import Sessions, standing
from res191.models.reporting import (
    COVER,
    ThemeInAnnexes,
    empty_annex,
    not_on_cover,
    report_day,
    reported,
    reported_on,
)
from res191.models.vocabulary import Conference
from res191.wording import join_and, long_date


def check_reports(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """R502-R506 and R508-R510 for each report record, R507 for positions."""
    reports = [f for f in records if f.kind == "report" and f.valid]
    yield from _duplicates(repository, reports)
    sessions = sessions_of(repository) if reports else {}
    for facts in reports:
        report = facts.report
        council = repository.get("meeting", report["council_session"])
        if council is not None:
            yield from _session(repository, facts, council)
        on = _report_day(report, council)
        if on is not None:
            yield from _editions(repository, facts, on, sessions)
        yield from _documents(repository, facts)
        yield from _dated(repository, facts, council)
        yield from _later_citations(repository, facts)
        yield from _empty_annexes(repository, facts, on)
        yield from _cover(repository, facts)
    for facts in records:
        if facts.kind == "position" and facts.valid and facts.position["meeting"]:
            yield from _position_year(repository, facts)


def _report_day(report: ReportFacts, council: RecordFacts | None) -> date | None:
    """The day the report speaks as of (models.reporting.report_day), where its session is recorded."""
    if council is None:
        return None
    written = date.fromisoformat(report["date"]) if report["date"] else None
    before = date.fromisoformat(report["written_before"]) if report["written_before"] else None
    return report_day(written, before, date.fromisoformat(council.meeting["start"]))


def _duplicates(repository: Repository, reports: list[RecordFacts]) -> Iterator[Diagnostic]:
    by_year: dict[int, list[RecordFacts]] = defaultdict(list)
    for facts in repository.of_kind("report"):
        by_year[facts.report["year"]].append(facts)
    for facts in reports:
        others = [f for f in by_year[facts.report["year"]] if f.path != facts.path]
        if others:
            yield Diagnostic(
                problem("R503"),
                repository.at(facts, ("year",)),
                f"another report is for {facts.report['year']} too: {others[0].shown}",
                "keep one report record a year; `res191 report --year` could not tell which to write",
                related=tuple(Location(f.shown) for f in others),
            )


def _session(repository: Repository, facts: RecordFacts, council: RecordFacts) -> Iterator[Diagnostic]:
    report = facts.report
    session = report["council_session"]
    if council.meeting["body"] != "council":
        yield Diagnostic(
            problem("R505"),
            repository.at(facts, ("council_session",)),
            f"'{session}' is a meeting of '{council.meeting['body']}', not a session of Council",
            "a report goes to a session of Council: a meeting record whose body is council",
            f"council_session: council-{report['year']}",
        )
        return
    held = int(council.meeting["start"][:4])
    if held != report["year"]:
        yield Diagnostic(
            problem("R502"),
            repository.at(facts, ("council_session",)),
            f"the report is for {report['year']} but its Council session '{session}' is held in {held}",
            "a report copied from another year keeps that year's session: change council_session, or year",
            f"council_session: council-{report['year']}",
        )


def _cited(repository: Repository, report: ReportFacts, on: date) -> list[tuple[tuple[str | int, ...], str]]:
    """The resolutions the report cites: where each is named (or the annex that cites it), and its id."""
    cited: list[tuple[tuple[str | int, ...], str]] = [(("resolution",), report["resolution"])]
    cited += [(("references", i), ref) for i, ref in enumerate(report["references"])]
    annexes = report["annexes"] or []
    if "mapping" in annexes:
        themes = [t for t in repository.of_kind("theme") if _in_annexes(t.theme, on)]
        at = ("annexes", annexes.index("mapping"))
        cited += [(at, ref) for theme in themes for ref in theme.theme["resolutions"]]
    return cited


def _editions(
    repository: Repository, facts: RecordFacts, on: date, sessions: Sessions
) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for loc, ref in _cited(repository, facts.report, on):
        resolution = repository.get("resolution", ref)
        if resolution is None or ref in seen:
            continue  # an unknown reference is reported on its own
        seen.add(ref)
        conference = Conference(resolution.resolution["conference"])
        editions = resolution.resolution["editions"]
        history = [(session, outcome) for session, outcome in resolution.resolution["history"]]
        found = standing(conference, [e[0] for e in editions], history, sessions, on)
        if found.in_force is not None:
            continue
        if found.edition is None:
            recorded = ", ".join(f"{e[1]}, {e[0]}" if e[1] else str(e[0]) for e in editions)
            message = f"no edition of '{ref}' recorded ({recorded}) was adopted by {long_date(on)}"
            hint = "add the edition in force then under editions:, with its place and year"
        elif found.suppressed_at is not None:
            message = f"'{ref}' was suppressed at {found.suppressed_at.name}, before {long_date(on)}"
            hint = "a report cites a resolution in force on its day; remove it from what the report cites"
        else:
            message = (
                f"'{ref}' is cited in its latest recorded edition: which edition was in force on "
                f"{long_date(on)} cannot be told from the records"
            )
            if found.unaccounted:
                hint = f"account for {join_and([s.name for s in found.unaccounted])} in its history"
            elif found.beyond is not None:
                hint = (
                    f"record the next session of {conference.value} after {found.beyond.name} as a meeting "
                    "(a planned one too): the records then show that none was held in between"
                )
            else:
                hint = f"record the sessions of {conference.value} held since its edition, as meetings"
        yield Diagnostic(problem("R506"), repository.at(facts, loc), message, hint)


def _dated(repository: Repository, facts: RecordFacts, council: RecordFacts | None) -> Iterator[Diagnostic]:
    """R502: a report's date (or the day it was written before) is of its year, not of another report's."""
    year = facts.report["year"]
    for key in ("date", "written_before"):
        day = facts.report[key]
        if day is not None and int(day[:4]) not in (year, year - 1):
            yield Diagnostic(
                problem("R502"),
                repository.at(facts, (key,)),
                f"the report for {year} is dated {day}",
                "a report copied from another year keeps that year's date: give this report's own, or leave "
                "it out",
            )


# A citation in a text, "Resolution 191 (Rev. Bucharest 2022)": the year of the edition it names.
_CITED_YEAR = re.compile(r"\((?:Rev\.\s*)?[^()]*?\b((?:19|20)[0-9]{2})\)")


def _later_citations(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    """R509: a report's own text cites an edition adopted after the report's year (a copied purpose)."""
    year = facts.report["year"]
    texts = facts.report["texts"]
    for key, text in (("purpose", texts["purpose"]), ("title", texts["title"])):
        later = sorted({int(y) for y in _CITED_YEAR.findall(text or "") if int(y) > year})
        if later:
            yield Diagnostic(
                problem("R509"),
                repository.at(facts, (key,)),
                f"the {key} of the report for {year} cites an edition of {later[0]}, after the report's year",
                "a text copied from another year's report keeps that year's citations: write this year's",
            )


def _documents(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    """R508: a report cites documents of its own session or earlier, never of a later one."""
    year = facts.report["year"]
    for index, ref in enumerate(facts.report["results_in"]):
        document = repository.get("document", ref)
        cited = document.document if document is not None else None
        if cited is None or cited["year"] is None or cited["year"] <= year:
            continue
        yield Diagnostic(
            problem("R508"),
            repository.at(facts, ("results_in", index)),
            f"the report for {year} cites {cited['number']}, a document of {cited['year']}",
            "a report copied from another year keeps that year's documents: cite those of its own session",
        )


def _in_annexes(theme: ThemeFacts, on: date | None) -> bool:
    """Whether the report of a day shows a theme in its annexes: a theme by then, not retired by then (where
    the day is not known, every one not retired)."""
    if on is None:
        return reported(theme["status"])
    return reported_on(theme["since"], theme["status"], theme["status_as_of"], on)


def _empty_annexes(repository: Repository, facts: RecordFacts, on: date | None) -> Iterator[Diagnostic]:
    """R504: an annex asked for that would show nothing (the report leaves it out)."""
    annexes = facts.report["annexes"]
    if not annexes:
        return
    themes = [
        ThemeInAnnexes(bool(t["focal"]), bool(t["resolutions"]), frozenset(t["tracker_years"]))
        for t in (f.theme for f in repository.of_kind("theme"))
        if _in_annexes(t, on)
    ]
    for index, annex in enumerate(annexes):
        why = empty_annex(annex, facts.report["year"], themes)
        if why is not None:
            yield Diagnostic(
                problem("R504"),
                repository.at(facts, ("annexes", index)),
                f"the annex '{annex}' would be empty: {why}; the report leaves it out",
                "fill in the records it is made from, or take the annex out of annexes:",
            )


def _cover(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    """R510: what the cover and header show that the report record leaves out (placeholders until then)."""
    report = facts.report
    values = {"document": report["document"], "date": report["date"], "agenda_item": report["agenda_item"],
              "title": report["texts"]["title"]}  # fmt: skip
    missing = not_on_cover(values)
    if not missing:
        return
    yield Diagnostic(
        problem("R510"),
        repository.at(facts, ()),
        f"the report for {report['year']} has no {join_and([COVER[k] for k in missing], 'or')} yet: its "
        "cover shows a placeholder, and `res191 report --final` refuses it",
        f"add {join_and([k + ':' for k in missing])} to the front matter when the secretariat assigns them",
        "\n".join(f"{k}: {_cover_form(k, report['year'])}" for k in missing),
    )


def _cover_form(key: str, year: int) -> str:
    """The form of a cover's value, as Council documents write it; never a number or date of our own."""
    forms = {"document": f"C{year % 100:02d}/<number>", "date": "<YYYY-MM-DD>",
             "agenda_item": "<as on Council's agenda>", "title": "<as the secretariat gives it>"}  # fmt: skip
    return forms[key]


def _position_year(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    meeting_id = facts.position["meeting"]
    meeting = repository.get("meeting", meeting_id) if meeting_id else None
    if meeting is None:
        return
    held = int(meeting.meeting["start"][:4])
    if held != facts.position["year"]:
        yield Diagnostic(
            problem("R507"),
            repository.at(facts, ("year",)),
            f"the position is dated {facts.position['year']} but its meeting '{meeting_id}' was "
            f"held in {held}",
            "a position belongs to the year of the meeting where it was expressed",
            f"year: {held}",
        )
