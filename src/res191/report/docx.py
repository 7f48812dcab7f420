"""The report as a Council document in Word: its Markdown, read by markdown-it, written by python-docx.

Going through Markdown keeps one template for every format. Each Markdown construct becomes the Word
construct a secretary would have typed: headings get Heading styles, lists the List styles, tables are
real tables whose header rows repeat on every page, whose rows are never split across pages and whose
columns are as wide as their words need (table_columns.py). Blocks with a class are laid out as a Council
document lays them out: the cover (session on the left, document on the right), the "Report by" line
and the title centred, the summary box (a framed cell, each label in bold over its text, the References
under a short rule), each annex on a new page, notes under tables, and the closing rule at the end. A
placeholder for what the report record leaves out is highlighted.
The page, the styles and the file's properties are in docx_layout.py; docx_base.py clears away what
python-docx's template would leave.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from docx import Document as open_document
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from markdown_it.token import Token

from res191.rendering.markdown import all_bold, classes, is_break, is_placeholder, is_untranslated, parser
from res191.report.context import ReportContext
from res191.report.docx_base import clean_base, keep_used_styles
from res191.report.docx_languages import for_language, mark_english, script_fonts
from res191.report.docx_layout import (
    borderless,
    boxed,
    column_widths,
    fixed_zip,
    house_style,
    keep_rows_whole,
    line_width,
    page_setup,
    repeat_header,
    running_header,
    set_properties,
    style_name,
)
from res191.report.table_columns import TABLE_SIZES, content_widths, fitting_size

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


# A hyphen inside a name in capitals (ITU-R, ISC-TF, RA-23): a line is not broken there ("ITU-" "R").
_NAME_HYPHEN = re.compile(r"(?<=[A-Z])-(?=[A-Z0-9])")


def _text_run(paragraph: Paragraph, text: str) -> Run:
    """A run of text whose names in capitals keep their hyphen on one line (Word's non-breaking hyphen)."""
    run = paragraph.add_run()
    for index, piece in enumerate(_NAME_HYPHEN.split(text)):
        if index:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            run._r.add_t(piece)
    return run


@dataclass
class _Marks:
    """What applies to the text at a point of a paragraph: emphasis, a link, a placeholder, English."""

    bold: bool = False
    italic: bool = False
    placeholder: bool = False
    english: bool = False  # a record text shown in English, untranslated
    link: str | None = None

    def follow(self, token: Token) -> bool:
        """Take in a token that opens or closes a mark; False for any other token."""
        kind = token.type
        if is_placeholder(token):
            self.placeholder = kind == "span_open"
        elif is_untranslated(token):
            self.english = kind == "span_open"
        elif kind in ("strong_open", "strong_close"):
            self.bold = kind == "strong_open"
        elif kind in ("em_open", "em_close"):
            self.italic = kind == "em_open"
        elif kind in ("link_open", "link_close"):
            self.link = str(token.attrs.get("href", "")) if kind == "link_open" else None
        else:
            return False
        return True


def inline(paragraph: Paragraph, children: Sequence[Token]) -> None:
    """Runs for the inline tokens of a paragraph, heading or cell: emphasis, code, links, breaks, the
    placeholders, highlighted, and the texts shown in English, marked."""
    marks = _Marks()
    for token in children:
        kind = token.type
        if marks.follow(token):
            continue
        if kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak" or is_break(token):
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline", "html_inline") and token.content:
            if marks.link:
                _hyperlink(paragraph, marks.link, token.content, marks.bold, marks.italic)
                continue
            run = _text_run(paragraph, token.content)
            run.bold, run.italic = marks.bold or None, marks.italic or None
            if kind == "code_inline":
                run.font.name = "Courier New"
            if marks.placeholder:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            elif marks.english:
                mark_english(run)


def cell_text(cell: Token) -> str:
    """The text of a table cell as it is read, a line break as "\\n": what its column's width is for."""
    parts = []
    for token in cell.children or []:
        if token.type in ("hardbreak", "softbreak") or is_break(token):
            parts.append("\n" if token.type != "softbreak" else " ")
        elif token.type in ("text", "code_inline", "html_inline"):
            parts.append(token.content)
    return "".join(parts)


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
        self.box: _Cell | None = None  # the summary box, while its blockquote is open

    def paragraph(self, style: str = "Normal", into: Container | None = None) -> Paragraph:
        return (into or self.box or self.document).add_paragraph(style=style_name(self.document, style))

    def write(self, tokens: list[Token]) -> None:
        index = 0
        while index < len(tokens):
            index = self.block(tokens, index) + 1

    def block(self, tokens: list[Token], index: int) -> int:
        """Write the block starting at index; return the index of its last token."""
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            self.heading(token, tokens[index + 1])
            return index + 2
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "blockquote_open" and "summary" in classes(token):
            self.box = self.summary_box()
        elif kind == "blockquote_close":
            self.box = None
        elif kind == "hr":
            self.rule()
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
        level, marks = int(opening.tag[1:]), classes(opening)
        if "title" in marks:  # the document's title, centred in capitals under "Report by"
            paragraph = self.paragraph()
            inline(paragraph, content.children or [])
            self.centred(paragraph, capitals=True)
            return
        paragraph = self.paragraph(f"Heading {min(max(level - 1, 1), 9)}")  # ## is the first level
        if "annex" in marks:
            paragraph.paragraph_format.page_break_before = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        inline(paragraph, content.children or [])

    @staticmethod
    def centred(paragraph: Paragraph, capitals: bool = False) -> None:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(12)
        paragraph.paragraph_format.keep_with_next = True
        for run in paragraph.runs:
            run.bold = True
            # A placeholder keeps its own case: it is a note to the editor, not the title.
            run.font.all_caps = (capitals and run.font.highlight_color is None) or None

    def text_block(self, opening: Token, content: Token) -> None:
        marks = classes(opening)
        if self.lists:
            depth = f" {len(self.lists)}" if len(self.lists) > 1 else ""
            style = style_name(self.document, f"{self.lists[-1]}{depth}", self.lists[-1])
        else:
            style = "Normal"
        paragraph = self.paragraph(style)
        inline(paragraph, content.children or [])
        if "by" in marks:
            self.centred(paragraph)
        if "note" in marks:  # a note under a table, as ITU sets them: smaller
            for run in paragraph.runs:
                run.font.size = Pt(10)
        if self.box is not None and all_bold(content):  # a label of the summary box, over its text
            paragraph.paragraph_format.space_before = Pt(6)
            paragraph.paragraph_format.keep_with_next = True

    def rule(self) -> None:
        """The short rule over the References in the summary box; elsewhere the closing rule, centred,
        with which ITU documents end."""
        paragraph = self.paragraph()
        if self.box is not None:
            paragraph.add_run("__________________")
            return
        paragraph.add_run("______________")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(24)

    def table(self, opening: Token, tokens: Sequence[Token]) -> None:
        rows, header_rows = _table_rows(tokens)
        if not rows:
            return
        marks = classes(opening)
        if "cover" in marks:
            header_rows = 0  # the cover is laid out side by side in one row, not a table with a header
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
            texts = [[cell_text(cell) for cell in row] for row in rows]
            size = fitting_size(texts, header_rows, line_width(self.document))
            if size != TABLE_SIZES[0]:
                _type_size(table, size)
            column_widths(
                self.document, table, content_widths(texts, header_rows, line_width(self.document), size)
            )
            keep_rows_whole(table)
            repeat_header(table, header_rows)
        self.paragraph()

    def summary_box(self) -> _Cell:
        """The summary box: one framed cell, which the blockquote's paragraphs are written into."""
        table: Table = self.document.add_table(rows=1, cols=1)
        column_widths(self.document, table, [1])
        boxed(table)
        cell = table.cell(0, 0)
        cell._tc.remove(cell.paragraphs[0]._p)  # the cell's paragraphs are the box's own
        return cell


def _type_size(table: Table, size: float) -> None:
    """Every run of a table's cells in one type size (points), a link's runs too: `runs` leaves them out."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for part in paragraph.iter_inner_content():
                    for run in part.runs if isinstance(part, Hyperlink) else [part]:
                        run.font.size = Pt(size)


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
        clean_base(document, context.language)
        page_setup(document)
        house_style(document)
    script_fonts(document, context.words.language)
    running_header(document, context.report.document, context.letter, context.words.placeholder)
    _Writer(document).write(parser().parse(markdown))
    set_properties(document, context)
    if reference is None:
        keep_used_styles(document)
    for_language(document, context.words.language)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue(), context.on)
