"""Where each resolution under no theme belongs, on the strongest evidence: a theme, a new group, or beside
its strongest partners.

A resolution is proposed for a theme only when its link to the theme's resolutions (those recorded under
it, and those already proposed for it) is at least as strong as its best link anywhere else; so a far
stronger link to a resolution under no theme is never lost to a weak one to a theme. Once a resolution is
proposed for a theme, the resolutions linked to it are weighed again: their best link may now be to that
theme. The resolutions left form groups by complete linkage (every two members linked), so that groups do
not chain through one shared word. A resolution with a link that is in no group is reported with its
strongest partners: no resolution with a link at or above the threshold is left out of every finding.

Links here are between resolutions of different conferences: an overlap is between conferences.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Pair = tuple[int, int]
# How many partners a resolution in no group is reported with.
PARTNERS = 3


@dataclass(frozen=True)
class Proposed:
    """A resolution proposed for a theme: the theme, the resolution it is closest to there, and the score."""

    theme: int
    near: int
    score: float


@dataclass(frozen=True)
class Placement:
    """Where the resolutions under no theme go."""

    proposed: dict[int, Proposed]
    groups: list[list[int]]  # each sorted, of two conferences or more
    partners: dict[int, list[tuple[float, int]]]  # a resolution in no group: its strongest partners


def place(
    pairs: Mapping[Pair, float], themes_of: Mapping[int, Sequence[int]], conference: Sequence[object]
) -> Placement:
    """Place every resolution under no theme (themes_of: the themes each resolution is recorded under, by
    index, in file order; conference: each resolution's conference, to link only across conferences)."""
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (a, b), score in pairs.items():
        if conference[a] != conference[b]:
            links[a].append((score, b))
            links[b].append((score, a))
    proposed = _to_themes(links, themes_of)
    left = {i for i in links if i not in themes_of and i not in proposed}
    among = {p: s for p, s in pairs.items() if p[0] in left and p[1] in left}
    groups = []
    for group in complete_linkage(among):
        # A group whose every member is linked to one theme is on that theme's subject: proposed for it,
        # not as a new theme beside it.
        joined = _group_to_theme(group, links, themes_of, proposed)
        if joined:
            proposed.update(joined)
            left -= joined.keys()
        elif len({conference[i] for i in group}) >= 2:
            groups.append(group)
    grouped = {i for g in groups for i in g}
    partners = {
        i: sorted(links[i], key=lambda link: (-link[0], link[1]))[:PARTNERS] for i in sorted(left - grouped)
    }
    return Placement(proposed, groups, partners)


def _to_themes(
    links: Mapping[int, list[tuple[float, int]]], themes_of: Mapping[int, Sequence[int]]
) -> dict[int, Proposed]:
    """The resolutions under no theme whose strongest link is to a theme, and to which."""
    proposed: dict[int, Proposed] = {}

    def themes(i: int) -> Sequence[int]:
        return themes_of.get(i) or ([proposed[i].theme] if i in proposed else [])

    waiting = [i for i in sorted(links) if i not in themes_of]
    heapq.heapify(waiting)
    queued = set(waiting)
    while waiting:
        outside = heapq.heappop(waiting)
        queued.discard(outside)
        if outside in proposed:
            continue
        best: dict[int, tuple[float, int]] = {}
        for score, other in links[outside]:
            for theme in themes(other):
                current = best.get(theme)
                if current is None or (score, -other) > (current[0], -current[1]):
                    best[theme] = (score, other)
        if not best:
            continue
        theme, (score, near) = min(best.items(), key=lambda item: (-item[1][0], item[0]))
        elsewhere = max((s for s, o in links[outside] if theme not in themes(o)), default=0.0)
        if score < elsewhere - 1e-9:
            continue
        proposed[outside] = Proposed(theme, near, score)
        for _, other in links[outside]:
            if other not in themes_of and other not in proposed and other not in queued:
                heapq.heappush(waiting, other)
                queued.add(other)
    return proposed


def _group_to_theme(
    group: list[int],
    links: Mapping[int, list[tuple[float, int]]],
    themes_of: Mapping[int, Sequence[int]],
    proposed: Mapping[int, Proposed],
) -> dict[int, Proposed]:
    """Each member of a group proposed for the theme every one of them is linked to (the one whose
    weakest such link is strongest), or nothing."""
    best: dict[int, dict[int, tuple[float, int]]] = defaultdict(dict)  # theme: member: (score, near)
    for member in group:
        for score, other in links[member]:
            for theme in themes_of.get(other) or ([proposed[other].theme] if other in proposed else []):
                current = best[theme].get(member)
                if current is None or (score, -other) > (current[0], -current[1]):
                    best[theme][member] = (score, other)
    whole = [
        (min(s for s, _ in found.values()), theme)
        for theme, found in best.items()
        if len(found) == len(group)
    ]
    if not whole:
        return {}
    _, theme = min(whole, key=lambda item: (-item[0], item[1]))
    return {m: Proposed(theme, near, score) for m, (score, near) in best[theme].items()}


def complete_linkage(pairs: Mapping[Pair, float]) -> list[list[int]]:
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
