"""The templates' compiled code, kept between runs as Python keeps a module's: Jinja compiles each template
to Python before it renders a page, a fifth of a second for the site's templates on every build.

One file a template name in the user's cache folder (cache.py's; `RES191_CACHE_DIR` to choose another),
signed with the key that signs validate's caches: the file holds code that this process runs, so one not
signed by this user's key (planted in a shared folder, restored from another machine) is ignored and made
anew. It is stamped with what the code depends on: the template's file; the environment's kind (sandboxed
or not) and options; res191's own files, which set the filters and how each is called; Jinja's version and
Python's. A file of another stamp (another install, an edited res191) is compiled again and replaced, so the
folder holds one file a template name whatever the installs. Jinja itself checks that the template's source
is the one compiled. Where the key cannot be kept (a read-only home), the code is kept in memory only.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import tempfile
import time
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from res191.cache import cache_folder, code_version, signing_key

FOLDER = "templates"  # within the cache folder
_SUFFIX = ".res191-template"


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in memory (every language's environment shares them: Jinja's code looks up the
    globals and filters as it renders, and fixes only how each filter is called, which is the same for
    every language's: the same functions), and on disk, signed, for the next run."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # The name first, for the file's name (_path); the file, for the signature: another install's
        # template of the same name replaces it rather than adding one.
        return f"{name}\n{filename or ''}"

    def load_bytecode(self, bucket: Bucket) -> None:
        key = _stamped(bucket)
        code = self._held.get(key)
        if code is None:
            code = self._read(key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja's own check: compiled from this source

    def dump_bytecode(self, bucket: Bucket) -> None:
        key = _stamped(bucket)
        code = self._held[key] = bucket.bytecode_to_string()
        self._write(key, code)

    def _read(self, key: str) -> bytes | None:
        signer = _signer()
        if signer is None:
            return None
        try:
            header, _, code = _path(key).read_bytes().partition(b"\n")
        except OSError:
            return None
        if not hmac.compare_digest(header, _header(signer, key, code)):
            return None  # another stamp, cut short, altered, or not signed by this user's key
        self._held[key] = code
        return code

    def _write(self, key: str, code: bytes) -> None:
        """Keep the code for the next run, atomically; one that cannot be kept is no error."""
        signer = _signer()
        if signer is None:
            return
        path = _path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=_SUFFIX + ".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_header(signer, key, code) + b"\n" + code)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
            _forget_stray(path.parent)
        except OSError:
            return


def _stamped(bucket: Bucket) -> str:
    """The bucket's key (the template's name and file) with what its compiled code depends on in its
    environment: the kind of environment (the sandbox compiles each call through its checks) and the
    options that change how a template compiles."""
    env = bucket.environment
    autoescape = env.autoescape
    options = (
        f"{type(env).__module__}.{type(env).__qualname__}",
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        sorted(env.extensions), env.optimized, env.is_async,
        autoescape if isinstance(autoescape, bool) else getattr(autoescape, "__qualname__", "?"),
    )  # fmt: skip
    return f"{bucket.key}\n{options!r}"


def _forget_stray(folder: Path) -> None:
    """Remove what a run stopped while writing left behind (its temporary file), an hour on: only this
    module's own files, known by their names."""
    hour_ago = time.time() - 3600
    for stray in folder.glob(f".*{_SUFFIX}.tmp"):
        try:
            if stray.stat().st_mtime < hour_ago:
                stray.unlink()
        except OSError:
            continue


@functools.cache
def _signer() -> tuple[bytes, str] | None:
    """The user's key and the stamp of the code that compiled (once a process); None: no key."""
    key = signing_key()
    if key is None:
        return None
    return key, f"{code_version()} jinja2 {jinja2.__version__}"


def _path(key: str) -> Path:
    # Named by the template's name alone, not by its file or the stamp: its file is replaced when res191,
    # Jinja or the install changes, and the folder does not grow.
    template = key.partition("\n")[0]
    name = hashlib.blake2b(template.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_folder() / FOLDER / f"{name}{_SUFFIX}"


def _header(signer: tuple[bytes, str], key: str, code: bytes) -> bytes:
    secret, stamp = signer
    digest = hashlib.blake2b(key=secret, digest_size=16)
    for part in (stamp.encode(), key.encode("utf-8", "surrogateescape"), code):
        digest.update(len(part).to_bytes(8, "big") + part)  # lengths first: no two splits sign alike
    return f"res191-template {digest.hexdigest()}".encode()
