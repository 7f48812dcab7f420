"""The page, styles, tables' frames and properties of the Word report, as a Council document has them.

A4 with the document number and page in the header from page 2; Calibri, black headings; tables whose
grid and cell widths agree (LibreOffice believes the grid); file properties from the report record,
none from python-docx's template; and the same bytes for the same report, so that it can be diffed.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from res191 import __version__
from res191.rendering.text import placeholder
from res191.report.docx_languages import language_element
from res191.report.languages import unmarked

if TYPE_CHECKING:
    from res191.report.context import ReportContext

FONT = "Calibri"
# What may follow an element inside its parent, in the order WordprocessingML's schema (ECMA-376
# transitional, CT_TblPrBase and CT_RPr) requires: a new child goes before the first of these present.
# python-docx keeps this order for what it writes; these are for what it has no API for.
_AFTER_TABLE_WIDTH = (
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_AFTER_TABLE_BORDERS = _AFTER_TABLE_WIDTH[4:]
_AFTER_LANGUAGE = ("w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange")
# CT_TrPrBase's elements after cantSplit, in the order the schema lists them (Word writes them so).
_AFTER_CANT_SPLIT = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del",
                     "w:trPrChange")  # fmt: skip


def style_name(document: Document, name: str, fallback: str = "Normal") -> str:
    """The style if the document has it; an organisation's reference document may lack one."""
    try:
        document.styles[name]
    except KeyError:
        return fallback
    return name


def _font(style: BaseStyle, size: float, bold: bool | None = None) -> None:
    font = style.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, None
    font.color.rgb = RGBColor(0, 0, 0)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)
        fonts.attrib.pop(qn(f"w:{script}Theme"), None)  # a theme font would win over the name


def house_style(document: Document) -> None:
    """Calibri 11 pt body, black bold headings; the header's tab stops on the page's text, not Letter's."""
    styles = document.styles
    _font(styles["Normal"], 11)
    styles["Normal"].paragraph_format.space_after = Pt(6)
    for name, size in (("Heading 1", 12), ("Heading 2", 11), ("Heading 3", 11), ("Title", 14)):
        _font(styles[name], size, bold=True)
        styles[name].paragraph_format.space_before = Pt(12)
        styles[name].paragraph_format.space_after = Pt(6)
    for name in ("Header", "Footer", "List Bullet", "List Number", "List Bullet 2", "List Number 2"):
        _font(styles[name], 11)
    width = _width(document)
    for name in ("Header", "Footer"):
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()  # the template's are at 8.25 cm and 16.5 cm, for US Letter
        tabs.add_tab_stop(Emu(width // 2), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Emu(width), WD_TAB_ALIGNMENT.RIGHT)


def page_setup(document: Document) -> None:
    """A4, 2 cm margins: the page of ITU documents."""
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE) that Word and LibreOffice compute when they lay out the page."""
    run = paragraph.add_run()
    for kind in ("begin", "instr", "separate", "text", "end"):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {instruction} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = "2"
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def running_header(
    document: Document, number: str | None, letter: str = "E", missing: Callable[[str], str] = placeholder
) -> None:
    """`- 2 -` and the document number with the language's letter (`C24/35-E`) at the top of every page but
    the first, which has the cover; while the report has no number, its placeholder, highlighted as on the
    cover."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    page = section.header.paragraphs[0]
    page.text = ""
    page.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page.add_run("- ")
    _field(page, "PAGE")
    page.add_run(" -")
    label = section.header.add_paragraph()
    label.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if number:
        label.add_run(f"{number}-{letter}")
    else:
        label.add_run(missing("document number")).font.highlight_color = WD_COLOR_INDEX.YELLOW


def _width(document: Document) -> int:
    section = document.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    if page is None or left is None or right is None:
        return int(Mm(170))
    return int(page - left - right)


def line_width(document: Document) -> float:
    """The width of a line of the page's text, in points: what a table may take."""
    return _width(document) / 12700  # EMU per point


def column_widths(document: Document, table: Table, weights: Sequence[float]) -> None:
    """Fix the table to the page's width, shared by weight, in its grid and in every cell alike."""
    total = _width(document)
    widths = [int(total * w / sum(weights)) for w in weights]
    table.autofit = False
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblW")):
        properties.remove(old)
    table_width = OxmlElement("w:tblW")
    table_width.set(qn("w:w"), str(total // 635))  # EMU to twentieths of a point
    table_width.set(qn("w:type"), "dxa")
    properties.insert_element_before(table_width, *_AFTER_TABLE_WIDTH)
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _borders(table: Table, sides: dict[str, str]) -> None:
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        kind = sides.get(side, "nil")
        edge.set(qn("w:val"), kind)
        if kind != "nil":
            edge.set(qn("w:sz"), "6")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    properties.insert_element_before(borders, *_AFTER_TABLE_BORDERS)


def borderless(table: Table) -> None:
    """A table that only places text side by side, as the cover does."""
    table.style = None
    _borders(table, {})


def boxed(table: Table) -> None:
    """A frame around the table and no lines inside it, as the summary box has."""
    _borders(table, {side: "single" for side in ("top", "left", "bottom", "right")})


def keep_rows_whole(table: Table) -> None:
    """No row split across two pages: a row of an annex is read whole."""
    for row in table.rows:
        row._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:cantSplit"), *_AFTER_CANT_SPLIT)


def repeat_header(table: Table, header_rows: int) -> None:
    """Repeat the header rows at the top of each page the table runs on to."""
    for row in table.rows[:header_rows]:
        # On by being there: Word reads tblHeader's value as on/off only, and refuses "true".
        row._tr.get_or_add_trPr().insert_element_before(OxmlElement("w:tblHeader"), *_AFTER_CANT_SPLIT[2:])


def _property(text: str) -> str:
    """A text as a file property holds it: on one line, and at most 255 characters (Word's limit)."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= 255 else one_line[:254] + "\u2026"


def set_properties(document: Document, context: ReportContext) -> None:
    """The file's properties from the report record, nothing from python-docx's template."""
    report = context.report
    core = document.core_properties
    core.title = _property(context.title)
    core.author = core.last_modified_by = _property(unmarked(report.by))
    core.subject = f"Council {context.year}"
    core.keywords = _property(context.background.short)
    core.comments = core.category = core.content_status = core.version = ""
    core.identifier = f"{report.document}-{context.letter}" if report.document else ""
    core.language = context.language
    # The text's language, for proofing: Word and LibreOffice check spelling in it.
    properties = document.styles["Normal"].element.get_or_add_rPr()
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    language = language_element(core.language, context.words.language)
    properties.insert_element_before(language, *_AFTER_LANGUAGE)
    # Dated only with the report's own date: the day it speaks as of is not the day it was written.
    if report.date is not None:
        core.created = core.modified = datetime(report.date.year, report.date.month, report.date.day)
    core.revision = 1
    undated = {qn("dcterms:created"), qn("dcterms:modified")} if report.date is None else set()
    for element in list(core._element):
        # Nothing printed it, and an empty property says nothing: python-docx writes both regardless.
        if element.tag in undated or element.tag == qn("cp:lastPrinted") or not (element.text or "").strip():
            core._element.remove(element)
    package = document.part.package
    for rel_id, relation in list(package.rels.items()):
        if relation.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # a picture of python-docx's sample page
            del package.rels[rel_id]


_APP = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    f"<Application>res191 {__version__}</Application></Properties>"
)


def fixed_zip(content: bytes, day: date) -> bytes:
    """The .docx with every entry dated `day` and the application named res191: same input, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            data = _APP.encode() if entry.filename == "docProps/app.xml" else source.read(entry)
            info = zipfile.ZipInfo(entry.filename, date_time=(day.year, day.month, day.day, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)
    return out.getvalue()
