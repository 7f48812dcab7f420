"""`res191 init DIR`: a new data repository, ready to validate, format and report."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from res191.cli.common import check_output, fail, say

if TYPE_CHECKING:
    from res191.validation import ValidationResult


def init_command(
    folder: Path = typer.Argument(
        ..., help="Where to make the repository (a new or empty folder).", file_okay=False
    ),
) -> None:
    """Make a new data repository: data/ with an example of each kind of record from ITU's own, the JSON
    Schemas for editors, pre-commit hooks (validate, fmt --check) and a GitHub Actions workflow."""
    from res191.editing.init import NotEmpty, create_repository
    from res191.formats.problems import DiagnosticFormat, reporter
    from res191.validation import validate

    # Not among another repository's records: validate would report each of its files as not a record.
    check_output(folder, None, f"{folder.name} beside the repository")
    try:
        written = create_repository(folder)
    except NotEmpty as problem:
        raise fail(str(problem)) from None
    except OSError as error:
        raise fail(f"cannot write in {folder}: {error.strerror or error}") from None
    root = folder.resolve()
    checked = validate(root, root)
    if checked.diagnostics:
        reporter(DiagnosticFormat.TEXT)(checked, sys.stderr)
    say(f"made {folder}: {len(written)} files; {checked.files} records, {_verdict(checked)}")
    say(f"next: cd {folder}; git init; pre-commit install; res191 new meeting --body iscg --start YYYY-MM-DD")
    if not any(line.startswith("res191") for line in (root / "requirements.txt").read_text().splitlines()):
        say("and say in requirements.txt where CI installs res191 from (this copy came from a local folder)")


def _verdict(checked: ValidationResult) -> str:
    """What validate found, in the words it would use: warnings are not errors (the example records are
    valid, and their warnings may be true: a session held since the records were written)."""
    from res191.diagnostics import Severity

    errors, warnings = checked.count(Severity.ERROR), checked.count(Severity.WARNING)
    if errors:
        return f"{errors} error{'s' if errors != 1 else ''} (above): the records do not all validate"
    if warnings:
        return f"all valid, with {warnings} warning{'s' if warnings != 1 else ''} (above)"
    return "all valid"
