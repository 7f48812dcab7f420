"""Changes tried before they are written: the records validated together with them, in a copy of the data.

A command that changes records (`import`, `import-list`) writes nothing that `validate` would then
reject: each tries its changes here first, and writes only where no error is found (`write_records`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from res191.atomic import Planned, replace_all
from res191.diagnostics import Diagnostic


def errors_after(root: Path, changed: Mapping[Path, str]) -> list[Diagnostic]:
    """The errors `validate` finds in the repository at root once each file in changed holds its new
    text (a new file is created), each placed as validate places it (data/resolutions/wtdc-10.yaml:3:5).

    The copy holds what the records' links point to inside the repository, so that a record that is a
    link reads there as it does in the repository; its modes are not the records' (a read-only record is
    tried all the same: whether it may be written is asked when it is written)."""
    from res191.diagnostics import Severity
    from res191.validation import validate

    if not changed:
        return []
    with tempfile.TemporaryDirectory(prefix="res191-trial-") as scratch:
        trial = Path(scratch)
        shutil.copytree(root / "data", trial / "data", symlinks=True, copy_function=shutil.copyfile)
        _links_within(root, trial)
        for path, text in changed.items():
            target = Path(os.path.realpath(trial / path.relative_to(root)))  # through a link, as written
            target.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(target.parent, target.parent.stat().st_mode | 0o700)
            target.unlink(missing_ok=True)
            target.write_text(text, encoding="utf-8")
        tried = validate(trial, trial)
    return [d for d in tried.diagnostics if d.severity is Severity.ERROR]


def _links_within(root: Path, trial: Path) -> None:
    """Each link copied into the trial's data/ pointed at the trial's copy of what it points to in the
    repository (a file outside data/ copied there; a folder, whose records validate does not follow,
    made empty); links that lead outside the repository are left as they are, for validate to report."""
    inside = Path(os.path.realpath(root))
    for folder, subfolders, names in os.walk(trial / "data"):
        for name in names + subfolders:
            link = Path(folder, name)
            if not link.is_symlink():
                continue
            real = Path(os.path.realpath(root / link.relative_to(trial)))
            if not real.is_relative_to(inside) or not real.exists():
                continue
            copy = trial / real.relative_to(inside)
            if not copy.exists():
                copy.parent.mkdir(parents=True, exist_ok=True)
                if real.is_dir():
                    copy.mkdir()
                else:
                    shutil.copyfile(real, copy)
            link.unlink()
            link.symlink_to(copy)


def write_target(path: Path, root: Path) -> Path:
    """Where a record file is written: the file its link points to, for a record that is a link inside
    the repository (the link is kept); the file itself otherwise."""
    real = Path(os.path.realpath(path))
    return real if path.is_symlink() and real.is_relative_to(os.path.realpath(root)) else path


def check_writable(paths: Sequence[Path], root: Path) -> None:
    """PermissionError naming the record (as the editor knows it) when a file to change is read-only by
    its mode (not os.access: root may write anything), which a command changing records leaves alone."""
    import errno

    for path in paths:
        target = write_target(path, root)
        try:
            mode = target.stat().st_mode
        except FileNotFoundError:
            continue  # a new record
        if not mode & 0o222:
            why = "it is read-only; make it writable (chmod u+w) to change it"
            raise PermissionError(errno.EACCES, why, str(path.relative_to(root)))


def write_records(root: Path, changes: Sequence[Planned]) -> None:
    """The changed records written, all or none (`atomic.replace_all`), a record that is a link inside the
    repository through its link; PermissionError for a read-only record, and any failure to write an
    OSError whose filename is the record as the editor knows it (data/themes/accessibility.yaml), not the
    file written beside it or the one a link points to."""
    check_writable([c.path for c in changes], root)
    targets = [Planned(write_target(c.path, root), c.before, c.after) for c in changes]
    try:
        replace_all(targets)
    except OSError as error:
        named = _failed(error, changes, targets)
        shown = str(named.relative_to(root)) if named.is_relative_to(root) else str(named)
        raise OSError(error.errno, error.strerror or str(error), shown) from None


def _failed(error: OSError, changes: Sequence[Planned], targets: Sequence[Planned]) -> Path:
    """The record a failed write was for: error names it, the file its link points to, or the temporary
    file written beside that."""
    failed = Path(str(error.filename or ""))
    for change, target in zip(changes, targets, strict=True):
        if failed in (change.path, target.path) or (
            failed.parent == target.path.parent and failed.name.startswith(f".{target.path.name}.")
        ):
            return change.path
    return failed if error.filename else changes[0].path
