"""Resolutions of different conferences on the same subject, found from their text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from res191.models import Resolution, Theme
from res191.overlaps.common import Entry, cite, components
from res191.overlaps.findings import Finding, finding_id
from res191.overlaps.similarity import Corpus
from res191.report.text import join_and


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
    """Groups of similar resolutions: under no theme, a new theme; partly under one, a mapping."""
    corpus, pairs = similar_pairs(resolutions, min_score)
    themes_of: dict[str, set[str]] = defaultdict(set)
    for theme in themes:
        for ref in theme.record.resolutions:
            themes_of[ref].add(theme.id)
    by_id = {t.id: t for t in themes}
    for group in components(list(pairs)):
        ids = [resolutions[i].id for i in group]
        if set.intersection(*(themes_of[i] for i in ids)):
            continue  # already mapped to a theme together: nothing new to propose
        evidence = corpus.shared_terms(group)
        labels = [cite(resolutions[i].record, year) for i in group]
        members = tuple(resolutions[i].member(label) for i, label in zip(group, labels, strict=True))
        mapped = sorted({t for i in ids for t in themes_of[i]})
        if not mapped:
            score = round(max(s for (a, b), s in pairs.items() if a in group), 2)
            proposal = (
                f"{join_and(labels)} are on the same subject ({', '.join(evidence[:3])}) and under no "
                "theme: consider proposing them as a theme of mutual interest, with focal points from the "
                "Sectors concerned."
            )
            yield Finding(finding_id("new-theme", ids), "new-theme", members, score, evidence, proposal)
            continue
        for theme_id in mapped:
            inside = [i for i in group if theme_id in themes_of[resolutions[i].id]]
            for i in group:
                if i in inside:
                    continue
                best = max(corpus.similarity(i, j) for j in inside)
                if best < min_score:
                    continue  # linked to the group through another member only
                shared = corpus.shared_with(i, inside)
                theme = by_id[theme_id]
                proposal = (
                    f"{cite(resolutions[i].record, year)} is close to the resolutions of the theme "
                    f"{theme.record.title} ({', '.join(shared[:3])}) but not mapped to it: consider "
                    "adding it to the theme's resolutions."
                )
                members = (
                    resolutions[i].member(cite(resolutions[i].record, year)),
                    theme.member(theme.record.title),
                )
                keys = [resolutions[i].id, theme_id]
                yield Finding(
                    finding_id("mapping", keys), "mapping", members, round(best, 2), shared, proposal
                )
