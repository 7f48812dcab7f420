"""Options, exit codes and helpers shared by the commands."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

if TYPE_CHECKING:
    from res191.validation import ValidationResult

ROOT_OPTION = typer.Option(
    None,
    "--root",
    help="The data repository (the folder holding data/). Default: found from the current folder.",
    file_okay=False,
)

# Exit codes, the same for every command.
EXIT_OK = 0
EXIT_PROBLEMS = 1  # problems in the data (or the files a check found out of date)
EXIT_USAGE = 2  # a usage or I/O error: a bad option, no repository, an unreadable path, a template error
EXIT_INTERNAL = 3  # a fault in res191 itself

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 problems in the data; 2 usage or I/O error (bad option, no repository, "
    "unreadable path, template error); 3 a fault in res191 itself."
)


ON_OPTION = typer.Option(
    None,
    "--on",
    help="The day the output speaks of (YYYY-MM-DD): the records as they stood on it, facts of a later day "
    "left out, resolutions cited as they stood. Default: today.",
)


def as_of(on: str | None) -> date:
    """The day an output speaks of: --on, else today."""
    try:
        return date.fromisoformat(on) if on else date.today()
    except ValueError:
        raise fail(f"--on takes a date such as 2024-06-04, not {on!r}") from None


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print an error for the user on stderr and return the exit to raise."""
    from res191.wording import printable

    sys.stderr.write(f"res191: {printable(message)}\n")
    return typer.Exit(code)


def say(message: str) -> None:
    """A line for the user on stderr: what was written where, what was left out."""
    from res191.wording import printable

    sys.stderr.write(f"{printable(message)}\n")


def repository_root(root: Path | None, near: list[Path] | None = None) -> Path:
    """The repository to work on: --root, else the one around the current folder or the paths."""
    from res191.loading.files import find_root

    if root is not None:
        if not (root / "data").is_dir():
            raise fail(f"{root} has no data/ folder; --root takes the folder that holds data/")
        return root.resolve()
    for start in [Path.cwd(), *(p.resolve().parent for p in near or [])]:
        found = find_root(start)
        if found is not None:
            return found
    raise fail(
        "no res191 data repository here: no folder from this one up holds data/resolutions, "
        "data/themes, data/meetings or data/bodies. Run inside one, or pass --root PATH."
    )


def load_valid(root: Path, what: str, positions: bool = False) -> ValidationResult:
    """Validate and keep the records, refusing data with errors: what report, site and export need."""
    from res191.cli.progress import progress_bar
    from res191.formats.problems import DiagnosticFormat, reporter
    from res191.loading.files import UnreadableFolder
    from res191.validation import validate

    try:
        with progress_bar("Reading records") as progress:
            checked = validate(root, Path.cwd(), keep_records=True, positions=positions, progress=progress)
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    if checked.failed():
        reporter(DiagnosticFormat.TEXT)(checked, sys.stderr)
        raise fail(f"the data has errors (above); {what} is made from valid data only", EXIT_PROBLEMS)
    return checked


Result = TypeVar("Result")


def to_stdout(write: Callable[[], Result]) -> Result | None:
    """Run a function that writes to standard output; a reader that stops early is not an error.

    `res191 validate | head` closes the pipe before everything is written: the rest is dropped
    quietly and the command still exits with the code its result calls for.
    """
    try:
        result = write()
        sys.stdout.flush()
        return result
    except BrokenPipeError:
        _drop_stdout()
        return None
    except OSError as error:  # a full disk, a closed stdout: the output is not all there, say so
        _drop_stdout()
        raise fail(f"cannot write the output: {error.strerror or error}") from None


def _drop_stdout() -> None:
    """Point stdout at nothing, so that the interpreter's last flush does not complain again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def check_output(output: Path, root: Path | None, instead: str) -> None:
    """Refuse (exit 2) an output that would land inside data/, where only records belong, or over a
    record: every command that writes a report, an export, a site, schemas or templates asks this first.

    Checked against the repository worked on (root) and any repository the output lies in; instead says
    where to write instead.
    """
    from res191.loading.files import find_root
    from res191.outputs import IntoTheRecords, refuse_records

    near = Path(os.path.abspath(output))
    while not near.exists() and near != near.parent:
        near = near.parent
    roots = {r for r in (root, find_root(near), find_root(Path(os.path.realpath(near)))) if r is not None}
    try:
        for repository in sorted(roots):
            refuse_records(output, repository, instead)
    except IntoTheRecords as problem:
        raise fail(str(problem)) from None


def output_target(root: Path, name: str) -> Path:
    """Where a command writes a file by default: here, or the repository's root when here is data/.

    Writing a report into data/ would put a file where only records belong (and validate would
    then warn about it), so from inside data/ the file goes to the repository's root instead.
    """
    here = Path.cwd().resolve()
    data = (root / "data").resolve()
    return (root if here == data or here.is_relative_to(data) else here) / name


Format = TypeVar("Format", bound=StrEnum)


def output_format_for(
    output: str | Path | None,
    given: Format | None,
    endings: dict[str, Format],
    default: Format,
    note: str = "",
) -> Format:
    """The format to write: --format, else the one the --output file's ending names, else the default.

    `-o report.docx` alone writes Word; `-o report.docx --format md` is refused rather than writing
    Markdown into a file that Word will not open, and so is `-o report.pdf` alone, an ending no format
    has, rather than writing Markdown into a file named .pdf. A note says more of the formats (one
    that writes a folder has no ending).
    """
    ending = Path(str(output)).suffix.lower() if output not in (None, "-") else ""
    named = endings.get(ending)
    if given is None:
        if ending and named is None:
            raise fail(
                f"--output {output} ends in {ending}, which is none of the formats this command writes: "
                f"{_known_endings(endings)}{note}. Give the file one of those endings, or give --format, "
                "which writes that format whatever the file's name"
            )
        return named or default
    if named is not None and named is not given:
        raise fail(
            f"--output {output} ends in {ending}, which is {named.value}, but --format is {given.value}; "
            f"leave out --format, or give the file the ending {_ending_of(given, endings)}"
        )
    return given


def _known_endings(endings: dict[str, Any]) -> str:
    """The endings each format is known by: `.md or .markdown (md), .docx (docx)`."""
    by_format: dict[str, list[str]] = {}
    for ending, value in endings.items():
        by_format.setdefault(value.value, []).append(ending)
    return ", ".join(f"{' or '.join(names)} ({value})" for value, names in by_format.items())


def _ending_of(wanted: StrEnum, endings: dict[str, Any]) -> str:
    return next((ending for ending, value in endings.items() if value is wanted), f".{wanted.value}")
