"""All the overlaps in a repository, of the kinds asked for, in a stable order."""

from __future__ import annotations

from collections.abc import Collection

from res191.loading.record import LoadedRecords
from res191.models import Body, Resolution, Theme
from res191.overlaps.activities import joint_work, similar_activities, tracked
from res191.overlaps.bodies import body_findings
from res191.overlaps.common import entries
from res191.overlaps.findings import KINDS, Finding, sort_key
from res191.overlaps.resolutions import resolution_findings
from res191.overlaps.themes import theme_findings

# The similarity at which two texts are taken to be on the same subject: a quarter of their weight
# shared. Measured against real resolution groups (tests/overlaps/evaluation.yaml): see the README.
DEFAULT_MIN_SCORE = 0.25


def find_overlaps(
    repository: LoadedRecords,
    year: int | None = None,
    kinds: Collection[str] = tuple(KINDS),
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[Finding]:
    """Every finding of the given kinds scoring min_score or more; the same data gives the same list."""
    resolutions = entries(repository.of_kind("resolution"), Resolution)
    themes = entries(repository.of_kind("theme"), Theme)
    found: list[Finding] = []
    if {"streamline", "several-conferences"} & set(kinds):
        found += theme_findings(themes, {r.id: r for r in resolutions}, year)
    if {"new-theme", "mapping"} & set(kinds):
        found += resolution_findings(resolutions, themes, year, min_score)
    activities = tracked(themes, year)
    if "joint-work" in kinds:
        found += joint_work(activities)
    if "similar-activities" in kinds:
        found += similar_activities(activities, min_score)
    if "similar-bodies" in kinds:
        found += body_findings(entries(repository.of_kind("body"), Body), min_score)
    return sorted((f for f in found if f.kind in kinds and f.score >= min_score), key=sort_key)
