"""`res191 init DIR`: a new data repository, ready to validate, format and report."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import fail, say


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
    verdict = "which do not all validate (above)" if checked.failed(strict=True) else "all valid"
    say(f"made {folder}: {len(written)} files; {checked.files} records, {verdict}")
    say(f"next: cd {folder}; git init; pre-commit install; res191 new meeting --body iscg --start YYYY-MM-DD")
    if not any(line.startswith("res191") for line in (root / "requirements.txt").read_text().splitlines()):
        say("and say in requirements.txt where CI installs res191 from (this copy came from a local folder)")
