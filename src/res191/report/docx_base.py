"""A clean base for the Word report: python-docx's template without what it would leave in every file.

python-docx starts each document from a sample document saved by Word years ago, and everything in it
travels on: 164 styles, most unused and coloured by the theme; Cambria and US English as the defaults;
a second styles part for Word 2010 (stylesWithEffects), a customXml part holding a bibliography, web
settings, spelling and grammar marked as already checked (proofState "clean"), the sample's revision ids
and document id. A Council document carries none of it: the defaults are Calibri and the language the
report was written in, and the styles part holds the styles the report uses and the defaults Word
requires (Normal, Default Paragraph Font, Normal Table, No List). An organisation's reference document
(--reference-docx) is its own and is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from res191.report.docx_layout import FONT

_LEFTOVER_PARTS = {
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
    RELATIONSHIP_TYPE.CUSTOM_XML,
    RELATIONSHIP_TYPE.WEB_SETTINGS,
}
# Settings the sample had: its spelling state, its revision ids, its id, and a request for a thumbnail.
_LEFTOVER_SETTINGS = ("w:proofState", "w:rsids", "w:savePreviewPicture", "w14:docId")
_THEME_ATTRIBUTES = {"themeColor", "themeTint", "themeShade", "themeFill", "themeFillTint",
                     "themeFillShade", "asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"}  # fmt: skip
# Where a document names a style, and where a style or a list names another.
_STYLE_REFERENCES = ("w:pStyle", "w:rStyle", "w:tblStyle", "w:numStyleLink", "w:styleLink")


def clean_base(document: Document, language: str) -> None:
    """Drop the template's extra parts and settings; make Calibri and `language` the defaults."""
    for rel_id, relation in list(document.part.rels.items()):
        if relation.reltype in _LEFTOVER_PARTS:
            del document.part.rels[rel_id]  # a part nothing relates to is not saved
    settings = document.settings.element
    for name in _LEFTOVER_SETTINGS:
        for element in settings.findall(qn(name)):
            settings.remove(element)
    for theme_language in settings.findall(qn("w:themeFontLang")):
        theme_language.attrib.clear()
        theme_language.set(qn("w:val"), language)
    styles = document.styles.element
    for latent in styles.findall(qn("w:latentStyles")):  # the sample's list of Word's built-in styles
        styles.remove(latent)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        _default_run(defaults, language)


def _default_run(defaults: BaseOxmlElement, language: str) -> None:
    """The font and language every run has unless its style says otherwise."""
    run = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if run is None:
        return
    fonts = run.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.attrib.clear()  # theme fonts (Cambria in the sample's theme) would win over a name
        for script in ("ascii", "hAnsi", "eastAsia", "cs"):
            fonts.set(qn(f"w:{script}"), FONT)
    for old in run.findall(qn("w:lang")):
        run.remove(old)
    run.append(OxmlElement("w:lang", {qn("w:val"): language}))  # last but eastAsianLayout, absent


def keep_used_styles(document: Document) -> None:
    """Only the styles and lists the report uses, the defaults Word requires, and no theme colours."""
    styles = document.styles.element
    by_id = {str(style.get(qn("w:styleId"))): style for style in styles.findall(qn("w:style"))}
    numbering = document.part.numbering_part.element
    texts = [part.element for part in document.part.package.iter_parts()
             if part.partname.startswith(("/word/document", "/word/header", "/word/footer"))]  # fmt: skip
    kept, lists = _in_use(by_id, texts, numbering)
    for sid, style in by_id.items():
        if sid in kept:
            _tidy(style, kept)
        else:
            styles.remove(style)
    for element in list(numbering):
        if element.tag in (qn("w:abstractNum"), qn("w:num")) and element not in lists:
            numbering.remove(element)


def _in_use(
    by_id: dict[str, BaseOxmlElement], texts: list[BaseOxmlElement], numbering: BaseOxmlElement
) -> tuple[set[str], list[BaseOxmlElement]]:
    """The styles and lists in use: the defaults, those the text names, and all they lead to."""
    kept = {sid for sid, style in by_id.items() if style.get(qn("w:default")) in ("1", "true", "on")}
    kept |= set(_values(texts, _STYLE_REFERENCES))
    while True:  # a style leads to the style it is based on and to its list, whose levels name styles
        used = [by_id[sid] for sid in kept if sid in by_id]
        lists = _used_lists(numbering, [*texts, *used])
        grown = kept | set(_values(used, ("w:basedOn",))) | set(_values(lists, _STYLE_REFERENCES))
        if grown == kept:
            return kept, lists
        kept = grown


def _tidy(style: BaseOxmlElement, kept: set[str]) -> None:
    """A kept style without pointers to dropped ones, the sample's revision ids, or theme references."""
    for pointer in [*style.findall(qn("w:next")), *style.findall(qn("w:link"))]:
        if pointer.get(qn("w:val")) not in kept:  # e.g. "Heading 1 Char", dropped with the rest
            style.remove(pointer)
    for revision in style.findall(qn("w:rsid")):
        style.remove(revision)
    _no_theme(style)


def _values(elements: Iterable[BaseOxmlElement], names: tuple[str, ...]) -> Iterable[str]:
    for element in elements:
        for name in names:
            for found in element.iter(qn(name)):
                yield str(found.get(qn("w:val")))


def _used_lists(numbering: BaseOxmlElement, users: list[BaseOxmlElement]) -> list[BaseOxmlElement]:
    """The lists (w:num) that paragraphs and styles number with, and their definitions (w:abstractNum)."""
    used = set(_values(users, ("w:numId",)))
    lists = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) in used]
    definitions = set(_values(lists, ("w:abstractNumId",)))
    return [a for a in numbering.findall(qn("w:abstractNum"))
            if a.get(qn("w:abstractNumId")) in definitions] + lists  # fmt: skip


def _no_theme(style: BaseOxmlElement) -> None:
    """Colours and fonts by value only: a theme reference would win over the value beside it."""
    for element in style.iter():
        for attribute in list(element.attrib):
            if attribute.rsplit("}", 1)[-1] in _THEME_ATTRIBUTES:
                del element.attrib[attribute]
