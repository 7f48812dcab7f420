"""How a command treats its memory: the cyclic collector paused where a command makes many objects but
no cycles, and, in a process that runs one command, what it built kept to the end rather than freed."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_one_command = False  # whether this process runs one command and ends (the `res191` console script)
_kept: list[object] = []


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


def keep_to_the_end(*built: object) -> None:
    """In a process that runs one command, keep what a stage built to the end of the process rather
    than free it, object by object, when the stage returns: the console script ends without freeing
    anything (see res191.cli.main), and the system takes the memory back at once. At 10,000 records,
    freeing what `validate` built took a tenth of a run from the cache. Elsewhere, nothing is kept.
    """
    if _one_command:
        _kept.append(built)


def freeze_for_the_end() -> None:
    """In a process that runs one command, move what exists now out of the collector's sight for the
    rest of the command (gc.freeze): the records a command loaded live to its end, and the collector need
    not walk them again while the command works on them (a quarter of overlaps' time at 10,000
    records); processes forked after share the frozen memory rather than copy it. Elsewhere (tests, a
    program calling res191), nothing is frozen: freezing would keep whatever cycles were garbage for good.
    """
    if _one_command:
        gc.freeze()


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
