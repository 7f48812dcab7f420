"""Large repositories are checked in several processes, with the same findings as in one."""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from res191 import cli as res191_cli
from res191 import workers
from res191.validation import validate

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import generate


def test_chunk_bounds_cover_everything_in_order() -> None:
    assert workers.chunk_bounds(10, 4) == [(0, 3), (3, 6), (6, 8), (8, 10)]
    assert workers.chunk_bounds(2, 8) == [(0, 1), (1, 2)]
    assert workers.chunk_bounds(0, 3) == []


def _square_all(offset: int, items: Sequence[int]) -> list[int]:
    return [offset + item * item for item in items]


def test_map_chunks_keeps_order_in_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    results = workers.map_chunks(_square_all, 1, list(range(50)), workers=2)
    assert len(results) == 2 * workers._CHUNKS_PER_WORKER  # several chunks a worker
    assert [x for chunk in results for x in chunk] == [1 + i * i for i in range(50)]


def test_parallel_and_serial_runs_find_the_same(tmp_path: Path) -> None:
    generate(tmp_path, workers.PARALLEL_FROM + 200)
    data = tmp_path / "data"
    # Problems of every family, spread over the repository.
    (data / "resolutions" / "pp-0.yaml").write_text("id: pp-0\nconference: PP\n")
    (data / "themes" / "theme-3.yaml").write_text("id: theme-3\ntitle: T\nresolutions: [pp-999999]\n")
    theme = data / "themes" / "theme-7.yaml"
    theme.write_text(
        theme.read_text().replace("focal_points:\n  - sector: ITU-R", "focal_points:\n  - sector: GS")
    )
    (data / "bodies" / "broken.yaml").write_text("id: [\n")
    serial = validate(tmp_path, tmp_path, workers=1)
    parallel = validate(tmp_path, tmp_path, workers=2)
    assert parallel == serial
    assert {d.code for d in serial.diagnostics} >= {"S202", "X303", "I401", "Y101"}


def test_a_pool_that_cannot_start_falls_back_to_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "semaphores are not allowed here")

    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)  # imported when a pool is needed
    assert workers.map_chunks(_square_all, 0, [1, 2, 3], workers=2) == [[1, 4, 9]]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_validate_site_and_overlaps_run_where_fork_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under spawn (Windows; macOS) the jobs cross to the workers pickled: the same findings, the same
    pages, and no job quietly done in one process instead."""
    generate(tmp_path, workers.PARALLEL_FROM + 100)
    monkeypatch.chdir(tmp_path)
    for_sure = ["--no-cache"]
    serial_site, spawned_site = tmp_path / "serial", tmp_path / "spawned"
    monkeypatch.setattr(workers, "worker_count", lambda: 1)
    with contextlib.redirect_stdout(io.StringIO()) as serial_out:
        assert res191_cli.run(["validate", *for_sure, "--format", "json"]) == 0
        assert res191_cli.run(["overlaps", "--year", "2024", "--format", "json"]) == 0
    assert res191_cli.run(["site", "--on", "2024-06-01", "-o", str(serial_site)]) == 0

    def not_here(*args: object) -> None:
        raise AssertionError("the work was done in one process, not in the spawned workers")

    monkeypatch.setattr(workers, "worker_count", lambda: 2)
    monkeypatch.setattr(workers, "_here", not_here)
    monkeypatch.setenv(workers.START_METHOD, "spawn")
    with contextlib.redirect_stdout(io.StringIO()) as spawned_out:
        assert res191_cli.run(["validate", *for_sure, "--format", "json"]) == 0
        assert res191_cli.run(["overlaps", "--year", "2024", "--format", "json"]) == 0
    assert res191_cli.run(["site", "--on", "2024-06-01", "-o", str(spawned_site)]) == 0
    assert spawned_out.getvalue() == serial_out.getvalue()
    assert _files(spawned_site) == _files(serial_site)


def test_a_job_that_cannot_be_pickled_is_done_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_FROM", 2)
    monkeypatch.setenv(workers.START_METHOD, "spawn")
    unpicklable = lambda: None  # noqa: E731 (a lambda is what cannot be pickled)
    assert workers.map_chunks(_with_context, unpicklable, [1, 2, 3], workers=2) == [[1, 2, 3]]


def _with_context(context: object, items: Sequence[int]) -> list[int]:
    assert callable(context)
    return list(items)


def test_a_command_run_in_a_process_that_goes_on_freezes_nothing(tmp_path: Path) -> None:
    """Freezing the heap is for the console script, which ends with the command: a program calling
    res191 (here the tests) would keep its whole heap, garbage cycles included, for good."""
    generate(tmp_path, 50)
    gc.unfreeze()
    cwd = Path.cwd()
    os.chdir(tmp_path)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            assert res191_cli.run(["overlaps", "--year", "2024"]) == 0
            assert res191_cli.run(["site", "--on", "2024-06-01", "-o", str(tmp_path / "site")]) == 0
            assert res191_cli.run(["validate"]) == 0
    finally:
        os.chdir(cwd)
    assert gc.get_freeze_count() == 0
