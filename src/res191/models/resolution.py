"""Resolutions and decisions of ITU conferences, with one entry per edition."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import (
    Conference,
    ConferenceName,
    Id,
    InstrumentNumber,
    Sector,
    SectorName,
    Source,
    StrictModel,
    Text,
    Year,
)

EditionStatus = Literal["in-force", "superseded", "abrogated"]


class Edition(StrictModel):
    """One adoption or revision of an instrument at one edition of its conference."""

    place: Text | None = Field(None, description="Where the conference met.", examples=["Bucharest"])
    year: Year
    revised: bool = Field(False, description="True when this edition revised an earlier text (Rev.).")
    number: InstrumentNumber | None = Field(
        None, description="The number as this edition writes it, when it differs (ITU-R 6-2)."
    )
    title: Text | None = Field(None, description="The title in this edition; titles change.")
    status: EditionStatus | None = None
    link: Text | None = Field(None, examples=["https://www.itu.int/pub/S-CONF-ACTF"])
    sources: list[Source] = []


class Resolution(StrictModel):
    """A resolution or decision of PP, WTSA, WTDC, RA, WRC or Council."""

    id: Id = Field(examples=["pp-191"])
    conference: ConferenceName
    kind: Literal["resolution", "decision"] = "resolution"
    number: InstrumentNumber
    editions: list[Edition] = Field(min_length=1)
    sectors: list[SectorName] = Field(
        [], description="Sectors concerned, besides the one whose conference adopted it."
    )
    calls_for_coordination: bool | None = Field(
        None, description="Whether the text calls for inter-Sector coordination."
    )
    text: Text | None = Field(
        None, description="The operative text, or its gist, where recorded: `res191 overlaps` reads it."
    )
    sources: list[Source] = []

    @property
    def latest(self) -> Edition:
        """The most recent edition recorded."""
        return max(self.editions, key=lambda edition: edition.year)

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
