"""Who can act on a finding, and when: the body that can take the action and its next meeting recorded.

A conference acts on its own resolutions, at its next session; the ISCG (the membership's group) proposes
areas of mutual interest to the advisory groups; the ISC-TF (the secretariat's task force) keeps the
themes and their focal points. The next session is read from the meeting records of the body (data/meetings)
and never guessed: the records are taken to hold a body's meetings from the earliest recorded to the latest,
as models/in_force.py takes a conference's sessions; so the first recorded after a day is its next only on
a day from the earliest on. Before it, or where none is recorded after the day, the proposal says so.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from res191.models import Body, Conference, Meeting
from res191.models.in_force import session_name
from res191.wording import date_range, long_date

# The bodies a proposal may name that are not conferences, by their record's id.
ISCG = "iscg"
ISC_TF = "isc-tf"


@dataclass(frozen=True)
class Held:
    """A meeting of a body, as the records hold it."""

    name: str
    start: date
    end: date


class Calendar:
    """The meetings recorded of each body, and the names the records give the bodies."""

    def __init__(self, meetings: Iterable[Meeting], bodies: Iterable[Body]) -> None:
        self.names: dict[str, str] = {b.id: b.acronym for b in bodies}
        self.held: dict[str, list[Held]] = defaultdict(list)
        conferences = {c.body_id: c for c in Conference}
        for meeting in meetings:
            end = meeting.end or meeting.start
            conference = conferences.get(meeting.body)
            name = (
                session_name(conference, meeting.name, end)
                if conference is not None
                else meeting.name or f"its meeting of {long_date(meeting.start)}"
            )
            self.held[meeting.body].append(Held(name, meeting.start, end))
        for held in self.held.values():
            held.sort(key=lambda h: (h.start, h.name))

    def name(self, body: str) -> str:
        """A body as a sentence names it: `WTDC`, `the ISCG`, `the Council`."""
        conference = {c.body_id: c for c in Conference}.get(body)
        if conference is Conference.COUNCIL:
            return "the Council"
        if conference is not None:
            return conference.value
        return f"the {self.names.get(body, body.upper())}"

    def next(self, body: str, on: date) -> str:
        """When a body can next act after a day, as the records know it: `at WTDC-25 (from 17 November
        2025)`, or that no later meeting is recorded."""
        held = self.held.get(body, [])
        # A session whose last day is the day has adopted its texts (models/in_force.py dates them so):
        # the next one is after it.
        later = [h for h in held if h.end > on]
        if later and held[0].start <= on:
            first = later[0]
            return f"at {first.name} (from {long_date(first.start)})"
        kind = "session" if _is_conference(body) else "meeting"
        if later:
            # Before the earliest recorded, a meeting the records do not hold may come first.
            return (
                f"at its next {kind}, which the records do not hold (they hold its {kind}s from "
                f"{_dated(held[0])})"
            )
        if held:
            latest = _dated(held[-1])
            return f"at its next {kind}, which the records do not hold yet (the latest recorded is {latest})"
        return f"at its next {kind} (none is recorded)"


def _dated(held: Held) -> str:
    """`WTDC-25 (17-28 November 2025)`, a session held with its days; a meeting named by its day is not
    dated twice."""
    if held.name.startswith("its meeting of"):
        return held.name
    return f"{held.name} ({date_range(held.start, held.end)})"


def _is_conference(body: str) -> bool:
    return body in {c.body_id for c in Conference}
