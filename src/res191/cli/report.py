"""`res191 report`: the annual report to Council, from the records, as Markdown, Word or HTML."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, fail, repository_root


def report_command(
    year: int = typer.Option(..., "--year", "-y", help="The year of the Council session the report goes to."),
    output_format: str = typer.Option("md", "--format", "-f", help="md (CommonMark), docx or html."),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="The file to write, or - for standard output. Default: named after the document number, here.",
    ),
    template_dir: Path | None = typer.Option(
        None, "--template-dir", help="Your copy of the templates (see `res191 templates`).", file_okay=False
    ),
    reference_docx: Path | None = typer.Option(
        None,
        "--reference-docx",
        help="A .docx whose styles and page setup the Word report takes.",
        dir_okay=False,
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write the report on the implementation of Resolution 191 for a year's Council session.

    The report is made only from data that validates: fix what `res191 validate` reports first.
    """
    from res191.atomic import write_bytes
    from res191.loading.files import list_files
    from res191.report.context import ReportError
    from res191.report.render import FORMATS, render_report
    from res191.report.templates import TemplateProblem
    from res191.reporters import reporter
    from res191.repository import load_repository
    from res191.validation import validate

    if output_format not in FORMATS:
        raise fail(f"unknown --format {output_format!r}; use one of: {', '.join(FORMATS)}")
    if template_dir is not None and not template_dir.is_dir():
        raise fail(f"--template-dir {template_dir}: no such folder")
    if reference_docx is not None and not reference_docx.is_file():
        raise fail(f"--reference-docx {reference_docx}: no such file")
    if reference_docx is not None and output_format != "docx":
        raise fail("--reference-docx applies to --format docx only")
    if reference_docx is not None:
        _check_reference(reference_docx)
    base = repository_root(root)
    cwd = Path.cwd()

    checked = validate(base, cwd)
    if checked.failed():
        reporter("text")(checked, sys.stderr)
        raise fail("the data has errors (above); the report is made from valid data only", EXIT_PROBLEMS)
    repository = load_repository(base, cwd, list_files(base))
    try:
        content, name = render_report(repository, year, output_format, template_dir, reference_docx)
    except ReportError as error:
        raise fail(str(error), EXIT_PROBLEMS) from None
    except TemplateProblem as error:
        raise fail(f"template error: {error}") from None

    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    target = Path(output) if output else cwd / name
    try:
        write_bytes(target, content)
    except OSError as error:
        raise fail(f"cannot write {target}: {error.strerror or error}") from None
    typer.echo(f"wrote {target}")


def _check_reference(path: Path) -> None:
    """Refuse, before any work, a reference document that python-docx cannot open."""
    from docx import Document

    try:
        Document(str(path))
    except Exception as error:  # python-docx refuses a non-.docx file in many ways (zip, XML, parts)
        raise fail(f"--reference-docx {path} cannot be read as a Word document ({error})") from None
