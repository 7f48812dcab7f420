"""Which record ids exist, from file names alone: cross-file checks need no parse of every file."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from res191.loading.files import FoundFile


@dataclass
class RecordIndex:
    """For each kind, each id and the files that claim it (two files means a duplicate)."""

    ids: dict[str, dict[str, list[Path]]] = field(default_factory=lambda: defaultdict(dict))

    def paths(self, kind: str, record_id: str) -> list[Path]:
        """The files holding a record of this kind and id."""
        return self.ids[kind].get(record_id, [])

    def exists(self, kind: str, record_id: str) -> bool:
        """Whether some file holds a record of this kind and id."""
        return record_id in self.ids[kind]


def build_index(files: Iterable[FoundFile]) -> RecordIndex:
    """Index the record files among all the files under data/ by kind and id."""
    index = RecordIndex()
    for found in files:
        if found.is_record and found.kind is not None:
            index.ids[found.kind.name].setdefault(found.path.stem, []).append(found.path)
    return index
