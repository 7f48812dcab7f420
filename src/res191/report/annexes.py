"""The annexes of a report: which, in what order, and under which number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from res191.models.report import ANNEXES

TITLES = {
    "themes": "Themes of mutual interest and their focal points",
    "mapping": "Mapping of resolutions to themes",
    "tracker": "Intersectoral Coordination Tracker",
    "overlaps": "Overlaps identified and proposed solutions",
}


@dataclass(frozen=True)
class Annex:
    """An annex as the report shows it: `Annex 2 - Mapping of resolutions to themes`."""

    name: str  # themes, mapping, tracker, overlaps
    number: int

    @property
    def title(self) -> str:
        """What the annex is, in words."""
        return TITLES[self.name]


def numbered_annexes(asked: Sequence[str] | None, tracker_has_activities: bool) -> list[Annex]:
    """The annexes asked for, in the record's order and numbered from 1.

    Where the record does not say, the tracker's activities of the year are annexed when there are any:
    they are the year's coordination work, which Council is to hear about.
    """
    names = list(asked) if asked is not None else (["tracker"] if tracker_has_activities else [])
    unique = [n for i, n in enumerate(names) if n in ANNEXES and n not in names[:i]]
    return [Annex(name, number) for number, name in enumerate(unique, 1)]
