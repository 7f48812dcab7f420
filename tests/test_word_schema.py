"""The Word report is valid WordprocessingML, as Word reads it, with nothing left of python-docx's template.

Validity is checked by Microsoft's Open XML SDK validator, the check behind Word's "unreadable content",
run from the npm package @ooxml-tools/validate (the SDK compiled to WebAssembly) that .ci/run fetches into
tests/.downloads/. It checks every part it knows (document, styles, settings, numbering, headers and footers,
theme, fonts) against the ECMA-376 transitional schema: the order of elements, the values allowed, and the
extensions that mc:Ignorable declares, processed as Word processes them rather than stripped. We found no
package on PyPI or npm that ships the ECMA-376 XSD files for lxml, so the SDK stands in for them.
docProps/core.xml is an OPC part the SDK leaves alone; its schema is short and is checked here directly.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from tests.conftest import EXAMPLES, REPO, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"
VALIDATOR = REPO / "tests" / ".downloads" / "ooxml-validate" / "dist" / "npm" / "bin" / "ooxml-validate.js"
# The bundled report, and the example's two years: 2024 with all four annexes (tables whose header rows
# repeat), 2025 with the documents that resulted.
REPORTS = {
    "bundled-2024": (REPO, 2024),
    "with-report-2024": (WITH_REPORT, 2024),
    "with-report-2025": (WITH_REPORT, 2025),
}


def word(run_cli: RunCli, folder: Path, year: int) -> bytes:
    result = run_cli(folder, "report", "--year", str(year), "--format", "docx", "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def parts(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return {name: package.read(name) for name in package.namelist()}


def schema_errors(docx: Path) -> list[str]:
    """What the Open XML SDK finds wrong, one line per error: part, place, problem."""
    run = subprocess.run(["node", str(VALIDATOR), "--output-format", "json", str(docx)],
                         capture_output=True, text=True, timeout=300, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    return [f"{e['path']['partUri']} {e['path']['xpath']}: {e['description']}" for e in found]


needs_validator = pytest.mark.skipif(
    shutil.which("node") is None or not VALIDATOR.is_file(),
    reason="the Open XML SDK validator is not here: .ci/run fetches @ooxml-tools/validate from the npm "
    "registry into tests/.downloads/ooxml-validate (and needs node)",
)


@needs_validator
@pytest.mark.parametrize("name", REPORTS)
def test_every_part_is_valid_as_word_reads_it(run_cli: RunCli, tmp_path: Path, name: str) -> None:
    folder, year = REPORTS[name]
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(word(run_cli, folder, year))
    assert schema_errors(docx) == []


@needs_validator
def test_the_validator_finds_what_word_would_refuse(tmp_path: Path) -> None:
    # The check has teeth: a table whose properties are out of the schema's order fails it.
    document = Document()
    properties = document.add_table(rows=1, cols=1)._tbl.tblPr
    properties.append(OxmlElement("w:tblW", {qn("w:w"): "0", qn("w:type"): "auto"}))  # after tblLook
    document.save(str(tmp_path / "wrong.docx"))
    assert any("tblW" in error for error in schema_errors(tmp_path / "wrong.docx"))


# ECMA-376 Part 2, CT_CoreProperties: an xsd:all of these, each at most once; the two dates typed W3CDTF.
_CP, _DC, _DCTERMS = (
    "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
)
_CORE = {f"{{{_CP}}}{n}" for n in ("category", "contentStatus", "keywords", "lastModifiedBy", "lastPrinted",
                                   "revision", "version")} | {
    f"{{{_DC}}}{n}" for n in ("creator", "description", "identifier", "language", "subject", "title")
} | {f"{{{_DCTERMS}}}{n}" for n in ("created", "modified")}  # fmt: skip


@pytest.mark.parametrize("name", REPORTS)
def test_core_properties_follow_the_opc_schema(run_cli: RunCli, name: str) -> None:
    folder, year = REPORTS[name]
    core = parse_xml(parts(word(run_cli, folder, year))["docProps/core.xml"])
    assert core.tag == f"{{{_CP}}}coreProperties"
    tags = [child.tag for child in core]
    assert set(tags) <= _CORE and len(tags) == len(set(tags))
    for date in core.iter(f"{{{_DCTERMS}}}created", f"{{{_DCTERMS}}}modified"):
        assert date.get("{http://www.w3.org/2001/XMLSchema-instance}type") == "dcterms:W3CDTF"


def parsed(package: dict[str, bytes], *prefixes: str) -> list[BaseOxmlElement]:
    """The parts whose names start with one of the prefixes, parsed."""
    return [parse_xml(data) for part, data in sorted(package.items()) if part.startswith(prefixes)]


def styles_named(element: BaseOxmlElement, *tags: str) -> set[str]:
    return {str(found.get(qn("w:val"))) for tag in tags for found in element.iter(qn(tag))}


@pytest.mark.parametrize("name", REPORTS)
def test_styles_part_holds_the_styles_used_and_no_theme(run_cli: RunCli, name: str) -> None:
    folder, year = REPORTS[name]
    package = parts(word(run_cli, folder, year))
    styles = parse_xml(package["word/styles.xml"])
    defined = {str(s.get(qn("w:styleId"))): s for s in styles.iter(qn("w:style"))}
    # Used: named by the text (body, header, footer) or by a list, a default Word requires, or the style
    # another used style is based on.
    texts = parsed(package, "word/document", "word/header", "word/footer")
    used = set().union(*(styles_named(text, "w:pStyle", "w:rStyle", "w:tblStyle") for text in texts))
    used |= styles_named(parse_xml(package["word/numbering.xml"]), "w:pStyle")
    used |= {sid for sid, style in defined.items() if style.get(qn("w:default")) == "1"}
    used |= set().union(*(styles_named(defined[sid], "w:basedOn") for sid in used if sid in defined))
    assert set(defined) == used
    assert {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"} <= used
    attributes = {a.rsplit("}", 1)[-1] for element in styles.iter() for a in element.attrib}
    assert not [a for a in attributes if "theme" in a.lower()]  # colours and fonts by value only
    defaults = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults is not None
    fonts, language = defaults.find(qn("w:rFonts")), defaults.find(qn("w:lang"))
    assert fonts is not None and set(fonts.attrib.values()) == {"Calibri"}
    assert language is not None and dict(language.attrib) == {qn("w:val"): "en-GB"}


@pytest.mark.parametrize("name", REPORTS)
def test_no_part_or_setting_left_from_the_template(run_cli: RunCli, name: str) -> None:
    folder, year = REPORTS[name]
    package = parts(word(run_cli, folder, year))
    names = set(package)
    leftovers = ("customXml/", "word/stylesWithEffects.xml", "word/webSettings.xml")
    assert not [n for n in names if n.startswith(leftovers)]
    for listing in ("[Content_Types].xml", "word/_rels/document.xml.rels"):
        assert not [w for w in (b"customXml", b"stylesWithEffects", b"webSettings") if w in package[listing]]
    settings = parse_xml(package["word/settings.xml"])
    assert [e for t in ("w:proofState", "w:rsids", "w14:docId") for e in settings.iter(qn(t))] == []
    assert b"lastPrinted" not in package["docProps/core.xml"]  # nothing printed it


@pytest.mark.parametrize("name", REPORTS)
def test_header_tab_stops_are_the_middle_and_edge_of_the_a4_text(run_cli: RunCli, name: str) -> None:
    # The template's Header and Footer styles stop at 8.25 and 16.5 cm, the middle and edge of Letter's
    # text: on A4 a right-aligned page number would stop half a centimetre short of the margin.
    folder, year = REPORTS[name]
    package = parts(word(run_cli, folder, year))
    section = parse_xml(package["word/document.xml"]).find(f"{qn('w:body')}/{qn('w:sectPr')}")
    assert section is not None
    size, margins = section.find(qn("w:pgSz")), section.find(qn("w:pgMar"))
    assert size is not None and margins is not None
    twips = [
        int(str(e.get(qn(f"w:{side}")))) for e, side in ((size, "w"), (margins, "left"), (margins, "right"))
    ]
    text = twips[0] - twips[1] - twips[2]
    assert round(text / 56.7) == 170  # A4 less 2 cm each side, in twentieths of a point
    for place in parsed(package, "word/styles.xml", "word/header", "word/footer"):
        for tabs in place.iter(qn("w:tabs")):
            stops = sorted(int(str(tab.get(qn("w:pos")))) for tab in tabs if tab.get(qn("w:val")) != "clear")
            assert [round(stop / text, 3) for stop in stops] == [0.5, 1.0]
