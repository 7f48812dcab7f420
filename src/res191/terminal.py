"""Output drawn for people with rich, whose reader may stop before the end."""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # The reader stopped early (`res191 list resolution | head`). rich would end the process with
        # exit code 1, as if the command had failed; the command's own handling (cli.common.to_stdout)
        # drops the rest quietly and keeps the exit code the command calls for, as for every command.
        self.quiet = True
        raise BrokenPipeError


def console(out: TextIO, **options: Any) -> Console:
    """A rich console writing to out; a reader that stops early is not an error."""
    return _Console(file=out, **options)
