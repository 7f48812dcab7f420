"""`res191 overlaps`: overlapping resolutions, activities and bodies across the Sectors, with proposals."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from res191.cli.common import ROOT_OPTION, as_of, fail, repository_root, say, to_stdout
from res191.memory import freeze_for_the_end


class FindingFormat(StrEnum):
    """The formats `res191 overlaps --format` writes."""

    TEXT = "text"
    JSON = "json"
    MD = "md"
    CSV = "csv"


class FindingKind(StrEnum):
    """The kinds of finding, as `--kind` takes them."""

    STREAMLINE = "streamline"
    SEVERAL_CONFERENCES = "several-conferences"
    DUPLICATE = "duplicate"
    NEW_THEME = "new-theme"
    MAPPING = "mapping"
    PARTNERS = "partners"
    JOINT_WORK = "joint-work"
    SIMILAR_ACTIVITIES = "similar-activities"
    SIMILAR_BODIES = "similar-bodies"


def overlaps_command(
    year: int | None = typer.Option(
        None, "--year", "-y", min=1865, max=2100, help="Activities and citations of this year only."
    ),
    kind: list[FindingKind] = typer.Option(
        [], "--kind", "-k", help="Only this kind of finding; repeat for more."
    ),
    min_score: float = typer.Option(
        # overlaps.findings.DEFAULT_MIN_SCORE, written out: checking commands import no overlaps module (a
        # test checks that the two are the same, and that FindingKind holds the kinds in their order).
        0.25,
        "--min-score",
        min=0.0,
        max=1.0,
        help="Leave out findings of text similarity scoring less (0 to 1); other kinds are always listed.",
    ),
    output_format: FindingFormat = typer.Option(
        FindingFormat.TEXT, "--format", "-f", help="How to write them."
    ),
    explain: str | None = typer.Option(
        None,
        "--explain",
        metavar="ID",
        help="Show what made one finding: its terms, their weights, its records' lines.",
    ),
    on: str | None = typer.Option(
        None,
        "--on",
        help="The day resolutions are cited as of (YYYY-MM-DD). Default: the last day of --year, for a past "
        "year; else today.",
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Find overlapping resolutions, activities and bodies across the Sectors, and propose what to do.

    Records with errors are left out (run `res191 validate`); reading never writes a file.
    """
    from res191.cli.progress import progress_bar
    from res191.formats.findings import FORMATS, write_explanation
    from res191.loading.files import UnreadableFolder
    from res191.overlaps.find import KINDS_READ, find_overlaps
    from res191.validation import validate

    day = as_of(on) if on else None
    base = repository_root(root)
    try:
        with progress_bar("Reading records") as progress:
            checked = validate(
                base, Path.cwd(), keep_records=True, keep_kinds=KINDS_READ, positions=True, progress=progress
            )
    except UnreadableFolder as error:
        raise fail(f"cannot read the folder {error.filename}: {error.strerror}") from None
    assert checked.loaded is not None
    loaded = checked.without_errors()
    failed = len(checked.loaded.records) - len(loaded.records)
    if failed:
        say(f"res191: {failed} record(s) with errors were left out; run `res191 validate`")
    kinds = [k.value for k in kind] or [k.value for k in FindingKind]
    freeze_for_the_end()
    # The themes of the day only: one that became a theme later has no overlap then.
    findings = find_overlaps(loaded, year, kinds, min_score, day)
    if explain is not None:
        chosen = next((f for f in findings if f.id.lower() == explain.strip().lower()), None)
        if chosen is None:
            ids = ", ".join(f.id for f in findings[:5]) + (", ..." if len(findings) > 5 else "")
            raise fail(
                f"no finding {explain} with these options (findings: {ids or 'none'}); "
                "ids are those `res191 overlaps` lists with the same --year, --kind and --min-score"
            )
        as_json = output_format is FindingFormat.JSON
        to_stdout(lambda: write_explanation(chosen, sys.stdout, as_json))
        return
    to_stdout(lambda: FORMATS[output_format.value](findings, sys.stdout))
