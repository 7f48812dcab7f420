"""Write files so that a reader never sees half of one: write beside it, sync, then rename over it."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# The temporary file's name: hidden, and ending in a suffix git repositories made by `res191 init`
# ignore, so that a write interrupted by a crash never shows as a new file to commit.
TEMPORARY_SUFFIX = ".res191-tmp"


def write_bytes(path: Path, content: bytes) -> None:
    """Replace path's content atomically (the rename is atomic on one file system).

    The data reaches the disk before the rename, so a power cut leaves the old file or the new one,
    never an empty one. Nothing is left behind on failure: neither a partial file nor the temporary.
    A path that is not a regular file (/dev/null, a pipe, a terminal) is written to, never replaced:
    renaming over it would put a file where a device was.
    """
    if _special(path):
        with open(path, "wb") as out:
            out.write(content)
        return
    temporary = _staged(path, content)
    try:
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _special(path: Path) -> bool:
    """Whether path is something other than a regular file or a folder: a device, a pipe, a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_text(path: Path, text: str) -> None:
    """Replace path's content with UTF-8 text, atomically."""
    write_bytes(path, text.encode("utf-8"))


def _sync_folder(folder: Path) -> None:
    # The rename itself is durable only once the folder's entry is on disk (POSIX; not on Windows).
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@dataclass(frozen=True)
class Planned:
    """A file to write as part of a whole: what it must still hold, and what it will hold."""

    path: Path
    before: bytes | None  # its content when it was read; None for a file that must not exist yet
    after: bytes


class ChangedMeanwhile(Exception):
    """Files changed (or appeared) since they were read: they are not overwritten."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths


def unchanged(path: Path, before: bytes | None) -> bool:
    """Whether a file still holds what it held when read (or still does not exist, for None)."""
    try:
        return path.read_bytes() == before
    except FileNotFoundError:
        return before is None
    except OSError:
        return False


def replace_all(changes: Sequence[Planned]) -> None:
    """Write several files as one change: every file, or none of them.

    Each new content is written and synced beside its file first; then every file is checked to be
    as it was read (ChangedMeanwhile otherwise: an editor's save is never overwritten); then each is
    renamed into place. If one step fails, the files already replaced get their old content back and
    the files already created are removed, so that a failure leaves every file as it was.
    """
    staged: list[tuple[Planned, str]] = []
    try:
        for change in changes:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            staged.append((change, _staged(change.path, change.after)))
        moved = [c.path for c in changes if not unchanged(c.path, c.before)]
        if moved:
            raise ChangedMeanwhile(moved)
        done: list[Planned] = []
        try:
            for change, temporary in staged:
                if change.before is None:
                    os.link(temporary, change.path)  # fails if it appeared meanwhile: nothing overwritten
                    os.unlink(temporary)
                else:
                    os.replace(temporary, change.path)
                done.append(change)
        except BaseException:
            _undo(done)
            raise
    finally:
        for _, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
    for folder in {c.path.parent for c in changes}:
        _sync_folder(folder)


def _staged(path: Path, content: bytes) -> str:
    """A synced temporary file beside path holding content, with path's mode (or the default)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; give it the mode the file had, or the user's default.
        os.chmod(temporary, _mode(path))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary


def _undo(done: list[Planned]) -> None:
    """Put back what a half-done replace_all changed, newest first."""
    for change in reversed(done):
        if change.before is None:
            change.path.unlink(missing_ok=True)
        else:
            write_bytes(change.path, change.before)
