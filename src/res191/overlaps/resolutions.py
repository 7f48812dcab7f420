"""Resolutions of different conferences on the same subject, found from their text.

Three kinds of finding come from here, and one resolution is in one of them at most: a resolution under
no theme whose strongest link is to a theme's resolutions is proposed for that theme (`mapping`); the
resolutions under no theme that are left, when alike, are proposed as a new theme (`new-theme`), a group
in which every two members are linked, scored by its weakest link; a resolution that joins no group is
reported with its strongest partners (`partners`). Where each goes is decided in placement.py.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace

from res191.models import Resolution, Theme
from res191.overlaps.common import AsOf, Entry, link, quoted, sector_of
from res191.overlaps.duplicates import duplicate_findings
from res191.overlaps.findings import Action, Finding, finding_id
from res191.overlaps.new_themes import add_to_theme, new_theme_findings
from res191.overlaps.placement import Placement, place
from res191.overlaps.reading import Reader
from res191.overlaps.similarity import Corpus
from res191.overlaps.themes import theme_anchor
from res191.overlaps.who import ISC_TF
from res191.wording import join_and

Pair = tuple[int, int]


def resolution_text(resolution: Resolution, as_of: AsOf) -> str:
    """What a resolution says of its subject on the day: the titles of its editions adopted by then (not a
    later one's: AsOf.editions), and its text if recorded.

    Not what it instructs: operative paragraphs say who does what, in words every resolution shares, and
    measured on the evaluation set they cost recall (0.88 to 0.78) without adding precision.
    Each part is a sentence of its own, so that no pair of words spans two."""
    return ". ".join(filter(None, [*(e.title for e in as_of.editions(resolution)), resolution.text]))


def similar_pairs(
    resolutions: Sequence[Entry[Resolution]], min_score: float, as_of: AsOf, reader: Reader | None = None
) -> tuple[Corpus, dict[Pair, float]]:
    """The corpus of the resolutions' texts on the day and every pair of them at min_score or more."""
    corpus = Corpus([resolution_text(r.record, as_of) for r in resolutions], reader or Reader())
    pairs = corpus.scores(min_score)
    return corpus, pairs


def resolution_findings(
    resolutions: list[Entry[Resolution]],
    themes: list[Entry[Theme]],
    as_of: AsOf,
    corpus: Corpus,
    pairs: dict[Pair, float],
    min_score: float,
) -> Iterator[Finding]:
    """Similar resolutions, placed on the strongest evidence (placement.py): one under no theme whose
    strongest link is to a theme, a mapping; several alike under none, a new theme; one that joins no
    group, with its strongest partners; and near-duplicates (duplicates.py). corpus and pairs: the
    resolutions' texts and their pairs at the threshold, min_score, or more (similar_pairs)."""
    index = {r.id: i for i, r in enumerate(resolutions)}
    themes_of: dict[int, list[int]] = defaultdict(list)
    for number, theme in enumerate(themes):
        for ref in dict.fromkeys(theme.record.resolutions):
            if ref in index:
                themes_of[index[ref]].append(number)
    placement = place(pairs, themes_of, [r.record.conference for r in resolutions])
    by_id = {r.id: r for r in resolutions}
    # A resolution this run proposes for a theme (a mapping) is taken as resting on it: a duplicate of the
    # theme's resolutions then refers to the theme's anchor as they do, not the theme's finding to one text
    # and the duplicate's to another.
    proposed_for: dict[int, list[int]] = defaultdict(list)
    for outside, found in placement.proposed.items():
        proposed_for[found.theme].append(outside)
    anchors: dict[int, list[tuple[str, Resolution]]] = defaultdict(list)
    for number, theme in enumerate(themes):
        anchor = theme_anchor(theme.record, by_id, as_of)
        if anchor is None or anchor.id not in index:
            continue
        # As the theme's own finding asks: only a resolution alike the anchor refers to it (a theme may
        # hold several subjects: PP 179, on child online protection, is not sent to PP 130).
        members = [index[ref] for ref in dict.fromkeys(theme.record.resolutions) if ref in index]
        for member in members + proposed_for[number]:
            if tuple(sorted((member, index[anchor.id]))) in pairs:
                anchors[member].append((theme.record.title, anchor))
    duplicates = list(duplicate_findings(resolutions, corpus, pairs, as_of, anchors, set(placement.proposed)))
    yield from duplicates
    # A group that is one duplicate is said once, as a duplicate: not also as a new theme (it may still
    # be proposed for a theme that covers it).
    said = [{index[m.id] for m in f.members} for f in duplicates]
    duplicated = {tuple(g) for g in placement.groups if any(set(g) <= s for s in said)}
    yield from _mappings(resolutions, themes, corpus, placement, as_of)
    yield from new_theme_findings(resolutions, themes, corpus, pairs, placement.groups, as_of, duplicated)
    yield from _partners(resolutions, themes, themes_of, corpus, pairs, placement, as_of, min_score)


def _mappings(
    resolutions: list[Entry[Resolution]],
    themes: list[Entry[Theme]],
    corpus: Corpus,
    placement: Placement,
    as_of: AsOf,
) -> Iterator[Finding]:
    """For each resolution under no theme whose strongest link is to a theme's resolutions, the theme."""
    for outside, found in sorted(placement.proposed.items()):
        entry, near, theme = resolutions[outside], resolutions[found.near], themes[found.theme]
        label, near_label = as_of.cite(entry.record), as_of.cite(near.record)
        shared = corpus.shared_with(outside, [found.near])
        how = (
            "proposed for that theme in another finding"
            if found.near in placement.proposed
            else "a resolution of that theme"
        )
        action = add_to_theme([label], theme.record.title, near_label, as_of)
        proposal = (
            f"{label}{_on(entry.record, as_of)} is under no theme; its strongest link is to {near_label} "
            f"({quoted(shared)}), {how}: consider adding it to the resolutions of the theme "
            f"“{theme.record.title}”. {action.sentence}"
        )
        members = (
            entry.member(label, sector_of(entry.record)),
            theme.member(theme.record.title),
            near.member(near_label, sector_of(near.record)),
        )
        links = (link(corpus, outside, found.near, entry.id, near.id),)
        yield Finding(
            finding_id("mapping", [entry.id, theme.id]), "mapping", members, round(found.score, 2), shared,
            proposal, links, (action,),
        )  # fmt: skip


def _partners(
    resolutions: list[Entry[Resolution]],
    themes: list[Entry[Theme]],
    themes_of: Mapping[int, Sequence[int]],
    corpus: Corpus,
    pairs: Mapping[Pair, float],
    placement: Placement,
    as_of: AsOf,
    min_score: float,
) -> Iterator[Finding]:
    """A resolution under no theme that joins no group, with its strongest partners, where each of them is
    and, for one in a group, the members it is not linked to (why it cannot join): what the ISC-TF needs to
    decide where it belongs."""
    group_of = {member: group for group in placement.groups for member in group}

    def cite(index: int) -> str:
        return as_of.cite(resolutions[index].record)

    for outside, partners in placement.partners.items():
        entry = resolutions[outside]
        label = cite(outside)
        named = [f"{cite(o)} ({score:.2f})" for score, o in partners]
        closest = cite(partners[0][1])
        shared = corpus.shared_with(outside, [partners[0][1]])
        # Where each partner is; partners of one group together ("WTSA 2 and WTDC 3 are in a group with").
        places: dict[tuple[int, ...] | str, list[int]] = {}  # by its group, or the words for where it is
        apart: list[int] = []  # members of a partner's group it is not linked to
        for _, partner in partners:
            key: tuple[int, ...] | str
            if partner in group_of:
                group = group_of[partner]
                key = tuple(group)
                apart += [
                    m for m in group if m != partner and m not in apart and _pair(m, outside) not in pairs
                ]
            else:
                key = _where(partner, themes, themes_of, placement)
            places.setdefault(key, []).append(partner)
        where = [_in_words(key, found, cite) for key, found in places.items()]
        which = (
            f"which of them {label} belongs with (the closest is {closest}: {quoted(shared)})"
            if len(partners) > 1
            else f"whether {label} belongs with {closest} ({quoted(shared)})"
        )
        action = Action(
            f"decide {which}, and propose it for that theme or group",
            (label, *(cite(o) for _, o in partners)),
            as_of.calendar.name(ISC_TF),
            as_of.next(ISC_TF),
        )
        why = ""
        if apart:
            # Below the threshold, or at it with fewer than two distinctive words shared: a link needs both.
            unlinked = []
            for m in apart:
                score = corpus.similarity(outside, m)
                few = ", but fewer than two distinctive words shared" if score >= min_score - 1e-9 else ""
                unlinked.append(f"{cite(m)} ({score:.2f}{few})")
            why = f" It is not linked to {join_and(unlinked, 'nor')}."
        proposal = (
            f"{label}{_on(entry.record, as_of)} is under no theme and close to {join_and(named)}, but joins "
            f"no group: {'; '.join(where)}.{why} {action.sentence}"
        )
        members = (
            entry.member(label, sector_of(entry.record)),
            *(resolutions[o].member(cite(o), sector_of(resolutions[o].record)) for _, o in partners),
        )
        # --explain shows the links that fall short too: what keeps it out of the group.
        links = tuple(link(corpus, outside, o, entry.id, resolutions[o].id) for _, o in partners) + tuple(
            replace(link(corpus, outside, m, entry.id, resolutions[m].id), short_of=cite(m)) for m in apart
        )
        yield Finding(
            finding_id("partners", [entry.id]), "partners", members, round(partners[0][0], 2), shared,
            proposal, links, (action,),
        )  # fmt: skip


def _pair(a: int, b: int) -> Pair:
    return (min(a, b), max(a, b))


def _where(
    partner: int, themes: list[Entry[Theme]], themes_of: Mapping[int, Sequence[int]], placement: Placement
) -> str:
    """Where a partner in no group is, in words that follow `is`: `under the theme “Accessibility”`."""
    recorded = [themes[t].record.title for t in themes_of.get(partner, ())]
    if recorded:
        return f"under the theme {join_and([f'“{t}”' for t in recorded])}"
    if partner in placement.proposed:
        return f"proposed for the theme “{themes[placement.proposed[partner].theme].record.title}”"
    return "in no group either"


def _in_words(key: tuple[int, ...] | str, partners: list[int], cite: Callable[[int], str]) -> str:
    """`WTSA Resolution 64 (…)* is in a group with WTDC Resolution 63 (…)*`: partners and where they are
    (key: their group, or where they are in words)."""
    verb = "is" if len(partners) == 1 else "are"
    named = join_and([cite(p) for p in partners])
    if isinstance(key, str):
        return f"{named} {verb} {key}"
    others = [m for m in key if m not in partners]
    if not others:
        return f"{named} {verb} a group"
    return f"{named} {verb} in a group with {join_and([cite(m) for m in others])}"


def _same_conference(resolutions: list[Entry[Resolution]], a: int, b: int) -> bool:
    return resolutions[a].record.conference is resolutions[b].record.conference


def _on(resolution: Resolution, as_of: AsOf) -> str:
    """`, on “Conformance and interoperability”,`: the title of the edition cited, when it has one."""
    title = as_of.cited(resolution).title
    return f", on “{title}”," if title else ""
