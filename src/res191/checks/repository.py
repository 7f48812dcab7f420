"""The repository as the checks across files see it: every record's facts, by kind and id."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from res191.checks.facts import RecordFacts
from res191.checks.suggest import Suggester
from res191.diagnostics import Location
from res191.models.kinds import KINDS

if TYPE_CHECKING:
    from res191.loading.key_places import LineColumn, Loc
    from res191.loading.record import ValuePlaces

# A place asked for in a record: where in it, and whether at the key (rather than the value).
Place = tuple["Loc", bool]


class Repository:
    """Every record file's facts, looked up by kind and id, and where their values are."""

    def __init__(
        self,
        records: Iterable[RecordFacts],
        cwd: str,
        remembered: dict[str, dict[Place, LineColumn]] | None = None,
    ) -> None:
        self.records = list(records)
        self.cwd = cwd
        # Places worked out by an earlier run in files unchanged since (from the cache), and those
        # asked for in this run, by file: a cached run then places its problems without parsing.
        self.remembered = remembered or {}
        self.placed: dict[str, dict[Place, LineColumn]] = defaultdict(dict)
        self.by_id: dict[str, dict[str, list[RecordFacts]]] = defaultdict(dict)
        for facts in self.records:
            self.by_id[facts.kind].setdefault(facts.id, []).append(facts)
        self._suggesters: dict[str, Suggester] = {}
        self.omitted: Counter[str] = Counter()  # problems found but not listed, by file as shown

    @functools.cached_property
    def positions(self) -> ValuePlaces:
        """Where values are in the files: asked for only when a check has a problem to place (which
        is when the YAML parser is first needed on a run whose files all came from the cache)."""
        from res191.loading.record import ValuePlaces

        return ValuePlaces({f.path: f.positions for f in self.records if f.positions is not None})

    def of_kind(self, kind: str) -> list[RecordFacts]:
        """The valid records of a kind."""
        return [f for claims in self.by_id[kind].values() for f in claims if f.valid]

    def exists(self, kind: str, record_id: str) -> bool:
        """Whether some file holds a record of this kind and id, valid or not."""
        return record_id in self.by_id[kind]

    def get(self, kind: str, record_id: str) -> RecordFacts | None:
        """The valid record of this kind and id, if exactly one file holds it."""
        claims = self.by_id[kind].get(record_id, [])
        return claims[0] if len(claims) == 1 and claims[0].valid else None

    def closest_id(self, kind: str, unknown: str) -> str | None:
        """The id of this kind most like an unknown one, for a "did you mean"."""
        if kind not in self._suggesters:
            self._suggesters[kind] = Suggester(self.by_id[kind])
        return self._suggesters[kind].closest(unknown)

    def at(self, facts: RecordFacts, loc: Loc = (), at_key: bool = False) -> Location:
        """The place of a value of a record (or of its key), for a diagnostic."""
        place = (loc, at_key)
        position = self.remembered.get(facts.path, {}).get(place)
        if position is None:
            position = self.positions.locate(facts.path, KINDS[facts.kind], loc, at_key)
        self.placed[facts.path][place] = position
        return Location(facts.shown, *position)
