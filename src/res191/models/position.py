"""Positions and requests of a body: what the ISCG asked for, highlighted or wished to be involved in."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from res191.models.common import BodyRef, Id, MeetingRef, Source, StrictModel, Text, ThemeRef, Year
from res191.models.translations import Translations

# What kind of position it is: interest in being involved in something, an emphasis, a request. The
# record's text says it in the words of the body's report ("expressed interest in being involved in ...").
PositionKind = Literal["involvement", "emphasis", "request"]


class PositionTexts(StrictModel):
    """A position's text in one of the other official languages."""

    text: Text | None = Field(None, description="The position in this language.", examples=["..."])


class Position(StrictModel):
    """Something a body expressed or asked in a year, as its report to Council words it."""

    id: Id = Field(examples=["iscg-2024-new-building"])
    body: BodyRef = Field(description="The body that expressed it.", examples=["iscg"])
    year: Year = Field(description="The year it was expressed.")
    meeting: MeetingRef | None = Field(
        None,
        description="The meeting where it was expressed, only where a source says which.",
        examples=["iscg-2024-05-21"],
    )
    kind: PositionKind = Field(
        description="involvement (interest in being involved in ...), emphasis (highlighted ...) or "
        "request (requested ...).",
        examples=["involvement"],
    )
    text: Text = Field(
        description="What it expressed or asked, as words that follow the body's name in its report to "
        "Council: 'expressed interest in being involved in ...', 'highlighted ...', 'requested ...'.",
        examples=["expressed interest in being involved in the new building project"],
    )
    themes: list[ThemeRef] = Field(
        default_factory=list, description="Themes it concerns.", examples=[["accessibility"]]
    )
    translations: Translations[PositionTexts] | None = Field(
        None,
        examples=[{"fr": {"text": "..."}}],
        description="Its text in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)

    def expressed_by(self, day: date, held: date | None) -> bool:
        """Whether it was expressed by a day: at its meeting, where the record names one (held: that
        meeting's first day, None where the meeting is not recorded); else in a year not after the day's
        (only its year is recorded)."""
        return held <= day if held is not None else self.year <= day.year
