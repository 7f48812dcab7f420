"""Themes: areas of mutual interest, with focal points and the yearly tracker of activities."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import BodyRef, Id, Link, ResolutionRef, SectorName, Source, StrictModel, Text, Year


class FocalPoint(StrictModel):
    """The person or unit a Sector or the General Secretariat appointed for a theme."""

    sector: SectorName
    role: Text | None = None
    unit: Text | None = Field(None, examples=["TSB"])
    name: Text | None = None
    email: Text | None = Field(None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Activity(StrictModel):
    """One line of the Intersectoral Coordination Tracker: a priority or activity of a year."""

    year: Year
    sector: SectorName
    title: Text
    status: Literal["planned", "ongoing", "completed"] | None = None
    description: Text | None = None
    links: list[Link] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)


class Theme(StrictModel):
    """An area of mutual interest to the Sectors and the General Secretariat."""

    id: Id = Field(examples=["accessibility"])
    title: Text
    description: Text | None = None
    status: Literal["proposed", "active", "retired"] | None = None
    since: Text | None = Field(None, pattern=r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$", examples=["2024-03"])
    proposed_by: BodyRef | None = Field(None, description="The body that proposed the theme, e.g. rag.")
    lead: SectorName | None = None
    focal_points: list[FocalPoint] = Field(default_factory=list)
    resolutions: list[ResolutionRef] = Field(
        default_factory=list, description="Ids of the resolutions it rests on."
    )
    iscg_topic_years: list[Year] = Field(
        default_factory=list, description="Years in which the ISCG addressed it."
    )
    tracker: list[Activity] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
