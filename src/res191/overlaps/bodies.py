"""Bodies whose terms of reference cover the same ground."""

from __future__ import annotations

from collections.abc import Iterator

from res191.models import Body, Sector
from res191.overlaps.common import AsOf, Entry, link, quoted
from res191.overlaps.findings import Action, Finding, finding_id
from res191.overlaps.reading import Reader
from res191.overlaps.similarity import Corpus


def body_findings(
    bodies: list[Entry[Body]], min_score: float, reader: Reader, as_of: AsOf
) -> Iterator[Finding]:
    """Pairs of bodies with terms of reference alike: mandates to clarify, or work to bring together.

    Bodies whose terms of reference already provide for working with each other (the ISC-TF "liaises with
    the Inter-Sector Coordination Group") are made to be two: the secretariat's and the membership's. For
    them the proposal is to say how their work divides, never to merge them."""
    described = [b for b in bodies if b.record.terms_of_reference]
    corpus = Corpus(
        [f"{b.record.terms_of_reference} {b.record.composition or ''}" for b in described], reader
    )
    for match in corpus.matches(min_score):
        first, second = described[match.first], described[match.second]
        names = (
            f"{first.record.name} ({first.record.acronym}) and {second.record.name} ({second.record.acronym})"
        )
        shared = match.shared
        if _provide_for_each_other(first.record, second.record):
            what = "state in their reports how their work divides, keeping both"
            found = (
                f"The terms of reference of {names} cover the same ground ({quoted(shared[:3])}), and "
                "already provide for the two to work together"
            )
        else:
            what = "clarify its mandate beside the other's, or bring their work together"
            found = f"The terms of reference of {names} cover the same ground ({quoted(shared[:3])})"
        actions = tuple(
            _action(b.record, what, (first.record, second.record), as_of) for b in (first, second)
        )
        proposal = f"{found}. " + " ".join(a.sentence for a in actions)
        members = (first.member(first.record.acronym), second.member(second.record.acronym))
        keys = [first.id, second.id]
        links = (link(corpus, match.first, match.second, first.id, second.id),)
        yield Finding(
            finding_id("similar-bodies", keys), "similar-bodies", members, round(match.score, 2),
            shared, proposal, links, actions,
        )  # fmt: skip


def _provide_for_each_other(first: Body, second: Body) -> bool:
    """Whether either body's terms of reference name the other."""
    for one, other in ((first, second), (second, first)):
        words = f"{one.terms_of_reference} {one.composition or ''}"
        if other.acronym in words or other.name in words:
            return True
    return False


def _action(body: Body, what: str, pair: tuple[Body, Body], as_of: AsOf) -> Action:
    """Who can change a body's terms of reference, and when: the body it is part of, else the first it
    reports to, at its next meeting recorded; a body of the General Secretariat, the Secretary-General."""
    instruments = tuple(b.acronym for b in pair)
    do = f"{what} for the {body.acronym}"
    over = body.parent or (body.reports_to[0] if body.reports_to else None)
    if over is not None:
        return Action(do, instruments, as_of.calendar.name(over), as_of.next(over))
    if body.sector == Sector.GS.value:
        return Action(do, instruments, "the Secretary-General", "by a service order, at any time")
    return Action(do, instruments, as_of.calendar.name(body.id), as_of.next(body.id))
