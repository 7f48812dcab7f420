"""Bodies whose terms of reference cover the same ground."""

from __future__ import annotations

from collections.abc import Iterator

from res191.models import Body
from res191.overlaps.common import Entry, link, quoted
from res191.overlaps.findings import Finding, finding_id
from res191.overlaps.similarity import Corpus, Reader


def body_findings(bodies: list[Entry[Body]], min_score: float, reader: Reader) -> Iterator[Finding]:
    """Pairs of bodies with terms of reference alike: mandates to clarify, or work to merge."""
    described = [b for b in bodies if b.record.terms_of_reference]
    corpus = Corpus(
        [f"{b.record.terms_of_reference} {b.record.composition or ''}" for b in described], reader
    )
    for match in corpus.matches(min_score):
        first, second = described[match.first], described[match.second]
        names = (
            f"{first.record.name} ({first.record.acronym}) and {second.record.name} ({second.record.acronym})"
        )
        proposal = (
            f"The terms of reference of {names} cover the same ground ({quoted(match.shared[:3])}): "
            "consider clarifying the mandate of each, or bringing their work together."
        )
        members = (first.member(first.record.acronym), second.member(second.record.acronym))
        keys = [first.id, second.id]
        links = (link(corpus, match.first, match.second, first.id, second.id),)
        yield Finding(
            finding_id("similar-bodies", keys), "similar-bodies", members, round(match.score, 2),
            match.shared, proposal, links,
        )  # fmt: skip
