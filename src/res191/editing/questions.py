"""What `res191 new` asks for each kind of record, and the choices it offers.

Plain data, imported when the command line is built: the record models (for the choices a schema
allows) are imported only when a choice is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

from res191.models.vocabulary import Conference, Sector

if TYPE_CHECKING:
    from res191.loading.record import LoadedRecords

Choices = Callable[["LoadedRecords"], list[str]]


def _ids(kind: str, where: Callable[[Any], bool] = lambda record: True) -> Choices:
    return lambda loaded: sorted(
        r.id for r in loaded.of_kind(kind) if r.record is not None and where(r.record)
    )


def _values(*options: str) -> Choices:
    return lambda loaded: list(options)


def _literal(module: str, name: str) -> Choices:
    """The values a Literal type of a model module allows, read when asked for."""
    return lambda loaded: list(get_args(getattr(importlib.import_module(f"res191.models.{module}"), name)))


@dataclass(frozen=True)
class Question:
    """A key asked for when making a record: how it is asked, and what answers it takes."""

    key: str  # the key in the record (edition keys of a resolution are written under editions)
    prompt: str
    required: bool = False
    choices: Choices | None = None
    many: bool = False  # a list: the option is repeated, or its values separated by commas
    kind: str = "text"  # text, year, date, bool

    @property
    def option(self) -> str:
        """The command-line option: `--in-conjunction-with`."""
        return "--" + self.key.replace("_", "-")


_SECTORS = _values(*(s.value for s in Sector))
_BODIES = _ids("body")
_THEMES = _ids("theme")

QUESTIONS: dict[str, list[Question]] = {
    "resolution": [
        Question("conference", "Conference", True, _values(*(c.value for c in Conference))),
        Question("number", "Number, as ITU writes it (191, ITU-R 75)", True),
        Question("kind", "Resolution or decision", False, _values("resolution", "decision")),
        Question("place", "Place of the edition (Bucharest)", True),
        Question("year", "Year of the edition", True, kind="year"),
        Question("revised", "Does this edition revise an earlier text (Rev.)?", False, kind="bool"),
        Question("title", "Title of this edition"),
        Question("sectors", "Other Sectors concerned", choices=_SECTORS, many=True),
    ],
    "theme": [
        Question("title", "Title, as ITU words it", True),
        Question("status", "Status", choices=_values("proposed", "active", "retired")),
        Question("status_as_of", "Status as of when (2024 or 2024-05)"),
        Question("since", "Since when (2024 or 2024-03)"),
        Question("proposed_by", "Proposed by (a body)", choices=_BODIES),
        Question("lead", "Lead Sector", choices=_SECTORS),
        Question("resolutions", "Resolutions it rests on", choices=_ids("resolution"), many=True),
        Question("iscg_topic_years", "Years the ISCG addressed it", many=True, kind="year"),
    ],
    "meeting": [
        Question("body", "Body that met", True, _BODIES),
        Question("start", "First day (YYYY-MM-DD)", True, kind="date"),
        Question("end", "Last day, if not the first (YYYY-MM-DD)", kind="date"),
        Question("name", "Name, for a conference (PP-22)"),
        Question("venue", "Venue"),
        Question("in_conjunction_with", "Held with the meeting of (a body)", choices=_BODIES),
        Question("remote_participation", "Remote participation?", kind="bool"),
        Question("captioning", "Captioning?", kind="bool"),
        Question("platform", "Platform for remote participation"),
        Question("topics", "Themes addressed", choices=_THEMES, many=True),
    ],
    "body": [
        Question("acronym", "Acronym", True),
        Question("name", "Full name", True),
        Question("sector", "Sector (or GS)", choices=_SECTORS),
        Question("parent", "Part of (a body)", choices=_BODIES),
        Question("reports_to", "Reports to (bodies)", choices=_BODIES, many=True),
    ],
    "report": [
        Question("year", "Year of the Council session", True, kind="year"),
        Question("council_session", "Council session", True, _ids("meeting", lambda m: m.body == "council")),
        Question("resolution", "Resolution reported on", True, _ids("resolution")),
        Question("by", "Report by (Secretary-General)", True),
        Question("purpose", "Purpose", True),
        Question("action_required", "Action required by the Council", True),
        Question("strategic_plan_link", "Relevant link with the Strategic Plan", True),
        Question("financial_implications", "Financial implications", True),
        Question("document", "Document number (C25/35)"),
        Question("date", "Date of the document (YYYY-MM-DD)", kind="date"),
        Question("references", "Resolutions cited under References", choices=_ids("resolution"), many=True),
    ],
    "initiative": [
        Question("body", "Body that owns it", True, _BODIES),
        Question("title", "Title, in a few words", True),
        Question("description", "Description, as the report lists it"),
        Question("year", "Year it was worked on", True, kind="year"),
        Question("status", "Status that year", choices=_literal("initiative", "InitiativeStatus")),
    ],
    "position": [
        Question("body", "Body", True, _BODIES),
        Question("year", "Year", True, kind="year"),
        Question("kind", "Kind", True, _literal("position", "PositionKind")),
        Question("text", "What it expressed or asked (requested ..., highlighted ...)", True),
        Question("meeting", "Meeting where it was expressed", choices=_ids("meeting")),
        Question("themes", "Themes it concerns", choices=_THEMES, many=True),
    ],
    "document": [
        Question("number", "Number, as ITU writes it (C24/35)", True),
        Question("kind", "Kind", True, _literal("document", "DocumentKind")),
        Question("about", "What it is on (words that follow 'on')"),
        Question("title", "Title"),
        Question("link", "Address (https://...)"),
    ],
}
