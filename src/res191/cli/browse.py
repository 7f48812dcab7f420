"""`res191 list`, `res191 show` and `res191 matrix`: the records as editors browse them; nothing written."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from res191.cli.common import (
    EXIT_PROBLEMS,
    ON_OPTION,
    ROOT_OPTION,
    as_of,
    fail,
    repository_root,
    say,
    to_stdout,
)
from res191.formats.tables import TableFormat
from res191.models.kinds import KINDS
from res191.wording import join_and


def _kind(given: str | None) -> str | None:
    """The kind of record a user names (`resolution` or `resolutions`); a usage error for another word."""
    from res191.models.kinds import KINDS, kind_named

    if given is None:
        return None
    found = kind_named(given)
    if found is None:
        raise fail(f"'{given}' is not a kind of record; the kinds are: {', '.join(KINDS)}")
    return found.name


def _kinds() -> list[str]:
    from res191.models.kinds import KINDS

    return list(KINDS)


class ShowFormat(StrEnum):
    """The formats of `show`."""

    TEXT = "text"
    JSON = "json"


def _loaded(root: Path | None, whole: bool = False):  # type: ignore[no-untyped-def]
    """The records, less those with an error (in their file, or across files unless `whole`: `show` shows a
    record whose reference leads nowhere, which `list` and `matrix` leave out, as `overlaps` does)."""
    from res191.cli.progress import progress_bar
    from res191.loading.files import UnreadableFolder
    from res191.validation import validate

    base = repository_root(root)
    try:
        with progress_bar("Reading records") as progress:
            checked = validate(base, Path.cwd(), keep_records=True, positions=True, progress=progress)
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    assert checked.loaded is not None
    if whole:
        loaded = checked.loaded
        failed = sum(1 for r in loaded.records if r.record is None)
    else:
        loaded = checked.without_errors()
        failed = len(checked.loaded.records) - len(loaded.records)
    if failed:
        say(f"res191: {failed} record(s) with errors are left out; run `res191 validate`")
    return loaded


def list_command(
    kind: str = typer.Argument(
        ...,
        metavar="KIND",
        help=f"The kind of record to list: {join_and(list(KINDS), 'or')} (or the name of its folder: "
        "resolutions...).",
        autocompletion=_kinds,
    ),
    sector: str | None = typer.Option(
        None, "--sector", help="Only those concerning this Sector (ITU-R, ITU-T, ITU-D, GS)."
    ),
    conference: str | None = typer.Option(
        None, "--conference", help="Only those of (or resting on) this conference."
    ),
    theme: str | None = typer.Option(None, "--theme", help="Only those under this theme (its id)."),
    year: int | None = typer.Option(None, "--year", min=1865, max=2100, help="Only those of this year."),
    status: str | None = typer.Option(None, "--status", help="Only those with this status."),
    body: str | None = typer.Option(None, "--body", help="Only those of this body (its id)."),
    output_format: TableFormat = typer.Option(
        TableFormat.TEXT, "--format", "-f", help="How to write the list."
    ),
    on: str | None = ON_OPTION,
    root: Path | None = ROOT_OPTION,
) -> None:
    """List the records of a kind, with where each one is, as of a day."""
    from res191.formats.tables import WRITERS
    from res191.views.listing import FilterProblem, Filters, list_records

    kind_name = _kind(kind) or kind
    day = as_of(on)
    loaded = _loaded(root)
    filters = Filters(sector, conference, theme, year, status, body)
    try:
        table = list_records(loaded, kind_name, filters, day)
    except FilterProblem as problem:
        raise fail(str(problem)) from None
    to_stdout(lambda: WRITERS[output_format]([table], sys.stdout))


def show_command(
    record_id: str = typer.Argument(..., metavar="ID", help="The id of the record."),
    kind: str | None = typer.Option(
        None,
        "--kind",
        "-k",
        help="Its kind, where ids of several kinds are the same.",
        autocompletion=_kinds,
    ),
    output_format: ShowFormat = typer.Option(ShowFormat.TEXT, "--format", "-f", help="How to write it."),
    on: str | None = ON_OPTION,
    root: Path | None = ROOT_OPTION,
) -> None:
    """Show one record: its citation or title, its keys, what it refers to and what refers to it."""
    from res191.views.show import NotFound, show, write_json, write_text

    kind_name = _kind(kind)
    day = as_of(on)
    loaded = _loaded(root, whole=True)
    try:
        shown = show(loaded, record_id, kind_name, day)
    except NotFound as problem:
        raise fail(str(problem), EXIT_PROBLEMS) from None
    writer = write_json if output_format is ShowFormat.JSON else write_text
    to_stdout(lambda: writer(shown, sys.stdout))


def matrix_command(
    on: str | None = ON_OPTION,
    output_format: TableFormat = typer.Option(
        TableFormat.TEXT, "--format", "-f", help="How to write the tables."
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """The themes against the conferences (the mapping of resolutions) and against the Sectors and the
    General Secretariat (the focal points), with the gaps marked, as of a day."""
    from res191.formats.tables import WRITERS
    from res191.views.matrix import matrix

    day = as_of(on)
    loaded = _loaded(root)
    to_stdout(lambda: WRITERS[output_format](matrix(loaded, day), sys.stdout))
