"""Which edition of a resolution is in force on a day: from the last day of the conference that adopted it.

Plain Python, no pydantic: the checks of reports use it without building the record models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from res191.models.vocabulary import Conference

# When each conference ended, by (conference body id, year): the day its editions came into force.
ConferenceEnds = Mapping[tuple[str, int], date]
_CONFERENCE_BODIES = frozenset(c.body_id for c in Conference)


def conference_ends(sessions: Iterable[tuple[str, date]]) -> dict[tuple[str, int], date]:
    """The ConferenceEnds of the sessions recorded: (body id, last day) of each meeting."""
    return {(body, end.year): end for body, end in sessions if body in _CONFERENCE_BODIES}


def in_force_index(
    conference: Conference, years: Sequence[int], on: date, ends: ConferenceEnds
) -> int | None:
    """Which of the editions (given by their years) was in force on a day, or None if none is known to be.

    An edition is in force from the last day of its conference. Where the conference's dates are not
    recorded, an edition of an earlier year was adopted by that year's end at the latest; one of the
    same year cannot be placed, so it is never taken: a report never cites an edition adopted after it.
    """
    best: tuple[date, int] | None = None
    for index, year in enumerate(years):
        day = ends.get((conference.body_id, year))
        if day is None:
            if year >= on.year:
                continue
            day = date(year, 12, 31)
        if day <= on and (best is None or day > best[0]):
            best = (day, index)
    return best[1] if best else None
