"""Render a year's report from the records: Markdown from the template, then HTML or Word from it."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from res191.loading.record import LoadedRecords
from res191.report.context import build_context
from res191.report.templates import environment, render

FORMATS = ("md", "docx", "html")


def default_file_name(document: str | None, year: int, output_format: str) -> str:
    """`C24-35.docx` after the document number, or `report-2024.docx` while it has none."""
    stem = document.replace("/", "-").replace(" ", "") if document else f"report-{year}"
    return f"{stem}.{output_format}"


def render_report(
    repository: LoadedRecords,
    year: int,
    output_format: str,
    template_dir: Path | None = None,
    reference_docx: Path | None = None,
) -> tuple[bytes, str]:
    """The report's bytes in a format, and the file name it is saved under by default."""
    context = build_context(repository, year)
    env = environment(template_dir)
    markdown = render(env, "report.md.j2", context.as_template_variables())
    name = default_file_name(context.report.document, year, output_format)
    if output_format == "md":
        return markdown.encode("utf-8"), name
    if output_format == "html":
        from res191.report.docx import markdown_parser

        # The HTML of our own rendered Markdown: marked safe so that the page template keeps it.
        body = Markup(markdown_parser().render(markdown))
        title = f"Report to Council {year} on Resolution 191"
        return render(env, "report.html.j2", {"body": body, "title": title}).encode("utf-8"), name
    from res191.report.docx import markdown_to_docx

    header = context.report.document or f"Council {year}"
    return markdown_to_docx(markdown, header, reference_docx), name
