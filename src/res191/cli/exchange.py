"""`res191 export` and `res191 import`: the records as a workbook, CSV files or JSON, and back."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from res191.cli.common import (
    EXIT_PROBLEMS,
    ROOT_OPTION,
    check_output,
    fail,
    load_valid,
    output_format_for,
    output_target,
    repository_root,
    say,
    to_stdout,
)

if TYPE_CHECKING:
    from res191.loading.record import LoadedRecords


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
    force: bool = typer.Option(
        False, "--force", help="Replace an earlier export that holds changes not imported into the records."
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write every record to a workbook (one sheet a kind, and one for each list inside: editions,
    tracker, focal points), to CSV files or to JSON, for those who keep them in a spreadsheet. An earlier
    export holding changes not yet imported is not replaced (without --force): they would be lost."""
    from res191.atomic import write_bytes
    from res191.editing.exchange import write_csv_folder, write_json, write_xlsx
    from res191.editing.exported import remember
    from res191.editing.long_texts import CELL_MOST, cut_in_a_workbook
    from res191.editing.sheets import to_sheets

    output_format = output_format_for(
        output, output_format, _ENDINGS, ExportFormat.XLSX, "; csv writes a folder, with --format csv"
    )
    if output == "-" and output_format is ExportFormat.CSV:
        raise fail("--format csv writes a folder of files, one a sheet; give --output a folder, not -")
    base = repository_root(root)
    name = "res191-export" + ("" if output_format is ExportFormat.CSV else f".{output_format.value}")
    target = Path(output) if output and output != "-" else output_target(base, name)
    if output != "-":  # refused before the work, not after it
        check_output(target, base, str(base / name))
    loaded = load_valid(base, "the export").loaded
    assert loaded is not None
    if output != "-" and not force:
        _keep_what_is_not_imported(target, loaded)
    if output_format is ExportFormat.CSV:
        content = b""
    elif output_format is ExportFormat.XLSX:
        sheets = to_sheets(loaded)
        content = write_xlsx(sheets)
        for where in cut_in_a_workbook(sheets):
            say(
                f"note: {where}: the text is longer than a cell holds ({CELL_MOST:,} characters); the "
                "workbook holds its start, the CSV files and the JSON hold it whole"
            )
    else:
        content = write_json(loaded).encode("utf-8")
    if output == "-":
        to_stdout(lambda: sys.stdout.buffer.write(content))
        return
    try:
        if output_format is ExportFormat.CSV:
            write_csv_folder(to_sheets(loaded), target)
        else:
            write_bytes(target, content)
    except OSError as error:
        raise fail(f"cannot write {target}: {error.strerror or error}") from None
    remember(target)
    typer.echo(str(target))


def _keep_what_is_not_imported(target: Path, loaded: LoadedRecords) -> None:
    """Refuse (exit 1) to replace an earlier export whose values are not the records' (edited in a
    spreadsheet and not imported yet), or a file that is no export at all: replacing it would lose them.
    An export that holds what the records hold is replaced, as after an import."""
    from res191.editing.exchange import SourceProblem
    from res191.editing.exported import as_written
    from res191.editing.importing import import_records
    from res191.wording import plural

    if not (target.is_file() or target.is_dir()) or (target.is_dir() and not any(target.glob("*.csv"))):
        return  # nothing there, or /dev/null, a pipe: written to, not replaced
    written = as_written(target)
    if written:
        return  # as an export wrote it: nothing in it but what the records held then
    try:
        held = import_records(target, loaded, dry_run=True)
        none = "it holds no record" if loaded.records else ""  # {} is no export of records there are
        why = (held.problems[0].message if held.problems else none) if held.read == 0 else ""
    except (SourceProblem, OSError) as trouble:
        why = str(trouble) or type(trouble).__name__  # never empty: held is not there to look at
    if why:
        raise fail(
            f"{target} is there already and is not an export of these records ({why}); write elsewhere "
            "with --output, or give --force to replace it",
            EXIT_PROBLEMS,
        )
    if held.changes or held.problems:
        what = (
            plural(len(held.changes), "record file") + " would change"
            if held.changes
            else plural(len(held.problems), "problem") + " to fix before they can be imported"
        )
        # Whether it was edited is known only from the digest kept of the export: without it (another
        # machine, a cache cleared), it may as well be older than the records.
        since = "may be older than the records" if written is None else "was changed since res191 exported it"
        raise fail(
            f"{target} {since}, and holds values the records do not ({what}: `res191 import --dry-run "
            f"{target}` lists them); import it if those are edits to keep, or give --force to replace it",
            EXIT_PROBLEMS,
        )


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

    Only what the source mentions changes: a sheet or column it lacks leaves those values as they are;
    an emptied cell empties the value. Every value is checked as `validate` checks it; a problem is
    reported at its cell (themes.tracker!D5). Nothing is written unless the whole import is valid, and
    then every changed file is written, or none."""
    from res191.atomic import ChangedMeanwhile
    from res191.editing.exchange import SourceProblem
    from res191.editing.importing import import_records
    from res191.formats.problems import DiagnosticFormat, reporter
    from res191.validation import ValidationResult

    base = repository_root(root)
    loaded = load_valid(base, "an import").loaded
    assert loaded is not None
    try:
        done = import_records(source, loaded, dry_run)
    except SourceProblem as trouble:
        raise fail(f"cannot import {source}: {trouble}", EXIT_PROBLEMS) from None
    except OSError as error:  # the writes were undone: every file is as it was
        where = f" {error.filename}" if error.filename else ""
        raise fail(f"nothing was imported: cannot write{where}: {error.strerror or error}") from None
    except ChangedMeanwhile as moved:
        raise fail(
            f"nothing was imported: {moved} changed while the import ran; import again", EXIT_PROBLEMS
        ) from None
    for note in done.notes:
        say(f"note: {note}")
    if done.problems:
        reporter(DiagnosticFormat.TEXT)(ValidationResult(done.problems, done.read), sys.stderr)
        if done.together:
            raise fail("nothing was imported: the records would not validate together (above)", EXIT_PROBLEMS)
        if all(d.code == "Y124" for d in done.problems):  # the record files, not the source
            raise fail(
                "nothing was imported: the record files above cannot be rewritten; fix them as the hint "
                f"says and import {source} again",
                EXIT_PROBLEMS,
            )
        what = "values" if source.suffix.lower() == ".json" else "cells"
        raise fail(
            f"nothing was imported: fix the {what} above in {source} and import it again", EXIT_PROBLEMS
        )
    for change in done.changes:
        created = change.before is None
        action = (
            ("would create" if created else "would change")
            if dry_run
            else ("created" if created else "changed")
        )
        say(f"{action} {change.path.relative_to(base)}")
    files = f"{len(done.changes)} record file{'s' if len(done.changes) != 1 else ''}"
    say(f"{files} {'would change' if dry_run else 'changed'}; {done.read} records read")
