"""Resolutions and decisions of ITU conferences, with one entry per edition, and which is in force."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from res191.models.common import (
    Conference,
    ConferenceName,
    Id,
    InstrumentNumber,
    Link,
    Sector,
    SectorName,
    Source,
    StrictModel,
    Text,
    Year,
)
from res191.models.in_force import ConferenceEnds, in_force_index

EditionStatus = Literal["in-force", "superseded", "abrogated"]


class Instruction(StrictModel):
    """What an edition instructs someone to do, summarised in the words of the text."""

    to: Text = Field(description="Who is instructed.", examples=["Secretary-General"])
    action: Text = Field(
        description="What to do, as words that follow 'to'.",
        examples=[
            "identify all forms and examples of overlapping functions and activities among the Sectors"
        ],
    )


class Edition(StrictModel):
    """One adoption or revision of an instrument at one edition of its conference."""

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
    status: EditionStatus | None = Field(
        None, description="in-force, superseded or abrogated, where known.", examples=["superseded"]
    )
    instructs: list[Instruction] = Field(
        default_factory=list,
        description="What this edition instructs, in the order of the text.",
        examples=[[{"to": "Secretary-General", "action": "..."}]],
    )
    link: Link | None = Field(None, description="Where to read this edition.")
    sources: list[Source] = Field(default_factory=list)


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

    def in_force(self, on: date, ends: ConferenceEnds) -> Edition | None:
        """The edition in force on a day, if the records say which."""
        index = in_force_index(self.conference, [e.year for e in self.editions], on, ends)
        return self.editions[index] if index is not None else None

    def edition_in(self, year: int) -> Edition:
        """The edition in force in a year: the latest adopted by then, else the earliest recorded."""
        adopted = [e for e in self.editions if e.year <= year]
        return max(adopted, key=lambda e: e.year) if adopted else min(self.editions, key=lambda e: e.year)

    @property
    def title(self) -> str | None:
        """The title of the latest edition whose title is recorded."""
        titled = [e for e in self.editions if e.title]
        return max(titled, key=lambda e: e.year).title if titled else None

    @property
    def concerned_sectors(self) -> set[Sector]:
        """The Sector of its conference and any Sector the record names."""
        own = self.conference.sector
        return set(self.sectors) | ({own} if own else set())

    def citation(self, edition: Edition | None = None) -> str:
        """The citation as ITU writes it, e.g. `Resolution 191 (Rev. Bucharest, 2022)`."""
        return citation(self, edition or self.latest)

    def citation_on(self, on: date, ends: ConferenceEnds) -> str:
        """The citation of the edition in force on a day; without the edition where none is recorded."""
        edition = self.in_force(on, ends)
        if edition is not None:
            return citation(self, edition)
        word = "Decision" if self.kind == "decision" else "Resolution"
        return f"{word} {self.number} (edition in force not recorded)"


def citation(resolution: Resolution, edition: Edition) -> str:
    """Render ITU's citation of one edition of an instrument."""
    word = "Decision" if resolution.kind == "decision" else "Resolution"
    number = edition.number or resolution.number
    rev = "Rev. " if edition.revised else ""
    if resolution.conference is Conference.WRC:
        where = f"{rev}WRC-{edition.year % 100:02d}"
    elif edition.place:
        where = f"{rev}{edition.place}, {edition.year}"
    else:
        where = f"{rev}{edition.year}"
    return f"{word} {number} ({where})"
