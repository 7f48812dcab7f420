"""A progress bar on the terminal for work that takes a while; nothing when piped or under CI."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Below this many files the work takes under a second: a bar would only flicker.
SHOW_FROM = 2000


def wanted() -> bool:
    """Whether a person is watching: stderr is a terminal, and this is not a CI job."""
    isatty = getattr(sys.stderr, "isatty", None)
    return (
        bool(isatty and isatty()) and not os.environ.get("CI") and os.environ.get("GITHUB_ACTIONS") != "true"
    )


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A callback (done, total) that draws a bar once there is enough work, or None where nobody watches."""
    if not wanted():
        yield None
        return
    state: dict[str, object] = {}

    def update(done: int, total: int) -> None:
        if total < SHOW_FROM:
            return
        if "bar" not in state:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            bar = Progress(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                transient=True,
                console=Console(file=sys.stderr),
            )
            bar.start()
            state["bar"], state["task"] = bar, bar.add_task(label, total=total)
        state["bar"].update(state["task"], completed=done)  # type: ignore[attr-defined]

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()  # type: ignore[attr-defined]
