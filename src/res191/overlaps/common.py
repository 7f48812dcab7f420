"""What the overlap finders share: records with their files, members, citations, groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel

from res191.loading.record import LoadedRecord
from res191.models import Cited, Conference, Edition, Resolution, Sessions
from res191.models.in_force import Standing, adopted_between
from res191.models.resolution import cited, latest_title
from res191.overlaps.findings import Link, Member, Weight
from res191.overlaps.similarity import Corpus
from res191.overlaps.who import Calendar
from res191.wording import join_and

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[Model]):
    """A valid record and the file it was loaded from."""

    loaded: LoadedRecord
    record: Model

    @property
    def id(self) -> str:
        return self.loaded.id

    def member(self, label: str, sector: str | None = None, path: tuple[str | int, ...] = ("id",)) -> Member:
        """This record (or a part of it, at path) as a member of a finding."""
        line, _ = self.loaded.locate(path)
        return Member(self.loaded.kind.name, self.id, label, self.loaded.shown, line, sector)


# What the asterisk after a citation means, wherever findings are written for people.
UNCONFIRMED = (
    "* the latest edition recorded: the records do not account for every session of its conference up "
    "to the day, so whether it is the edition in force is not known"
)


def entries(loaded: list[LoadedRecord], model: type[Model]) -> list[Entry[Model]]:
    """The valid records of one model among loaded ones."""
    return [Entry(r, r.record) for r in loaded if isinstance(r.record, model)]


@dataclass(frozen=True)
class AsOf:
    """The day the findings speak of, and the sessions that say which edition is in force on it."""

    on: date
    sessions: Sessions
    calendar: Calendar = field(default_factory=lambda: Calendar((), ()))
    # Each resolution's citation, worked out once: a theme's finding cites each of its resolutions five
    # times or more, and a resolution is cited by every theme that rests on it (by the object's identity,
    # the object kept with it so that the identity is not reused).
    _found: dict[int, tuple[Resolution, Cited, list[Edition], Standing]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def _standing(self, resolution: Resolution) -> tuple[Resolution, Cited, list[Edition], Standing]:
        # Its standing worked out once (models/in_force.py decides, for every output): its citation and
        # its editions adopted by the day, as Resolution.cited and Resolution.editions_by give them.
        kept = self._found.get(id(resolution))
        if kept is None or kept[0] is not resolution:
            found = resolution.standing(self.on, self.sessions)
            kept = self._found[id(resolution)] = (
                resolution,
                cited(resolution, found),
                resolution.editions_of(found),
                found,
            )
        return kept

    def cited(self, resolution: Resolution) -> Cited:
        """How a resolution is cited on the day (models/in_force.py decides, for every output)."""
        return self._standing(resolution)[1]

    def editions(self, resolution: Resolution) -> list[Edition]:
        """Its editions adopted by the day (Resolution.editions_by): all that a finding of the day may read
        or state of it, never a later edition's title or instructions."""
        return self._standing(resolution)[2]

    def title(self, resolution: Resolution) -> str | None:
        """What it is about on the day: the title of its latest edition adopted by then whose title is
        recorded (Resolution.title, of the day)."""
        return latest_title(self.editions(resolution))

    def standing(self, resolutions: Sequence[Entry[Resolution]]) -> list[Entry[Resolution]]:
        """The resolutions that exist on the day (Standing.stands): one suppressed by then, or none of whose
        editions is adopted yet, is not cited, counted nor proposed by any finding of the day."""
        return [r for r in resolutions if self.cited(r.record).stands]

    def cite(self, resolution: Resolution) -> str:
        """`WTSA Resolution 70 (Rev. Dubai, 2012)`, with its conference, as the records stand on the day;
        marked with an asterisk where the edition is only the latest recorded (UNCONFIRMED), not known to
        be in force."""
        found = self.cited(resolution)
        return f"{resolution.conference.value} {found.text}{'' if found.in_force else '*'}"

    def edition(self, resolution: Resolution) -> Edition:
        """The edition in force on the day, or the latest recorded by then (else the earliest recorded)."""
        found = self.cited(resolution).edition
        return found or min(resolution.editions, key=lambda e: e.year)

    def predates(self, older: Resolution, newer: Resolution) -> bool:
        """Whether the edition cited of one was adopted before the other's, as far as the records date them
        (in_force.adopted_between: a session's last day, else only the year)."""
        first = adopted_between(older.conference, self.edition(older).year, self.sessions)
        second = adopted_between(newer.conference, self.edition(newer).year, self.sessions)
        return first[1] < second[0]

    def next(self, body: str) -> str:
        """When a body can next act, from the meetings recorded: `at WTDC-25 (from 17 November 2025)`."""
        return self.calendar.next(body, self.on)

    def latest(self, resolutions: Sequence[Resolution], editions: str = "edition") -> str:
        """`the latest edition`, or `the latest edition recorded` where any of the editions compared is only
        the latest recorded (UNCONFIRMED): a session since may have revised one of them."""
        unconfirmed = any(not self.cited(r).in_force for r in resolutions)
        return f"the latest {editions}{' recorded' if unconfirmed else ''}"

    def check_first(self, resolutions: Sequence[Resolution]) -> str:
        """For an action on resolutions (those acted on, and the text they would refer to): the sessions
        held since the edition cited of each whose decisions on it the records do not hold
        (Standing.unaccounted), to check before acting, in a sentence: `First check what WTDC-25 decided
        on it: the records do not hold that.`; "" where the records account for every session held by the
        day. Each resolution with its own sessions: one adopted at WTDC-22 is not asked about WTDC-17."""
        clauses: dict[str, list[Resolution]] = {}  # what to check, with the resolutions it is asked of
        for resolution in resolutions:
            found = self._standing(resolution)[3]
            if not found.stands:
                continue
            if found.known_after is not None:
                # Sessions before the earliest recorded are not known at all: counted from a year.
                body = self.calendar.name(resolution.conference.body_id)
                clauses.setdefault(f"{body} decided on {{}} after {found.known_after}", []).append(resolution)
            elif found.unaccounted:
                held = sorted(found.unaccounted, key=lambda s: (s.end, s.id))
                sessions = join_and([s.name for s in held])
                clauses.setdefault(f"{sessions} decided on {{}}", []).append(resolution)
        if not clauses:
            return ""
        if len(clauses) == 1 and len(next(iter(clauses.values()))) == len(resolutions):
            # Every resolution of the action, the same sessions: `it`, `them`.
            ((what, asked),) = clauses.items()
            said = [what.format("it" if len(asked) == 1 else "them")]
        else:
            said = [what.format(join_and([self.cite(r) for r in asked])) for what, asked in clauses.items()]
        return f"First check {join_and([f'what {what}' for what in said])}: the records do not hold that."

    def keeper(self, resolutions: Sequence[Resolution]) -> Resolution:
        """Of resolutions on one subject, the one the others would refer to: the PP resolution (the whole
        Union's), else the Council's, else the latest edition; every finding keeps the same one."""
        return min(
            resolutions,
            key=lambda r: (
                {Conference.PP: 0, Conference.COUNCIL: 1}.get(r.conference, 2),
                -self.edition(r).year,
                r.order,
            ),
        )


def sector_of(resolution: Resolution) -> str | None:
    """The Sector whose conference adopted a resolution; None for PP and Council."""
    sector = resolution.conference.sector
    return sector.value if sector else None


def link(corpus: Corpus, first: int, second: int, first_id: str, second_id: str) -> Link:
    """Why two texts of a corpus are alike, for `--explain`: each shared term and its weights, one row
    a term as the texts write it (a word and a phrase written alike are one row, adding both)."""
    rows: dict[str, list[float]] = {}
    for term, a, b in corpus.contributions(first, second):
        row = rows.setdefault(corpus.label(term, first, second), [0.0, 0.0, 0.0])
        row[0], row[1], row[2] = max(row[0], a), max(row[1], b), row[2] + a * b
    terms = tuple(
        Weight(label, round(a, 3), round(b, 3), round(adds, 3))
        for label, (a, b, adds) in sorted(rows.items(), key=lambda item: -item[1][2])
    )
    return Link(first_id, second_id, round(corpus.similarity(first, second), 2), terms)


def quoted(terms: Sequence[str]) -> str:
    """Shared terms as evidence in a sentence: `shared terms: “gender”, “information society”`."""
    return "shared terms: " + ", ".join(f"“{t}”" for t in terms)
