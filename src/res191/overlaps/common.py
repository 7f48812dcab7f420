"""What the overlap finders share: records with their files, members, citations, groups."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Generic, TypeVar

from pydantic import BaseModel

from res191.loading.record import LoadedRecord
from res191.models import Resolution
from res191.overlaps.findings import Member

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


def components(pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Groups of items linked by pairs (union-find), each sorted, in order of their first item."""
    parent: dict[int, int] = {}

    def root(item: int) -> int:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in pairs:
        parent[root(first)] = root(second)
    groups: dict[int, list[int]] = defaultdict(list)
    for item in sorted(parent):
        groups[root(item)].append(item)
    return sorted(groups.values())
