"""Positions and requests of a body: what the ISCG asked for, highlighted or wished to be involved in."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from res191.models.common import BodyRef, Id, MeetingRef, Source, StrictModel, Text, ThemeRef, Year

# How a position is reported: "expressed interest in being involved in ...", "highlighted ...",
# "requested ...".
PositionKind = Literal["involvement", "emphasis", "request"]


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
        description="What it was about, as words that follow the verb of its kind.",
        examples=[
            "the new building project to ensure that all accessibility matters are taken into consideration"
        ],
    )
    themes: list[ThemeRef] = Field(
        default_factory=list, description="Themes it concerns.", examples=[["accessibility"]]
    )
    sources: list[Source] = Field(default_factory=list)
