"""`res191 report`: the annual report to Council, from the records, as Markdown, Word or HTML."""

from __future__ import annotations

import sys
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


class ReportFormat(StrEnum):
    """The formats `res191 report --format` writes."""

    MD = "md"
    DOCX = "docx"
    HTML = "html"


_ENDINGS = {
    ".md": ReportFormat.MD,
    ".markdown": ReportFormat.MD,
    ".docx": ReportFormat.DOCX,
    ".html": ReportFormat.HTML,
    ".htm": ReportFormat.HTML,
}


def report_command(
    year: int = typer.Option(
        ..., "--year", "-y", min=1865, max=2100, help="The year of the Council session the report goes to."
    ),
    output_format: ReportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="md (CommonMark), docx (Word) or html. Default: from the --output file's ending, else md.",
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The file to write, or - for standard output. Default: named after the document number, "
        "in the current folder (in the repository's root when the current folder is inside data/).",
    ),
    template_dir: Path | None = typer.Option(
        None,
        "--template-dir",
        help="Your copy of the templates (see `res191 templates`).",
        exists=True,
        file_okay=False,
    ),
    reference_docx: Path | None = typer.Option(
        None,
        "--reference-docx",
        help="A .docx whose styles and page setup the Word report takes.",
        exists=True,
        dir_okay=False,
    ),
    final: bool = typer.Option(
        False,
        "--final",
        help="Refuse (exit 1) while the cover lacks its document number, date, agenda item or title, "
        "instead of showing a placeholder for it.",
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write the report on the implementation of Resolution 191 for a year's Council session.

    The report is made only from data that validates: fix what `res191 validate` reports first. An annex
    asked for that would be empty is left out, with a warning.
    """
    from res191.atomic import write_bytes
    from res191.rendering.templates import TemplateProblem
    from res191.report.context import ReportError
    from res191.report.render import render_report

    output_format = output_format_for(output, output_format, _ENDINGS, ReportFormat.MD)
    if reference_docx is not None and output_format is not ReportFormat.DOCX:
        raise fail("--reference-docx applies to --format docx only")
    if reference_docx is not None:
        _check_reference(reference_docx)
    base = repository_root(root)
    checked = load_valid(base, "the report")
    assert checked.loaded is not None
    try:
        rendered = render_report(
            checked.loaded, year, output_format.value, template_dir, reference_docx, final=final
        )
    except ReportError as error:
        raise fail(str(error), EXIT_PROBLEMS) from None
    except TemplateProblem as error:
        raise fail(f"template error: {error}") from None

    for left_out in rendered.left_out:
        say(f"warning: {left_out}")
    if output == "-":
        to_stdout(lambda: sys.stdout.buffer.write(rendered.content))
        return
    target = Path(output) if output else output_target(base, rendered.name)
    try:
        write_bytes(target, rendered.content)
    except OSError as error:
        raise fail(f"cannot write {target}: {error.strerror or error}") from None
    say(f"wrote {target}")


def _check_reference(path: Path) -> None:
    """Refuse, before any work, a reference document that python-docx cannot open."""
    from docx import Document

    try:
        Document(str(path))
    except Exception as error:  # python-docx refuses a non-.docx file in many ways (zip, XML, parts)
        raise fail(f"--reference-docx {path} cannot be read as a Word document ({error})") from None
