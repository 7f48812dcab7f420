"""The result cache of `res191 validate`: what checking each file on its own found, kept between runs.

As ruff and mypy keep theirs: for each record file, keyed by its content (with its path, and the path it is
shown as), the diagnostics of the file on its own and the facts the checks across files need. A file whose
key is unchanged is not parsed again; the checks across files always run on the whole repository, from the
facts. The whole cache is keyed by res191's code (its version and the files of the installed package, so
that an edited checkout never trusts an older run) and the versions of the parsers that word its messages.

One JSON file per repository, in the user's cache folder (`RES191_CACHE_DIR` to choose another), replaced
atomically: two runs racing each write a whole cache, the last one wins, and either is right. It holds the
files of the last run only, and at most MOST_REPOSITORIES repositories are kept; the bound removes only
files it can tell are caches of res191 by their names, whatever else shares the folder.

A cache says which files are clean, so a forged one could make a broken repository pass (a CI cache
restored from another branch, a file planted in a shared folder). Each cache is signed with a key kept
outside the cache folder, in the user's configuration folder, made on first use: a cache that does not
carry its signature, or anything unexpected in it (not JSON, another layout, a value of the wrong type),
is ignored and written anew. It is never trusted over the files. Where the key cannot be kept (a
read-only home), there is no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import importlib.util
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from res191.checks.facts import RecordFacts
from res191.checks.repository import Place
from res191.diagnostics import CATALOGUE, Diagnostic, Location
from res191.loading.files import FileProblem, read_bytes
from res191.loading.key_places import LineColumn

LAYOUT = 2  # the layout of the file below; a cache of another layout is ignored
MOST_REPOSITORIES = 16


def cache_folder() -> Path:
    """Where caches are kept: RES191_CACHE_DIR, else the platform's user cache folder."""
    chosen = os.environ.get("RES191_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "res191" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "res191"
    return _xdg("XDG_CACHE_HOME", ".cache") / "res191"


def _xdg(variable: str, default: str) -> Path:
    """An XDG base folder: the variable's value where it is an absolute path, as the XDG specification
    asks (a relative one is ignored: it would put the caches, and the key that signs them, inside the
    folder the command runs in, a repository), else the default under the home folder."""
    value = os.environ.get(variable, "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / default


def key_file() -> Path:
    """Where the key that signs caches is kept: the user's configuration folder, not the cache's."""
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = _xdg("XDG_CONFIG_HOME", ".config")
    return base / "res191" / "cache-key"


def signing_key() -> bytes | None:
    """The key that signs this user's caches, made on first use; None where it cannot be kept."""
    path = key_file()
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    key = os.urandom(32)
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")
        with os.fdopen(handle, "wb") as out:  # private to the user (mkstemp's mode 600)
            out.write(key)
        os.replace(temporary, path)
    except OSError:
        if temporary:  # not left beside a key that cannot be kept (a folder in its place): one a run
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return None
    return key


# A cache file's name: recognised as res191's own before the bound removes anything.
_CACHE_NAME = re.compile(r"repo-[0-9a-f]{24}\.res191-cache")


def file_key(path: str, shown: str, raw: bytes) -> str:
    """A file's key: its content, where it is and how it is shown (a message may name the path)."""
    digest = hashlib.blake2b(raw, digest_size=16)
    digest.update(
        b"\0" + path.encode("utf-8", "surrogateescape") + b"\0" + shown.encode("utf-8", "surrogateescape")
    )
    return digest.hexdigest()


def code_version() -> str:
    """res191's version and the state of its installed files, and of the parsers that word its
    messages (pydantic, pydantic-core, PyYAML): found, not imported, so that a run from the cache
    imports neither."""
    from res191 import __version__

    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"{LAYOUT} {__version__} {sys.version}\n".encode())
    for folder, _, names in sorted(os.walk(Path(__file__).parent)):
        for name in sorted(names):
            if name.endswith(".py"):
                digest.update(_stamp(os.path.join(folder, name)))
    for package in ("pydantic", "pydantic_core", "yaml"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.origin:
            digest.update(_stamp(spec.origin))  # a new release is a new file
    return digest.hexdigest()


def _stamp(path: str) -> bytes:
    info = os.stat(path)
    return f"{path} {info.st_size} {info.st_mtime_ns}\n".encode()


Entry = tuple[RecordFacts, list[Diagnostic], dict[Place, LineColumn]]
# A file modified this close to the start of the run that cached it may have changed after it was read
# without its time showing it (file times move in clock ticks): its content is compared, not its times.
RACY_NS = 2_000_000_000


@dataclass
class ResultCache:
    """The cached results of one repository, and those of this run to write back."""

    location: Path
    version: str
    key: bytes | None = None  # signs the cache; None: there is no cache this run
    started: int = field(default_factory=time.time_ns)  # before any file of this run is read
    stored: dict[str, list[Any]] = field(default_factory=dict)
    stored_started: int = 0
    fresh: dict[str, list[Any]] = field(default_factory=dict)
    # Whether a file had to be compared by content (it changed just before the run that cached it):
    # the cache is then written again, with this run's start, so that the next run trusts its times.
    compared: bool = False

    @classmethod
    def open(cls, root: Path) -> ResultCache:
        """The cache of the repository at root; empty when there is none, or it cannot be trusted."""
        name = hashlib.blake2b(str(root.resolve()).encode("utf-8", "surrogateescape"), digest_size=12)
        cache = cls(cache_folder() / f"repo-{name.hexdigest()}.res191-cache", code_version(), signing_key())
        if cache.key is None:
            return cache
        try:
            header, _, body = cache.location.read_bytes().partition(b"\n")
            if not hmac.compare_digest(header, f"res191-cache {_digest(body, cache.key)}".encode()):
                return cache  # cut short, altered, or not signed by this user's key
            content = json.loads(body)
        except (OSError, ValueError):
            return cache
        if isinstance(content, dict) and content.get("version") == cache.version:
            files, started = content.get("files"), content.get("started")
            if isinstance(files, dict) and isinstance(started, int):
                cache.stored, cache.stored_started = files, started
        return cache

    def get(self, path: str, shown: str) -> Entry | None:
        """The results kept for a file unchanged since, or None: the file's size and time when they
        say so surely, else its content."""
        entry = self.stored.get(path)
        if not isinstance(entry, list) or len(entry) != 6 or entry[4] != shown:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        # Size, times and inode: a write or a rename changes one of them, and the change time cannot be
        # set back (as the modification time can). Recent changes may hide in a clock tick: read those.
        signature = _signature(info)
        if signature != entry[3] or info.st_ctime_ns >= self.stored_started - RACY_NS:
            try:
                raw = read_bytes(path)
            except FileProblem:
                return None
            if file_key(path, shown, raw) != entry[0]:
                return None
            self.compared = True
        try:
            facts = RecordFacts.from_json(entry[1], path, shown, _stem(path))
            diagnostics = [_diagnostic(d) for d in entry[2]]
            places = {
                (tuple(loc), bool(at_key)): (int(line), int(column)) for loc, at_key, line, column in entry[5]
            }
        except (TypeError, ValueError, KeyError, IndexError):
            return None
        self.fresh[path] = [entry[0], entry[1], entry[2], signature, shown, entry[5]]
        return facts, diagnostics, places

    def put(self, file: KeyedFile, facts: RecordFacts, diagnostics: list[Diagnostic]) -> None:
        """Keep a file's results for the next run."""
        diagnosed = [_as_json(d) for d in diagnostics]
        self.fresh[file.path] = [file.key, facts.as_json(), diagnosed, file.signature, file.shown, []]

    def place(self, path: str, places: dict[Place, LineColumn]) -> None:
        """Keep where the checks across files placed their problems in a file of this run (one from the
        cache, or one just read): the next run, if the file is unchanged, need not parse it to place them."""
        entry = self.fresh.get(path)
        if entry is not None:
            entry[5] = [[list(loc), at_key, line, column] for (loc, at_key), (line, column) in places.items()]

    def save(self) -> None:
        """Write the results of this run, atomically; a cache that cannot be written is no error (a
        read-only home, a full disk): the next run checks the files again."""
        if self.key is None or (self.fresh == self.stored and not self.compared):
            return  # nothing changed: a run that only reads leaves the cache as it was
        body = json.dumps(
            {"version": self.version, "started": self.started, "files": self.fresh}, ensure_ascii=False
        ).encode("utf-8", "surrogateescape")
        content = f"res191-cache {_digest(body, self.key)}\n".encode() + body
        folder = self.location.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(content)
                os.replace(temporary, self.location)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            _forget_old(folder)
        except OSError:
            return


@dataclass(frozen=True)
class KeyedFile:
    """A file as it was read for checking: its key, and its size, times and inode then."""

    path: str
    shown: str
    key: str
    signature: list[int]


def read_keyed(path: str, shown: str) -> tuple[bytes, KeyedFile]:
    """A file's bytes and its key, its size and time taken before the read (so that a change during
    the read shows as a change next time)."""
    info = os.stat(path)
    raw = read_bytes(path)
    return raw, KeyedFile(path, shown, file_key(path, shown, raw), _signature(info))


def _signature(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def _digest(body: bytes, key: bytes) -> str:
    return hashlib.blake2b(body, key=key, digest_size=16).hexdigest()


def _forget_old(folder: Path) -> None:
    """Keep the caches of the MOST_REPOSITORIES repositories used last: the folder stays bounded. Only
    res191's own caches, known by their names, are ever removed: the folder may be shared."""
    caches = []
    for path in folder.glob("repo-*.res191-cache"):
        if _CACHE_NAME.fullmatch(path.name):
            with contextlib.suppress(OSError):
                caches.append((path.stat().st_mtime_ns, path))
    caches.sort(reverse=True)
    for _, old in caches[MOST_REPOSITORIES:]:
        old.unlink(missing_ok=True)


def _stem(path: str) -> str:
    name = path.rpartition(os.sep)[2]
    dot = name.rfind(".")
    return name[:dot] if dot > 0 else name


def _as_json(diagnostic: Diagnostic) -> list[Any]:
    where = diagnostic.location
    related = [[r.path, r.line, r.column] for r in diagnostic.related]
    return [diagnostic.code, where.path, where.line, where.column, diagnostic.message, diagnostic.hint,
            diagnostic.example, related]  # fmt: skip


def _diagnostic(value: list[Any]) -> Diagnostic:
    code, path, line, column, message, hint, example, related = value
    texts = (path, message, hint, example)
    if not all(isinstance(t, str) for t in texts) or not isinstance(line, int) or not isinstance(column, int):
        raise TypeError("a cached diagnostic of the wrong form")
    places = tuple(Location(str(p), int(n), int(c)) for p, n, c in related)
    return Diagnostic(CATALOGUE[code], Location(path, line, column), message, hint, example, places)
