"""Reports to Council: one a year, for the right Council session, with annexes that say something,
citing editions that were in force; and positions dated as their meetings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from res191.checks.across import Repository
from res191.checks.facts import RecordFacts
from res191.diagnostics import Diagnostic, Location, problem
from res191.models.in_force import conference_ends, in_force_index
from res191.models.vocabulary import Conference
from res191.wording import long_date


def check_reports(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """R502-R506 for each report record, R507 for positions."""
    reports = [f for f in records if f.kind == "report" and f.valid]
    yield from _duplicates(repository, reports)
    ends = conference_ends(
        (m.data["body"], date.fromisoformat(m.data["end"])) for m in repository.of_kind("meeting")
    )
    for facts in reports:
        report = facts.data
        council = repository.get("meeting", report["council_session"])
        if council is not None:
            yield from _session(repository, facts, council)
        on = _report_date(report, council)
        if on is not None:
            yield from _editions(repository, facts, on, ends)
        yield from _empty_annexes(repository, facts)
    for facts in records:
        if facts.kind == "position" and facts.valid and facts.data["meeting"]:
            yield from _position_year(repository, facts)


def _report_date(report: dict[str, Any], council: RecordFacts | None) -> date | None:
    """The day whose editions in force the report cites: its date, else its session's first day."""
    if report["date"]:
        return date.fromisoformat(report["date"])
    return date.fromisoformat(council.data["start"]) if council is not None else None


def _duplicates(repository: Repository, reports: list[RecordFacts]) -> Iterator[Diagnostic]:
    by_year: dict[int, list[RecordFacts]] = defaultdict(list)
    for facts in repository.of_kind("report"):
        by_year[facts.data["year"]].append(facts)
    for facts in reports:
        others = [f for f in by_year[facts.data["year"]] if f.path != facts.path]
        if others:
            yield Diagnostic(
                problem("R503"),
                repository.at(facts, ("year",)),
                f"another report is for {facts.data['year']} too: {others[0].shown}",
                "keep one report record a year; `res191 report --year` could not tell which to write",
                related=tuple(Location(f.shown) for f in others),
            )


def _session(repository: Repository, facts: RecordFacts, council: RecordFacts) -> Iterator[Diagnostic]:
    report = facts.data
    session = report["council_session"]
    if council.data["body"] != "council":
        yield Diagnostic(
            problem("R505"),
            repository.at(facts, ("council_session",)),
            f"'{session}' is a meeting of '{council.data['body']}', not a session of Council",
            "a report goes to a session of Council: a meeting record whose body is council",
            f"council_session: council-{report['year']}",
        )
        return
    held = int(council.data["start"][:4])
    if held != report["year"]:
        yield Diagnostic(
            problem("R502"),
            repository.at(facts, ("council_session",)),
            f"the report is for {report['year']} but its Council session '{session}' is held in {held}",
            "a report copied from another year keeps that year's session: change council_session, or year",
            f"council_session: council-{report['year']}",
        )


def _cited(repository: Repository, report: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """The resolutions the report cites: where each is named (or the annex that cites it), and its id."""
    cited: list[tuple[tuple[str | int, ...], str]] = [(("resolution",), report["resolution"])]
    cited += [(("references", i), ref) for i, ref in enumerate(report["references"])]
    annexes = report["annexes"] or []
    if "mapping" in annexes:
        themes = [t for t in repository.of_kind("theme") if not t.data["retired"]]
        at = ("annexes", annexes.index("mapping"))
        cited += [(at, ref) for theme in themes for ref in theme.data["resolutions"]]
    return cited


def _editions(repository: Repository, facts: RecordFacts, on: date, ends: Any) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for loc, ref in _cited(repository, facts.data):
        resolution = repository.get("resolution", ref)
        if resolution is None or ref in seen:
            continue  # an unknown reference is reported on its own
        seen.add(ref)
        conference = Conference(resolution.data["conference"])
        editions = resolution.data["editions"]
        if in_force_index(conference, [e[0] for e in editions], on, ends) is not None:
            continue
        recorded = ", ".join(f"{e[1]}, {e[0]}" if e[1] else str(e[0]) for e in editions)
        undated = sorted(
            {e[0] for e in editions if e[0] >= on.year and (conference.body_id, e[0]) not in ends}
        )
        why = (
            f"the dates of {conference.value} {undated[0]} are not recorded, so whether its edition was "
            "adopted by then cannot be told; add that session under data/meetings/"
            if undated
            else "add the edition in force then under editions:, with its place and year"
        )
        yield Diagnostic(
            problem("R506"),
            repository.at(facts, loc),
            f"the report cites '{ref}', but no edition recorded ({recorded}) is known to be in force on "
            f"{long_date(on)}; it is cited without one",
            why,
        )


def _empty_annexes(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    annexes = facts.data["annexes"]
    if not annexes:
        return
    year = facts.data["year"]
    themes = [t.data for t in repository.of_kind("theme") if not t.data["retired"]]
    empty = {
        "themes": not themes,
        "mapping": not any(t["resolutions"] for t in themes),
        "tracker": not any(year in t["tracker_years"] for t in themes),
    }
    what = {
        "themes": "no theme is recorded",
        "mapping": "no theme lists its resolutions",
        "tracker": f"no theme's tracker has an activity of {year}",
    }
    for index, annex in enumerate(annexes):
        if empty.get(annex):
            yield Diagnostic(
                problem("R504"),
                repository.at(facts, ("annexes", index)),
                f"the annex '{annex}' would be empty: {what[annex]}",
                "fill in the records it is made from, or leave the annex out",
            )


def _position_year(repository: Repository, facts: RecordFacts) -> Iterator[Diagnostic]:
    meeting = repository.get("meeting", facts.data["meeting"])
    if meeting is None:
        return
    held = int(meeting.data["start"][:4])
    if held != facts.data["year"]:
        yield Diagnostic(
            problem("R507"),
            repository.at(facts, ("year",)),
            f"the position is dated {facts.data['year']} but its meeting '{facts.data['meeting']}' was "
            f"held in {held}",
            "a position belongs to the year of the meeting where it was expressed",
            f"year: {held}",
        )
