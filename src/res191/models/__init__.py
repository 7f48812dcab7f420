"""The record kinds of a res191 data repository and where each lives."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from res191.models.body import Body, Chair
from res191.models.common import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Conference,
    Sector,
    id_from_name,
    iter_references,
)
from res191.models.document import Document
from res191.models.glossary import Glossary, GlossaryEntry
from res191.models.initiative import Initiative
from res191.models.meeting import CallForAction, Meeting
from res191.models.position import Position
from res191.models.report import Report
from res191.models.resolution import ConferenceEnds, Edition, Resolution, citation, conference_ends
from res191.models.theme import Activity, FocalPoint, Theme


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its name, model, folder under data/ and file endings."""

    name: str
    model: type[BaseModel]
    folder: str
    suffixes: tuple[str, ...]

    @property
    def markdown(self) -> bool:
        return ".md" in self.suffixes


KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in [
        RecordKind("resolution", Resolution, "resolutions", (".yaml", ".yml")),
        RecordKind("theme", Theme, "themes", (".yaml", ".yml")),
        RecordKind("meeting", Meeting, "meetings", (".md",)),
        RecordKind("body", Body, "bodies", (".yaml", ".yml")),
        RecordKind("report", Report, "reports", (".md",)),
        RecordKind("initiative", Initiative, "initiatives", (".yaml", ".yml")),
        RecordKind("position", Position, "positions", (".yaml", ".yml")),
        RecordKind("document", Document, "documents", (".yaml", ".yml")),
        RecordKind("glossary", Glossary, "glossary", (".yaml", ".yml")),
    ]
}

__all__ = [
    "KINDS",
    "MAPPED_CONFERENCES",
    "SECTOR_COLUMNS",
    "Activity",
    "Body",
    "CallForAction",
    "Chair",
    "Conference",
    "ConferenceEnds",
    "Document",
    "Edition",
    "FocalPoint",
    "Glossary",
    "GlossaryEntry",
    "Initiative",
    "Meeting",
    "Position",
    "RecordKind",
    "Report",
    "Resolution",
    "Sector",
    "Theme",
    "citation",
    "conference_ends",
    "id_from_name",
    "iter_references",
]
