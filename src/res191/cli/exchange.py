"""`res191 export` and `res191 import`: the records as a workbook, CSV files or JSON, and back."""

from __future__ import annotations

import shutil
import sys
import tempfile
from enum import StrEnum
from pathlib import Path

import typer

from res191.cli.common import (
    EXIT_PROBLEMS,
    ROOT_OPTION,
    fail,
    load_valid,
    output_format_for,
    output_target,
    repository_root,
    say,
    to_stdout,
)


class ExportFormat(StrEnum):
    """The formats `res191 export` writes and `res191 import` reads."""

    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


_ENDINGS = {".xlsx": ExportFormat.XLSX, ".json": ExportFormat.JSON}


def export_command(
    output_format: ExportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="xlsx (a workbook), csv (a folder of files) or json. Default: from the --output file's "
        "ending, else xlsx.",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Where to write, or - for standard output (xlsx, json). Default: res191-export.xlsx (or "
        "res191-export/, .json) here.",
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write every record to a workbook (one sheet a kind, and one for each list inside: editions,
    tracker, focal points), to CSV files or to JSON, for those who keep them in a spreadsheet."""
    from res191.atomic import write_bytes
    from res191.editing.exchange import write_csv_folder, write_json, write_xlsx
    from res191.editing.sheets import to_sheets

    output_format = output_format_for(output, output_format, _ENDINGS, ExportFormat.XLSX)
    if output == "-" and output_format is ExportFormat.CSV:
        raise fail("--format csv writes a folder of files, one a sheet; give --output a folder, not -")
    base = repository_root(root)
    loaded = load_valid(base, "the export").loaded
    assert loaded is not None
    if output_format is ExportFormat.CSV:
        content = b""
    elif output_format is ExportFormat.XLSX:
        content = write_xlsx(to_sheets(loaded))
    else:
        content = write_json(loaded).encode("utf-8")
    if output == "-":
        to_stdout(lambda: sys.stdout.buffer.write(content))
        return
    name = "res191-export" + ("" if output_format is ExportFormat.CSV else f".{output_format.value}")
    target = Path(output) if output else output_target(base, name)
    try:
        if output_format is ExportFormat.CSV:
            write_csv_folder(to_sheets(loaded), target)
        else:
            write_bytes(target, content)
    except OSError as error:
        raise fail(f"cannot write {target}: {error.strerror or error}") from None
    typer.echo(str(target))


def import_command(
    source: Path = typer.Argument(
        ...,
        help="A workbook (.xlsx), a folder of CSV files, or a JSON file from `res191 export`.",
        exists=True,
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Check and list what would change; write nothing."),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Land what was changed in a workbook, CSV files or JSON in the records, keeping their comments.

    Every value is checked as `validate` checks it; a problem is reported at its cell (themes.tracker!D5).
    Nothing is written unless the whole import is valid."""
    from res191.editing import exchange, importing
    from res191.reporters import DiagnosticFormat, reporter
    from res191.validation import ValidationResult, validate

    base = repository_root(root)
    loaded = load_valid(base, "an import").loaded
    assert loaded is not None
    try:
        if source.is_dir():
            incoming, problems = importing.from_sheets(exchange.read_csv_folder(source))
        elif source.suffix.lower() == ".json":
            incoming, problems = importing.from_json(source.read_text(encoding="utf-8"), source.name)
        else:
            incoming, problems = importing.from_sheets(exchange.read_xlsx(source.read_bytes()))
    except (OSError, ValueError, KeyError) as error:  # openpyxl refuses a file that is not a workbook so
        raise fail(f"cannot read {source}: {error}") from None
    problems += importing.check(incoming, loaded)
    if problems:
        reporter(DiagnosticFormat.TEXT)(ValidationResult(problems, len(incoming)), sys.stderr)
        raise fail(
            f"nothing was imported: fix the cells above in {source} and import it again", EXIT_PROBLEMS
        )
    changes = importing.plan(incoming, loaded)
    # The changes are tried on a copy of the data first: the records must validate together.
    with tempfile.TemporaryDirectory(prefix="res191-import-") as scratch:
        trial = Path(scratch)
        shutil.copytree(base / "data", trial / "data", symlinks=True)
        for change in changes:
            target = trial / change.path.relative_to(base)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(change.after, encoding="utf-8")
        tried = validate(trial, trial)
    if tried.failed():
        reporter(DiagnosticFormat.TEXT)(tried, sys.stderr)
        raise fail("nothing was imported: the records would not validate together (above)", EXIT_PROBLEMS)
    for change in changes:
        action = (
            "would create"
            if dry_run and change.before is None
            else "would change"
            if dry_run
            else "created"
            if change.before is None
            else "changed"
        )
        if not dry_run:
            from res191.atomic import write_text

            change.path.parent.mkdir(parents=True, exist_ok=True)
            write_text(change.path, change.after)
        say(f"{action} {change.path.relative_to(base)}")
    files = f"{len(changes)} record file{'s' if len(changes) != 1 else ''}"
    say(f"{files} {'would change' if dry_run else 'changed'}; {len(incoming)} records read")
