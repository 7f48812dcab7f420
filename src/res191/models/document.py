"""Documents that records and reports refer to: Council documents, service orders."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import Id, Link, Source, StrictModel, Text

DocumentKind = Literal["council-document", "service-order", "other"]


class Document(StrictModel):
    """A document cited by its number, with what it is about and where to read it."""

    id: Id = Field(examples=["c24-35"])
    number: Text = Field(description="As ITU writes it.", examples=["C24/35", "Service Order No. 24/06"])
    kind: DocumentKind = Field(
        description="council-document, service-order or other.", examples=["council-document"]
    )
    title: Text | None = Field(None, description="Its title, where it was checked.", examples=["..."])
    about: Text | None = Field(
        None,
        description="What it is on, as words that follow 'on': cited as 'C24/35 on ...'.",
        examples=["the implementation of the strategic plan and the activities of the Union"],
    )
    link: Link | None = Field(None, description="Where to read it.")
    sources: list[Source] = Field(default_factory=list)
