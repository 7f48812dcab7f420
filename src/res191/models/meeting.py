"""Meetings of the coordination bodies: the front matter of a Markdown file whose body is the outcome."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from res191.models.common import BodyRef, DocumentRef, Id, IsoDate, Source, StrictModel, Text, ThemeRef
from res191.models.translations import Translations


class CallForAction(StrictModel):
    """What a meeting asked of another body."""

    to: list[BodyRef] = Field(min_length=1, description="The bodies asked, by id.", examples=[["tsag"]])
    action: Text = Field(
        description="What they were asked to do.",
        examples=["Consider the accessibility of the new building."],
    )
    status: Literal["open", "in-progress", "done"] | None = Field(
        None, description="open, in-progress or done, where known.", examples=["open"]
    )


class MeetingTexts(StrictModel):
    """A meeting's name in one of the other official languages."""

    name: Text | None = Field(None, description="Its name in this language.", examples=["..."])


class Meeting(StrictModel):
    """One meeting of ISCG, ISC-TF, an advisory group or a Council group."""

    id: Id = Field(examples=["iscg-2024-01-24"])
    body: BodyRef = Field(description="The body that met, by id.", examples=["iscg"])
    name: Text | None = Field(
        None, description="The meeting's name as ITU writes it, for conferences.", examples=["PP-22"]
    )
    start: IsoDate = Field(description="The first day.", examples=["2024-01-24"])
    end: IsoDate | None = Field(None, examples=["2024-01-25"], description="The last day, if not the first.")
    venue: Text | None = Field(None, description="Where it met.", examples=["ITU Headquarters, Geneva"])
    in_conjunction_with: BodyRef | None = Field(
        None, description="The body whose meeting this one was held with.", examples=["tsag"]
    )
    remote_participation: bool | None = Field(
        None, description="Whether one could take part remotely.", examples=[True]
    )
    captioning: bool | None = Field(None, description="Whether it was captioned.", examples=[True])
    platform: Text | None = Field(
        None, description="The platform for remote participation.", examples=["Zoom"]
    )
    chair: Text | None = Field(
        None, description="Who chaired it, where not the body's chair.", examples=["Mr Fabio Bigi"]
    )
    topics: list[ThemeRef] = Field(
        default_factory=list, description="Ids of the themes it addressed.", examples=[["accessibility"]]
    )
    documents: list[DocumentRef] = Field(
        default_factory=list, description="Ids of documents it considered.", examples=[["c24-35"]]
    )
    calls_for_action: list[CallForAction] = Field(
        default_factory=list,
        description="What it asked of other bodies.",
        examples=[[{"to": ["tsag"], "action": "..."}]],
    )
    translations: Translations[MeetingTexts] | None = Field(
        None,
        examples=[{"fr": {"name": "..."}}],
        description="Its name in the other official languages (ar, zh, fr, ru, es).",
    )
    sources: list[Source] = Field(default_factory=list)

    def held_by(self, day: date) -> bool:
        """Whether it was over by a day: what comes of a meeting (its outcome, its calls for action) is a
        fact from its last day on, not of a day before it."""
        return (self.end or self.start) <= day

    def as_known_on(self, day: date) -> Meeting:
        """The meeting as the records stood on a day: one not over by then has no calls for action yet (its
        outcome, the record's text, is left out alike where it is read: loading/of_day.py, the site)."""
        if self.held_by(day) or not self.calls_for_action:
            return self
        return Meeting.model_validate(self.model_dump(exclude={"calls_for_action"}, exclude_unset=True))

    @field_validator("end")
    @classmethod
    def _ends_after_it_starts(cls, end: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("start")
        if end is not None and start is not None and end < start:
            raise ValueError(f"the meeting ends ({end}) before it starts ({start})")
        return end
