"""What a report to Council speaks of: the day it is written as of, the period it covers, and the themes it
reports. One function a rule, asked by the report and by validate's checks alike.

Plain Python, no pydantic: the checks across files use it without building the record models.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Period:
    """The days a report covers: after `after`, up to and including `until`."""

    after: date
    until: date

    def __contains__(self, day: date) -> bool:
        return self.after < day <= self.until


def reporting_period(session_start: date, previous_start: date | None) -> Period:
    """After the previous session's first day, up to and including this session's first day, so that
    successive reports neither miss nor repeat a meeting; a year back where no previous session is
    recorded."""
    return Period(
        previous_start if previous_start is not None else session_start - timedelta(days=365), session_start
    )


def reported(theme_status: str | None) -> bool:
    """Whether a theme is reported (in the annexes, the mapping): every theme but a retired one."""
    return theme_status != "retired"
