"""Resolutions of different conferences on the same subject, found from their text.

Two kinds of finding come from here, and never both for one resolution: a resolution under no theme that is
close to a theme's resolutions is proposed for that theme (`mapping`, one theme only: the closest); the
resolutions under no theme that are left, when alike, are proposed as a new theme (`new-theme`). A group
holds together: a resolution joins it only when it is close to every member (complete linkage), so one
generic word cannot chain unrelated subjects, and a group's score is its weakest link.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Generator, Iterator, Sequence

from res191.models import Resolution, Sector, Theme
from res191.overlaps.common import AsOf, Entry, link, quoted, sector_of
from res191.overlaps.findings import Finding, finding_id
from res191.overlaps.similarity import Corpus, Reader
from res191.wording import join_and

Pair = tuple[int, int]


def resolution_text(resolution: Resolution) -> str:
    """What a resolution says of its subject: the titles of all its editions, and its text if recorded.

    Not what it instructs: operative paragraphs say who does what, in words every resolution shares, and
    measured on the evaluation set they cost recall (0.88 to 0.78) without adding precision.
    Each part is a sentence of its own, so that no pair of words spans two."""
    return ". ".join(filter(None, [*(e.title for e in resolution.editions), resolution.text]))


def similar_pairs(
    resolutions: Sequence[Entry[Resolution]], min_score: float, reader: Reader | None = None
) -> tuple[Corpus, dict[Pair, float]]:
    """The corpus of the resolutions' texts and every pair of them at min_score or more."""
    corpus = Corpus([resolution_text(r.record) for r in resolutions], reader or Reader())
    pairs = corpus.scores(min_score)
    return corpus, pairs


def resolution_findings(
    resolutions: list[Entry[Resolution]],
    themes: list[Entry[Theme]],
    as_of: AsOf,
    min_score: float,
    reader: Reader | None = None,
) -> Iterator[Finding]:
    """Similar resolutions: one under no theme close to a theme's, a mapping; several, a new theme."""
    corpus, pairs = similar_pairs(resolutions, min_score, reader)
    themes_of: dict[int, list[Entry[Theme]]] = defaultdict(list)
    index = {r.id: i for i, r in enumerate(resolutions)}
    for theme in themes:
        for ref in dict.fromkeys(theme.record.resolutions):
            if ref in index:
                themes_of[index[ref]].append(theme)
    mapped = yield from _mappings(resolutions, corpus, pairs, themes_of, as_of)
    unplaced = set(range(len(resolutions))) - set(themes_of) - mapped
    yield from _new_themes(resolutions, corpus, pairs, unplaced, as_of)


def _mappings(
    resolutions: list[Entry[Resolution]],
    corpus: Corpus,
    pairs: dict[Pair, float],
    themes_of: dict[int, list[Entry[Theme]]],
    as_of: AsOf,
) -> Generator[Finding, None, set[int]]:
    """For each resolution under no theme, the theme of the resolution it is closest to, of another
    conference; returns the resolutions proposed."""
    closest: dict[int, tuple[float, int]] = {}
    for (a, b), score in pairs.items():
        for outside, inside in ((a, b), (b, a)):
            if outside in themes_of or inside not in themes_of or _same_conference(resolutions, a, b):
                continue
            if (score, -inside) > closest.get(outside, (0.0, 0)):
                closest[outside] = (score, -inside)
    for outside, (score, negated) in sorted(closest.items()):
        inside = -negated
        entry, near = resolutions[outside], resolutions[inside]
        label, near_label = as_of.cite(entry.record), as_of.cite(near.record)
        theme = themes_of[inside][0]  # a resolution under several themes: the first, in file order
        shared = corpus.shared_with(outside, [inside])
        proposal = (
            f"{label}{_on(entry.record)} is under no theme, and is close to {near_label} "
            f"({quoted(shared)}), a resolution of the theme {theme.record.title}: consider adding it to "
            "that theme's resolutions."
        )
        members = (
            entry.member(label, sector_of(entry.record)),
            theme.member(theme.record.title),
            near.member(near_label, sector_of(near.record)),
        )
        links = (link(corpus, outside, inside, entry.id, near.id),)
        yield Finding(
            finding_id("mapping", [entry.id, theme.id]), "mapping", members, round(score, 2), shared,
            proposal, links,
        )  # fmt: skip
    return set(closest)


def _new_themes(
    resolutions: list[Entry[Resolution]],
    corpus: Corpus,
    pairs: dict[Pair, float],
    unplaced: set[int],
    as_of: AsOf,
) -> Iterator[Finding]:
    """Groups of alike resolutions under no theme, of two conferences or more."""
    for group in complete_linkage({p: s for p, s in pairs.items() if unplaced.issuperset(p)}):
        if len({resolutions[i].record.conference for i in group}) < 2:
            continue
        inside = [(a, b) for a in group for b in group if a < b]
        weakest = min(pairs[p] for p in inside)
        ids = [resolutions[i].id for i in group]
        labels = [as_of.cite(resolutions[i].record) for i in group]
        evidence = corpus.shared_terms(group)
        order = [s.value for s in Sector]
        sectors = sorted({s for i in group if (s := sector_of(resolutions[i].record))}, key=order.index)
        concerned = f", with focal points from {join_and(sectors)}" if sectors else ""
        proposal = (
            f"{join_and(labels)} are on one subject ({quoted(evidence[:3])}) and under no theme: "
            f"consider proposing it to the Sectors as an area of mutual interest{concerned}."
        )
        members = tuple(
            resolutions[i].member(label, sector_of(resolutions[i].record))
            for i, label in zip(group, labels, strict=True)
        )
        links = tuple(link(corpus, a, b, resolutions[a].id, resolutions[b].id) for a, b in inside)
        yield Finding(
            finding_id("new-theme", ids), "new-theme", members, round(weakest, 2), evidence, proposal, links
        )


def complete_linkage(pairs: dict[Pair, float]) -> list[list[int]]:
    """Groups in which every two members are a pair: the strongest pairs first, two groups merged only
    when every member of one is paired with every member of the other. Each group sorted, in order."""
    group_of: dict[int, frozenset[int]] = {}
    for (a, b), _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        first, second = group_of.get(a, frozenset({a})), group_of.get(b, frozenset({b}))
        if first == second:
            continue
        if all((min(x, y), max(x, y)) in pairs for x in first for y in second):
            merged = first | second
            for member in merged:
                group_of[member] = merged
    return sorted(sorted(group) for group in set(group_of.values()))


def _same_conference(resolutions: list[Entry[Resolution]], a: int, b: int) -> bool:
    return resolutions[a].record.conference is resolutions[b].record.conference


def _on(resolution: Resolution) -> str:
    """`, on “Conformance and interoperability”,`: a resolution's latest title, when it has one."""
    return f", on “{resolution.title}”," if resolution.title else ""
