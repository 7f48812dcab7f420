"""All the overlaps in a repository, of the kinds asked for, in a stable order."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from res191.loading.record import LoadedRecords
from res191.models import Body, Glossary, Resolution, Theme
from res191.overlaps.activities import joint_work, similar_activities, tracked
from res191.overlaps.bodies import body_findings
from res191.overlaps.common import AsOf, Entry, entries
from res191.overlaps.findings import KINDS, STRUCTURAL, Finding, sort_key
from res191.overlaps.resolutions import resolution_findings
from res191.overlaps.similarity import Reader
from res191.overlaps.themes import theme_findings

# The similarity at which two texts are taken to be on the same subject: a quarter of their weight
# shared. Measured against real resolution groups (tests/overlaps/evaluation.yaml): see the README.
DEFAULT_MIN_SCORE = 0.25
# The kinds of record the overlaps are found in: the others (meetings, reports...) need not be kept.
KINDS_READ = frozenset({"resolution", "theme", "body", "glossary"})


def find_overlaps(
    repository: LoadedRecords,
    year: int | None = None,
    kinds: Collection[str] = tuple(KINDS),
    min_score: float = DEFAULT_MIN_SCORE,
    on: date | None = None,
) -> list[Finding]:
    """Every finding of the given kinds, those from text similarity scoring min_score or more (the others
    are facts of the records, not measures of likeness); the same data gives the same list.

    year keeps the tracker's activities of that year; on is the day the findings cite the resolutions as
    of (default: the year's last day, for a past year, else today)."""
    as_of = AsOf(on or default_day(year), repository.sessions())
    resolutions = entries(repository.of_kind("resolution"), Resolution)
    themes = entries(repository.of_kind("theme"), Theme)
    reader = Reader(e for g in entries(repository.of_kind("glossary"), Glossary) for e in g.record.entries)
    found: list[Finding] = []
    if {"streamline", "several-conferences"} & set(kinds):
        found += theme_findings(themes, {r.id: r for r in resolutions}, as_of)
    if {"new-theme", "mapping", "partners"} & set(kinds):
        found += resolution_findings(resolutions, themes, as_of, min_score, reader)
    activities = tracked(themes, year)
    if "joint-work" in kinds:
        found += joint_work(activities)
    if "similar-activities" in kinds:
        found += similar_activities(activities, min_score, reader)
    if "similar-bodies" in kinds:
        found += body_findings(entries(repository.of_kind("body"), Body), min_score, reader)
    return sorted(
        (f for f in found if f.kind in kinds and (f.kind in STRUCTURAL or f.score >= min_score - 1e-9)),
        key=sort_key,
    )


def default_day(year: int | None) -> date:
    """The day findings speak of for a year: its last day, for a year past; today otherwise."""
    today = date.today()
    return date(year, 12, 31) if year is not None and year < today.year else today


def theme_overlaps(
    theme: Entry[Theme], resolutions: dict[str, Entry[Resolution]], kinds: Collection[str], as_of: AsOf
) -> list[Finding]:
    """The findings about one theme of the kinds found from the records' structure, in the order
    find_overlaps lists them: what a theme's page shows, worked out where the page is made."""
    found: list[Finding] = []
    if {"streamline", "several-conferences"} & set(kinds):
        found += theme_findings([theme], resolutions, as_of)
    if "joint-work" in kinds:
        found += joint_work(tracked([theme], None))
    return sorted((f for f in found if f.kind in kinds), key=sort_key)
