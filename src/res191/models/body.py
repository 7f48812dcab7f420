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

    name: Text | None = Field(None, description="The chair's name.", examples=["Mr Fabio Bigi"])
    country: Text | None = Field(None, description="The chair's country.", examples=["Italy"])
    role: Text | None = Field(
        None, description="The post that chairs it.", examples=["Deputy Secretary-General"]
    )


class Body(StrictModel):
    """A group, task force, advisory group or Council body."""

    id: Id = Field(examples=["iscg"])
    acronym: Text = Field(description="As ITU abbreviates it.", examples=["ISCG"])
    name: Text = Field(description="Its full name.", examples=["Inter-Sector Coordination Group"])
    sector: SectorName | None = Field(None, description="The Sector (or GS) it belongs to, if one.")
    parent: BodyRef | None = Field(None, description="The body it is part of.", examples=["council"])
    chair: Chair | None = Field(
        None, description="Who chairs it.", examples=[{"name": "Mr Fabio Bigi", "country": "Italy"}]
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
    resolutions: list[ResolutionRef] = Field(
        default_factory=list, description="The texts that set the body up or guide it.", examples=[["pp-191"]]
    )
    documents: list[DocumentRef] = Field(
        default_factory=list,
        description="Documents that set it up or give its terms of reference.",
        examples=[["so-24-06"]],
    )
    webpage: Link | None = Field(None, description="Its page on the web.")
    sources: list[Source] = Field(default_factory=list)
