"""The record kinds of a res191 data repository and where each lives.

The record models (pydantic) are built on first use, not on import: `from res191.models import Resolution`
builds them; `from res191.models import KINDS, Conference` does not. So a command that needs no model (a
`validate` whose every file comes from the result cache, `--help`) starts without their cost.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from res191.models.in_force import Session, Sessions, Standing, conference_sessions, standing
from res191.models.kinds import KINDS, RecordKind
from res191.models.vocabulary import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Conference,
    Sector,
    id_from_name,
)

if TYPE_CHECKING:
    from res191.models.body import Body, Chair
    from res191.models.common import iter_references
    from res191.models.document import Document
    from res191.models.glossary import Glossary, GlossaryEntry
    from res191.models.initiative import Initiative
    from res191.models.meeting import CallForAction, Meeting
    from res191.models.position import Position
    from res191.models.report import Report
    from res191.models.resolution import Cited, Edition, Resolution, SessionOutcome, citation
    from res191.models.theme import Activity, FocalPoint, Theme

# Where each name built on first use lives.
_LAZY = {
    "Body": "body",
    "Chair": "body",
    "iter_references": "common",
    "Document": "document",
    "Glossary": "glossary",
    "GlossaryEntry": "glossary",
    "Initiative": "initiative",
    "CallForAction": "meeting",
    "Meeting": "meeting",
    "Position": "position",
    "Report": "report",
    "Edition": "resolution",
    "Cited": "resolution",
    "SessionOutcome": "resolution",
    "Resolution": "resolution",
    "citation": "resolution",
    "Activity": "theme",
    "FocalPoint": "theme",
    "Theme": "theme",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'res191.models' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"res191.models.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "KINDS",
    "MAPPED_CONFERENCES",
    "SECTOR_COLUMNS",
    "Activity",
    "Body",
    "CallForAction",
    "Chair",
    "Cited",
    "Conference",
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
    "Session",
    "SessionOutcome",
    "Sessions",
    "Standing",
    "Theme",
    "citation",
    "conference_sessions",
    "id_from_name",
    "iter_references",
    "standing",
]
