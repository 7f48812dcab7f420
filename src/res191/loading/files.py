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
    is_link: bool = False


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
    text, prefix = str(path), str(cwd).rstrip(os.sep) + os.sep
    return Path(text[len(prefix) :]) if text.startswith(prefix) else path


@dataclass(frozen=True)
class FoundFile:
    """A file under data/: its path, the kind its folder holds, and whether it is a symbolic link."""

    path: Path
    kind: RecordKind | None
    is_link: bool

    @property
    def is_note(self) -> bool:
        """Whether it is an editors' note (README.md) or a placeholder (.gitkeep), never checked."""
        return self.path.name in _SKIPPED_NAMES

    @property
    def is_record(self) -> bool:
        """Whether it is meant to hold a record, by its folder and ending."""
        return self.kind is not None and is_record_file(self.path, self.kind)


_BY_FOLDER = {kind.folder: kind for kind in KINDS.values()}


def kind_of(path: Path | str, root: Path) -> RecordKind | None:
    """The kind of record a path under root/data/<folder>/ holds, by its folder."""
    data = str(root / "data") + os.sep
    text = str(path)
    if not text.startswith(data) or os.sep not in text[len(data) :]:
        return None  # outside data/, or directly in it rather than in a kind's folder
    return _BY_FOLDER.get(text[len(data) :].split(os.sep, 1)[0])


def _walk(folder: str, found: list[tuple[str, bool]]) -> None:
    # scandir tells links and folders apart without a stat per file; links are never followed.
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                _walk(entry.path, found)
            else:
                found.append((entry.path, entry.is_symlink()))


def list_files(root: Path, paths: Iterable[Path] | None = None) -> list[FoundFile]:
    """Every file under root/data (or under the given paths), sorted by path, links not followed."""
    found: list[tuple[str, bool]] = []
    for top in paths if paths is not None else [root / "data"]:
        if top.is_dir() and not top.is_symlink():
            _walk(str(top), found)
        else:
            found.append((str(top), top.is_symlink()))
    return [FoundFile(Path(path), kind_of(Path(path), root), is_link) for path, is_link in sorted(set(found))]


def is_record_file(path: Path, kind: RecordKind) -> bool:
    """Whether a file is meant to hold a record of this kind, by its ending."""
    return path.suffix in kind.suffixes and path.name not in _SKIPPED_NAMES


def check_link(path: Path, root: Path) -> None:
    """A symbolic link may only point inside the repository (a PR must not read /etc/passwd)."""
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
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise FileProblem(
                    "Y106",
                    f"the file is {size / 1024 / 1024:.1f} MiB; "
                    f"a record may be at most {MAX_BYTES // 1024} KiB",
                    hint="split it into one record per file, or remove what is not a record",
                )
            raw = handle.read()
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
