"""`res191 validate`: check every record and the references between them; never writes a file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, fail, repository_root, say, to_stdout
from res191.cli.paths import record_paths
from res191.cli.progress import progress_bar
from res191.formats.problems import DiagnosticFormat
from res191.validation import ValidationResult
from res191.wording import plural


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
    languages: bool = typer.Option(
        False,
        "--languages",
        help="Instead of the problems, say how far the records are translated into each official language "
        "and list each text missing in some (text or json). Exits 1 still when the data has errors.",
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
            # The coverage reads the records themselves, which the cache does not keep.
            result = validate(
                base, Path.cwd(), checked, ignored, progress=progress, cache=cache and not languages,
                keep_records=languages,
            )  # fmt: skip
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    chosen = output_format or default_format()
    if languages:
        _coverage(result, chosen, strict)
        return
    if chosen is DiagnosticFormat.TEXT:
        from res191.formats.problems.text_format import report

        to_stdout(lambda: report(result, sys.stdout, every_warning=all_warnings))
    else:
        to_stdout(lambda: reporter(chosen)(result, sys.stdout))
    if result.failed(strict):
        raise typer.Exit(EXIT_PROBLEMS)


def _coverage(result: ValidationResult, chosen: DiagnosticFormat, strict: bool) -> None:
    """`--languages`: the translations' coverage, in text or JSON; the problems only counted."""
    from res191.diagnostics import Severity
    from res191.views.languages import coverage, write_json, write_text

    if chosen not in (DiagnosticFormat.TEXT, DiagnosticFormat.JSON):
        raise fail(f"--languages writes text or json, not {chosen.value}")
    assert result.loaded is not None
    found = coverage(result.loaded)
    writer = write_json if chosen is DiagnosticFormat.JSON else write_text
    to_stdout(lambda: writer(found, sys.stdout))
    if result.failed(strict):
        errors = result.count(Severity.ERROR)
        say(f"the data has {plural(errors, 'error')}: run `res191 validate` to see them; records with "
            "errors are not counted")  # fmt: skip
        raise typer.Exit(EXIT_PROBLEMS)
