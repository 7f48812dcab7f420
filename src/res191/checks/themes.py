"""ITU's rules for areas of mutual interest: what a theme rests on, and who looks after it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from res191.checks.facts import RecordFacts, ResolutionFacts, ThemeFacts
from res191.checks.histories import sessions_of, standing_of
from res191.checks.repository import Repository
from res191.diagnostics import Diagnostic, problem
from res191.models.in_force import Session, Sessions
from res191.models.vocabulary import Conference, Sector

# The secretariat unit of each Sector, as focal points' units are usually written.
BUREAU = {Sector.ITU_R: "BR", Sector.ITU_T: "TSB", Sector.ITU_D: "BDT", Sector.GS: "GS"}
_SECTOR_CONFERENCES = {c.value for c in Conference if c.sector is not None}


def meets_itu_rule(resolutions: Iterable[ResolutionFacts]) -> bool:
    """ITU's rule: a PP resolution calling for coordination, or a PP and a Sector resolution."""
    found = list(resolutions)
    pp = [r for r in found if r["conference"] == Conference.PP.value]
    if any(r["calls"] for r in pp):
        return True
    return bool(pp) and any(r["conference"] in _SECTOR_CONFERENCES for r in found)


def involved_sectors(theme: ThemeFacts, resolutions: Iterable[ResolutionFacts]) -> set[str]:
    """The Sectors a theme involves: its resolutions', its tracker's and its lead."""
    return set(theme["sectors"]).union(*(r["sectors"] for r in resolutions))


def suppressed_at(resolution: ResolutionFacts, sessions: Sessions, on: date) -> Session | None:
    """The session that suppressed a resolution by a day, if the records say one did (models/in_force.py)."""
    return standing_of(resolution, sessions, on).suppressed_at


def standing_on(
    resolutions: Iterable[ResolutionFacts], sessions: Sessions, on: date
) -> list[ResolutionFacts]:
    """The resolutions that stand on a day (Standing.stands): what a theme rests on then, and so what ITU's
    rule and the Sectors it involves are judged from; one suppressed by then, or not adopted yet, is not."""
    return [r for r in resolutions if standing_of(r, sessions, on).stands]


def check_themes(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """Warn about themes that break ITU's rule, lack a focal point for a Sector they involve, or rest on a
    resolution suppressed by today (I405: every output leaves it out of the theme)."""
    sessions: Sessions | None = None
    today = date.today()
    for facts in records:
        if facts.kind != "theme" or not facts.valid:
            continue
        theme = facts.theme
        for index, ref in enumerate(theme["resolutions"]):
            found = repository.get("resolution", ref)
            if found is None or not any(o == "suppressed" for _, o in found.resolution["history"]):
                continue
            sessions = sessions if sessions is not None else sessions_of(repository)
            session = suppressed_at(found.resolution, sessions, today)
            if session is not None:
                yield Diagnostic(
                    problem("I405"),
                    repository.at(facts, ("resolutions", index)),
                    f"the theme '{facts.id}' rests on '{ref}', suppressed at {session.name} ({session.id}): "
                    "no output of a day since cites it under the theme",
                    f"outputs of days since leave it out either way; those of days before {session.name} "
                    f"cite it from this list, so removing '{ref}' removes it from them too: keep it where "
                    "the theme rested on it before",
                )
        listed = [
            found.resolution for ref in theme["resolutions"] if (found := repository.get("resolution", ref))
        ]
        sessions = sessions if sessions is not None else sessions_of(repository)
        resolutions = standing_on(listed, sessions, today)  # as the outputs of today show the theme
        if not meets_itu_rule(resolutions):
            yield Diagnostic(
                problem("I401"),
                repository.at(facts, ("resolutions",), at_key=True),
                f"the theme '{facts.id}' rests on no PP resolution that calls for coordination, "
                "nor on a PP resolution and a Sector's resolution",
                "ITU identifies areas of mutual interest from PP resolutions calling for inter-Sector "
                "coordination, or a PP resolution with one from at least one Sector on the same theme; "
                "list them under resolutions:",
                "resolutions: [pp-175, wtsa-70]",
            )
        involved = involved_sectors(theme, resolutions)
        missing = [s for s in Sector if s.value in involved and s.value not in theme["focal"]]
        if missing:
            names = ", ".join(s.value for s in missing)
            yield Diagnostic(
                problem("I402"),
                repository.at(facts, ("focal_points",), at_key=True),
                f"the theme '{facts.id}' involves {names} but records no focal point for "
                f"{'it' if len(missing) == 1 else 'them'}",
                "add the focal point each Sector appointed; name and e-mail may be left out",
                f"focal_points:\n  - sector: {missing[0].value}\n    unit: {BUREAU[missing[0]]}",
            )
