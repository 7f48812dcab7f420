"""Resolutions of different conferences on the same subject, found from their text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from res191.models import Resolution, Theme
from res191.overlaps.common import Entry, cite, components
from res191.overlaps.findings import Finding, finding_id
from res191.overlaps.similarity import Corpus
from res191.wording import join_and


def resolution_text(resolution: Resolution) -> str:
    """What a resolution says of its subject: the titles of all its editions, and its text if recorded."""
    return " ".join(filter(None, [*(e.title for e in resolution.editions), resolution.text]))


def similar_pairs(
    resolutions: list[Entry[Resolution]], min_score: float
) -> tuple[Corpus, dict[tuple[int, int], float]]:
    """The corpus of the resolutions' texts and the pairs of different conferences at min_score or more."""
    corpus = Corpus([resolution_text(r.record) for r in resolutions])
    pairs = {
        (m.first, m.second): m.score
        for m in corpus.matches(min_score)
        if resolutions[m.first].record.conference is not resolutions[m.second].record.conference
    }
    return corpus, pairs


def resolution_findings(
    resolutions: list[Entry[Resolution]], themes: list[Entry[Theme]], year: int | None, min_score: float
) -> Iterator[Finding]:
    """Similar resolutions: under no theme, a proposed new theme; one under a theme, a proposed mapping."""
    corpus, pairs = similar_pairs(resolutions, min_score)
    themes_of: dict[str, set[str]] = defaultdict(set)
    for theme in themes:
        for ref in theme.record.resolutions:
            themes_of[ref].add(theme.id)
    yield from _new_themes(resolutions, corpus, pairs, themes_of, year)
    yield from _mappings(resolutions, {t.id: t for t in themes}, corpus, pairs, themes_of, year)


def _new_themes(
    resolutions: list[Entry[Resolution]],
    corpus: Corpus,
    pairs: dict[tuple[int, int], float],
    themes_of: dict[str, set[str]],
    year: int | None,
) -> Iterator[Finding]:
    """Groups of similar resolutions none of which is under any theme."""
    unmapped = {
        (a, b): s
        for (a, b), s in pairs.items()
        if not themes_of[resolutions[a].id] and not themes_of[resolutions[b].id]
    }
    for group in components(list(unmapped)):
        ids = [resolutions[i].id for i in group]
        evidence = corpus.shared_terms(group)
        labels = [cite(resolutions[i].record, year) for i in group]
        members = tuple(resolutions[i].member(label) for i, label in zip(group, labels, strict=True))
        score = round(max(s for (a, _), s in unmapped.items() if a in group), 2)
        proposal = (
            f"{join_and(labels)} are on the same subject ({', '.join(evidence[:3])}) and under no "
            "theme: consider proposing them as a theme of mutual interest, with focal points from the "
            "Sectors concerned."
        )
        yield Finding(finding_id("new-theme", ids), "new-theme", members, score, evidence, proposal)


def _mappings(
    resolutions: list[Entry[Resolution]],
    themes: dict[str, Entry[Theme]],
    corpus: Corpus,
    pairs: dict[tuple[int, int], float],
    themes_of: dict[str, set[str]],
    year: int | None,
) -> Iterator[Finding]:
    """A resolution similar to one of a theme's resolutions, and not itself under that theme."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (a, b), score in pairs.items():
        for outside, inside in ((a, b), (b, a)):
            for theme_id in themes_of[resolutions[inside].id] - themes_of[resolutions[outside].id]:
                if score > best.get((outside, theme_id), (0.0, -1))[0]:
                    best[(outside, theme_id)] = (score, inside)
    for (outside, theme_id), (score, inside) in sorted(best.items()):
        entry, theme = resolutions[outside], themes[theme_id]
        shared = corpus.shared_with(outside, [inside])
        label = cite(entry.record, year)
        proposal = (
            f"{label} is close to {cite(resolutions[inside].record, year)}, a resolution of the theme "
            f"{theme.record.title} ({', '.join(shared[:3])}), but is not mapped to the theme: consider "
            "adding it to the theme's resolutions."
        )
        members = (entry.member(label), theme.member(theme.record.title))
        keys = [entry.id, theme_id]
        yield Finding(finding_id("mapping", keys), "mapping", members, round(score, 2), shared, proposal)
