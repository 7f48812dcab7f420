"""Themes: areas of mutual interest, with focal points and the yearly tracker of activities."""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Literal

from pydantic import Field, model_validator

from res191.models.common import (
    BodyRef,
    Id,
    IsoDate,
    Link,
    ResolutionRef,
    SectorName,
    Source,
    StrictModel,
    Text,
    Year,
)
from res191.models.in_force import Sessions, no_session_between
from res191.models.reporting import reported_on, status_on, theme_exists
from res191.models.translations import Translations
from res191.models.vocabulary import Conference


class FocalPoint(StrictModel):
    """The person or unit a Sector or the General Secretariat appointed for a theme."""

    # The same entry twice only where it names someone: two focal points of a Sector whose names may not be
    # published, alike in every field, can be two people (validate, S207).
    NAMED_BY: ClassVar[str] = "name"

    sector: SectorName = Field(description="ITU-R, ITU-T, ITU-D or GS (the General Secretariat).")
    role: Text | None = Field(
        None, description="The post, where no name is given.", examples=["Programme Officer"]
    )
    unit: Text | None = Field(None, description="The bureau or department.", examples=["TSB"])
    name: Text | None = Field(
        None, description="The person's name, where it may be published.", examples=["Ms A. Example"]
    )
    email: Text | None = Field(
        None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="Their address.", examples=["name@itu.int"]
    )


class Activity(StrictModel):
    """One line of the Intersectoral Coordination Tracker: a priority or activity of a year."""

    year: Year = Field(description="The year it is a priority or activity of.")
    sector: SectorName = Field(description="The Sector (or GS) that carries it out.")
    title: Text = Field(
        description="What it is, in a few words.", examples=["Joint workshop on accessibility"]
    )
    status: Literal["planned", "ongoing", "completed"] | None = Field(
        None, description="planned, ongoing or completed, where known.", examples=["ongoing"]
    )
    description: Text | None = Field(
        None, description="More about it.", examples=["With ITU-D study groups."]
    )
    links: list[Link] = Field(default_factory=list, description="Web pages about it.")
    sources: list[Source] = Field(default_factory=list)

    def known_on(self, day: date) -> bool:
        """Whether it is an activity of a year up to a day's: a later year's is not known on the day."""
        return self.year <= day.year


class CompleteList(StrictModel):
    """A declaration that a theme's list of resolutions is every one ITU has on it, as of a day."""

    as_of: IsoDate = Field(description="The day the list was checked complete.")
    source: Source = Field(
        description="Where that is read: ITU's list of themes and the resolutions they rest on.",
        examples=["https://www.itu.int/en/general-secretariat/Pages/intersectoral-coordination.aspx"],
    )


class ThemeTexts(StrictModel):
    """A theme's texts in one of the other official languages."""

    title: Text | None = Field(None, description="The theme in this language.", examples=["..."])
    description: Text | None = Field(None, description="What it covers, in this language.", examples=["..."])


class Theme(StrictModel):
    """An area of mutual interest to the Sectors and the General Secretariat."""

    id: Id = Field(examples=["accessibility"])
    title: Text = Field(description="The theme as ITU words it.", examples=["Accessibility"])
    description: Text | None = Field(None, description="What the theme covers.", examples=["..."])
    status: Literal["proposed", "active", "retired"] | None = Field(
        None, description="proposed, active or retired.", examples=["active"]
    )
    status_as_of: Text | None = Field(
        None,
        pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$",
        description="When the status was read in its source: a year, or year and month. Outputs of an "
        "earlier day do not know it (a theme retired in 2025 is reported in 2024).",
        examples=["2024-05"],
    )
    since: Text | None = Field(
        None,
        pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$",
        description="When it became a theme: a year, or year and month.",
        examples=["2024-03"],
    )
    proposed_by: BodyRef | None = Field(
        None, description="The body that proposed the theme.", examples=["rag"]
    )
    lead: SectorName | None = Field(None, description="The Sector that leads it, if one does.")
    focal_points: list[FocalPoint] = Field(
        default_factory=list,
        description="The focal points the Sectors and the General Secretariat appointed.",
        examples=[[{"sector": "ITU-T", "unit": "TSB"}]],
    )
    resolutions: list[ResolutionRef] = Field(
        default_factory=list,
        description="Ids of the resolutions it rests on.",
        examples=[["pp-175", "wtsa-70"]],
    )
    resolutions_complete: CompleteList | None = Field(
        None,
        description="Only where a source says the list of resolutions is complete: then a Sector with none "
        "listed is said to have none; otherwise only that none is recorded.",
        examples=[{"as_of": "2024-05-01", "source": "https://www.itu.int/..."}],
    )
    iscg_topic_years: list[Year] = Field(
        default_factory=list, description="Years in which the ISCG addressed it."
    )
    tracker: list[Activity] = Field(
        default_factory=list,
        description="The Intersectoral Coordination Tracker: priorities and activities by year.",
        examples=[[{"year": 2024, "sector": "ITU-T", "title": "..."}]],
    )
    translations: Translations[ThemeTexts] | None = Field(
        None,
        examples=[{"fr": {"title": "..."}}],
        description="Its title and description in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)

    @model_validator(mode="after")
    def _a_status_to_date(self) -> Theme:
        if self.status_as_of is not None and self.status is None:
            raise ValueError(
                "status_as_of dates the theme's status, and it has none: give status (proposed, active or "
                "retired) or leave status_as_of out"
            )
        return self

    def complete_on(self, day: date) -> CompleteList | None:
        """The declaration that its list of resolutions is complete, where it backs an absence on a day (a
        Sector "has none"): only one checked complete by then; a list checked later says nothing of it."""
        complete = self.resolutions_complete
        return complete if complete is not None and complete.as_of <= day else None

    def has_none_of(self, conference: Conference, day: date, sessions: Sessions) -> bool:
        """Whether the records back saying, on a day, that the theme rests on no resolution of a conference
        beyond those listed: its list was checked complete by then (complete_on), and no session of the
        conference since could have adopted one (in_force.no_session_between)."""
        complete = self.complete_on(day)
        return complete is not None and no_session_between(conference, complete.as_of, day, sessions)

    def exists_on(self, day: date) -> bool:
        """Whether it is a theme on a day (models/reporting.theme_exists): none of a day before its `since`
        shows it."""
        return theme_exists(self.since, day)

    def status_on(self, day: date) -> str | None:
        """Its status as known on a day (models/reporting.status_on)."""
        return status_on(self.status, self.status_as_of, day)

    def reported_on(self, day: date) -> bool:
        """Whether outputs of a day report it (models/reporting.reported_on)."""
        return reported_on(self.since, self.status, self.status_as_of, day)

    def activities_by(self, day: date) -> list[Activity]:
        """Its tracker as known on a day: the activities of years up to the day's."""
        return [activity for activity in self.tracker if activity.known_on(day)]

    def as_known_on(self, day: date) -> Theme | None:
        """The theme as the records stood on a day: None where not a theme yet (exists_on); else with its
        status where known by then (status_on: else none, nor the month it was read), the tracker's
        activities and the years the ISCG addressed it up to the day's year (a later year is not known
        then). Its resolutions as listed: which stand on the day is the resolutions' own rule."""
        if not self.exists_on(day):
            return None
        known = self.status_on(day)
        changed = {
            "status": known,
            "status_as_of": self.status_as_of if known is not None else None,
            "tracker": self.activities_by(day),
            "iscg_topic_years": [year for year in self.iscg_topic_years if year <= day.year],
        }
        changed = {key: value for key, value in changed.items() if value != getattr(self, key)}
        return self.model_copy(update=changed) if changed else self
