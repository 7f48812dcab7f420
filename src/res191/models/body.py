"""The bodies that coordinate: ISCG, ISC-TF, the advisory groups, Council and its groups."""

from __future__ import annotations

from pydantic import Field

from res191.models.common import BodyRef, Id, ResolutionRef, SectorName, Source, StrictModel, Text


class Chair(StrictModel):
    """Who chairs a body: a person, or the holder of a post."""

    name: Text | None = Field(None, examples=["Mr Fabio Bigi"])
    country: Text | None = Field(None, examples=["Italy"])
    role: Text | None = Field(None, examples=["Deputy Secretary-General"])


class Body(StrictModel):
    """A group, task force, advisory group or Council body."""

    id: Id = Field(examples=["iscg"])
    acronym: Text = Field(examples=["ISCG"])
    name: Text = Field(examples=["Inter-Sector Coordination Group"])
    sector: SectorName | None = None
    parent: BodyRef | None = None
    chair: Chair | None = None
    composition: Text | None = None
    terms_of_reference: Text | None = None
    reports_to: list[BodyRef] = []
    resolutions: list[ResolutionRef] = Field([], description="The texts that set the body up or guide it.")
    sources: list[Source] = []
