"""Run a function over chunks of work, in worker processes when there is enough work to share.

Parsing YAML is almost all the cost of validating a large repository, and each file parses on its
own; below a few hundred files starting processes costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Context = TypeVar("Context")
Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files one process is faster (measured: a pool costs about 30 ms to start).
PARALLEL_FROM = 600
# Sixteen chunks a worker: an even share, and each chunk's result (records pickled back for report,
# site and overlaps) small enough that this process never holds many of them as bytes at once:
# measured at 10,000 records, overlaps peaks 9 MiB lower than with four; no slower.
_CHUNKS_PER_WORKER = 16


def worker_count() -> int:
    """How many processes to use: the cores this process may run on, at most eight."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def chunk_bounds(length: int, count: int) -> list[tuple[int, int]]:
    """Split range(length) into at most count runs of nearly equal length, in order."""
    count = max(1, min(count, length))
    size, extra = divmod(length, count)
    starts = [i * size + min(i, extra) for i in range(count + 1)]
    return [(starts[i], starts[i + 1]) for i in range(count) if starts[i] < starts[i + 1]]


# Names a start method ("fork", "spawn", "forkserver") to use instead of the platform's choice: for the
# tests of what runs where fork does not exist (Windows; macOS, where fork is unsafe), on Linux too.
START_METHOD = "RES191_START_METHOD"

# What a worker process works on, set once when it starts: under fork it is inherited, not pickled.
_job: tuple[Callable[[Any, Sequence[Any]], Any], Any, Sequence[Any]] | None = None


def start_method() -> str:
    """How worker processes start: RES191_START_METHOD where this platform has it, else fork where it
    exists (the loaded modules and the job are shared, not imported and pickled again), else spawn."""
    import multiprocessing

    available = multiprocessing.get_all_start_methods()
    wanted = os.environ.get(START_METHOD, "")
    if wanted in available:
        return wanted
    return "fork" if "fork" in available else "spawn"


def _start_worker(function: Callable[[Any, Sequence[Any]], Any], context: Any, items: Sequence[Any]) -> None:
    global _job
    _job = (function, context, items)


def _start_worker_from(pickled: bytes) -> None:
    """The job, for a process that did not inherit it: pickled once by the parent, not once a worker."""
    import pickle

    _start_worker(*pickle.loads(pickled))


def _run_range(bounds: tuple[int, int]) -> Any:
    assert _job is not None, "the pool's initializer sets the job"
    function, context, items = _job
    return function(context, items[bounds[0] : bounds[1]])


def map_chunks(
    function: Callable[[Context, Sequence[Item]], Result],
    context: Context,
    items: Sequence[Item],
    workers: int | None = None,
    done: Callable[[int], None] | None = None,
) -> list[Result]:
    """function(context, chunk) over chunks of items, results in the order of the items.

    The context and the items reach each worker once; only the bounds of each chunk and its
    result cross between processes, so a large context costs nothing per chunk. done, if given, is
    told how many items each finished chunk held (for a progress bar).
    """
    workers = worker_count() if workers is None else workers
    if workers < 2 or len(items) < PARALLEL_FROM:
        return _here(function, context, items, done)
    # Imported here: a run from the cache, or a small repository, starts no process.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = start_method()
    initializer: Callable[..., None] = _start_worker
    initargs: tuple[Any, ...] = (function, context, items)
    if method != "fork":
        pickled = _pickled(initargs)
        if pickled is None:  # a job that cannot cross to another process is done in this one
            return _here(function, context, items, done)
        initializer, initargs = _start_worker_from, (pickled,)
    bounds = chunk_bounds(len(items), workers * _CHUNKS_PER_WORKER)
    try:
        pool = ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context(method),
            initializer=initializer,
            initargs=initargs,
        )
        results = []
        with pool:
            for (low, high), result in zip(bounds, pool.map(_run_range, bounds), strict=True):
                results.append(result)
                if done is not None:
                    done(high - low)
        return results
    except (OSError, BrokenProcessPool):
        # Some sandboxes cannot start processes or share semaphores: the same work, in this one.
        return _here(function, context, items, done)


def _pickled(job: tuple[Any, ...]) -> bytes | None:
    """The job as bytes for a spawned process, or None where some part of it cannot be pickled (a
    function defined inside another, a lambda, an open file): such a job is slower, never wrong."""
    import pickle

    try:
        return pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


def _here(
    function: Callable[[Context, Sequence[Item]], Result],
    context: Context,
    items: Sequence[Item],
    done: Callable[[int], None] | None,
) -> list[Result]:
    """The work in this process: in one go, or in slices when someone is watching its progress."""
    if not items:
        return []
    if done is None:
        return [function(context, items)]
    results = []
    for low, high in chunk_bounds(len(items), max(1, len(items) // 250)):
        results.append(function(context, items[low:high]))
        done(high - low)
    return results
