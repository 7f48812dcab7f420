"""The year's report to Council: what no other record holds, as front matter and a little narrative."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import (
    DocumentRef,
    Id,
    InitiativeRef,
    IsoDate,
    MeetingRef,
    ResolutionRef,
    Source,
    StrictModel,
    Text,
    Year,
)
from res191.models.translations import Translations

Annex = Literal["themes", "mapping", "tracker", "overlaps"]
ANNEXES: tuple[Annex, ...] = ("themes", "mapping", "tracker", "overlaps")

# The sections of the report's Markdown narrative, `## Background` and so on: text added at the end of
# the section of the same name, after what the records say. No other heading is placed anywhere.
SECTIONS = {"background": "Background", "secretariat": "Secretariat", "membership": "Membership"}


class ReportTexts(StrictModel):
    """The texts of a report's cover and summary box in one of the other official languages."""

    by: Text | None = Field(None, description="Who reports, in this language.", examples=["..."])
    title: Text | None = Field(None, description="Its title in this language.", examples=["..."])
    purpose: Text | None = Field(None, description="Its purpose in this language.", examples=["..."])
    action_required: Text | None = Field(
        None, description="The action required, in this language.", examples=["..."]
    )
    strategic_plan_link: Text | None = Field(
        None, description="The link with the Strategic Plan, in this language.", examples=["..."]
    )
    financial_implications: Text | None = Field(
        None, description="The financial implications, in this language.", examples=["..."]
    )


class Report(StrictModel):
    """The report on the implementation of Resolution 191 to one session of Council.

    Everything the other records hold (meetings, themes, initiatives, positions, documents) comes from
    them; this record holds the cover, the summary box and what the report cites.
    """

    id: Id = Field(examples=["2024"])
    year: Year = Field(description="The year of the Council session it goes to.")
    council_session: MeetingRef = Field(
        description="The Council session it goes to.", examples=["council-2024"]
    )
    resolution: ResolutionRef = Field(
        description="The resolution reported on: its instructions make the Background.",
        examples=["pp-191"],
    )
    document: Text | None = Field(
        None, pattern=r"^C[0-9]{2}/", description="Its Council document number.", examples=["C24/35"]
    )
    date: IsoDate | None = Field(
        None,
        description="The document's date: later meetings are written as planned, and resolutions are cited "
        "as the records stand on it.",
    )
    written_before: IsoDate | None = Field(
        None,
        description="Where the exact date is not known: a day before which the document was written, as its "
        "text shows (a meeting it calls planned). Meetings from that day are written as planned.",
        examples=["2024-05-21"],
    )
    agenda_item: Text | None = Field(None, description="The agenda item it is under.", examples=["PL 1.7"])
    original: Text | None = Field(None, description="Its original language.", examples=["English"])
    by: Text = Field(
        description="Who presents it (also the Word file's author).", examples=["Secretary-General"]
    )
    title: Text | None = Field(None, description="Its title, centred under 'Report by'.", examples=["..."])
    purpose: Text = Field(
        description="The summary box's Purpose.", examples=["This document presents a report on ..."]
    )
    action_required: Text = Field(
        description="What Council is asked to do.", examples=["The Council is invited to note the report."]
    )
    strategic_plan_link: Text = Field(
        description="Its link with the Strategic Plan.",
        examples=["Excellence in human resources and organizational innovation."],
    )
    financial_implications: Text = Field(
        description="Its financial implications.", examples=["Within the allocated budget 2024-2025."]
    )
    references: list[ResolutionRef] = Field(
        default_factory=list,
        description="Ids of the resolutions cited under References.",
        examples=[["pp-191"]],
    )
    initiatives: list[InitiativeRef] | None = Field(
        None,
        description="The secretariat's initiatives the report lists, in its order. Left out, those worked "
        "on in the year, in file order.",
        examples=[["coordination-webpage", "isc-tf-composition"]],
    )
    results_in: list[DocumentRef] = Field(
        default_factory=list,
        description="Documents where the concrete results of inter-Sector teams are reported.",
        examples=[["c24-35", "c24-17"]],
    )
    annexes: list[Annex] | None = Field(
        None,
        description="Annexes: themes, mapping, tracker, overlaps. Left out, the tracker's activities of the "
        "year are annexed when there are any; [] for none.",
        examples=[["themes", "mapping"]],
    )
    translations: Translations[ReportTexts] | None = Field(
        None,
        examples=[{"fr": {"purpose": "..."}}],
        description="Its cover and summary box in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)
