"""Find the data repository and its record files, and read each file as text, safely."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from res191.models import KINDS, RecordKind

# A real record is a few kilobytes; anything this large is a mistake or an attack.
MAX_BYTES = 1024 * 1024
_SKIPPED_NAMES = {"README.md", ".gitkeep"}


@dataclass(frozen=True)
class RecordFile:
    """A file that should hold one record of a kind."""

    path: Path  # absolute
    shown: Path  # as the user sees it in messages
    kind: RecordKind


class FileProblem(Exception):
    """A file cannot be read as text: a catalogue code, message, position and hint."""

    def __init__(self, code: str, message: str, line: int = 1, column: int = 1, hint: str = "") -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column, self.hint = code, message, line, column, hint


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above start holding a data/ folder with record kinds."""
    for folder in (start, *start.parents):
        data = folder / "data"
        if data.is_dir() and any((data / kind.folder).is_dir() for kind in KINDS.values()):
            return folder
    return None


def shown_path(path: Path, cwd: Path) -> Path:
    """Paths relative to the current folder where possible: that is what editors click on."""
    try:
        return path.relative_to(cwd)
    except ValueError:
        return path


def kind_of(path: Path, root: Path) -> RecordKind | None:
    """The kind of record a path under root/data/<folder>/ holds, by its folder."""
    try:
        parts = path.relative_to(root / "data").parts
    except ValueError:
        return None
    return next((k for k in KINDS.values() if parts and parts[0] == k.folder), None)


def list_files(root: Path, paths: Iterable[Path] | None = None) -> list[Path]:
    """Every file under root/data (or under the given paths), sorted, links not followed."""
    tops = list(paths) if paths is not None else [root / "data"]
    found: list[Path] = []
    for top in tops:
        if top.is_dir() and not top.is_symlink():
            for folder, dirs, files in os.walk(top):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(folder) / name for name in files if not name.startswith("."))
        else:
            found.append(top)
    return sorted(set(found))


def is_record_file(path: Path, kind: RecordKind) -> bool:
    """Whether a file is meant to hold a record of this kind, by its ending."""
    return path.suffix in kind.suffixes and path.name not in _SKIPPED_NAMES


def check_link(path: Path, root: Path) -> None:
    """A symbolic link may only point inside the repository (a PR must not read /etc/passwd)."""
    if not path.is_symlink():
        return
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        raise FileProblem("Y113", "the symbolic link is broken or loops", hint="remove the link") from None
    if not target.is_relative_to(root.resolve()):
        raise FileProblem(
            "Y113",
            f"the symbolic link points outside the repository, to {target}",
            hint="copy the record into the repository instead of linking to it",
        )


def read_text(path: Path) -> tuple[str, bool]:
    """The file's text and whether it began with a byte-order mark; FileProblem if it is not text."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(
                "Y106",
                f"the file is {size / 1024 / 1024:.1f} MiB; a record may be at most {MAX_BYTES // 1024} KiB",
                hint="split it into one record per file, or remove what is not a record",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise FileProblem("Y117", f"cannot read the file: {error.strerror or error}") from None
    if b"\0" in raw:
        raise FileProblem("Y105", "the file contains NUL bytes: it is binary, not a text record")
    bom = raw.startswith(b"\xef\xbb\xbf")
    if bom:
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), bom
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise FileProblem(
            "Y104",
            f"byte 0x{raw[error.start]:02x} is not UTF-8",
            line,
            column,
            hint="save the file as UTF-8 (in most editors: Save with Encoding > UTF-8)",
        ) from None
