"""Resolutions and decisions of ITU conferences: one entry per edition, the outcome of each later session of
their conference (maintained or suppressed), and how each is cited on a day."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from res191.models.common import (
    Conference,
    ConferenceName,
    Id,
    InstrumentNumber,
    Link,
    MeetingRef,
    Sector,
    SectorName,
    Source,
    StrictModel,
    Text,
    Year,
)
from res191.models.dates import long_date
from res191.models.in_force import Accounted, Sessions, Standing, sessions_accounted, standing
from res191.models.translations import Translations


class Instruction(StrictModel):
    """What an edition instructs someone to do, summarised in the words of the text."""

    to: Text = Field(description="Who is instructed.", examples=["Secretary-General"])
    action: Text = Field(
        description="What to do, as words that follow 'to'.",
        examples=[
            "identify all forms and examples of overlapping functions and activities among the Sectors"
        ],
    )


class EditionTexts(StrictModel):
    """An edition's title in one of the other official languages."""

    title: Text | None = Field(
        None, description="The title in this language, as ITU publishes it.", examples=["..."]
    )


class Edition(StrictModel):
    """One adoption or revision of an instrument at one edition of its conference."""

    # A year once: two editions of one year are cited alike ("Rev. Bucharest, 2022"), and which of them is
    # in force cannot be told (validate, S207).
    ONE_EACH: ClassVar[str] = "year"

    place: Text | None = Field(None, description="Where the conference met.", examples=["Bucharest"])
    year: Year = Field(description="The year of the conference.")
    revised: bool = Field(
        False, description="true when this edition revised an earlier text (Rev.).", examples=[True]
    )
    number: InstrumentNumber | None = Field(
        None, description="The number as this edition writes it, when it differs (ITU-R 6-2)."
    )
    title: Text | None = Field(
        None,
        description="The title in this edition; titles change.",
        examples=["Strategy for the coordination of efforts among the three Sectors of the Union"],
    )
    instructs: list[Instruction] = Field(
        default_factory=list,
        description="What this edition instructs, in the order of the text.",
        examples=[[{"to": "Secretary-General", "action": "..."}]],
    )
    link: Link | None = Field(None, description="Where to read this edition.")
    translations: Translations[EditionTexts] | None = Field(
        None,
        examples=[{"fr": {"title": "..."}}],
        description="Its title in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)


class SessionOutcome(StrictModel):
    """What a later session of the conference did with the instrument, other than revise it (a revision
    is an edition): it maintained it unchanged, or suppressed it."""

    ONE_EACH: ClassVar[str] = "session"  # a session once: it did one thing with it (validate, S207)

    session: MeetingRef = Field(
        description="The session, a meeting record of the conference (wtdc-2022).", examples=["wtdc-2022"]
    )
    outcome: Literal["maintained", "suppressed"] = Field(
        description="maintained (listed unchanged after the session) or suppressed (no longer listed).",
        examples=["maintained"],
    )
    listed_as: Text | None = Field(
        None,
        description="As the session's list of texts in force writes it.",
        examples=["RESOLUTION 10 (Rev. Hyderabad, 2010)"],
    )
    source: Source = Field(
        description="Where this is read: the session's final acts or report, their address."
    )


class Resolution(StrictModel):
    """A resolution or decision of PP, WTSA, WTDC, RA, WRC or Council."""

    id: Id = Field(examples=["pp-191"])
    conference: ConferenceName = Field(description="PP, WTSA, WTDC, RA, WRC or Council.")
    kind: Literal["resolution", "decision"] = Field(
        "resolution", description="resolution or decision.", examples=["resolution"]
    )
    number: InstrumentNumber = Field(description="As ITU writes it, in quotes.")
    sectors: list[SectorName] = Field(
        default_factory=list,
        description="Sectors concerned, besides the one whose conference adopted it.",
        examples=[["ITU-R", "ITU-T", "ITU-D", "GS"]],
    )
    calls_for_coordination: bool | None = Field(
        None, description="Whether the text calls for inter-Sector coordination.", examples=[True]
    )
    editions: list[Edition] = Field(
        min_length=1,
        description="One entry per adoption or revision, each with its place, year and title.",
        examples=[[{"place": "Bucharest", "year": 2022, "revised": True}]],
    )
    history: list[SessionOutcome] = Field(
        default_factory=list,
        description="Each later session of the conference that maintained or suppressed it, with its source; "
        "a session that revised it is an edition.",
        examples=[[{"session": "wtdc-2022", "outcome": "maintained", "source": "https://www.itu.int/..."}]],
    )
    text: Text | None = Field(
        None,
        description="The operative text, or its gist, where recorded: `res191 overlaps` reads it.",
        examples=["..."],
    )
    sources: list[Source] = Field(default_factory=list)

    @property
    def latest(self) -> Edition:
        """The most recent edition recorded."""
        return max(self.editions, key=lambda edition: edition.year)

    def standing(self, on: date, sessions: Sessions) -> Standing:
        """What the records say of it on a day: the edition in force, or the latest recorded and why."""
        history = [(h.session, h.outcome) for h in self.history]
        return standing(self.conference, [e.year for e in self.editions], history, sessions, on)

    def sessions_accounted(self, on: date, sessions: Sessions) -> list[Accounted]:
        """The sessions of its conference up to a day, each with how the records account for it
        (in_force.sessions_accounted: the rule `standing` applies)."""
        history = [(h.session, h.outcome) for h in self.history]
        return sessions_accounted(self.conference, [e.year for e in self.editions], history, sessions, on)

    def editions_by(self, on: date, sessions: Sessions) -> list[Edition]:
        """Its editions adopted by a day (in_force.py places each on its session's last day), in the
        record's order: an output of the day shows no later one (Standing.later_editions)."""
        return self.editions_of(self.standing(on, sessions))

    def editions_of(self, found: Standing) -> list[Edition]:
        """Its editions adopted by the day of a standing of it (editions_by, the standing worked out)."""
        later = set(found.later_editions)
        return [e for i, e in enumerate(self.editions) if i not in later]

    def cited(self, on: date, sessions: Sessions) -> Cited:
        """How it is cited on a day, and what the records cannot confirm about that."""
        return cited(self, self.standing(on, sessions))

    @property
    def title(self) -> str | None:
        """The title of the latest edition whose title is recorded: what the resolution is about, for
        comparing texts; not to show beside a citation of another edition (Cited.title is the one), nor
        on a day before that edition (latest_title of the editions of the day: AsOf.title)."""
        return latest_title(self.editions)

    @property
    def concerned_sectors(self) -> set[Sector]:
        """The Sector of its conference and any Sector the record names."""
        own = self.conference.sector
        return set(self.sectors) | ({own} if own else set())

    def citation(self, edition: Edition | None = None) -> str:
        """The citation as ITU writes it, e.g. `Resolution 191 (Rev. Bucharest, 2022)`."""
        return citation(self, edition or self.latest)

    @property
    def order(self) -> tuple[int, tuple[int, ...], str]:
        """Where it stands in a list: by conference (PP, WTSA, WTDC, RA, WRC, Council), then by number
        as a number (PP 35 before PP 200; ITU-R 6-2 before ITU-R 7)."""
        return (list(Conference).index(self.conference), number_order(self.number), self.number)

    @property
    def short(self) -> str:
        """`Resolution 191`, `Decision 5`: the instrument without an edition."""
        return f"{'Decision' if self.kind == 'decision' else 'Resolution'} {self.number}"


@dataclass(frozen=True)
class Cited:
    """An instrument as an output cites it on a day.

    text is the citation of the edition in force, or of the latest recorded one, or the instrument
    alone; in_force is True only where every session up to the day is accounted for; note says, in
    words, what the records do not confirm (None where they confirm the edition in force); stands is
    whether it exists on the day (Standing.stands): one not adopted yet, or suppressed by then, is not
    cited as something a theme rests on, nor counted, nor proposed.
    """

    text: str
    in_force: bool
    note: str | None
    edition: Edition | None
    stands: bool

    def __str__(self) -> str:
        return self.text if self.note is None else f"{self.text} ({self.note})"

    @property
    def adopted(self) -> bool:
        """Whether an edition was adopted by the day (suppressed since or not): an output of the day may
        list or count it; one of an earlier day does not know it."""
        return self.edition is not None

    @property
    def title(self) -> str | None:
        """The title of the edition cited, where recorded; never another edition's (titles change between
        editions: the latest edition's is not the one in force on an earlier day)."""
        return self.edition.title if self.edition is not None else None


def cited(resolution: Resolution, found: Standing) -> Cited:
    """The citation a standing allows, with its note."""
    if found.edition is None:
        note = f"no edition recorded as adopted by {long_date(found.on)}"
        return Cited(resolution.short, False, note, None, stands=False)
    edition = resolution.editions[found.edition]
    text = citation(resolution, edition)
    if found.suppressed_at is not None:
        return Cited(text, False, f"suppressed at {found.suppressed_at.name}", edition, stands=False)
    if found.confirmed:
        return Cited(text, True, None, edition, stands=True)
    # Where the records stop knowing: after the edition's year where its sessions before the earliest
    # recorded are not known (Standing.known_after), else at the first session not accounted for.
    if found.known_after is not None:
        since = f"after {found.known_after}"
    elif found.unaccounted:
        since = f"since {found.unaccounted[0].name}"
    else:
        since = f"after {found.beyond.name}" if found.beyond else "by the records"
    return Cited(text, False, f"latest recorded edition; not confirmed {since}", edition, stands=True)


def latest_title(editions: Iterable[Edition]) -> str | None:
    """The title of the latest of these editions whose title is recorded, else None."""
    titled = [e for e in editions if e.title]
    return max(titled, key=lambda e: e.year).title if titled else None


def citation(resolution: Resolution, edition: Edition) -> str:
    """Render ITU's citation of one edition of an instrument: `Resolution 191 (Rev. Bucharest, 2022)`,
    `Resolution 646 (Rev. WRC-19)`, `Resolution 1307 (C09)`."""
    word = "Decision" if resolution.kind == "decision" else "Resolution"
    number = edition.number or resolution.number
    rev = "Rev. " if edition.revised else ""
    if resolution.conference is Conference.WRC:
        where = f"{rev}WRC-{edition.year % 100:02d}"
    elif resolution.conference is Conference.COUNCIL:
        # ITU cites a Council resolution by its session, "Resolution 1307 (C09)", and a modified one by
        # the year that modified it, "Resolution 1305 (Modified 2019)".
        where = f"Modified {edition.year}" if edition.revised else f"C{edition.year % 100:02d}"
    elif edition.place:
        where = f"{rev}{edition.place}, {edition.year}"
    else:
        where = f"{rev}{edition.year}"
    return f"{word} {number} ({where})"


def number_order(number: str) -> tuple[int, ...]:
    """An instrument number's place in numeric order: `35` before `200`, `ITU-R 6-2` before `ITU-R 7`."""
    return tuple(int(part) for part in re.findall(r"[0-9]+", number))
