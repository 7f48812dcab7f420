"""Resolutions alike and under no theme: a new area of mutual interest, unless a theme already covers it.

Before a new theme is proposed, the group is compared with the existing themes' titles and descriptions,
read through the same glossary: a theme whose words the group's resolutions share (electronic meetings,
beside "Virtual meetings/remote participation") is proposed instead. A new theme is weighed against ITU's
own rule (DOMAIN.md): "The areas of mutual interest are identified from PP-Resolutions calling for
intersectoral coordination and/or whenever there is a PP-Resolution and a resolution from at least one
Sector on a same theme."
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence

from res191.models import Conference, Resolution, Sector, Theme
from res191.overlaps.common import AsOf, Entry, link, quoted, sector_of
from res191.overlaps.findings import Action, Finding, finding_id
from res191.overlaps.placement import Pair
from res191.overlaps.reading import is_generic
from res191.overlaps.similarity import Corpus
from res191.overlaps.themes import theme_lead
from res191.overlaps.who import ISC_TF, ISCG
from res191.wording import join_and


def add_to_theme(labels: list[str], theme: str, near: str | None, as_of: AsOf) -> Action:
    """The ISC-TF, which keeps the themes and their focal points, adding resolutions to a theme."""
    return Action(
        f"add {join_and(labels)} to the resolutions of the theme “{theme}”",
        (*labels, *([near] if near else [])),
        as_of.calendar.name(ISC_TF),
        as_of.next(ISC_TF),
    )


def new_theme_findings(
    resolutions: Sequence[Entry[Resolution]],
    themes: Sequence[Entry[Theme]],
    corpus: Corpus,
    pairs: Mapping[Pair, float],
    groups: list[list[int]],
    as_of: AsOf,
    duplicated: Collection[tuple[int, ...]] = (),
) -> Iterator[Finding]:
    """For each group of alike resolutions under no theme: the existing theme whose words they share, or
    a new theme (not for a group that is a duplicate, said as such)."""
    # Each theme's distinctive terms, read once: a glossary term, or a word that is not generic, with the
    # words it was read from.
    titles = [_distinctive(corpus, f"{t.record.title}. {t.record.description or ''}") for t in themes]
    for group in groups:
        inside = [(a, b) for a in group for b in group if a < b]
        weakest = round(min(pairs[p] for p in inside), 2)
        entries = [resolutions[i] for i in group]
        labels = [as_of.cite(e.record) for e in entries]
        evidence = corpus.shared_terms(group)
        members = tuple(e.member(x, sector_of(e.record)) for e, x in zip(entries, labels, strict=True))
        links = tuple(link(corpus, a, b, resolutions[a].id, resolutions[b].id) for a, b in inside)
        counted = Counter(term for i in group for term in corpus.vectors[i])
        shared = {term for term, n in counted.items() if n >= 2}
        covering = _covering(themes, titles, shared)
        if covering is not None:
            theme, words = covering
            action = add_to_theme(labels, theme.record.title, None, as_of)
            proposal = (
                f"{join_and(labels)} are on one subject ({quoted(evidence[:3])}) and under no theme; the "
                f"theme “{theme.record.title}” is on it ({quoted(words)}): consider adding them to it "
                f"rather than proposing a new theme. {action.sentence}"
            )
            ids = [e.id for e in entries] + [theme.id]
            yield Finding(
                finding_id("mapping", ids), "mapping", (*members, theme.member(theme.record.title)), weakest,
                tuple(words) + evidence, proposal, links, (action,),
            )  # fmt: skip
            continue
        if tuple(group) in duplicated:
            continue
        rule, meets = _rule([e.record for e in entries])
        action = _propose(entries, labels, as_of, meets)
        proposal = f"{join_and(labels)} are on one subject ({quoted(evidence[:3])}) and under no theme. "
        proposal += f"{rule} {action.sentence}"
        yield Finding(
            finding_id("new-theme", [e.id for e in entries]), "new-theme", members, weakest, evidence,
            proposal, links, (action,),
        )  # fmt: skip


def _distinctive(corpus: Corpus, text: str) -> dict[str, str]:
    """The distinctive terms of a text (glossary terms, words that are not generic), with their words."""
    found: dict[str, str] = {}
    for term in corpus.reader.words(text):
        if not term.inside and not is_generic(term.key):
            found.setdefault(term.key, text[term.start : term.end])
    return found


def _covering(
    themes: Sequence[Entry[Theme]], titles: Sequence[dict[str, str]], shared: set[str]
) -> tuple[Entry[Theme], list[str]] | None:
    """The theme whose title or description has the most of the distinctive terms a group shares, with
    those terms in the theme's words; None if none."""
    best: tuple[int, int] | None = None
    for number, terms in enumerate(titles):
        found = len(terms.keys() & shared)
        if found and (best is None or found > best[0]):
            best = (found, number)
    if best is None:
        return None
    terms = titles[best[1]]
    return themes[best[1]], [terms[k] for k in terms if k in shared]


def _rule(group: Sequence[Resolution]) -> tuple[str, bool]:
    """Whether a group meets ITU's rule for an area of mutual interest: in a sentence, and whether it does."""
    pp = [r for r in group if r.conference is Conference.PP]
    sector = [r for r in group if r.conference.sector is not None]
    if pp and (sector or any(r.calls_for_coordination for r in pp)):
        return (
            "They meet ITU's rule for an area of mutual interest (a PP resolution and a resolution of a "
            "Sector on one subject).",
            True,
        )
    missing = "no PP resolution" if not pp else "no resolution of a Sector's conference"
    return (
        "They do not meet ITU's rule for an area of mutual interest (a PP resolution and a resolution of a "
        f"Sector on one subject, or PP resolutions calling for inter-Sector coordination): {missing} is "
        "among them.",
        False,
    )


def _propose(entries: Sequence[Entry[Resolution]], labels: list[str], as_of: AsOf, meets: bool) -> Action:
    """The ISCG, the membership's group, proposing the area to the advisory groups, with one lead; where
    ITU's rule is not met, no area of mutual interest: the advisory groups of the Sectors concerned are
    asked to coordinate their work on it."""
    lead = theme_lead(None, [e.record for e in entries], as_of, among="among them")
    order = [s.value for s in Sector]
    sectors = sorted({s for e in entries if (s := sector_of(e.record))}, key=order.index)
    if meets:
        # Every theme has focal points appointed by the Sectors and the General Secretariat (DOMAIN).
        do = (
            f"propose the subject to the advisory groups as an area of mutual interest, led by {lead.name} "
            f"({lead.why}), with focal points appointed by the Sectors and the General Secretariat"
        )
    elif len(sectors) > 1:
        do = (
            f"ask the advisory groups of {join_and(sectors)} to coordinate their work on the subject, led by "
            f"{lead.name} ({lead.why}), until a PP resolution on it makes it an area of mutual interest"
        )
    else:
        do = "ask the advisory groups whether the subject calls for coordination among the Sectors"
    return Action(do, tuple(labels), as_of.calendar.name(ISCG), as_of.next(ISCG))
