"""Documents that records and reports refer to: Council documents, service orders."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field

from res191.models.common import Id, Link, Source, StrictModel, Text, Year

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
    year: Year | None = Field(
        None,
        description="The year it belongs to (a Council document's session), where its number does not say: "
        "C24/35 is of 2024, Service Order No. 24/06 of 2024.",
    )
    sources: list[Source] = Field(default_factory=list)

    @property
    def of_year(self) -> int | None:
        """The year it belongs to: as given, else as its number says (C24/35, No. 24/06), else None."""
        return self.year if self.year is not None else document_year(self.number)

    def dated_by(self, day: date) -> bool:
        """Whether it exists on a day: its year (of_year) is not after the day's (only the year is known);
        one of no known year is taken to. No output of an earlier day shows one of a later year: not the
        documents' list, the bodies' terms of reference, the search nor the open data."""
        year = self.of_year
        return year is None or year <= day.year


_NUMBERED = re.compile(r"^C([0-9]{2})/|No\. ([0-9]{2})/")


def document_year(number: str) -> int | None:
    """The year an ITU document number names: `C24/35` (Council 2024), `Service Order No. 24/06`."""
    found = _NUMBERED.search(number)
    if found is None:
        return None
    return 2000 + int(found.group(1) or found.group(2))
