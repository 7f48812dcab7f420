"""The report as a Word document: the rendered Markdown, read by markdown-it, written by python-docx.

Going through Markdown keeps one template for every format. Each Markdown construct becomes the Word
construct a secretary would have typed: headings get Heading styles, lists the List styles, tables
are real tables; the page is A4 with the document number in the header and the page number below.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token


def markdown_parser() -> MarkdownIt:
    """CommonMark with tables; raw HTML is read so that `<br>` in table cells breaks the line."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _style(document: DocumentObject, name: str, fallback: str = "Normal") -> str:
    # An organisation's reference document may lack a style; its Normal text is the next best.
    try:
        document.styles[name]
    except KeyError:
        return fallback
    return name


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when they lay out the page."""
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    # python-docx has no API for links yet: a w:hyperlink element pointing at an external relation.
    relation = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = paragraph.add_run(text)
    run.font.underline = True
    run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    link.append(run._r)
    paragraph._p.append(link)


def _inline(paragraph: Paragraph, children: Sequence[Token]) -> None:
    """Runs for the inline tokens of a paragraph, heading or cell: emphasis, code, links, breaks."""
    bold = italic = False
    link: str | None = None
    for token in children:
        kind = token.type
        if kind == "strong_open" or kind == "strong_close":
            bold = kind == "strong_open"
        elif kind == "em_open" or kind == "em_close":
            italic = kind == "em_open"
        elif kind == "link_open":
            link = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            link = None
        elif kind == "softbreak":
            paragraph.add_run(" ")
        elif kind == "hardbreak" or (kind == "html_inline" and token.content.lower().startswith("<br")):
            paragraph.add_run().add_break()
        elif kind in ("text", "code_inline") and token.content:
            if link:
                _hyperlink(paragraph, link, token.content)
                continue
            run = paragraph.add_run(token.content)
            run.bold, run.italic = bold or None, italic or None
            if kind == "code_inline":
                run.font.name = "Courier New"


def _table(document: DocumentObject, tokens: Sequence[Token]) -> None:
    """A Word table from a Markdown table's tokens; a header row with no text is left out."""
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
        rows, header_rows = rows[header_rows:], 0
    if not rows:
        return
    columns = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = _style(document, "Table Grid")
    if columns == 2:
        # A label and its text, as in the summary box: the label needs less room.
        for cells, width in ((table.columns[0].cells, Mm(55)), (table.columns[1].cells, Mm(115))):
            for cell in cells:
                cell.width = width
    for row_index, row in enumerate(rows):
        for column, inline in enumerate(row):
            paragraph = table.cell(row_index, column).paragraphs[0]
            _inline(paragraph, inline.children or [])
            if row_index < header_rows:
                for run in paragraph.runs:
                    run.bold = True
    document.add_paragraph()


def _page_setup(document: DocumentObject, header: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    head = section.header.paragraphs[0]
    head.text = header
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run("- ")
    _field(foot, "PAGE")
    foot.add_run(" -")


def _new_document(reference: Path | None) -> DocumentObject:
    if reference is None:
        return Document()
    document = Document(str(reference))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):  # keep the page setup, drop the example content
            body.remove(child)
    return document


def markdown_to_docx(markdown: str, header: str, reference: Path | None = None) -> bytes:
    """The Word document of a Markdown report, as the bytes of a .docx file."""
    document = _new_document(reference)
    _page_setup(document, header)
    tokens = markdown_parser().parse(markdown)
    lists: list[str] = []  # "List Bullet" or "List Number", one per open list
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            level = min(int(token.tag[1:]), 9)
            paragraph = document.add_paragraph(style=_style(document, f"Heading {level}"))
            _inline(paragraph, tokens[index + 1].children or [])
            index += 2
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "paragraph_open":
            if lists:
                depth = f" {len(lists)}" if len(lists) > 1 else ""
                style = _style(document, f"{lists[-1]}{depth}", _style(document, lists[-1]))
            else:
                style = _style(document, "Normal")
            paragraph = document.add_paragraph(style=style)
            _inline(paragraph, tokens[index + 1].children or [])
            index += 2
        elif kind == "table_open":
            end = next(i for i in range(index, len(tokens)) if tokens[i].type == "table_close")
            _table(document, tokens[index:end])
            index = end
        elif kind in ("fence", "code_block"):
            for line in token.content.rstrip("\n").split("\n"):
                document.add_paragraph().add_run(line).font.name = "Courier New"
        index += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
