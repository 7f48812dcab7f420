"""`res191 fmt`: put record files in the one canonical layout, keeping every comment and value."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from res191.cli.common import (
    EXIT_PROBLEMS,
    ROOT_OPTION,
    fail,
    repository_root,
    say,
    to_stdout,
)
from res191.cli.paths import record_paths

if TYPE_CHECKING:
    from res191.loading.files import FoundFile


def fmt_command(
    paths: list[Path] = typer.Argument(None, help="Files or folders to format (default: all of data/)."),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; list the files that would change and exit 1 if any would."
    ),
    diff: bool = typer.Option(False, "--diff", help="Write nothing; show what would change, as a diff."),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Put records in one layout: keys in the schema's order, two-space indentation, quotes only where
    needed, dates as YYYY-MM-DD, and the modeline that tells editors the schema. Every comment and every
    value is kept; the text of a meeting or report after its front matter is not touched."""
    from res191.atomic import ChangedMeanwhile, Planned, replace_all
    from res191.editing.fmt import format_files
    from res191.loading.files import UnreadableFolder, list_files

    given = list(paths or [])
    base = repository_root(root, given)
    try:
        found = list_files(base, record_paths(base, given) if given else None)
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    formatted, problems, left = format_files(base, found, str(Path.cwd()))
    left += _not_records(found, given)
    changed = [f for f in formatted if f.changed]
    for problem in problems:
        say(f"res191: cannot format {problem}; run `res191 validate` for the details")
    for why in left:
        say(f"res191: left alone {why}")
    if diff:
        to_stdout(lambda: sys.stdout.write("".join(f.diff() for f in changed)))
    elif check:
        to_stdout(lambda: sys.stdout.write("".join(f"would reformat {f.shown}\n" for f in changed)))
    else:
        for f in list(changed):
            if f.read_only:  # the mode, not os.access: root may write anything
                say(f"res191: left alone {f.shown}: it is read-only, and would be reformatted")
                changed.remove(f)
                problems.append(f.shown)
                continue
            try:
                # Replaced only if it still holds what was read: an editor's save made while fmt ran
                # over many files is kept, not overwritten.
                replace_all([Planned(f.path, f.raw, f.after.encode("utf-8"))])
            except ChangedMeanwhile:
                say(f"res191: left alone {f.shown}: it changed while fmt ran; run fmt again")
                changed.remove(f)
                problems.append(f.shown)
                continue
            except OSError as error:
                raise fail(f"cannot write {f.shown}: {error.strerror or error}") from None
            say(f"reformatted {f.shown}")
    if check or diff:
        say(f"{len(changed)} of {len(formatted)} record files would be reformatted")
    else:
        say(f"{len(changed)} of {len(formatted)} record files reformatted")
    if problems or ((check or diff) and changed):
        raise typer.Exit(EXIT_PROBLEMS)


def _not_records(found: list[FoundFile], given: list[Path]) -> list[str]:
    """The files named on the command line that are not records, each said: `fmt notes.txt` said "0 of 0
    record files reformatted", and nothing of the file."""
    from res191.loading.files import shown_path

    named = {os.path.abspath(p) for p in given}
    return [
        f"{shown_path(file.path, str(Path.cwd()))}: it is not a record file (a record is a .yaml, .yml or "
        ".md file in a folder of data/)"
        for file in found
        if os.path.abspath(file.path) in named and not (file.is_record and file.kind and file.is_regular)
    ]
