"""The year's report to Council: what no other record holds, as front matter and Markdown narrative."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import Id, IsoDate, MeetingRef, ResolutionRef, Source, StrictModel, Text, Year

Annex = Literal["themes", "mapping", "tracker", "overlaps"]


class Report(StrictModel):
    """The report on the implementation of Resolution 191 to one session of Council.

    The Markdown after the front matter holds the narrative, in sections headed `## Name`, which
    the template places by name (`narrative.background`).
    """

    id: Id = Field(examples=["2024"])
    year: Year
    council_session: MeetingRef = Field(description="The meeting of Council the report goes to.")
    document: Text | None = Field(None, pattern=r"^C[0-9]{2}/", examples=["C24/35"])
    date: IsoDate | None = Field(
        None, description="The document's date; later meetings are written as planned."
    )
    agenda_item: Text | None = None
    original: Text | None = Field(None, examples=["English"])
    by: Text = Field(examples=["Secretary-General"])
    title: Text | None = None
    purpose: Text
    action_required: Text
    strategic_plan_link: Text
    financial_implications: Text
    references: list[ResolutionRef] = Field([], description="Ids of the resolutions cited under References.")
    annexes: list[Annex] = Field([], description="Optional annexes: themes, mapping, tracker, overlaps.")
    sources: list[Source] = []
