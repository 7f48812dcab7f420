"""The parts of a report that its templates see beside the records: the meetings of its period, what the
resolution reported on instructs, the themes taken up, the documents cited, and the rows of the annexes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from res191.models import Body, Cited, Meeting, Resolution, Theme
from res191.models.resolution import Instruction
from res191.models.theme import Activity, FocalPoint


@dataclass(frozen=True)
class MeetingInReport:
    """A meeting of the reporting period, with the body it was held with and its tense."""

    meeting: Meeting
    held_with: Body | None
    planned: bool  # on or after the report's day: written as "will have met"


@dataclass(frozen=True)
class Alike:
    """What all the meetings of a list share; None where they differ."""

    venue: str | None
    remote_participation: bool | None
    captioning: bool | None
    platform: str | None

    @classmethod
    def of(cls, meetings: list[Meeting]) -> Alike:
        """The facts every one of the meetings has in common."""

        def shared(name: str) -> Any:
            values = {getattr(m, name) for m in meetings}
            return values.pop() if len(values) == 1 else None

        return cls(*(shared(name) for name in ("venue", "remote_participation", "captioning", "platform")))


@dataclass(frozen=True)
class Background:
    """What the resolution reported on instructs, as the records stand on the report's day."""

    resolution: Resolution
    cited: Cited  # its citation, with a note where the edition is not confirmed in force
    short: str  # Resolution 191
    conference: str  # Plenipotentiary Conference
    session: Meeting | None  # the conference session that adopted the edition (PP-22)
    instructions: list[Instruction]

    @property
    def citation(self) -> str:
        """The citation with its note, as the report prints it."""
        return str(self.cited)


@dataclass(frozen=True)
class ProposedTheme:
    """A theme taken up in the report's year, and the body that proposed it."""

    theme: Theme
    proposed_by: Body | None


@dataclass(frozen=True)
class CitedDocument:
    """A document as the report cites it: its number, what it is on, and its address."""

    number: str
    about: str | None
    link: str | None
    council: bool  # a Council document: "Council document C24/35"


@dataclass(frozen=True)
class ThemeRow:
    """A line of an annex: a theme with its focal points, resolutions and activities."""

    theme: Theme
    focal_points: dict[str, list[FocalPoint]]  # by Sector value
    citations: dict[str, list[Cited]]  # by conference value
    activities: dict[str, list[Activity]]  # this year's, by Sector value

    @property
    def has_activities(self) -> bool:
        """Whether the tracker holds any activity of the report's year for this theme."""
        return any(self.activities.values())

    @property
    def lacks_focal_point(self) -> bool:
        """Whether a Sector (or the General Secretariat) has no focal point recorded for the theme."""
        return not all(self.focal_points.values())

    @property
    def lacks_citation(self) -> bool:
        """Whether a conference of the mapping has no resolution recorded under the theme."""
        return not all(self.citations.values())
