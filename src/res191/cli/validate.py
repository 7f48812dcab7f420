"""`res191 validate`: check every record and the references between them; never writes a file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, fail, repository_root, to_stdout
from res191.cli.paths import record_paths
from res191.cli.progress import progress_bar
from res191.formats.problems import DiagnosticFormat


def validate_command(
    paths: list[Path] = typer.Argument(
        None, help="Files or folders to check (default: all of data/). References are checked against all."
    ),
    root: Path | None = ROOT_OPTION,
    output_format: DiagnosticFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="How to write the problems. Default: github under GitHub Actions, text elsewhere.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    cache: bool = typer.Option(
        True,
        "--cache/--no-cache",
        help="Reuse what the last run found in files unchanged since (kept in the user's cache folder, "
        "or RES191_CACHE_DIR).",
    ),
    all_warnings: bool = typer.Option(
        False,
        "--all-warnings",
        help="In text, list every warning even where there are errors (they are counted by kind then).",
    ),
    ignore: list[str] = typer.Option(
        [],
        "--ignore",
        "-i",
        help="Codes (S201) or names (unknown-key) to leave out, separated by commas or repeated.",
    ),
) -> None:
    """Check the data repository: YAML, schemas, ids, references and ITU's rules for themes."""
    from res191.diagnostics import CATALOGUE, resolve_code
    from res191.formats.problems import default_format, reporter
    from res191.loading.files import UnreadableFolder
    from res191.validation import validate

    ignored: set[str] = set()
    for code in (c.strip() for option in ignore for c in option.split(",")):
        entry = resolve_code(code) if code else None
        if entry is None:
            raise fail(f"--ignore {code!r} is not a diagnostic code; codes are: {', '.join(CATALOGUE)}")
        ignored.add(entry.code)

    given = list(paths or [])
    base = repository_root(root, given)
    checked = record_paths(base, given) if given else None
    try:
        with progress_bar("Checking records") as progress:
            result = validate(base, Path.cwd(), checked, ignored, progress=progress, cache=cache)
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    chosen = output_format or default_format()
    if chosen is DiagnosticFormat.TEXT:
        from res191.formats.problems.text_format import report

        to_stdout(lambda: report(result, sys.stdout, every_warning=all_warnings))
    else:
        to_stdout(lambda: reporter(chosen)(result, sys.stdout))
    if result.failed(strict):
        raise typer.Exit(EXIT_PROBLEMS)
