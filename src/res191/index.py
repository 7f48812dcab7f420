"""Which record ids exist, from file names alone: cross-file checks need no parse of every file."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from res191.loading.files import is_record_file, kind_of, list_files


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


def build_index(root: Path) -> RecordIndex:
    """Index every record file under root/data by kind and id."""
    index = RecordIndex()
    for path in list_files(root):
        kind = kind_of(path, root)
        if kind is not None and is_record_file(path, kind):
            index.ids[kind.name].setdefault(path.stem, []).append(path)
    return index
