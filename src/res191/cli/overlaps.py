"""`res191 overlaps`: overlapping resolutions, activities and bodies across the Sectors, with proposals."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import ROOT_OPTION, fail, repository_root


def overlaps_command(
    year: int | None = typer.Option(None, "--year", "-y", help="Activities and citations of this year only."),
    kind: list[str] = typer.Option(
        [],
        "--kind",
        "-k",
        help="Only this kind of finding (repeat for more): streamline, several-conferences, new-theme, "
        "mapping, joint-work, similar-activities, similar-bodies.",
    ),
    min_score: float | None = typer.Option(
        None, "--min-score", help="Leave out findings scoring less (0 to 1). Default: 0.25."
    ),
    output_format: str = typer.Option("text", "--format", "-f", help="text, json, md or csv."),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Find overlapping resolutions, activities and bodies across the Sectors, and propose what to do.

    Records with errors are left out (run `res191 validate`); reading never writes a file.
    """
    from res191.loading.files import list_files
    from res191.overlaps.find import DEFAULT_MIN_SCORE, find_overlaps
    from res191.overlaps.findings import KINDS
    from res191.overlaps.output import FORMATS
    from res191.repository import load_repository

    if output_format not in FORMATS:
        raise fail(f"unknown --format {output_format!r}; use one of: {', '.join(FORMATS)}")
    unknown = [k for k in kind if k not in KINDS]
    if unknown:
        raise fail(f"unknown --kind {unknown[0]!r}; use one of: {', '.join(KINDS)}")
    score = DEFAULT_MIN_SCORE if min_score is None else min_score
    if not 0 <= score <= 1:
        raise fail("--min-score is a number from 0 to 1, e.g. 0.25")
    base = repository_root(root)
    repository = load_repository(base, Path.cwd(), list_files(base), positions=True)
    failed = sum(1 for r in repository.records if r.record is None)
    if failed:
        typer.echo(f"res191: {failed} record(s) with errors were left out; run `res191 validate`", err=True)
    findings = find_overlaps(repository, year, kind or tuple(KINDS), score)
    FORMATS[output_format](findings, sys.stdout)
