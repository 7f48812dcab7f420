"""Resolutions of different conferences with the same or nearly the same title or text: duplicates.

Two resolutions are near-duplicates when the distinctive words of their wording (the latest title adopted by
the day, or the text recorded) are nearly the same set: WTSA 57, WTDC 59 and RA ITU-R 75 share a title word
for word, WTDC 67 repeats PP 179 for its Sector. What ITU would consider follows: the others refer to the
one kept (the PP resolution, else the Council's, else the latest edition, among them and the resolutions the
themes they rest on are anchored under: the same in every finding), each conference suppressing its own or
revising it to what is particular to its Sector, at its next session.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

from res191.models import Conference, Resolution
from res191.overlaps.common import AsOf, Entry, link, quoted, sector_of
from res191.overlaps.findings import Action, Finding, finding_id
from res191.overlaps.placement import Pair, complete_linkage
from res191.overlaps.reading import Reader
from res191.overlaps.similarity import Corpus
from res191.wording import join_and

# The share of their distinctive words two wordings must have in common (of all the words of both) to be
# near-duplicates. Set on the tuning half of tests/overlaps/duplicates.yaml: its duplicates have 0.8 or
# more; the closest pair that is not one, 0.6.
DUPLICATE_SHARE = 0.75


def wording_words(reader: Reader, resolution: Resolution, as_of: AsOf) -> list[frozenset[str]]:
    """The distinctive words of each wording of a resolution (its latest title of the day, its text), as
    Reader.wording reads them."""
    return [reader.wording(w) for w in (as_of.title(resolution), resolution.text) if w]


def _share(first: frozenset[str], second: frozenset[str]) -> float:
    return len(first & second) / len(first | second) if first and second else 0.0


def duplicate_findings(
    resolutions: Sequence[Entry[Resolution]],
    corpus: Corpus,
    pairs: Mapping[Pair, float],
    as_of: AsOf,
    anchors: Mapping[int, Sequence[tuple[str, Resolution]]] | None = None,
    proposed: Collection[int] = (),
) -> Iterator[Finding]:
    """Groups of resolutions of different conferences, each two near-duplicates (a text nearly the same as
    some of a group but not all is not said to be the same as the others: the likeness finds it with them).

    anchors: for a resolution (by its place in resolutions), the themes it rests on whose anchor
    (themes.theme_anchor) it is alike, by title, with that anchor: where a theme holds every duplicate of a
    group and its anchor would be kept over them, they refer to it, as the theme's own finding asks.
    proposed: the resolutions the run proposes for a theme (anchors holds that theme's), said as such."""
    words = [wording_words(corpus.reader, r.record, as_of) for r in resolutions]
    near = {
        (a, b): score
        for (a, b), score in pairs.items()
        if resolutions[a].record.conference is not resolutions[b].record.conference
        and max((_share(x, y) for x in words[a] for y in words[b]), default=0.0) >= DUPLICATE_SHARE
    }
    for group in complete_linkage(near):
        yield _finding(resolutions, corpus, near, group, as_of, (anchors or {}), proposed)


def _finding(
    resolutions: Sequence[Entry[Resolution]],
    corpus: Corpus,
    near: Mapping[Pair, float],
    group: list[int],
    as_of: AsOf,
    anchors: Mapping[int, Sequence[tuple[str, Resolution]]],
    proposed: Collection[int],
) -> Finding:
    entries = [resolutions[i] for i in group]
    # The one text kept: among the duplicates and the anchors of the themes they rest on, by the rule
    # every finding keeps (AsOf.keeper), so that no two findings ask one resolution to refer to two texts.
    of_each = [{anchor.id: (title, anchor) for title, anchor in anchors.get(i, ())} for i in group]
    common = set(of_each[0]).intersection(*of_each[1:])  # a theme that rests on every one of them
    themed = {anchor_id: of_each[0][anchor_id] for anchor_id in sorted(common)}
    # Where a theme's anchor is among them, a text only proposed for the theme (by a mapping of this run)
    # is not kept over the texts recorded under it: the theme's finding streamlines them under its anchor.
    candidates = [e.record for i, e in zip(group, entries, strict=True) if not (themed and i in proposed)]
    kept = as_of.keeper(candidates + [anchor for _, anchor in themed.values()])
    kept_label = as_of.cite(kept)
    outside = kept.id not in {e.id for e in entries}
    labels = [as_of.cite(e.record) for e in entries]
    titles = {as_of.title(e.record) for e in entries}
    same = len(titles) == 1 and None not in titles
    evidence = (str(next(iter(titles))),) if same else corpus.shared_terms(group)
    what = f"the same title, “{evidence[0]}”" if same else f"nearly the same wording ({quoted(evidence[:3])})"
    if not same and _each_its_own(corpus.reader, [e.record for e in entries], as_of):
        proposal, actions = _parallel(entries, labels, as_of, evidence)
        return _built(resolutions, corpus, near, group, labels, evidence, proposal, actions)
    actions = tuple(_action(e.record, kept, kept_label, as_of) for e in entries if e.record is not kept)
    whole = kept.conference in (Conference.PP, Conference.COUNCIL)
    others = "the other" if len(entries) == 2 else "the others"
    if outside:
        theme = themed[kept.id][0]
        rest = [label for i, label in zip(group, labels, strict=True) if i not in proposed]
        added = [label for i, label in zip(group, labels, strict=True) if i in proposed]
        on = "them and on " if not added else f"{join_and(rest)} and on " if rest else ""
        why = f"The theme “{theme}” rests on {on}{kept_label}, under which its work is anchored"
        if added:
            # Named by kind: with `--kind duplicate` the mapping is not shown, and the reader looks it up.
            findings = "a mapping finding proposes" if len(added) == 1 else "mapping findings propose"
            why += f", and {findings} adding {join_and(added)} to it"
        why += f"; they could refer to {kept_label}"
    elif whole:
        why = f"{kept_label} is the whole Union's; {others} could refer to it"
    else:
        year = as_of.edition(kept).year
        tied = [
            label for e, label in zip(entries, labels, strict=True) if as_of.edition(e.record).year == year
        ]
        compared = [e.record for e in entries]
        why = (
            f"{join_and(tied)} are {as_of.latest(compared, 'editions')} among them, of {year}: {kept_label}, "
            f"the first of them as the mapping lists them (by conference, then number), is the one {others} "
            "could refer to"
            if len(tied) > 1
            else f"{kept_label} is {as_of.latest(compared)} among them; {others} could refer to it"
        )
    proposal = f"{join_and(labels)} have {what}: a duplicate. {why} rather than repeat it. " + " ".join(
        a.sentence for a in actions
    )
    return _built(resolutions, corpus, near, group, labels, evidence, proposal, actions)


def _built(
    resolutions: Sequence[Entry[Resolution]],
    corpus: Corpus,
    near: Mapping[Pair, float],
    group: list[int],
    labels: list[str],
    evidence: tuple[str, ...],
    proposal: str,
    actions: tuple[Action, ...],
) -> Finding:
    """The duplicate finding of a group: its members, its links and its score (its weakest link)."""
    entries = [resolutions[i] for i in group]
    inside = [(a, b) for a in group for b in group if a < b]
    members = tuple(e.member(label, sector_of(e.record)) for e, label in zip(entries, labels, strict=True))
    links = tuple(link(corpus, a, b, resolutions[a].id, resolutions[b].id) for a, b in inside)
    return Finding(
        finding_id("duplicate", [e.id for e in entries]), "duplicate", members,
        round(min(near[p] for p in inside), 2), evidence, proposal, links, actions,
    )  # fmt: skip


def _each_its_own(reader: Reader, duplicates: list[Resolution], as_of: AsOf) -> bool:
    """Whether duplicates are each conference's text for itself: titles naming each only its own
    conference or Sector (Reader.names_only_itself), alike in every other word ("Rules of procedure of
    the ITU Telecommunication Development Sector", "... Standardization Sector")."""
    titles = [as_of.title(r) for r in duplicates]
    if any(title is None for title in titles):
        return False
    named = all(
        reader.names_only_itself(str(title), r.conference.value)
        for r, title in zip(duplicates, titles, strict=True)
    )
    return named and len({reader.wording(str(title)) for title in titles}) == 1


def _parallel(
    entries: list[Entry[Resolution]], labels: list[str], as_of: AsOf, evidence: tuple[str, ...]
) -> tuple[str, tuple[Action, ...]]:
    """What to propose for each conference's text for itself (its rules of procedure, its regional
    preparations): none is suppressed for another; each could recall the others when next revised, so
    that they stay alike."""
    actions = []
    for entry, label in zip(entries, labels, strict=True):
        others = [other for other in labels if other != label]
        of = join_and([e.record.conference.value for e in entries if e is not entry])
        counterparts = "its counterpart" if len(others) == 1 else "its counterparts"
        do = f"revise {label} to recall {join_and(others)}, {counterparts} of {of}"
        body = entry.record.conference.body_id
        actions.append(
            Action(
                do,
                (label, *others),
                as_of.calendar.name(body),
                as_of.next(body),
                check=as_of.check_first([entry.record]),
            )
        )
    proposal = (
        f"{join_and(labels)} have the same wording ({quoted(evidence[:3])}) but for the conference or "
        "Sector each names as its own: each is its own conference's text on the same matter, and none need "
        f"be suppressed. Each could recall {'the other' if len(entries) == 2 else 'the others'}, so that "
        "they stay alike. " + " ".join(a.sentence for a in actions)
    )
    return proposal, tuple(actions)


def _action(resolution: Resolution, kept: Resolution, kept_label: str, as_of: AsOf) -> Action:
    """What the conference of a duplicate could do with it: suppress it, or keep only what is its own."""
    label = as_of.cite(resolution)
    sector = resolution.conference.sector
    own = f"what is particular to {sector.value}" if sector else "what is particular to it"
    do = f"suppress {label}, or revise it to keep only {own} and refer to {kept_label} for the rest"
    body = resolution.conference.body_id
    when = as_of.next(body)
    check = as_of.check_first([resolution, kept])
    return Action(do, (label, kept_label), as_of.calendar.name(body), when, kept_label, check)
