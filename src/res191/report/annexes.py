"""The annexes of a report: which, in what order, and under which number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from res191.models.report import ANNEXES
from res191.models.reporting import ThemeInAnnexes, empty_annex
from res191.rendering.localized import N_

TITLES = {
    "themes": N_("Themes of mutual interest and their focal points"),
    "mapping": N_("Mapping of resolutions to themes"),
    "tracker": N_("Intersectoral Coordination Tracker"),
    "overlaps": N_("Overlaps identified and proposed solutions"),
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


@dataclass(frozen=True)
class LeftOut:
    """An annex the report record asks for that would show nothing, and why: the report leaves it out."""

    name: str
    why: str

    def __str__(self) -> str:
        return f"the annex '{self.name}' is left out: {self.why}"


def chosen_annexes(
    asked: Sequence[str] | None, year: int, themes: Sequence[ThemeInAnnexes]
) -> tuple[list[str], list[LeftOut]]:
    """The annexes the report shows, in the record's order, and those asked for but left out as empty.

    Where the record does not say, the tracker's activities of the year are annexed when there are any:
    they are the year's coordination work, which Council is to hear about.
    """
    names = list(asked) if asked is not None else ["tracker"]
    unique = [n for i, n in enumerate(names) if n in ANNEXES and n not in names[:i]]
    shown: list[str] = []
    left_out: list[LeftOut] = []
    for name in unique:
        why = empty_annex(name, year, themes)
        if why is None:
            shown.append(name)
        elif asked is not None:  # the tracker taken by default is left out without a word
            left_out.append(LeftOut(name, why))
    return shown, left_out


def numbered(names: Sequence[str]) -> list[Annex]:
    """The annexes numbered from 1, in order."""
    return [Annex(name, number) for number, name in enumerate(names, 1)]
