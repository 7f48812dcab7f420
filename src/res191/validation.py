"""Validate a data repository: load, check within and across files, and collect every problem."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from res191.checks.references import check_ids, check_references
from res191.checks.themes import ResolutionFacts, check_themes
from res191.diagnostics import Diagnostic, Severity
from res191.index import RecordIndex, build_index
from res191.loading.files import FoundFile, RecordFile, list_files, shown_path
from res191.models import KINDS, Resolution
from res191.repository import LoadedRecord, load_record, not_a_record
from res191.workers import map_chunks


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
    """Facts of resolutions by id: those checked already, others read on demand (partial runs)."""

    def __init__(self, known: dict[str, ResolutionFacts | None], index: RecordIndex, root: Path) -> None:
        self.known, self.index, self.root = dict(known), index, root

    def __call__(self, resolution_id: str) -> ResolutionFacts | None:
        if resolution_id not in self.known:
            paths = self.index.paths("resolution", resolution_id)
            record = None
            if len(paths) == 1:
                file = RecordFile(paths[0], paths[0], KINDS["resolution"], paths[0].is_symlink())
                record = load_record(file, self.root)[0].record
            self.known[resolution_id] = ResolutionFacts.of(record) if isinstance(record, Resolution) else None
        return self.known[resolution_id]


@dataclass(frozen=True)
class _Context:
    """What every chunk of work needs to know of the whole repository."""

    root: Path
    cwd: Path
    index: RecordIndex
    resolutions: dict[str, ResolutionFacts | None]


@dataclass
class _ChunkResult:
    """What a chunk of work sends back: its problems, and facts of the resolutions it read."""

    diagnostics: list[Diagnostic]
    resolutions: dict[str, ResolutionFacts | None]


def _check_chunk(context: _Context, files: Sequence[FoundFile]) -> _ChunkResult:
    """Load and check some record files against the whole repository's index."""
    loaded: list[LoadedRecord] = []
    found: list[Diagnostic] = []
    for file in files:
        assert file.kind is not None  # only record files are sent here
        record_file = RecordFile(file.path, shown_path(file.path, context.cwd), file.kind, file.is_link)
        record, problems = load_record(record_file, context.root)
        loaded.append(record)
        found.extend(problems)
    found.extend(check_ids(loaded, context.index, context.cwd))
    found.extend(check_references(loaded, context.index))
    lookup = _ResolutionLookup(context.resolutions, context.index, context.root)
    found.extend(check_themes(loaded, lookup))
    facts: dict[str, ResolutionFacts | None] = {
        r.id: ResolutionFacts.of(r.record) for r in loaded if isinstance(r.record, Resolution)
    }
    return _ChunkResult(found, facts)


def validate(
    root: Path,
    cwd: Path,
    paths: Iterable[Path] | None = None,
    ignore: Collection[str] = (),
    workers: int | None = None,
) -> ValidationResult:
    """Check every record under root/data (or the given paths) and the references between them."""
    everything = list_files(root)
    index = build_index(everything)
    scope = everything if paths is None else list_files(root, paths)
    found = [
        not_a_record(shown_path(f.path, cwd), f.kind) for f in scope if not f.is_record and not f.is_note
    ]
    records = [f for f in scope if f.is_record]
    # Resolutions first, so that the themes checked next find the facts ITU's rule needs.
    first = [f for f in records if f.kind is KINDS["resolution"]]
    then = [f for f in records if f.kind is not KINDS["resolution"]]
    known: dict[str, ResolutionFacts | None] = {}
    for batch in (first, then):
        context = _Context(root, cwd, index, known)
        for result in map_chunks(_check_chunk, context, batch, workers):
            found.extend(result.diagnostics)
            known.update(result.resolutions)
    kept = sorted((d for d in found if d.code not in ignore), key=Diagnostic.sort_key)
    return ValidationResult(kept, files=len(records))
