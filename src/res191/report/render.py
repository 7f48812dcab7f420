"""Render a year's report from the records: Markdown from the template, then HTML or Word from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from res191.loading.record import LoadedRecords
from res191.models.translations import ENGLISH
from res191.rendering.markdown import plain
from res191.rendering.templates import environment, render
from res191.rendering.typography import typographic
from res191.report.annexes import LeftOut
from res191.report.context import ReportContext, build_context
from res191.report.html import render_html
from res191.report.languages import EnglishText

FORMATS = ("md", "docx", "html")


@dataclass(frozen=True)
class RenderedReport:
    """A report in one format: its bytes, the file name it is saved under by default, and what it left
    out (empty annexes)."""

    content: bytes
    name: str
    left_out: list[LeftOut] = field(default_factory=list)
    english: list[EnglishText] = field(default_factory=list)  # record texts shown in English, untranslated


def default_file_name(document: str | None, year: int, output_format: str, letter: str | None = None) -> str:
    """`C24-35.docx` after the document number, or `report-2024.docx` while it has none; a version asked
    for in a language carries ITU's letter for it, as Council documents do: `C24-35-F.docx`."""
    stem = document.replace("/", "-").replace(" ", "") if document else f"report-{year}"
    return f"{stem}-{letter}.{output_format}" if letter else f"{stem}.{output_format}"


def report_markdown(env: Environment, context: ReportContext) -> str:
    """The report in Markdown with its layout classes, typographic quotes throughout, and the record texts
    shown in English marked so (context.english lists them)."""
    markdown = typographic(render(env, "report.md.j2", context.as_template_variables()))
    marked, context.english = context.reading.spans(markdown)
    return marked


def render_report(
    loaded: LoadedRecords,
    year: int,
    output_format: str,
    template_dir: Path | None = None,
    reference_docx: Path | None = None,
    final: bool = False,
    language: str | None = None,
) -> RenderedReport:
    """The report in a format, with what it left out and what its cover lacks; with `final`, ReportError
    where the cover lacks anything. In a `language` of ITU's six (English when None), with the file name
    carrying ITU's letter for it."""
    context = build_context(loaded, year, language or ENGLISH)
    if final:
        context.check_final()
    env = environment(template_dir, language or ENGLISH)
    markdown = report_markdown(env, context)
    name = default_file_name(
        context.report.document, year, output_format, context.letter if language else None
    )
    if output_format == "md":
        content = plain(markdown).encode("utf-8")
    elif output_format == "html":
        content = render_html(env, context, markdown).encode("utf-8")
    else:
        # Imported here: python-docx and lxml are the heaviest imports of res191, for Word only.
        from res191.report.docx import markdown_to_docx

        content = markdown_to_docx(markdown, context, reference_docx)
    return RenderedReport(content, name, context.left_out, context.english)


def markdown_and_word(loaded: LoadedRecords, year: int) -> tuple[str, bytes]:
    """A year's report as Markdown (with its layout classes) and as a Word file, by the built-in templates."""
    from res191.report.docx import markdown_to_docx

    context = build_context(loaded, year)
    markdown = report_markdown(environment(), context)
    return markdown, markdown_to_docx(markdown, context)
