"""Write files so that a reader never sees half of one: write beside it, sync, then rename over it."""

from __future__ import annotations

import os
import stat
import tempfile
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
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        # mkstemp makes the file private; give it the mode the file had, or the user's default.
        os.chmod(temporary, _mode(path))
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
