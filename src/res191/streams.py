"""The process's standard output as res191 writes it: whole, whatever the reader gave as stdout.

A parent may hand res191 a closed stdout (`res191 validate >&-`), or a pipe in non-blocking mode (as
Node.js and some CI runners do): Python then has no sys.stdout at all, or its writes stop half-way with
BlockingIOError as soon as the pipe is full, and the rest of a large report is lost. Here a closed
stdout becomes one that says so when written to, and a non-blocking one is written to patiently,
waiting until the reader takes more, so that nothing is lost.
"""

from __future__ import annotations

import errno
import io
import os
import select
import sys
from typing import Any, TextIO


class OutputClosed(OSError):
    """Standard output was closed before res191 started: nothing can be written to it."""

    def __init__(self) -> None:
        super().__init__(errno.EBADF, "standard output is closed")


class _Closed(io.TextIOBase):
    """Stands for a stdout the parent closed: writing to it raises OutputClosed."""

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OutputClosed()

    def writable(self) -> bool:
        return True

    @property
    def buffer(self) -> Any:  # code that writes bytes (the report to `-o -`) gets the same answer
        return self


class _Patient(io.RawIOBase):
    """A non-blocking file descriptor written to as if it blocked: a full pipe is waited on, not lost."""

    def __init__(self, descriptor: int) -> None:
        self.descriptor = descriptor

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.descriptor

    def write(self, data: Any) -> int:
        view = memoryview(data)
        written = 0
        while written < len(view):
            try:
                written += os.write(self.descriptor, view[written:])
            except BlockingIOError:
                select.select([], [self.descriptor], [])  # until the reader has taken some
        return written


def _text(raw: io.RawIOBase, like: TextIO) -> TextIO:
    buffered = io.BufferedWriter(raw)
    return io.TextIOWrapper(
        buffered,
        encoding=like.encoding or "utf-8",
        errors=like.errors or "strict",
        line_buffering=bool(like.line_buffering),
        write_through=False,
    )


def make_safe() -> None:
    """Make sys.stdout and sys.stderr safe to write whole: closed ones say so, non-blocking ones wait."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, _Closed() if name == "stdout" else open(os.devnull, "w"))  # noqa: SIM115
            continue
        try:
            descriptor = stream.fileno()
            blocking = os.get_blocking(descriptor)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            continue  # not a real file (a test's capture): nothing to mend
        if not blocking:
            stream.flush()
            setattr(sys, name, _text(_Patient(descriptor), stream))
