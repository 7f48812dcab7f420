"""All the overlaps in a repository, of the kinds asked for, in a stable order."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date

from res191.loading.record import LoadedRecords
from res191.models import Body, Glossary, Meeting, Resolution, Theme
from res191.overlaps.activities import joint_work, similar_activities, tracked
from res191.overlaps.bodies import body_findings
from res191.overlaps.common import AsOf, Entry, entries
from res191.overlaps.findings import DEFAULT_MIN_SCORE, KINDS, Finding, sort_key
from res191.overlaps.reading import Reader
from res191.overlaps.resolutions import resolution_findings, similar_pairs
from res191.overlaps.themes import theme_findings, theme_lead
from res191.overlaps.who import Calendar

# The kinds of record the overlaps are found in: the others (meetings, reports...) need not be kept.
KINDS_READ = frozenset({"resolution", "theme", "body", "glossary", "meeting"})


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
    calendar = Calendar(
        (m.record for m in entries(repository.of_kind("meeting"), Meeting)),
        (b.record for b in entries(repository.of_kind("body"), Body)),
    )
    as_of = AsOf(on or default_day(year), repository.sessions(), calendar)
    resolutions = as_of.standing(entries(repository.of_kind("resolution"), Resolution))
    # The themes of the day, as the mapping and the report's annexes take them: not one retired by then,
    # which is no longer an area of mutual interest, nor one that became a theme later (Theme.reported_on).
    themes = [t for t in entries(repository.of_kind("theme"), Theme) if t.record.reported_on(as_of.on)]
    reader = glossary_reader(repository)
    found: list[Finding] = []
    # The themes' findings name what the run proposes for them, when the run reads the resolutions' texts
    # (not for `--kind streamline` alone, nor for the site, which does not read them).
    alike: Callable[[str, str], bool] | None = None
    if {"duplicate", "new-theme", "mapping", "partners"} & set(kinds):
        corpus, pairs = similar_pairs(resolutions, min_score, as_of, reader)
        found += resolution_findings(resolutions, themes, as_of, corpus, pairs, min_score)
        ids = [r.id for r in resolutions]
        linked = {frozenset((ids[a], ids[b])) for a, b in pairs}

        def alike(first: str, second: str) -> bool:
            return frozenset((first, second)) in linked

    by_id = {r.id: r for r in resolutions}
    if {"streamline", "several-conferences"} & set(kinds):
        found += theme_findings(themes, by_id, as_of, proposed_for(found, themes), alike, referred_to(found))
    activities = tracked(themes, year, as_of.on)
    leads = {
        t.id: theme_lead(t.record.lead, [by_id[r].record for r in t.record.resolutions if r in by_id], as_of)
        for t in themes
    }
    if "joint-work" in kinds:
        found += joint_work(activities, min_score, reader, leads, as_of)
    if "similar-activities" in kinds:
        found += similar_activities(activities, min_score, reader, leads, as_of)
    if "similar-bodies" in kinds:
        found += body_findings(entries(repository.of_kind("body"), Body), min_score, reader, as_of)
    return sorted(
        (f for f in found if f.kind in kinds and (f.score is None or f.score >= min_score - 1e-9)),
        key=sort_key,
    )


def referred_to(found: list[Finding]) -> dict[str, str]:
    """The text each resolution is asked to refer to by the duplicates found, both by citation."""
    return {
        referrer: action.refers_to
        for finding in found
        if finding.kind == "duplicate"
        for action in finding.actions
        if action.refers_to is not None
        for referrer in action.instruments
        if referrer != action.refers_to
    }


def proposed_for(found: list[Finding], themes: list[Entry[Theme]]) -> dict[str, list[str]]:
    """The resolutions that `mapping` findings propose for each theme, by theme id, as they are cited."""
    recorded = {t.id: set(t.record.resolutions) for t in themes}
    proposed: dict[str, list[str]] = {}
    for finding in found:
        if finding.kind != "mapping":
            continue
        theme = next(m.id for m in finding.members if m.kind == "theme")
        proposed.setdefault(theme, []).extend(
            m.label for m in finding.members if m.kind == "resolution" and m.id not in recorded[theme]
        )
    # Two mappings may bring one resolution to a theme (each with another of its resolutions): named once.
    return {theme: list(dict.fromkeys(labels)) for theme, labels in proposed.items()}


def glossary_reader(repository: LoadedRecords) -> Reader:
    """A reader of texts through the repository's glossary."""
    return Reader(e for g in entries(repository.of_kind("glossary"), Glossary) for e in g.record.entries)


def default_day(year: int | None) -> date:
    """The day findings speak of for a year: its last day, for a year past; today otherwise."""
    today = date.today()
    return date(year, 12, 31) if year is not None and year < today.year else today


def theme_overlaps(
    theme: Entry[Theme],
    resolutions: dict[str, Entry[Resolution]],
    kinds: Collection[str],
    as_of: AsOf,
    reader: Reader,
) -> list[Finding]:
    """The findings about one theme of the kinds found from the records' structure, in the order
    find_overlaps lists them: what a theme's page shows, worked out where the page is made. The reader
    is find_overlaps' own (the glossary's), so that a theme's page and the list of every theme's findings
    say the same."""
    found: list[Finding] = []
    if not theme.record.reported_on(as_of.on):
        return found
    # Its resolutions that exist on the day, as find_overlaps takes them (only the theme's: a site asks
    # this of every theme).
    refs = dict.fromkeys(theme.record.resolutions)
    resolutions = {r.id: r for r in as_of.standing([resolutions[i] for i in refs if i in resolutions])}
    if {"streamline", "several-conferences"} & set(kinds):
        found += theme_findings([theme], resolutions, as_of)
    if "joint-work" in kinds:
        cited = [resolutions[r].record for r in theme.record.resolutions if r in resolutions]
        leads = {theme.id: theme_lead(theme.record.lead, cited, as_of)}
        found += joint_work(tracked([theme], None, as_of.on), DEFAULT_MIN_SCORE, reader, leads, as_of)
    return sorted((f for f in found if f.kind in kinds), key=sort_key)
