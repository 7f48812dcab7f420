"""ITU's rules for areas of mutual interest: what a theme rests on, and who looks after it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from res191.diagnostics import Diagnostic, Location, problem
from res191.models import Conference, Resolution, Sector, Theme
from res191.repository import LoadedRecord

# The secretariat unit of each Sector, as focal points' units are usually written.
_BUREAU = {Sector.ITU_R: "BR", Sector.ITU_T: "TSB", Sector.ITU_D: "BDT", Sector.GS: "GS"}


@dataclass(frozen=True)
class ResolutionFacts:
    """What ITU's rules need to know of a resolution: small enough to pass between processes."""

    conference: Conference
    calls_for_coordination: bool | None
    concerned_sectors: frozenset[Sector]

    @classmethod
    def of(cls, resolution: Resolution) -> ResolutionFacts:
        """The facts of a loaded resolution."""
        sectors = frozenset(resolution.concerned_sectors)
        return cls(resolution.conference, resolution.calls_for_coordination, sectors)


ResolutionLookup = Callable[[str], ResolutionFacts | None]


def meets_itu_rule(resolutions: Iterable[ResolutionFacts]) -> bool:
    """ITU's rule: a PP resolution calling for coordination, or a PP and a Sector resolution."""
    found = list(resolutions)
    pp = [r for r in found if r.conference is Conference.PP]
    if any(r.calls_for_coordination for r in pp):
        return True
    return bool(pp) and any(r.conference.sector is not None for r in found)


def involved_sectors(theme: Theme, resolutions: Iterable[ResolutionFacts]) -> set[Sector]:
    """The Sectors a theme involves: its resolutions', its tracker's and its lead."""
    sectors = {sector for r in resolutions for sector in r.concerned_sectors}
    sectors |= {activity.sector for activity in theme.tracker}
    if theme.lead is not None:
        sectors.add(theme.lead)
    return sectors


def check_themes(records: Iterable[LoadedRecord], lookup: ResolutionLookup) -> Iterator[Diagnostic]:
    """Warn about themes that break ITU's rule or lack a focal point for a Sector they involve."""
    for loaded in records:
        theme = loaded.record
        if not isinstance(theme, Theme):
            continue
        resolutions = [r for r in map(lookup, theme.resolutions) if r is not None]
        if not meets_itu_rule(resolutions):
            line, col = loaded.locate(("resolutions",), at_key=True)
            yield Diagnostic(
                problem("I401"),
                Location(loaded.file.shown, line, col),
                f"the theme '{theme.id}' rests on no PP resolution that calls for coordination, "
                "nor on a PP resolution and a Sector's resolution",
                "ITU identifies areas of mutual interest from PP resolutions calling for inter-Sector "
                "coordination, or a PP resolution with one from at least one Sector on the same theme; "
                "list them under resolutions:",
                "resolutions: [pp-175, wtsa-70]",
            )
        appointed = {focal.sector for focal in theme.focal_points}
        missing = sorted(involved_sectors(theme, resolutions) - appointed, key=lambda s: s.value)
        if missing:
            line, col = loaded.locate(("focal_points",), at_key=True)
            names = ", ".join(s.value for s in missing)
            yield Diagnostic(
                problem("I402"),
                Location(loaded.file.shown, line, col),
                f"the theme '{theme.id}' involves {names} but records no focal point for "
                f"{'it' if len(missing) == 1 else 'them'}",
                "add the focal point each Sector appointed; name and e-mail may be left out",
                f"focal_points:\n  - sector: {missing[0].value}\n    unit: {_BUREAU[missing[0]]}",
            )
