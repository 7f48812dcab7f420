"""The history of each resolution: its sessions accounted for, and what its history may name.

ITU reviews each resolution at every later session of its conference (models/in_force.py). Where a
session recorded since its edition is not accounted for (no edition of it, no "maintained" or
"suppressed" with a source), the edition in force cannot be told, and every output says "latest recorded
edition": I404 names the sessions to account for. A history entry must name a session of the
resolution's own conference, once, and not one that adopted an edition (X305).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from res191.checks.facts import RecordFacts, ResolutionFacts
from res191.checks.repository import Repository
from res191.diagnostics import Diagnostic, problem
from res191.models.in_force import Sessions, Standing, conference_sessions, standing
from res191.models.vocabulary import Conference
from res191.wording import join_and


def sessions_of(repository: Repository) -> Sessions:
    """The sessions of each conference, from the meeting records' facts."""
    meetings = repository.of_kind("meeting")
    return conference_sessions(
        (m.meeting["body"], m.id, m.meeting["name"], date.fromisoformat(m.meeting["start"]),
         date.fromisoformat(m.meeting["end"]))
        for m in meetings
        if m.valid
    )  # fmt: skip


def standing_of(resolution: ResolutionFacts, sessions: Sessions, on: date) -> Standing:
    """What the records say of a resolution on a day (models/in_force.standing), from the checks' facts."""
    history = [(session, outcome) for session, outcome in resolution["history"]]
    years = [e[0] for e in resolution["editions"]]
    return standing(Conference(resolution["conference"]), years, history, sessions, on)


def check_histories(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """X305 for a history entry that cannot be; I404 for sessions since an edition not accounted for."""
    sessions = sessions_of(repository)
    today = date.today()
    for facts in records:
        if facts.kind != "resolution" or not facts.valid:
            continue
        resolution = facts.resolution
        conference = Conference(resolution["conference"])
        own = {s.id: s for s in sessions.get(conference.body_id, [])}
        years = [e[0] for e in resolution["editions"]]
        yield from _entries(repository, facts, conference, own, years)
        found = standing_of(resolution, sessions, today)
        if found.unaccounted and found.suppressed_at is None:
            names = join_and([s.name for s in found.unaccounted])
            yield Diagnostic(
                problem("I404"),
                repository.at(facts, ("editions",), at_key=True),
                f"{names} {'is' if len(found.unaccounted) == 1 else 'are'} not accounted for: which edition "
                f"of '{facts.id}' is in force cannot be told, so it is cited as the latest recorded",
                "for each session, add the edition it adopted under editions:, or under history: that it "
                "maintained or suppressed the resolution, with the source (the session's final acts or "
                "report; `res191 import-list` reads a list of the resolutions in force)",
                f"history:\n  - session: {found.unaccounted[0].id}\n    outcome: maintained\n"
                "    source: https://www.itu.int/...",
            )


def _entries(
    repository: Repository,
    facts: RecordFacts,
    conference: Conference,
    own: dict[str, Any],
    years: list[int],
) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for index, (session, outcome) in enumerate(facts.resolution["history"]):
        # Placed only when there is a problem: placing reads the file again on a run from the cache.
        def where(index: int = index) -> Any:
            return repository.at(facts, ("history", index, "session"))

        if session not in own:
            if repository.get("meeting", session) is not None:  # an unknown id is X303's
                yield Diagnostic(
                    problem("X305"),
                    where(),
                    f"'{session}' is not a session of {conference.value}, whose resolution this is",
                    f"name a meeting of the body '{conference.body_id}', the session that {outcome} it",
                )
            continue
        if session in seen:
            yield Diagnostic(problem("X305"), where(), f"the session '{session}' is named twice", "keep one")
        elif own[session].end.year in years:
            yield Diagnostic(
                problem("X305"),
                where(),
                f"'{session}' adopted an edition of it (of {own[session].end.year}), so it did not "
                f"{'maintain' if outcome == 'maintained' else 'suppress'} it",
                "a session that revised a resolution is an edition; remove this entry",
            )
        seen.add(session)
