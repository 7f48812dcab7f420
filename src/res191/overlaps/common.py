"""What the overlap finders share: records with their files, members, citations, groups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from res191.loading.record import LoadedRecord
from res191.models import Resolution
from res191.overlaps.findings import Link, Member, Weight
from res191.overlaps.similarity import Corpus

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Entry(Generic[Model]):
    """A valid record and the file it was loaded from."""

    loaded: LoadedRecord
    record: Model

    @property
    def id(self) -> str:
        return self.loaded.id

    def member(self, label: str, sector: str | None = None, path: tuple[str | int, ...] = ("id",)) -> Member:
        """This record (or a part of it, at path) as a member of a finding."""
        line, _ = self.loaded.locate(path)
        return Member(self.loaded.kind.name, self.id, label, self.loaded.shown, line, sector)


def entries(loaded: list[LoadedRecord], model: type[Model]) -> list[Entry[Model]]:
    """The valid records of one model among loaded ones."""
    return [Entry(r, r.record) for r in loaded if isinstance(r.record, model)]


def cite(resolution: Resolution, year: int | None) -> str:
    """`WTSA Resolution 70 (Rev. Dubai, 2012)`: the citation with its conference, as of a year."""
    edition = resolution.edition_in(year) if year else resolution.latest
    return f"{resolution.conference.value} {resolution.citation(edition)}"


def sector_of(resolution: Resolution) -> str | None:
    """The Sector whose conference adopted a resolution; None for PP and Council."""
    sector = resolution.conference.sector
    return sector.value if sector else None


def link(corpus: Corpus, first: int, second: int, first_id: str, second_id: str) -> Link:
    """Why two texts of a corpus are alike, for `--explain`: each shared term and its weights."""
    terms = tuple(
        Weight(corpus.words([term])[0], round(a, 3), round(b, 3))
        for term, a, b in corpus.contributions(first, second)
    )
    return Link(first_id, second_id, round(corpus.similarity(first, second), 2), terms)


def quoted(terms: Sequence[str]) -> str:
    """Shared terms as evidence in a sentence: `shared terms: “gender”, “information society”`."""
    return "shared terms: " + ", ".join(f"“{t}”" for t in terms)
