"""What a report to Council speaks of: the day it is written as of, the period it covers, and the themes it
reports. One function a rule, asked by the report and by validate's checks alike.

Plain Python, no pydantic: the checks across files use it without building the record models.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta


def report_day(written: date | None, written_before: date | None, session_start: date) -> date:
    """The day a report speaks as of: its date; else the last day before the one it was written before;
    else its Council session's first day. Resolutions are cited as the records stand on it, and
    meetings after it are written as planned."""
    if written is not None:
        return written
    if written_before is not None:
        return written_before - timedelta(days=1)
    return session_start


def written_by(
    written: date | None, written_before: date | None, session_start: date | None, day: date
) -> bool:
    """Whether a report to Council is written by a day: the day it speaks as of (report_day) is not after
    it. A report whose Council session is not recorded (session_start None) cannot be placed, so it is
    not taken as written. No output of an earlier day shows it: the site's reports nor its open data."""
    if session_start is None:
        return False
    return report_day(written, written_before, session_start) <= day


@dataclass(frozen=True)
class Period:
    """The days a report covers: after `after`, up to and including `until`. `year_back`: no earlier
    session of Council is recorded, so the period is the year up to `until`, and is said to be (a start
    given as a date would read as a session of Council the records do not hold)."""

    after: date
    until: date
    year_back: bool = False

    def __contains__(self, day: date) -> bool:
        return self.after < day <= self.until


def reporting_period(session_start: date, previous_start: date | None) -> Period:
    """After the previous session's first day, up to and including this session's first day, so that
    successive reports neither miss nor repeat a meeting; the year up to this session's first day where no
    previous session is recorded (not every meeting ever recorded: another year's are not this report's)."""
    if previous_start is None:
        return Period(_a_year_before(session_start), session_start, year_back=True)
    return Period(previous_start, session_start)


def _a_year_before(day: date) -> date:
    """The same day a year earlier (28 February for a 29 February): 365 days would leave out a day of a year
    that holds a 29 February."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def reported(theme_status: str | None) -> bool:
    """Whether a theme is reported (in the annexes, the mapping): every theme but a retired one. The
    status is the one of the day (status_on): a theme retired later is reported in the outputs before."""
    return theme_status != "retired"


def by_then(month: str, day: date) -> bool:
    """Whether what a record dates by a month or a year (`2024-03`, `2024`) is known on a day: from that
    month's (or year's) last day, since it may have come on any day of it (an edition known by its year only
    is placed likewise, in_force.py)."""
    year, _, number = month.partition("-")
    if not number:
        return day >= date(int(year), 12, 31)
    following = date(int(year) + (number == "12"), int(number) % 12 + 1, 1)
    return day >= following - timedelta(days=1)


def theme_exists(since: str | None, day: date) -> bool:
    """Whether a theme exists on a day: it became a theme (`since`: a year, or a year and month) by then
    (by_then). No output of an earlier day shows it: not the mapping, the report's annexes, the overlaps
    nor the site. A theme whose `since` is not recorded is taken to have been one on every day, as before
    `since` was asked."""
    return since is None or by_then(since, day)


def reported_on(since: str | None, status: str | None, status_as_of: str | None, day: date) -> bool:
    """Whether outputs of a day report a theme (the report's annexes, the mapping, the overlaps, the site's
    lists): a theme by then (theme_exists), not retired by then (status_on)."""
    return theme_exists(since, day) and reported(status_on(status, status_as_of, day))


def status_on(status: str | None, as_of: str | None, day: date) -> str | None:
    """A theme's status as the records back it on a day: one recorded as of a month (`status_as_of`) is
    known from then (by_then) and unknown before, when the theme may have had another (a theme retired in
    2025 was reported in 2024). A status recorded without its date is taken as it stands on every day, as
    before `status_as_of` was asked."""
    if status is None or as_of is None or by_then(as_of, day):
        return status
    return None


# What the cover and the running header of a Council document show, by the report record's key, in the
# words a reader uses. A report record may leave them out until the secretariat assigns them: the cover
# then shows "[document number not recorded]" and the like, and `res191 report --final` refuses.
COVER = {"document": "document number", "date": "date", "agenda_item": "agenda item", "title": "title"}


def not_on_cover(values: Mapping[str, object]) -> list[str]:
    """The keys of COVER that a report record leaves out, in the cover's order."""
    return [key for key in COVER if values.get(key) in (None, "")]


@dataclass(frozen=True)
class ThemeInAnnexes:
    """What the annexes show of one reported theme: whether it has focal points and resolutions, and the
    years its tracker has activities in."""

    has_focal_points: bool
    has_resolutions: bool
    tracker_years: frozenset[int]


def empty_annex(name: str, year: int, themes: Sequence[ThemeInAnnexes]) -> str | None:
    """Why an annex would show nothing for the report's year (None if it shows something): then it is
    left out of the report, and validate warns. The overlaps annex is empty when no overlap is found,
    which only `res191 overlaps` can tell."""
    if name == "themes" and not any(t.has_focal_points for t in themes):
        return "no theme has a focal point recorded" if themes else "no theme is recorded"
    if name == "mapping" and not any(t.has_resolutions for t in themes):
        return "no theme lists its resolutions"
    if name == "tracker" and not any(year in t.tracker_years for t in themes):
        return f"no theme's tracker has an activity of {year}"
    return None
