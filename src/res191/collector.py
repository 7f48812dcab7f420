"""Pausing Python's cyclic garbage collector where a command makes many objects but no cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_one_command = False  # whether this process runs one command and ends (the `res191` console script)


def for_one_command() -> None:
    """Say that this process runs one command and then ends, as the console script does.

    What a paused stretch made is then frozen when it ends (moved out of the collector's sight, as
    gc.freeze does): it lives to the end of the command, and the collector's next pass would otherwise
    walk all of it once more (a twentieth of a one-core validate at 10,000 records) to free nothing.
    Not done in a process that goes on (tests, a program calling res191): freezing keeps for good
    whatever cycles were garbage at that moment.
    """
    global _one_command
    _one_command = True


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Run a block with the cyclic collector off, and turn it back on after (if it was on).

    For work that makes, and often keeps, many small objects but no cycles: loading files, reading
    the cache back, rendering pages. The collector would walk those objects again and again and free
    nothing (a tenth of a one-core validate at 10,000 records). Reference counting still frees
    everything such work drops; collections resume after, for whatever cycles it left.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _one_command:
            gc.freeze()
        if enabled:
            gc.enable()
