"""Find the data repository and its record files, and read each file as text, safely.

A pull request can add anything under data/: links to files outside the repository, named pipes
that never end, devices that never stop, files in UTF-16 or with old Mac line ends. Each gets a
diagnostic; none is followed, waited on or read past what a record can be.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from res191.models import KINDS, RecordKind

# A real record is a few kilobytes; anything this large is a mistake or an attack.
MAX_BYTES = 1024 * 1024
_CHUNK = 64 * 1024  # what is read at a time of a file that grows while it is read
NOTES = frozenset({"README.md", ".gitkeep"})
_BY_FOLDER = {kind.folder: kind for kind in KINDS.values()}


class FileProblem(Exception):
    """A file cannot be read as text: a catalogue code, message, position and hint."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


class UnreadableFolder(OSError):
    """A folder under data/ cannot be listed: what is in it is unknown, so nothing can be said."""


@dataclass(frozen=True, slots=True)
class FoundFile:
    """An entry under data/: its absolute path, the kind its folder holds, and what it is on disk."""

    path: str
    kind: RecordKind | None
    is_link: bool = False
    is_regular: bool = True  # False for pipes, devices and sockets: never opened

    @property
    def name(self) -> str:
        """The file's name, without its folder."""
        return self.path.rpartition(os.sep)[2]

    @property
    def stem(self) -> str:
        """The name without its ending: a record's id."""
        name = self.name
        dot = name.rfind(".")
        return name[:dot] if dot > 0 else name

    @property
    def is_note(self) -> bool:
        """Whether it is an editors' note (README.md) or a placeholder (.gitkeep), never checked."""
        return self.name in NOTES

    @property
    def is_record(self) -> bool:
        """Whether it is meant to hold a record, by its folder and ending."""
        kind = self.kind
        return kind is not None and self.name.endswith(kind.suffixes) and not self.is_note


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above start holding a data/ folder with record kinds."""
    for folder in (start, *start.parents):
        data = folder / "data"
        if data.is_dir() and any((data / kind.folder).is_dir() for kind in KINDS.values()):
            return folder
    return None


def shown_path(path: str, cwd: str) -> str:
    """Paths relative to the current folder where possible: that is what editors click on."""
    prefix = cwd.rstrip(os.sep) + os.sep
    return path[len(prefix) :] if path.startswith(prefix) else path


def kind_of(path: str, root: str) -> RecordKind | None:
    """The kind of record a path under root/data/<folder>/ holds, by its folder."""
    data = os.path.join(root, "data") + os.sep
    if not path.startswith(data):
        return None
    folder, separator, _ = path[len(data) :].partition(os.sep)
    return _BY_FOLDER.get(folder) if separator else None  # a file directly in data/ has no kind


def _walk(folder: str, root: str, found: list[FoundFile]) -> None:
    # scandir tells links, folders and files apart from the directory entry itself; links are
    # never followed, and anything that is not a regular file is never opened.
    try:
        entries = list(os.scandir(folder))
    except OSError as error:
        raise UnreadableFolder(error.errno, error.strerror, folder) from None
    kind = kind_of(os.path.join(folder, "-"), root)  # every file of a folder holds the same kind
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden files, editors' swap files, our own temporary files
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, root, found)
        elif entry.is_symlink():
            found.append(FoundFile(entry.path, kind, True, True))
        else:
            found.append(FoundFile(entry.path, kind, False, entry.is_file(follow_symlinks=False)))


def list_files(root: Path, paths: Iterable[Path] | None = None) -> list[FoundFile]:
    """Every entry under root/data (or under the given paths), sorted by path, links not followed.

    A data/ folder that is itself a link is listed through the link (the paths keep the link's
    name), once check_data_folder has made sure it stays inside the repository.
    """
    base = str(root)
    data = os.path.join(base, "data")
    found: list[FoundFile] = []
    for top in [Path(data)] if paths is None else paths:
        text = str(top)
        if text == data or (top.is_dir() and not top.is_symlink()):
            _walk(text, base, found)
        else:
            link = top.is_symlink()
            regular = link or top.is_file()
            found.append(FoundFile(text, kind_of(text, base), link, regular))
    unique = {f.path: f for f in found}
    return [unique[path] for path in sorted(unique)]


def check_data_folder(root: Path) -> None:
    """A data/ folder that is a link must point inside the repository: FileProblem if it does not."""
    data = root / "data"
    if data.is_symlink():
        check_link(data, root, "the data folder")


def check_link(path: Path, root: Path, what: str = "the symbolic link") -> None:
    """A symbolic link may only point inside the repository (a PR must not read /etc/passwd)."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise FileProblem("Y113", f"{what} is broken or loops", hint="remove the link") from None
    if not target.is_relative_to(root.resolve()):
        raise FileProblem(
            "Y113",
            f"{what} points outside the repository, to {target}",
            hint="copy the records into the repository instead of linking to them",
        )


def not_regular(path: str) -> FileProblem:
    """The problem of an entry that is a pipe, a device or a socket rather than a file."""
    return FileProblem(
        "Y120",
        "this is not a regular file (a named pipe, device or socket), so it is not read",
        hint="remove it from data/; records are plain text files",
    )


def read_text(path: str) -> tuple[str, bool]:
    """The file's text and whether it began with a byte-order mark; FileProblem if it is not text."""
    return decode(read_bytes(path))


def read_bytes(path: str) -> bytes:
    """The file's bytes; FileProblem if it cannot be read or is too large for a record.

    The file is opened without blocking and checked to be a regular file before any read, so a
    named pipe or a device swapped in after listing cannot hang or flood the process.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise FileProblem("Y117", f"cannot read the file: {error.strerror or error}") from None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise not_regular(path)
        if info.st_size > MAX_BYTES:
            raise _too_large(info.st_size)
        # As much as the file holds, and one byte more to see it grew: a buffer the size of the largest
        # record for every file would cost eight times the read itself.
        raw = os.read(handle, info.st_size + 1)
        chunk = raw
        while chunk and len(raw) <= MAX_BYTES:  # a file growing while it is read
            chunk = os.read(handle, min(_CHUNK, MAX_BYTES + 1 - len(raw)))
            raw += chunk
    except OSError as error:
        raise FileProblem("Y117", f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    return raw


def _too_large(size: int) -> FileProblem:
    return FileProblem(
        "Y106",
        f"the file is {size / 1024 / 1024:.1f} MiB; a record may be at most {MAX_BYTES // 1024} KiB",
        hint="split it into one record per file, or remove what is not a record",
    )


_UTF16 = (b"\xff\xfe", b"\xfe\xff")


def _looks_like_utf16(raw: bytes) -> bool:
    """Whether bytes with NULs are UTF-16 text without a byte-order mark (Windows tools write it)."""
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text and sum(c.isprintable() or c in "\r\n\t" for c in text) >= 0.95 * len(text):
            return True
    return False


def place_in_text(raw: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters, as an editor counts them) of a byte of UTF-8 text."""
    before = raw[:offset]
    line = before.count(b"\n") + 1
    return line, len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1


def decode(raw: bytes) -> tuple[str, bool]:
    """UTF-8 text from a file's bytes, and whether they began with a byte-order mark."""
    if raw.startswith(_UTF16) or (b"\0" in raw and _looks_like_utf16(raw)):
        raise FileProblem(
            "Y104",
            "the file is UTF-16 text; records are UTF-8",
            hint="save the file as UTF-8 (in most editors: Save with Encoding > UTF-8)",
        )
    if b"\0" in raw:
        raise FileProblem("Y105", "the file contains NUL bytes: it is binary, not a text record")
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = place_in_text(raw, error.start)
        raise FileProblem(
            "Y104",
            f"byte 0x{raw[error.start]:02x} is not UTF-8",
            line,
            column,
            hint="save the file as UTF-8 (in most editors: Save with Encoding > UTF-8)",
        ) from None
    if "\n" not in text and "\r" in text.rstrip("\r"):
        raise FileProblem(
            "Y121",
            "the lines of this file end in CR only (old Mac style), so it reads as one line",
            hint="save it with LF (Unix) or CRLF (Windows) line ends; most editors show the choice "
            "in the status bar",
        )
    return text, bom
