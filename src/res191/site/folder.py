"""The site's folder: built beside the output in a scratch folder of its own, listed with the digest of every
file in a manifest, and put in the output's place only when whole, and only over a site an earlier build
wrote, unchanged since: never over the records, a repository or files a person put there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from res191.outputs import IntoTheRecords, refuse_records

# Written into every site built: the list of its files with their digests, so that a rebuild replaces a
# folder only when every file in it is one the last build wrote, unchanged since.
MANIFEST = ".res191-site"
_SCRATCH = ".res191-site-"  # the folder a build is made in, beside the output, until it is whole


class NotASite(Exception):
    """The output folder holds what res191 did not write, or the records themselves: it is not replaced."""


def scratch_beside(output: Path) -> Path:
    """A new folder beside output to build the site in, marked as this process's while it builds; the
    scratch folders of builds that were killed are removed first."""
    _remove_abandoned(output.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=_SCRATCH, dir=output.parent))
    (scratch / f"{MANIFEST}-building").write_text(f"{os.getpid()}\n")
    # mkdtemp makes the folder private; a web server's user must read the site.
    os.chmod(scratch, 0o777 & ~_umask())
    return scratch


def put_in_place(scratch: Path, output: Path, known: dict[str, str]) -> None:
    """The whole site in scratch listed in its manifest (known: digests taken as files were written) and
    put in output's place; the old site goes only once the new one is there."""
    (scratch / f"{MANIFEST}-building").unlink()
    listed = digests(scratch, known)
    (scratch / MANIFEST).write_text(json.dumps({"files": listed}, indent=0, sort_keys=True))
    _replace(scratch, output)


def check_replaceable(output: Path, root: Path) -> None:
    """NotASite unless output is missing, empty, or a site an earlier build wrote, unchanged since.

    Never the repository, a folder holding it, a place among its records (outputs.refuse_records, the
    rule every output follows), whatever marker a pull request plants.
    """
    try:
        refuse_records(output, root, str(root / "site"))
    except IntoTheRecords as problem:
        raise NotASite(str(problem)) from None
    if not output.exists() and not output.is_symlink():
        return
    if output.is_symlink() or not output.is_dir():
        raise NotASite(f"{output} is not a folder; give --output a folder to write the site in")
    real, repository = output.resolve(), root.resolve()
    if repository.is_relative_to(real):
        held = (
            "is the repository's own folder" if real == repository else f"holds the repository {repository}"
        )
        raise NotASite(
            f"{output} {held}, which a site never replaces; give --output a folder of its own, such as site/"
        )
    if any((output / held).exists() for held in ("data", ".git")):
        raise NotASite(
            f"{output} holds a data/ or .git folder; give --output a folder of its own, such as site/"
        )
    if not any(output.iterdir()):
        return
    try:
        listed = json.loads((output / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise NotASite(
            f"{output} holds files that are not a site res191 built; give another --output"
        ) from None
    found = digests(output)
    strange = sorted(set(found) - set(listed)) + sorted(
        p for p in found if p in listed and found[p] != listed[p]
    )
    if strange:
        raise NotASite(
            f"{output} holds {strange[0]}, which the last build of the site did not write (or which changed "
            "since); move it away, or give another --output"
        )


def digest(content: bytes) -> str:
    """The digest the manifest lists for a file's bytes."""
    return hashlib.blake2b(content).hexdigest()[:32]


def digests(folder: Path, known: dict[str, str] | None = None) -> dict[str, str]:
    """Every file under folder (but the manifest), by its path there, with the digest of its bytes (taken
    from known, by path, for the files whose bytes were digested as they were written)."""
    known = known or {}
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if relative == MANIFEST:
                continue
            if os.path.islink(path):
                found[relative] = "link"  # never written by a build: makes the folder another's
                continue
            if relative in known:
                found[relative] = known[relative]
                continue
            with open(path, "rb") as handle:
                found[relative] = hashlib.file_digest(handle, "blake2b").hexdigest()[:32]
    return found


def _remove_abandoned(folder: Path) -> None:
    """Remove the scratch folders of builds that were killed (their process is gone)."""
    for scratch in folder.glob(f"{_SCRATCH}*"):
        mark = scratch / f"{MANIFEST}-building"
        try:
            owner = int(mark.read_text())
            os.kill(owner, 0)  # raises if that process is gone
        except ProcessLookupError:
            shutil.rmtree(scratch, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not one of ours, or another user's running build


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(new: Path, output: Path) -> None:
    # The old site goes only once the new one is whole: a failed build leaves the old site as it was.
    if output.exists():
        old = output.with_name(f".{output.name}.old-res191")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(output, old)
        os.replace(new, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, output)
