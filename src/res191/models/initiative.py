"""The secretariat's initiatives to improve coordination: what is done, by whom, and how far it is."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field

from res191.models.common import BodyRef, DocumentRef, Id, Link, Source, StrictModel, Text, ThemeRef, Year
from res191.models.translations import Translations

InitiativeStatus = Literal["planned", "ongoing", "completed"]


class InitiativeYear(StrictModel):
    """A year in which the initiative was worked on, and how far it had come, where a source says."""

    ONE_EACH: ClassVar[str] = "year"  # a year once: two statuses of one year contradict (validate, S207)

    year: Year = Field(description="A year it was worked on.")
    status: InitiativeStatus | None = Field(
        None,
        description="planned, ongoing or completed; left out where no source says.",
        examples=["ongoing"],
    )


class InitiativeTexts(StrictModel):
    """An initiative's texts in one of the other official languages."""

    title: Text | None = Field(None, description="Its title in this language.", examples=["..."])
    description: Text | None = Field(None, description="What it does, in this language.", examples=["..."])


class Initiative(StrictModel):
    """An effort of the secretariat to improve inter-Sector coordination, listed in the report of each
    year it was worked on."""

    id: Id = Field(examples=["coordination-webpage"])
    body: BodyRef = Field(description="The body that owns it, e.g. isc-tf.", examples=["isc-tf"])
    title: Text = Field(
        description="A few words that name it.", examples=["Intersectoral coordination webpage"]
    )
    description: Text | None = Field(
        None,
        description="What it is, as one sentence of the report: it is listed in the report as written here.",
        examples=["Improvement of the Intersectoral coordination webpage under the General Secretariat."],
    )
    years: list[InitiativeYear] = Field(
        min_length=1,
        description="The years it was worked on, each with its status where known.",
        examples=[[{"year": 2024, "status": "ongoing"}]],
    )
    themes: list[ThemeRef] = Field(
        default_factory=list, description="Themes it serves.", examples=[["accessibility"]]
    )
    documents: list[DocumentRef] = Field(
        default_factory=list, description="Documents about it.", examples=[["c24-35"]]
    )
    links: list[Link] = Field(default_factory=list, description="Web pages about it.")
    translations: Translations[InitiativeTexts] | None = Field(
        None,
        examples=[{"fr": {"title": "..."}}],
        description="Its title and description in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)

    def begun_by(self, day: date) -> bool:
        """Whether it was worked on by a day: its first year recorded is not after the day's (its years are
        all the records say of when)."""
        return min(worked.year for worked in self.years) <= day.year

    def as_known_on(self, day: date) -> Initiative | None:
        """The initiative as the records stood on a day: None where begun in a later year; else with the
        years up to the day's (a later year's status is not known then)."""
        if not self.begun_by(day):
            return None
        years = [worked for worked in self.years if worked.year <= day.year]
        return self if len(years) == len(self.years) else self.model_copy(update={"years": years})
