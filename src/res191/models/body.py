"""The bodies that coordinate: ISCG, ISC-TF, the advisory groups, Council and its groups."""

from __future__ import annotations

from pydantic import Field

from res191.models.common import (
    BodyRef,
    DocumentRef,
    Id,
    Link,
    ResolutionRef,
    SectorName,
    Source,
    StrictModel,
    Text,
)


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
    reports_to: list[BodyRef] = Field(default_factory=list)
    resolutions: list[ResolutionRef] = Field(
        default_factory=list, description="The texts that set the body up or guide it."
    )
    documents: list[DocumentRef] = Field(
        default_factory=list, description="Documents that set it up or give its terms of reference."
    )
    webpage: Link | None = None
    sources: list[Source] = Field(default_factory=list)
