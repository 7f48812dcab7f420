"""The Word report in one of ITU's six languages: the language of its text, a font for its script, and
Arabic laid out right to left.

WordprocessingML keeps three fonts and three languages on a run, one for each kind of script: Latin
(`w:ascii`, `w:hAnsi`; the language `w:val`), East Asian (`w:eastAsia`) and complex scripts such as Arabic
(`w:cs`; the language `w:bidi`). A Chinese report gets an East Asian font and language, an Arabic one a
complex-script font and language, its paragraphs in Arabic right to left (`w:bidi`), tables whose first
column is on the right (`w:bidiVisual`), `w:rtl` on each run of Arabic text, and its bold and sizes for
complex scripts too (`w:bCs`, `w:szCs`: Word and LibreOffice do not take them from `w:b` and `w:sz`). A
record text shown in English, for want of a translation, is a run in English, highlighted in grey.
"""

from __future__ import annotations

import re

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.run import Run

from res191.models.translations import RIGHT_TO_LEFT

# The fonts for each script, installed with LibreOffice's and Debian's Noto fonts (fonts-noto-core,
# fonts-noto-cjk), which cover the whole of each script: no character shows as an empty box.
ARABIC_FONT = "Noto Naskh Arabic"
CHINESE_FONT = "Noto Sans CJK SC"
# Where Noto Sans CJK is not installed (Word on Windows as ITU's staff have it), Word substitutes by the
# fontTable's alternative name: SimSun, the Simplified Chinese font Windows has always carried.
CHINESE_FALLBACK = "SimSun"
ENGLISH_TAG = "en-GB"

# The order of CT_RPr's and CT_PPr's children (ECMA-376), after the ones this module adds.
_RPR = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
        "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
        "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
        "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl",
        "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath", "w:rPrChange")  # fmt: skip
_PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")  # fmt: skip
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def _after(tag: str) -> tuple[str, ...]:
    return _RPR[_RPR.index(tag) + 1 :]


def _set(properties: BaseOxmlElement, tag: str, value: str | None = None) -> BaseOxmlElement:
    """A child of run properties, added in the schema's order where missing, with its w:val."""
    found = properties.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        properties.insert_element_before(found, *_after(tag))
    if value is not None:
        found.set(qn("w:val"), value)
    element: BaseOxmlElement = found
    return element


def language_element(tag: str, language: str) -> BaseOxmlElement:
    """`w:lang` for the report's language. A Chinese or Arabic report's own text is East Asian or complex
    script (`w:eastAsia`, `w:bidi`); its Latin text is English (names, acronyms, and the texts not yet
    translated): LibreOffice breaks Latin text in a line by the language of `w:val`, and Chinese rules would
    break it inside words."""
    element = OxmlElement("w:lang")
    element.set(qn("w:val"), ENGLISH_TAG if language == "zh" or language in RIGHT_TO_LEFT else tag)
    if language == "zh":
        element.set(qn("w:eastAsia"), tag)
    if language in RIGHT_TO_LEFT:
        element.set(qn("w:bidi"), tag)
    return element


def script_fonts(document: Document, language: str) -> None:
    """The font of the language's script in every style that names fonts (Calibri stays for Latin text)."""
    if language != "zh" and language not in RIGHT_TO_LEFT:
        return
    script, font = ("w:eastAsia", CHINESE_FONT) if language == "zh" else ("w:cs", ARABIC_FONT)
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        fonts.set(qn(script), font)
    if language == "zh":
        _font_alternative(document, CHINESE_FONT, CHINESE_FALLBACK)


def _font_alternative(document: Document, font: str, alternative: str) -> None:
    """Name the font in the fontTable with an alternative Word uses where the font is not installed."""
    try:
        part = document.part.part_related_by(RELATIONSHIP_TYPE.FONT_TABLE)
    except KeyError:  # an organisation's reference document may have no font table
        return
    fonts = parse_xml(part.blob)
    entry = OxmlElement("w:font")
    entry.set(qn("w:name"), font)
    for tag, value in (("w:altName", alternative), ("w:charset", "86"), ("w:family", "auto")):
        child = OxmlElement(tag)  # charset 86 is GB2312: Simplified Chinese
        child.set(qn("w:val"), value)
        entry.append(child)
    fonts.append(entry)
    part._blob = serialize_part_xml(fonts)


def mark_english(run: Run) -> None:
    """A record text shown in English: the run is in English (for proofing and for screen readers), and
    highlighted in grey, so that a reader and the translators see it."""
    properties = run._r.get_or_add_rPr()
    _set(properties, "w:highlight", "lightGray")
    element = _set(properties, "w:lang", ENGLISH_TAG)
    for script in ("w:eastAsia", "w:bidi"):
        element.attrib.pop(qn(script), None)


def right_to_left(document: Document) -> None:
    """Arabic's layout: each paragraph mostly in Arabic right to left, tables from the right, each run of
    Arabic text right to left, and bold and sizes for complex scripts wherever the Latin ones are set.

    A paragraph mostly in English (a wording the catalog does not translate yet, a record text shown in
    English, with an Arabic name or "و" in it) stays left to right: set right to left, its English words
    would be laid out in reverse order and its full stop at its other end."""
    parts = [document.element.body, document.styles.element]
    for section in document.sections:
        parts += [section.header._element, section.first_page_header._element]
    for part in parts:
        for paragraph in part.iter(qn("w:p")):
            if mostly_arabic("".join(t.text or "" for t in paragraph.iter(qn("w:t")))):
                properties = paragraph.get_or_add_pPr()
                if properties.find(qn("w:bidi")) is None:
                    properties.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)
        if part is not document.styles.element:  # a table style's properties take no direction
            for table in part.iter(qn("w:tblPr")):
                table.get_or_add_bidiVisual()
        for run in part.iter(qn("w:r")):
            if _ARABIC.search("".join(t.text or "" for t in run.iter(qn("w:t")))):
                _set(run.get_or_add_rPr(), "w:rtl")
        for properties in part.iter(qn("w:rPr")):
            _complex_script(properties)


def mostly_arabic(text: str) -> bool:
    """Whether more of a text's letters are Arabic than Latin."""
    arabic = len(_ARABIC.findall(text))
    return arabic > 0 and arabic >= len(_LATIN.findall(text))


def _complex_script(properties: BaseOxmlElement) -> None:
    """Bold and size for complex scripts as for Latin ones: Arabic text takes w:bCs and w:szCs."""
    bold = properties.find(qn("w:b"))
    if bold is not None and properties.find(qn("w:bCs")) is None:
        copy = OxmlElement("w:bCs")
        if bold.get(qn("w:val")) is not None:
            copy.set(qn("w:val"), bold.get(qn("w:val")))
        properties.insert_element_before(copy, *_after("w:bCs"))
    size = properties.find(qn("w:sz"))
    if size is not None and properties.find(qn("w:szCs")) is None:
        _set(properties, "w:szCs", size.get(qn("w:val")))


def for_language(document: Document, language: str) -> None:
    """Lay the whole document out for its language (after its content is written)."""
    if language in RIGHT_TO_LEFT:
        right_to_left(document)
