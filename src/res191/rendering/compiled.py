"""The templates' compiled code, kept between runs as Python keeps a module's: Jinja compiles each template
to Python before it renders a page, a fifth of a second for the site's templates on every build.

One file a template in the user's cache folder (cache.py's; `RES191_CACHE_DIR` to choose another), signed
with the key that signs validate's caches: the file holds code that this process runs, so one not signed
by this user's key (planted in a shared folder, restored from another machine) is ignored and made anew.
It is stamped with what the code depends on (res191's own files, with the options of its environments;
Jinja's version; Python's): a file of another stamp is compiled again and replaced, so the folder holds one
file a template. Jinja itself checks that the template's source is the one compiled. Where the key cannot
be kept (a read-only home), the code is kept in memory only, for the run.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import os
import tempfile
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from res191.cache import cache_folder, code_version, signing_key

FOLDER = "templates"  # within the cache folder
_SUFFIX = ".res191-template"


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates in memory (every language's environment shares them: Jinja's code for a template
    does not depend on the environment's globals and filters, which it looks up as it renders), and on
    disk, signed, for the next run."""

    def __init__(self) -> None:
        self._held: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._held.get(bucket.key)
        if code is None:
            code = self._read(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja's own check: compiled from this source

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self._held[bucket.key] = bucket.bytecode_to_string()
        self._write(bucket.key, code)

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
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(_header(signer, key, code) + b"\n" + code)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError:
            return


@functools.cache
def _signer() -> tuple[bytes, str] | None:
    """The user's key and the stamp of the code that compiled (once a process); None: no key."""
    key = signing_key()
    if key is None:
        return None
    return key, f"{code_version()} jinja2 {jinja2.__version__}"


def _path(key: str) -> Path:
    # Named by the template (Jinja's key: its name and file), not by the stamp: a template's file is
    # replaced when res191 or Jinja changes, and the folder does not grow.
    name = hashlib.blake2b(key.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_folder() / FOLDER / f"{name}{_SUFFIX}"


def _header(signer: tuple[bytes, str], key: str, code: bytes) -> bytes:
    secret, stamp = signer
    digest = hashlib.blake2b(key=secret, digest_size=16)
    for part in (stamp.encode(), key.encode("utf-8", "surrogateescape"), code):
        digest.update(len(part).to_bytes(8, "big") + part)  # lengths first: no two splits sign alike
    return f"res191-template {digest.hexdigest()}".encode()
