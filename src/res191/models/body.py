"""The bodies that coordinate: ISCG, ISC-TF, the advisory groups, Council and its groups."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import Field

from res191.models.common import (
    BodyRef,
    Day,
    DocumentRef,
    Id,
    Link,
    ResolutionRef,
    SectorName,
    Source,
    StrictModel,
    Text,
    Year,
    first_day,
    last_day,
)
from res191.models.translations import Translations


class Chair(StrictModel):
    """Who chairs a body, and when: a person, or the holder of a post.

    A chair is named only for the days the record covers: within its term (since, until), or in a year a
    source names them chair (years) where the term is not known. A report of another year says the chair
    is not recorded rather than name today's chair.
    """

    # The same entry twice only where it names someone: two holders of one post in a year, their names not
    # recorded, are alike in every field (validate, S207).
    NAMED_BY: ClassVar[str] = "name"

    name: Text | None = Field(None, description="The chair's name.", examples=["Mr Fabio Bigi"])
    country: Text | None = Field(None, description="The chair's country.", examples=["Italy"])
    role: Text | None = Field(
        None, description="The post that chairs it.", examples=["Deputy Secretary-General"]
    )
    since: Day | None = Field(None, description="The first day (or year) of the term, where known.")
    until: Day | None = Field(None, description="The last day (or year) of the term, where it has ended.")
    years: list[Year] = Field(
        default_factory=list,
        description="Years in which a source names them chair, where the term is not known.",
        examples=[[2024]],
    )
    sources: list[Source] = Field(default_factory=list)

    def as_known_on(self, day: date) -> Chair | None:
        """The chair as the records stood on a day: None where the term began after it (or every year a
        source names them is later); the years up to it; an end after it left out, unknown then."""
        years = [year for year in self.years if year <= day.year]
        begun = self.since is not None and first_day(self.since) <= day
        if not begun and not years:
            return None
        until = self.until if self.until is not None and last_day(self.until) <= day else None
        since = self.since if begun else None
        return self.model_copy(update={"years": years, "until": until, "since": since})

    def holds_on(self, day: date) -> bool:
        """Whether the record shows them chair on a day."""
        if day.year in self.years:
            return True
        if self.since is None:
            return False
        begins = first_day(self.since)
        ends = last_day(self.until) if self.until else date.max
        return begins <= day <= ends


class BodyTexts(StrictModel):
    """A body's name in one of the other official languages."""

    name: Text | None = Field(
        None,
        description="Its full name in this language, as ITU writes it.",
        examples=["Conférence de plénipotentiaires"],
    )


class Body(StrictModel):
    """A group, task force, advisory group or Council body."""

    id: Id = Field(examples=["iscg"])
    acronym: Text = Field(description="As ITU abbreviates it.", examples=["ISCG"])
    name: Text = Field(description="Its full name.", examples=["Inter-Sector Coordination Group"])
    sector: SectorName | None = Field(None, description="The Sector (or GS) it belongs to, if one.")
    parent: BodyRef | None = Field(None, description="The body it is part of.", examples=["council"])
    chairs: list[Chair] = Field(
        default_factory=list,
        description="Who chairs it, with the term or the years a source names them.",
        examples=[[{"name": "Mr Fabio Bigi", "country": "Italy", "years": [2024]}]],
    )
    composition: Text | None = Field(
        None,
        description="Who it is made of, as words that follow 'comprises'.",
        examples=["representatives from the Bureaux and the General Secretariat"],
    )
    terms_of_reference: Text | None = Field(
        None,
        description="What it does, as words that follow 'the body that'.",
        examples=["coordinates within the secretariat"],
    )
    working_method: Text | None = Field(
        None, description="How it works, as words before 'group'.", examples=["contribution-driven"]
    )
    objective: Text | None = Field(
        None,
        description="Its main objective, as words that follow 'is'.",
        examples=["to convey the membership concerns"],
    )
    reports_to: list[BodyRef] = Field(
        default_factory=list, description="The bodies it reports to.", examples=[["tsag", "cwg-fhr"]]
    )
    described_in: list[Year] = Field(
        default_factory=list,
        description="The years for which a source gives its composition, terms of reference, working method, "
        "objective and the bodies it reports to: a report of another year states none of them.",
        examples=[[2024]],
    )
    resolutions: list[ResolutionRef] = Field(
        default_factory=list, description="The texts that set the body up or guide it.", examples=[["pp-191"]]
    )
    documents: list[DocumentRef] = Field(
        default_factory=list,
        description="Documents that set it up or give its terms of reference.",
        examples=[["so-24-06"]],
    )
    webpage: Link | None = Field(None, description="Its page on the web.")
    translations: Translations[BodyTexts] | None = Field(
        None,
        examples=[{"fr": {"name": "Conférence de plénipotentiaires"}}],
        description="Its name in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)

    def described(self) -> bool:
        """Whether the record describes the body (any of DESCRIPTION given)."""
        return any(getattr(self, key) for key in DESCRIPTION)

    def as_described_in(self, year: int) -> Body:
        """The body as a text about a year may describe it: its description (DESCRIPTION) only where a source
        gives it for that year (described_in), so that a report of another year does not repeat it."""
        return self if year in self.described_in else self._undescribed()

    def as_described_by(self, day: date) -> Body:
        """The body as the records stood on a day: its description where a source gave it for a year up to
        the day's (described_in keeps those years only, for a page to say which), else none."""
        years = [year for year in self.described_in if year <= day.year]
        if not years:
            return self._undescribed()
        return self if years == self.described_in else self.model_copy(update={"described_in": years})

    def _undescribed(self) -> Body:
        """The body without its description, as a record that never had one."""
        if not self.described() and not self.described_in:
            return self
        # Made again without them rather than copied with them emptied: left unset, as a record that never
        # had them (the open data and `list` write a record's keys as its file gives them).
        kept = self.model_dump(exclude={*DESCRIPTION, "described_in"}, exclude_unset=True)
        return Body.model_validate(kept)

    def chair_on(self, day: date, known_on: date | None = None) -> Chair | None:
        """The chair the records show on a day (the latest to begin, where terms overlap), or None; as the
        records stood on `known_on` (Chair.as_known_on; the day itself where not given): a site of 2019 names
        no chair of a 2024 meeting that only a source of 2024 names."""
        known = (chair.as_known_on(day if known_on is None else known_on) for chair in self.chairs)
        holding = [c for c in known if c is not None and c.holds_on(day)]
        return max(holding, key=lambda c: first_day(c.since) if c.since else date.min, default=None)


# What describes a body, and holds for the years a source gives it (Body.described_in), not for others.
DESCRIPTION = ("composition", "terms_of_reference", "working_method", "objective", "reports_to")
