"""The Word report is a Council document: cover, summary box, styles, pages and properties."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table

from tests.conftest import EXAMPLES, REPO, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"


def word(run_cli: RunCli, folder: Path, *args: str, year: int = 2024) -> bytes:
    result = run_cli(folder, "report", "--year", str(year), "--format", "docx", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def opened(content: bytes) -> WordDocument:
    return Document(io.BytesIO(content))


def styled(document: WordDocument) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in document.paragraphs if p.text]


def test_sections_are_numbered_headings_and_lists_are_lists(run_cli: RunCli) -> None:
    document = opened(word(run_cli, REPO))
    paragraphs = styled(document)
    headings = [text for style, text in paragraphs if style == "Heading 1"]
    assert headings[0] == "1 Background"
    assert headings[1] == "2 Secretariat: Inter-Sectoral Coordination Task Force (ISC-TF)"
    assert headings[2] == "3 Membership: Inter-Sector Coordination Group (ISCG)"
    # The three instructions of Resolution 191 and the six initiatives of the secretariat.
    assert sum(1 for style, _ in paragraphs if style == "List Bullet") == 9


def test_cover_block_as_itu_lays_it_out(run_cli: RunCli) -> None:
    document = opened(word(run_cli, WITH_REPORT))
    cover = document.tables[0]
    assert cover.cell(0, 0).text == "Council 2024\nGeneva, 4-14 June 2024"
    assert cover.cell(0, 1).text == "Agenda item: ADM 9\nDocument C24/99-E\n30 April 2024\nOriginal: English"
    borders = cover._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}
    # "Report by" and the title, centred and bold, after the cover.
    by = next(p for p in document.paragraphs if p.text == "Report by the Secretary-General")
    title = next(p for p in document.paragraphs if p.text == "Report on synthetic coordination")
    assert all(p.alignment == 1 and p.runs[0].bold for p in (by, title))
    assert title.runs[0].font.all_caps


def test_grid_and_cell_widths_agree(run_cli: RunCli) -> None:
    # LibreOffice lays a table out by its grid; Word by its cells: they must say the same.
    for table in opened(word(run_cli, WITH_REPORT)).tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in table.rows:
            assert [int(cell.width) // 635 for cell in row.cells] == grid
    cover = opened(word(run_cli, WITH_REPORT)).tables[0]
    assert cover.columns[0].width == cover.columns[1].width


def test_summary_box_with_references_under_a_rule(run_cli: RunCli) -> None:
    document = opened(word(run_cli, REPO))
    box = document.tables[1]
    assert (len(box.rows), len(box.columns)) == (1, 1)
    lines = [p.text for p in box.cell(0, 0).paragraphs]
    assert lines[0::2][:4] == [
        "Purpose",
        "Action required by the Council",
        "Relevant link(s) with the Strategic Plan",
        "Financial implications",
    ]
    assert lines[-2] == "__________________"
    assert lines[-1].startswith("References\nResolution 71 (Rev. Bucharest, 2022)")
    assert box.cell(0, 0).paragraphs[0].runs[0].bold
    borders = box._tbl.tblPr.find(qn("w:tblBorders"))
    sides = {edge.tag.split("}")[1]: edge.get(qn("w:val")) for edge in borders}
    assert sides == {"top": "single", "left": "single", "bottom": "single", "right": "single",
                     "insideH": "nil", "insideV": "nil"}  # fmt: skip


def test_page_header_from_page_two_a4_calibri_black_headings(run_cli: RunCli) -> None:
    document = opened(word(run_cli, WITH_REPORT))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)  # type: ignore[union-attr]
    assert section.different_first_page_header_footer
    assert [p.text for p in section.first_page_header.paragraphs if p.text] == []
    header = section.header
    assert "PAGE" in header._element.xml
    assert header.paragraphs[1].text == "C24/99-E"
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Calibri", Pt(11))
    for name in ("Heading 1", "Heading 2"):
        font = document.styles[name].font
        assert (font.name, font.bold, str(font.color.rgb)) == ("Calibri", True, "000000")
        assert "Theme" not in document.styles[name].element.xml.split("<w:rFonts")[1].split("/>")[0]


def test_annexes_start_pages_and_their_tables_repeat_headers(run_cli: RunCli) -> None:
    document = opened(word(run_cli, WITH_REPORT))
    annexes = [p for p in document.paragraphs if p.text.startswith("Annex ")]
    assert [p.text for p in annexes][:2] == [
        "Annex 1 - Themes of mutual interest and their focal points",
        "Annex 2 - Mapping of resolutions to themes",
    ]
    assert all(p.paragraph_format.page_break_before for p in annexes)
    themes = document.tables[2]
    header, first = (row._tr.trPr for row in themes.rows[:2])
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert first is None or first.find(qn("w:tblHeader")) is None


def test_links_are_hyperlinks(run_cli: RunCli) -> None:
    document = opened(word(run_cli, WITH_REPORT, year=2025))
    targets = {r.target_ref for r in document.part.rels.values() if r.is_external}
    assert "https://example.org/c25-1" in targets
    assert "<w:hyperlink" in document.element.xml
    earlier = opened(word(run_cli, WITH_REPORT))
    background = next(p for p in earlier.paragraphs if p.text.startswith("Background text"))
    assert [r.text for r in background.runs if r.bold] == ["strong"]
    assert [r.text for r in background.runs if r.italic] == ["emphasis"]
    assert [p.text for p in earlier.paragraphs if p.style and p.style.name == "List Number"] == [
        "A numbered point.",
        "Another one.",
    ]


def test_properties_come_from_the_record_and_the_bytes_are_the_same_each_time(run_cli: RunCli) -> None:
    first, second = word(run_cli, WITH_REPORT), word(run_cli, WITH_REPORT)
    assert first == second
    core = opened(first).core_properties
    assert (core.title, core.author, core.language) == (
        "Report on synthetic coordination",
        "Secretary-General",
        "en-GB",
    )
    assert core.created == core.modified == datetime(2024, 4, 30, tzinfo=UTC)
    assert core.comments == "" and "python-docx" not in (core.author + core.last_modified_by)
    assert 'w:lang w:val="en-GB"' in opened(first).styles["Normal"].element.xml
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        assert package.testzip() is None
        assert "docProps/thumbnail.jpeg" not in package.namelist()
        assert b"res191" in package.read("docProps/app.xml")
        assert {info.date_time[:3] for info in package.infolist()} == {(2024, 4, 30)}
    bundled = opened(word(run_cli, REPO)).core_properties
    assert bundled.title == "Report on the implementation of Resolution 191 to Council 2024"
    # No document date recorded: the file says none (the day it speaks as of is not when it was written).
    assert bundled.created is None and bundled.modified is None


def test_document_number_names_the_file(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    result = run_cli(root, "report", "--year", "2024", "--format", "docx")
    assert result.exit_code == 0, result.output
    assert (root / "C24-99.docx").is_file()
    assert oct((root / "C24-99.docx").stat().st_mode & 0o777) != "0o600"


def test_reference_docx_gives_its_styles_and_keeps_its_page(run_cli: RunCli, tmp_path: Path) -> None:
    reference = Document()
    reference.styles["Heading 1"].font.size = Pt(20)
    section = reference.sections[0]
    section.page_width, section.page_height, section.left_margin = Mm(216), Mm(279), Mm(30)  # US Letter
    reference.add_paragraph("Example content, replaced by the report")
    reference.save(str(tmp_path / "house-style.docx"))
    made = opened(word(run_cli, WITH_REPORT, "--reference-docx", str(tmp_path / "house-style.docx")))
    assert made.styles["Heading 1"].font.size == Pt(20)
    kept = made.sections[0]
    assert [round(v.mm) for v in (kept.page_width, kept.page_height, kept.left_margin) if v] == [216, 279, 30]
    assert all("Example content" not in p.text for p in made.paragraphs)


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)"
)
def test_libreoffice_lays_out_the_council_document(run_cli: RunCli, tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_bytes(word(run_cli, WITH_REPORT))
    converted = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    assert converted.returncode == 0 and pdf.is_file(), converted.stderr
    if shutil.which("pdftotext") is None:
        return
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")  # fmt: skip
    assert len([p for p in pages if p.strip()]) == 6  # the report, then each of four annexes on its own page
    assert "C24/99-E" not in pages[0].split("Report by")[0].splitlines()[0]  # no running header on page 1
    assert pages[1].split()[:2] == ["-2-", "C24/99-E"]
    assert pages[3].split()[0] == "-4-"
    assert "Annex 2 - Mapping of resolutions to themes" in pages[3]


def _bundled_with_annexes(bundled: Path, annexes: str) -> Path:
    """The bundled data with the report record asking for annexes (the bundled record asks for none)."""
    record = bundled / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("results_in:", f"annexes: [{annexes}]\nresults_in:"), encoding="utf-8")
    return bundled


def _data_tables(document: WordDocument) -> list[Table]:
    # The cover and the summary box are layout; every other table is an annex's.
    return document.tables[2:]


def test_annex_rows_are_kept_whole_and_headers_repeat_in_the_schemas_order(
    run_cli: RunCli, bundled: Path
) -> None:
    for folder in (WITH_REPORT, _bundled_with_annexes(bundled, "mapping")):
        tables = _data_tables(opened(word(run_cli, folder)))
        assert tables
        for table in tables:
            for index, row in enumerate(table.rows):
                properties = [child.tag.split("}")[1] for child in row._tr.trPr]
                assert properties == (["cantSplit", "tblHeader"] if index == 0 else ["cantSplit"])


def test_no_placeholder_in_an_annex_cell_and_a_note_under_the_table(run_cli: RunCli, bundled: Path) -> None:
    document = opened(word(run_cli, _bundled_with_annexes(bundled, "mapping")))
    (mapping,) = _data_tables(document)
    cells = [cell.text for row in mapping.rows for cell in row.cells]
    assert "" in cells  # e.g. no WRC resolution recorded under a theme
    assert [c for c in cells if c.strip() in ("-", "\u2013", "n/a") or "not recorded" in c] == []
    notes = [p.text for p in document.paragraphs if p.text.startswith("Resolutions as the records stand")]
    assert notes and "An empty cell: none is recorded under the theme for that conference." in notes[0]


def test_columns_are_as_wide_as_their_longest_word_needs(run_cli: RunCli, bundled: Path) -> None:
    from res191.report.table_columns import CELL_PADDING, text_width

    for folder in (WITH_REPORT, _bundled_with_annexes(bundled, "mapping")):
        for table in _data_tables(opened(word(run_cli, folder))):
            for index, row in enumerate(table.rows):
                for cell in row.cells:
                    width = cell.width.pt - CELL_PADDING
                    words = cell.text.split()
                    runs = [r for p in cell.paragraphs for r in p.runs]
                    size = runs[0].font.size.pt if runs and runs[0].font.size else 11
                    assert [w for w in words if text_width(w, size, bold=index == 0) > width + 0.5] == []


def test_content_widths_give_each_column_its_longest_word_and_the_rest_by_text() -> None:
    from res191.report.table_columns import content_widths, text_width

    citations = "Resolution 175 (Guadalajara, 2010)\nResolution 70 (Rev. Dubai, 2012)"
    rows = [["Theme", "PP", "WRC"], ["Accessibility", citations, ""]]
    widths = content_widths(rows, 1, 481.9, 11)
    assert round(sum(widths), 1) == 481.9
    assert widths[1] > widths[0] > widths[2]  # the column with the most text gets the most room
    assert widths[0] >= text_width("Accessibility", 11) and widths[1] >= text_width("(Guadalajara,", 11)
    # Words wider than the page together: broken after a slash first, then shared as they need.
    long = [["Telecommunication/information/accessibility " * 3] * 6]
    assert round(sum(content_widths(long, 0, 481.9, 11)), 1) == 481.9


def test_an_empty_annex_is_left_out_with_a_warning(run_cli: RunCli, bundled: Path, example) -> None:  # type: ignore[no-untyped-def]
    root = _bundled_with_annexes(bundled, "themes, tracker, mapping")
    result = run_cli(root, "report", "--year", "2024", "--format", "docx", "-o", "-")
    assert result.exit_code == 0
    assert "warning: the annex 'themes' is left out: no theme has a focal point recorded" in result.stderr
    assert (
        "warning: the annex 'tracker' is left out: no theme's tracker has an activity of 2024"
        in result.stderr
    )
    annexes = [p.text for p in opened(result.stdout_bytes).paragraphs if p.text.startswith("Annex")]
    assert annexes == ["Annex 1 - Mapping of resolutions to themes"]
    # The overlaps annex, when no overlap is found.
    synthetic = example("valid/with-report")
    theme = synthetic / "data" / "themes" / "alpha-theme.yaml"
    theme.write_text(theme.read_text().replace("[pp-1, wtsa-2, wtdc-3, ra-4]", "[pp-1]"))
    markdown = run_cli(synthetic, "report", "--year", "2024", "-o", "-")
    assert "warning: the annex 'overlaps' is left out: no overlap was found in the records" in markdown.stderr
    assert "Overlaps identified" not in markdown.stdout and "## Annex 3 - Intersectoral" in markdown.stdout
    # The tracker taken by default (no annexes: in the record) is left out without a word.
    assert "warning" not in run_cli(REPO, "report", "--year", "2024", "-o", "-").stderr


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are not installed (.ci/run installs them)",
)
def test_libreoffice_breaks_no_word_of_an_annex_and_repeats_its_header(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    content = word(run_cli, _bundled_with_annexes(bundled, "mapping"))
    (tmp_path / "report.docx").write_bytes(content)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(tmp_path / "report.docx")],
        capture_output=True, text=True, timeout=180, check=True,
    )  # fmt: skip
    pages = subprocess.run(["pdftotext", "-layout", str(tmp_path / "report.pdf"), "-"], capture_output=True,
                           text=True, check=True).stdout.split("\f")  # fmt: skip
    on_pages = " ".join(p for p in pages if re.search(r"^\s*Theme\s+PP\s+WTSA\s+WTDC\s+RA\s+WRC", p, re.M))
    assert len(re.findall(r"^\s*Theme\s+PP\s+WTSA", on_pages, re.M)) >= 2  # the header on each page
    found = Counter(on_pages.split())
    (mapping,) = _data_tables(opened(content))
    wanted = Counter(word for row in mapping.rows for cell in row.cells for word in cell.text.split())
    assert [w for w, n in wanted.items() if found[w] < n] == []  # every word whole, none cut in two


def test_the_overlaps_annex_is_a_table_of_overlaps_and_solutions_in_every_format(run_cli: RunCli) -> None:
    header = ["Overlap identified", "Instruments", "Proposed solution: who could act, and when"]
    document = opened(word(run_cli, WITH_REPORT))
    tables = [t for t in document.tables if [c.text for c in t.rows[0].cells] == header]
    assert len(tables) == 1
    (row,) = tables[0].rows[1:]
    assert row.cells[0].text.startswith("Theme with resolutions in several Sectors. The theme “Alpha theme”")
    assert "PP Resolution 1 (Rev. Beta, 2022)" in row.cells[1].text
    assert row.cells[2].text.startswith("At its next meeting (none is recorded), the ISC-TF could name")
    page = run_cli(WITH_REPORT, "report", "--year", "2024", "--format", "html", "-o", "-").stdout
    annex = page.split("Overlaps identified and proposed solutions", 1)[1]
    assert all(f'<th scope="col">{h}</th>' in annex for h in header)
    assert "the ISC-TF could name the General Secretariat the lead of the theme" in annex
