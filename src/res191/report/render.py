"""Render a year's report from the records: Markdown from the template, then HTML or Word from it."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

from res191.loading.record import LoadedRecords
from res191.rendering.markdown import parser, plain
from res191.rendering.templates import environment, render
from res191.report.context import ReportContext, build_context

FORMATS = ("md", "docx", "html")


def default_file_name(document: str | None, year: int, output_format: str) -> str:
    """`C24-35.docx` after the document number, or `report-2024.docx` while it has none."""
    stem = document.replace("/", "-").replace(" ", "") if document else f"report-{year}"
    return f"{stem}.{output_format}"


def render_report(
    loaded: LoadedRecords,
    year: int,
    output_format: str,
    template_dir: Path | None = None,
    reference_docx: Path | None = None,
) -> tuple[bytes, str]:
    """The report's bytes in a format, and the file name it is saved under by default."""
    context = build_context(loaded, year)
    env = environment(template_dir)
    markdown = render(env, "report.md.j2", context.as_template_variables())
    name = default_file_name(context.report.document, year, output_format)
    if output_format == "md":
        return plain(markdown).encode("utf-8"), name
    if output_format == "html":
        return render_html(env, context, markdown).encode("utf-8"), name
    # Imported here: python-docx and lxml are the heaviest imports of res191, for Word only.
    from res191.report.docx import markdown_to_docx

    return markdown_to_docx(markdown, context, reference_docx), name


def render_html(env: Environment, context: ReportContext, markdown: str) -> str:
    """The report as one HTML page: the Markdown's HTML inside the page template."""
    # Our own rendered Markdown, whose raw HTML the parser has escaped: safe for the page template.
    body = Markup(parser().render(markdown))
    variables = {"body": body, "title": context.title, "year": context.year, "lang": "en"}
    return render(env, "report.html.j2", variables)


def markdown_and_word(loaded: LoadedRecords, year: int) -> tuple[str, bytes]:
    """A year's report as Markdown (with its layout classes) and as a Word file, by the built-in templates."""
    from res191.report.docx import markdown_to_docx

    context = build_context(loaded, year)
    markdown = render(environment(), "report.md.j2", context.as_template_variables())
    return markdown, markdown_to_docx(markdown, context)
