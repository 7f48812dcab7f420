"""Which edition of an instrument is in force on a day, and whether the records can say so.

ITU reviews every resolution at each later session of its conference, which revises it (a new edition),
maintains it unchanged, or suppresses it. So the edition in force on a day is known only when every
session of that conference up to the day is accounted for; otherwise the latest edition the records
hold is only the latest *recorded* one. This module is the one place that decides it: the report, the
site, the views, the overlaps and the checks all ask `standing`.

The rules, in the order they are applied:
- an edition is in force from the last day of the session that adopted it (its conference's session of
  its year, a meeting record); where that session is not recorded, an edition of an earlier year than the
  day was adopted by that year's end, and one of the same year cannot be placed, so it is not taken;
- a later session accounts for the instrument when an edition was adopted there, or when the history
  says it maintained or suppressed it;
- a session that maintained the instrument accounts for every session between the edition then in force
  and itself: ITU's list after that session shows that edition, so none between revised or suppressed it;
- the conference's sessions are taken as recorded from its earliest recorded session to its latest (a
  session planned ahead may be recorded too); before the earliest, only such a later "maintained" can
  account for a span, and after the latest nothing is known.

Plain Python, no pydantic: the checks across files use it without building the record models.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from res191.models.vocabulary import Conference


@dataclass(frozen=True)
class Session:
    """A session of a conference, as a meeting record holds it: `WTSA-16`, its days."""

    id: str  # the meeting record's id
    name: str  # as ITU writes it (the record's name, else the conference and year)
    start: date
    end: date


# The sessions recorded of each conference, by the conference's body id, earliest first.
Sessions = Mapping[str, Sequence[Session]]


def conference_sessions(
    meetings: Iterable[tuple[str, str, str | None, date, date]],
) -> dict[str, list[Session]]:
    """The Sessions of the meetings recorded: (body id, meeting id, name, first day, last day) of each."""
    bodies = {c.body_id: c for c in Conference}
    found: dict[str, list[Session]] = {}
    for body, meeting_id, name, start, end in meetings:
        if body in bodies:
            shown = session_name(bodies[body], name, end)
            found.setdefault(body, []).append(Session(meeting_id, shown, start, end))
    for sessions in found.values():
        sessions.sort(key=lambda s: (s.end, s.id))
    return found


def session_name(conference: Conference, name: str | None, end: date) -> str:
    """A session of a conference as every output names it: the name its record gives (`WTSA-20`, held in
    2022), else the Council's as ITU names them (`Council 2023`), else the conference and its year's two
    digits, as ITU abbreviates them (`WTDC-22`). The year is that of its last day, the year of the editions
    it adopts (`standing` dates them so)."""
    if name:
        return name
    if conference is Conference.COUNCIL:
        return f"Council {end.year}"
    return f"{conference.value}-{end.year % 100:02d}"


@dataclass(frozen=True)
class Standing:
    """What the records say of an instrument on a day.

    edition is the index of the edition in force when confirmed, else of the latest edition recorded
    as adopted by the day (None when none was). unaccounted names the sessions to account for, the
    first of them being where the records stop knowing; suppressed_at is the session that suppressed it.
    """

    on: date
    edition: int | None
    confirmed: bool
    unaccounted: tuple[Session, ...] = ()
    suppressed_at: Session | None = None
    known_after: int | None = None  # the year after which nothing is known, where no session is recorded
    beyond: Session | None = None  # the latest session recorded, where the day is after it
    later_editions: tuple[int, ...] = field(default=())  # editions adopted after the day (not cited)

    @property
    def in_force(self) -> int | None:
        """The edition the records show to be in force on the day, or None."""
        return self.edition if self.confirmed and self.suppressed_at is None else None

    @property
    def stands(self) -> bool:
        """Whether it exists on the day, as the records show: an edition adopted by then, and no session up
        to the day recorded to have suppressed it. Only such an instrument may be cited as something a
        theme rests on, counted or proposed on that day (in force, or the latest recorded, said so)."""
        return self.edition is not None and self.suppressed_at is None

    @property
    def suppressed(self) -> bool:
        """Whether a session up to the day is recorded to have suppressed it."""
        return self.suppressed_at is not None


History = Sequence[tuple[str, str]]  # (session's meeting id, "maintained" or "suppressed")


def _by_year(recorded: Sequence[Session]) -> dict[int, Session]:
    """The session that adopts an edition of each year: the conference's session ending in that year."""
    return {s.end.year: s for s in recorded}


def adopted_between(conference: Conference, year: int, sessions: Sessions) -> tuple[date, date]:
    """The first and the last day an edition of a year can have been adopted on: its session's last day,
    where that session is recorded (as `standing` places it), else any day of the year."""
    session = _by_year(sessions.get(conference.body_id, ())).get(year)
    if session is not None:
        return session.end, session.end
    return date(year, 1, 1), date(year, 12, 31)


def standing(
    conference: Conference, years: Sequence[int], history: History, sessions: Sessions, on: date
) -> Standing:
    """The standing on a day of an instrument of a conference, its editions given by their years."""
    recorded = list(sessions.get(conference.body_id, ()))
    by_year = _by_year(recorded)
    outcomes = dict(history)

    def adopted(year: int) -> date | None:
        session = by_year.get(year)
        if session is not None:
            return session.end
        return date(year, 12, 31) if year < on.year else None

    days = [adopted(year) for year in years]
    placed = [(day, index) for index, day in enumerate(days) if day is not None and day <= on]
    later = tuple(i for i, day in enumerate(days) if day is None or day > on)
    if not placed:
        return Standing(on, None, False, later_editions=later)
    since, current = max(placed)

    # When each edition was adopted, whatever the day asked about: what a later "maintained" speaks of.
    ever = [by_year[y].end if y in by_year else date(y, 12, 31) for y in years]

    def maintained_after(day: date) -> bool:
        return _maintained_by(recorded, outcomes, ever, since, day) is not None

    unaccounted: list[Session] = []
    for session in (s for s in recorded if since < s.end <= on):
        outcome = outcomes.get(session.id)
        if outcome == "suppressed":
            return Standing(on, current, not unaccounted, tuple(unaccounted), session, later_editions=later)
        if outcome != "maintained" and not maintained_after(session.end):
            unaccounted.append(session)
    # Sessions before the earliest one recorded are not known: they may have changed the edition, unless a
    # later session maintained it.
    gap_ends = min(recorded[0].start, on) if recorded else on
    if since < gap_ends and not maintained_after(gap_ends):
        return Standing(
            on, current, False, tuple(unaccounted), known_after=years[current], later_editions=later
        )
    # After the latest session recorded, a session may have been held that the records do not know of.
    if recorded and on > recorded[-1].end:
        return Standing(on, current, False, tuple(unaccounted), beyond=recorded[-1], later_editions=later)
    return Standing(on, current, not unaccounted, tuple(unaccounted), later_editions=later)


def no_session_between(conference: Conference, since: date, on: date, sessions: Sessions) -> bool:
    """Whether the records show that no session of a conference ended after since and by on, so that what
    was true of its instruments on since (a theme's list checked complete) is still true on on. Its
    sessions are taken as recorded from its earliest recorded session to its latest, as `standing` takes
    them: where the span reaches outside them, nothing is known of it."""
    if on <= since:
        return True
    recorded = sessions.get(conference.body_id, ())
    if not recorded or any(since < s.end <= on for s in recorded):
        return False
    return recorded[0].start <= since and recorded[-1].end >= on


def _maintained_by(
    recorded: Sequence[Session], outcomes: Mapping[str, str], ever: Sequence[date], since: date, day: date
) -> Session | None:
    """The first session ending on or after day that maintained the edition adopted on `since`: ITU's list
    after it shows that edition, so no session between `since` and it revised or suppressed it."""
    return next(
        (
            s
            for s in recorded
            if outcomes.get(s.id) == "maintained" and s.end >= day and _edition_before(s.end, ever) == since
        ),
        None,
    )


@dataclass(frozen=True)
class Accounted:
    """What a session of its conference did with an instrument, as the records show: adopted an edition
    (`edition`, its index), maintained or suppressed it (`outcome`, from the history), or nothing recorded
    of its own but a later session's "maintained" accounts for it (`by`); none of these: not accounted for."""

    session: Session
    edition: int | None = None
    outcome: str | None = None
    by: Session | None = None

    @property
    def accounted_for(self) -> bool:
        """Whether the records account for the session (the rule `standing` applies)."""
        return self.edition is not None or self.outcome is not None or self.by is not None


def sessions_accounted(
    conference: Conference, years: Sequence[int], history: History, sessions: Sessions, on: date
) -> list[Accounted]:
    """Each recorded session of the instrument's conference from its first edition's year up to the day,
    earliest first, with how the records account for it (`standing`'s rule): no session after the day."""
    recorded = list(sessions.get(conference.body_id, ()))
    if not years:
        return []
    by_year = {s.end.year: s for s in recorded}
    outcomes = dict(history)
    ever = [by_year[y].end if y in by_year else date(y, 12, 31) for y in years]
    found = []
    for session in recorded:
        if session.end.year < min(years) or session.end > on:
            continue
        if session.end.year in years:
            found.append(Accounted(session, edition=list(years).index(session.end.year)))
        elif session.id in outcomes:
            found.append(Accounted(session, outcome=outcomes[session.id]))
        else:
            since = _edition_before(session.end, ever)
            by = _maintained_by(recorded, outcomes, ever, since, session.end) if since else None
            found.append(Accounted(session, by=by))
    return found


def _edition_before(day: date, days: Sequence[date]) -> date | None:
    """The adoption day of the edition in force just before a day (the latest adopted before it)."""
    earlier = [d for d in days if d < day]
    return max(earlier) if earlier else None
