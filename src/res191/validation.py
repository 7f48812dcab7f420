"""Validate a data repository: load every record, check across files, and collect every problem."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from res191.cache import KeyedFile, ResultCache, read_keyed
from res191.checks import check_across
from res191.checks.facts import RecordFacts
from res191.checks.repository import Place
from res191.diagnostics import MOST_PROBLEMS, Diagnostic, Location, Severity, problem
from res191.loading.files import FileProblem, FoundFile, check_data_folder, list_files, shown_path
from res191.loading.key_places import LineColumn
from res191.memory import collector_paused, keep_to_the_end
from res191.workers import map_chunks

if TYPE_CHECKING:
    from res191.loading.record import LoadedRecord, LoadedRecords


@dataclass(frozen=True)
class ValidationResult:
    """Every problem found, in file and line order, how many record files were read, and the records."""

    diagnostics: list[Diagnostic]
    files: int
    loaded: LoadedRecords | None = None  # the records themselves, when the caller asked to keep them

    def count(self, severity: Severity) -> int:
        """How many diagnostics of one severity there are."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def failed(self, strict: bool = False) -> bool:
        """Whether the data should be refused: any error, or any warning with strict."""
        return any(d.severity is Severity.ERROR or strict for d in self.diagnostics)

    def without_errors(self) -> LoadedRecords:
        """The records kept, less every record with an error, whether found in its file alone or across
        files (an id that is not its file's name, a reference to nothing): what a command that goes on
        despite errors elsewhere (overlaps) reads."""
        from res191.loading.record import LoadedRecords

        assert self.loaded is not None, "validate(keep_records=True) keeps them"
        wrong = {d.location.path for d in self.diagnostics if d.severity is Severity.ERROR}
        kept = [r for r in self.loaded.records if r.record is not None and r.shown not in wrong]
        return LoadedRecords(self.loaded.root, kept)


@dataclass(frozen=True)
class _Job:
    """What loading a share of the files needs to know."""

    root: Path
    cwd: str
    keep: bool  # send the loaded records back (pickling them costs less than loading them in one process)
    kinds: frozenset[str] | None  # of these kinds only, if given
    positions: bool
    keyed: bool  # key each file for the result cache


FileResult = tuple[RecordFacts, list[Diagnostic], "LoadedRecord | None", KeyedFile | None]


def _load_files(job: _Job, files: Sequence[FoundFile]) -> list[FileResult]:
    """Load and check some record files on their own; the checks across files come later."""
    # Imported here: the parser and the models are not needed when every file comes from the cache.
    from res191.checks.facts import facts_of
    from res191.checks.local import check_record
    from res191.loading.record import load_record

    results: list[FileResult] = []
    with collector_paused():
        for file in files:
            shown = shown_path(file.path, job.cwd)
            raw: bytes | None = None
            keyed: KeyedFile | None = None
            if job.keyed and file.is_regular and not file.is_link:
                # A file that cannot be read is not cached: load_record reads it again, and says why.
                with contextlib.suppress(OSError, FileProblem):
                    raw, keyed = read_keyed(file.path, shown)
            loaded, problems = load_record(file, shown, job.root, job.positions, raw)
            if loaded.record is not None:
                problems += check_record(loaded, job.root)
            kept = job.keep and (job.kinds is None or loaded.kind.name in job.kinds)
            results.append((facts_of(loaded), problems, loaded if kept else None, keyed))
    return results


def _cached_or_loaded(
    job: _Job,
    records: list[FoundFile],
    cache: ResultCache | None,
    workers: int | None,
    done: Callable[[int], None] | None,
) -> tuple[list[FileResult], dict[str, dict[Place, LineColumn]]]:
    """Each record file's results, in the order of the files: from the cache where the file is
    unchanged, else loaded (in worker processes when there are many) and kept in the cache; and the
    places in the unchanged files that the last run's checks across files asked for."""
    if cache is None:
        return [r for chunk in map_chunks(_load_files, job, records, workers, done) for r in chunk], {}
    by_path: dict[str, FileResult] = {}
    remembered: dict[str, dict[Place, LineColumn]] = {}
    pending = []
    for file in records:
        hit = (
            cache.get(file.path, shown_path(file.path, job.cwd))
            if file.is_regular and not file.is_link
            else None
        )
        if hit is None:
            pending.append(file)
        else:
            by_path[file.path] = (hit[0], hit[1], None, None)
            if hit[2]:
                remembered[file.path] = hit[2]
    if done is not None and by_path:
        done(len(by_path))
    for chunk in map_chunks(_load_files, job, pending, workers, done):
        for result in chunk:
            facts, problems, _, keyed = result
            by_path[facts.path] = result
            if keyed is not None:
                cache.put(keyed, facts, problems)
    return [by_path[file.path] for file in records], remembered


def validate(
    root: Path,
    cwd: Path,
    paths: Iterable[Path] | None = None,
    ignore: Collection[str] = (),
    *,
    keep_records: bool = False,
    keep_kinds: Collection[str] | None = None,
    positions: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cache: bool = False,
) -> ValidationResult:
    """Check every record under root/data and the references between them.

    With paths, only problems of the files under them are reported, but every record is read, so
    that references and ITU's rules are checked against the whole repository. With keep_records,
    the loaded records come back too (of keep_kinds only, if given): `report` and `overlaps` work from
    them, parsing no file twice.
    progress, if given, is told (files done, files in all) as the files are read. With cache, the
    results of files unchanged since the last run come from the result cache (not with keep_records:
    the records themselves are not cached).
    """
    here = str(cwd)
    try:
        check_data_folder(root)
    except FileProblem as trouble:
        where = Location(shown_path(str(root / "data"), here))
        return ValidationResult([Diagnostic(problem(trouble.code), where, trouble.message, trouble.hint)], 0)
    everything = list_files(root)
    scope = None if paths is None else {f.path for f in list_files(root, paths)}
    found = _not_records(everything, scope, root, here)
    records = [f for f in everything if f.is_record]
    # 1. Each record file on its own: from the cache, or loaded and checked (in worker processes when
    # there are many). Records kept for a command keep their top-level positions too: a warning across
    # files can then be placed without reading the file again.
    caching = cache and not keep_records
    kinds = None if keep_kinds is None else frozenset(keep_kinds)
    job = _Job(root, here, keep_records, kinds, positions or keep_records, caching)
    with collector_paused():  # the cache, read back, is as many small objects as the files' results
        kept_results = ResultCache.open(root) if caching else None
        done = _counting(progress, len(records))
        results, remembered = _cached_or_loaded(job, records, kept_results, workers, done)
    facts = [record_facts for record_facts, _, _, _ in results]
    omitted: Counter[str] = Counter()
    for record_facts, problems, _, _ in results:
        if scope is None or record_facts.path in scope:
            found.extend(problems)
            omitted[record_facts.shown] += record_facts.omitted
    # 2. The checks across files, on every record's facts; the places they asked for are remembered.
    across = check_across(facts, here, scope, remembered)
    found.extend(across.diagnostics)
    omitted.update(across.omitted)
    if kept_results is not None:
        for path, places in across.placed.items():
            kept_results.place(path, places)
        kept_results.save()
    # 3. What the caller gets: the problems in order, at most so many a file, and the records if asked.
    kept = sorted((d for d in found if d.code not in ignore), key=Diagnostic.sort_key)
    loaded = None
    if keep_records:
        from res191.loading.record import LoadedRecords

        loaded = LoadedRecords(root, [r for _, _, r, _ in results if r is not None])
    else:
        # `validate` itself: what the run built goes with the process, not object by object now. A
        # run that keeps the records goes on to other work (overlaps, the site): this is freed for it.
        keep_to_the_end(results, facts, kept_results, across, remembered)
    checked = len(records) if scope is None else sum(1 for f in facts if f.path in scope)
    return ValidationResult(_at_most_per_file(kept, omitted, ignore), checked, loaded)


def _not_records(
    everything: list[FoundFile], scope: set[str] | None, root: Path, here: str
) -> list[Diagnostic]:
    """What is under data/ but is not a record (and not a note), in scope: each says why it is not read."""
    strays = [
        f for f in everything if not f.is_record and not f.is_note and (scope is None or f.path in scope)
    ]
    if not strays:
        return []
    from res191.loading.record import not_a_record

    return [not_a_record(f, shown_path(f.path, here), root) for f in strays]


def _counting(progress: Callable[[int, int], None] | None, total: int) -> Callable[[int], None] | None:
    """A function told how many files each finished share held, which tells progress the running total."""
    if progress is None:
        return None
    counted = [0]

    def done(count: int) -> None:
        counted[0] += count
        progress(counted[0], total)

    return done


def _at_most_per_file(
    diagnostics: list[Diagnostic], omitted: Counter[str], ignore: Collection[str]
) -> list[Diagnostic]:
    """At most MOST_PROBLEMS diagnostics a file, then one saying how many more there are."""
    per_file: Counter[str] = Counter(d.location.path for d in diagnostics)
    if all(n <= MOST_PROBLEMS for n in per_file.values()) and not any(omitted.values()):
        return diagnostics
    shown: Counter[str] = Counter()
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        path = diagnostic.location.path
        shown[path] += 1
        if shown[path] <= MOST_PROBLEMS:
            kept.append(diagnostic)
    if "Y122" not in ignore:
        for path in sorted(set(per_file) | {p for p, n in omitted.items() if n}):
            more = max(0, per_file[path] - MOST_PROBLEMS) + omitted[path]
            if more:
                kept.append(
                    Diagnostic(
                        problem("Y122"),
                        Location(path, 1, 1),
                        f"{more:,} more problems in this file are not listed",
                        "fix the problems listed and run again; a file with this many problems may be "
                        "better written anew from an example (res191 new)",
                    )
                )
    return sorted(kept, key=Diagnostic.sort_key)
