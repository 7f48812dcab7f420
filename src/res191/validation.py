"""Validate a data repository: load, check within and across files, and collect every problem."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from res191.checks.references import check_ids, check_references
from res191.checks.themes import check_themes
from res191.diagnostics import Diagnostic, Severity
from res191.index import RecordIndex, build_index
from res191.loading.files import RecordFile, list_files, shown_path
from res191.models import KINDS, Resolution
from res191.repository import LoadedRecord, load_record, load_repository


@dataclass(frozen=True)
class ValidationResult:
    """Every problem found, in file and line order, and how many files were read."""

    diagnostics: list[Diagnostic]
    files: int

    def count(self, severity: Severity) -> int:
        """How many diagnostics of one severity there are."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        """Whether the data should be refused: any error, or any warning with strict."""
        return any(d.severity is Severity.ERROR or strict for d in self.diagnostics)


class _ResolutionLookup:
    """Resolutions by id: those loaded, and others read on demand when only some paths are checked."""

    def __init__(self, loaded: Iterable[LoadedRecord], index: RecordIndex, root: Path, cwd: Path) -> None:
        self.found: dict[str, Resolution | None] = {
            r.id: r.record for r in loaded if isinstance(r.record, Resolution)
        }
        self.index, self.root, self.cwd = index, root, cwd

    def __call__(self, resolution_id: str) -> Resolution | None:
        if resolution_id not in self.found:
            paths = self.index.paths("resolution", resolution_id)
            record = None
            if len(paths) == 1:
                path = paths[0]
                file = RecordFile(path, shown_path(path, self.cwd), KINDS["resolution"], path.is_symlink())
                record = load_record(file, self.root)[0].record
            self.found[resolution_id] = record if isinstance(record, Resolution) else None
        return self.found[resolution_id]


def validate(
    root: Path, cwd: Path, paths: Iterable[Path] | None = None, ignore: Collection[str] = ()
) -> ValidationResult:
    """Check every record under root/data (or the given paths) and the references between them."""
    everything = list_files(root)
    index = build_index(everything)
    repository = load_repository(root, cwd, everything if paths is None else list_files(root, paths))
    found = list(repository.diagnostics)
    found.extend(check_ids(repository.records, index, cwd))
    found.extend(check_references(repository.records, index))
    lookup = _ResolutionLookup(repository.of_kind("resolution"), index, root, cwd)
    found.extend(check_themes(repository.of_kind("theme"), lookup))
    kept = sorted((d for d in found if d.code not in ignore), key=Diagnostic.sort_key)
    return ValidationResult(kept, files=len(repository.records))
