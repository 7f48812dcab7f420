"""The report as a Council document in Word: its Markdown, read by markdown-it, written by python-docx.

Going through Markdown keeps one template for every format. Each Markdown construct becomes the Word
construct a secretary would have typed: headings get Heading styles, lists the List styles, tables are
real tables whose header rows repeat on every page. Blocks with a class are laid out as a Council
document lays them out: the cover (session on the left, document on the right), the "Report by" line
and the title centred, the summary box with the references under a rule, each annex on a new page.
The page, the styles and the file's properties are in docx_layout.py; docx_base.py clears away what
python-docx's template would leave.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document as open_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from markdown_it.token import Token

from res191.rendering.markdown import classes, is_break, parser
from res191.report.context import ReportContext
from res191.report.docx_base import clean_base, keep_used_styles
from res191.report.docx_layout import (
    borderless,
    boxed,
    column_widths,
    document_language,
    fixed_zip,
    house_style,
    page_setup,
    repeat_header,
    running_header,
    set_properties,
    style_name,
)

Container = Document | _Cell


def _hyperlink(paragraph: Paragraph, url: str, text: str, bold: bool, italic: bool) -> None:
    # python-docx has no API for links yet: a w:hyperlink element pointing at an external relation.
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold or None, italic or None
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.append(run._r)
    paragraph._p.append(link)


def inline(paragraph: Paragraph, children: Sequence[Token]) -> None:
    """Runs for the inline tokens of a paragraph, heading or cell: emphasis, code, links, breaks."""
    bold = italic = False
    link: str | None = None
    for token in children:
        kind = token.type
        if kind in ("strong_open", "strong_close"):
            bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            italic = kind == "em_open"
        elif kind == "link_open":
            link = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            link = None
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak" or is_break(token):
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline", "html_inline") and token.content:
            if link:
                _hyperlink(paragraph, link, token.content, bold, italic)
                continue
            run = paragraph.add_run(token.content)
            run.bold, run.italic = bold or None, italic or None
            if kind == "code_inline":
                run.font.name = "Courier New"


def _table_rows(tokens: Sequence[Token]) -> tuple[list[list[Token]], int]:
    """The inline tokens of each row of a Markdown table, and how many rows are its header."""
    rows: list[list[Token]] = []
    header_rows = 0
    for token in tokens:
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline":
            rows[-1].append(token)
        elif token.type == "thead_close":
            header_rows = len(rows)
    if header_rows and all(not cell.content.strip() for row in rows[:header_rows] for cell in row):
        rows, header_rows = rows[header_rows:], 0  # an empty header only makes the Markdown a table
    return rows, header_rows


class _Writer:
    """Walks the Markdown's tokens and writes each block into the document."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lists: list[str] = []  # "List Bullet" or "List Number", one per open list
        self.box: _Cell | None = None  # the summary box, while the references may still join it

    def paragraph(self, style: str = "Normal", into: Container | None = None) -> Paragraph:
        return (into or self.document).add_paragraph(style=style_name(self.document, style))

    def write(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self.block(tokens, index) + 1

    def block(self, tokens: list[Token], index: int) -> int:
        """Write the block starting at index; return the index of its last token."""
        token = tokens[index]
        kind = token.type
        if not (kind == "paragraph_open" and "references" in classes(token)):
            self.box = None  # the references join the summary box only right after it
        if kind == "heading_open":
            self.heading(token, tokens[index + 1])
            return index + 2
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "paragraph_open":
            self.text_block(token, tokens[index + 1])
            return index + 2
        elif kind == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            self.table(token, tokens[index:end])
            return end
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                self.paragraph().add_run(line).font.name = "Courier New"
        return index

    def heading(self, opening: Token, content: Token) -> None:
        level = int(opening.tag[1:])
        if "annex" in classes(opening):
            paragraph = self.paragraph("Heading 1")
            paragraph.paragraph_format.page_break_before = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        else:
            # Markdown's ## sections are the document's first level; # is kept for annex titles.
            paragraph = self.paragraph(f"Heading {min(max(level - 1, 1), 9)}")
        inline(paragraph, content.children or [])

    def text_block(self, opening: Token, content: Token) -> None:
        marks = classes(opening)
        if "references" in marks and self.box is not None:
            rule = self.paragraph(into=self.box)
            rule.add_run("__________________")
            inline(self.paragraph(into=self.box), content.children or [])
            self.box = None
            return
        if self.lists:
            depth = f" {len(self.lists)}" if len(self.lists) > 1 else ""
            style = style_name(self.document, f"{self.lists[-1]}{depth}", self.lists[-1])
        else:
            style = "Normal"
        paragraph = self.paragraph(style)
        inline(paragraph, content.children or [])
        if marks & {"by", "title"}:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for run in paragraph.runs:
                run.bold = True
                if "title" in marks:
                    run.font.all_caps = True
            paragraph.paragraph_format.space_before = Pt(12)

    def table(self, opening: Token, tokens: Sequence[Token]) -> None:
        rows, header_rows = _table_rows(tokens)
        if not rows:
            return
        marks = classes(opening)
        if "summary" in marks:
            self.box = self.summary(rows)
            return
        columns = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = style_name(self.document, "Table Grid")
        for row_index, row in enumerate(rows):
            for column, cell in enumerate(row):
                paragraph = table.cell(row_index, column).paragraphs[0]
                inline(paragraph, cell.children or [])
                if row_index < header_rows:
                    for run in paragraph.runs:
                        run.bold = True
        if "cover" in marks:
            borderless(table)
            column_widths(self.document, table, [1, 1])
            for cell in table.columns[0].cells:
                for run in cell.paragraphs[0].runs[:1]:
                    run.font.size = Pt(14)
        else:
            column_widths(self.document, table, [2] + [1] * (columns - 1) if columns > 2 else [1] * columns)
            repeat_header(table, header_rows)
        self.paragraph()

    def summary(self, rows: list[list[Token]]) -> _Cell:
        """The summary box: one framed cell, each label in bold over its text."""
        table: Table = self.document.add_table(rows=1, cols=1)
        column_widths(self.document, table, [1])
        boxed(table)
        cell = table.cell(0, 0)
        first = True
        for row in rows:
            for column, content in enumerate(row):
                paragraph = cell.paragraphs[0] if first else self.paragraph(into=cell)
                first = False
                inline(paragraph, content.children or [])
                if column == 0:
                    paragraph.paragraph_format.space_before = Pt(6)
        return cell


def _new_document(reference: Path | None) -> Document:
    if reference is None:
        return open_document()
    document = open_document(str(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page setup and styles, drop the example content
            body.remove(child)
    return document


def markdown_to_docx(markdown: str, context: ReportContext, reference: Path | None = None) -> bytes:
    """The Word document of a Markdown report, as the bytes of a .docx file; the same bytes each time."""
    document = _new_document(reference)
    if reference is None:
        clean_base(document, document_language(context))
        page_setup(document)
        house_style(document)
    running_header(document, context.report.document, context.year)
    _Writer(document).write(parser().parse(markdown))
    set_properties(document, context)
    if reference is None:
        keep_used_styles(document)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), context.on)
