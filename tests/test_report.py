"""`res191 report`: the report to Council from the records, in Markdown, Word and HTML."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from tests.conftest import EXAMPLES, REPO, RunCli

GOLDEN = Path(__file__).parent / "golden" / "report-2024.md"
WITH_REPORT = EXAMPLES / "valid" / "with-report"

# Every fact of the 2024 report to Council (the seed) that comes from a record.
SEED_FACTS = [
    "Council 2024",
    "Geneva, 4-14 June 2024",
    "Original: English",
    "Report by the Secretary-General",
    "Resolution 71 (Rev. Bucharest, 2022), Resolution 191 (Rev. Bucharest, 2022), "
    "and Decision 5 (Rev. Bucharest, 2022) of the Plenipotentiary Conference",
    "Inter-Sectoral Coordination Task Force (ISC-TF) is chaired by the Deputy Secretary-General",
    "representatives from the Bureaux and the General Secretariat",
    "chaired by Mr Fabio Bigi (Italy), as a contribution-driven group",
    "since the last report presented to Council 2023",
    "on 24 January 2024, in conjunction with the Telecommunication Standardization Advisory Group (TSAG)",
    "on 21 May 2024, in conjunction with the Telecommunication Development Advisory Group (TDAG)",
    "ITU Headquarters, Geneva",
    "remote participation and captioning through the Zoom platform",
    "Council Working Group on Financial and Human Resources (CWG-FHR)",
    "continues to address accessibility, climate change and environment, and virtual meetings and remote "
    "participation",
    "As proposed by the Radiocommunication Advisory Group (RAG) meeting held in March 2024",
    "the follow up on Sustainable Digital Transformation",
    "C24/35",
    "C24/17",
]


def report(run_cli: RunCli, folder: Path, *args: str) -> bytes:
    """The report's bytes, written to standard output."""
    result = run_cli(folder, "report", "--year", "2024", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def docx_text(document: Document) -> str:  # type: ignore[valid-type]
    parts = [p.text for p in document.paragraphs]  # type: ignore[attr-defined]
    for table in document.tables:  # type: ignore[attr-defined]
        parts += [cell.text for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def test_markdown_matches_the_golden_file(run_cli: RunCli) -> None:
    result = run_cli(REPO, "report", "--year", "2024", "-o", "-")
    assert result.exit_code == 0, result.output
    if os.environ.get("RES191_UPDATE_GOLDEN"):
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


@pytest.mark.parametrize("fact", SEED_FACTS)
def test_every_seed_fact_is_in_the_markdown(fact: str) -> None:
    assert fact in " ".join(GOLDEN.read_text(encoding="utf-8").split())


def test_every_seed_fact_is_in_the_word_document(run_cli: RunCli, tmp_path: Path) -> None:
    text = docx_text(Document(io.BytesIO(report(run_cli, REPO, "--format", "docx"))))
    missing = [fact for fact in SEED_FACTS if fact not in text]
    assert missing == []


def test_word_document_is_made_of_real_word_structures(run_cli: RunCli, tmp_path: Path) -> None:
    document = Document(io.BytesIO(report(run_cli, REPO, "--format", "docx")))
    styles = [(p.style.name if p.style else None, p.text) for p in document.paragraphs if p.text]
    assert ("Heading 1", "Report by the Secretary-General") in styles
    headings = [text for style, text in styles if style == "Heading 2"]
    assert headings[0] == "1 Background"
    assert headings[1].startswith("2 Coordination within the secretariat")
    assert headings[2].startswith("3 Coordination among the membership")
    assert sum(1 for style, _ in styles if style == "List Bullet") == 6
    cover, summary = document.tables
    assert cover.cell(0, 0).text == "Council 2024\nGeneva, 4-14 June 2024"
    assert [row.cells[0].text for row in summary.rows] == [
        "Purpose",
        "Action required by the Council",
        "Relevant link(s) with the Strategic Plan",
        "Financial implications",
        "References",
    ]
    assert summary.cell(0, 0).paragraphs[0].runs[0].bold
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "Council 2024"
    assert "PAGE" in section.footer._element.xml


def test_document_number_names_the_file_and_heads_the_pages(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    result = run_cli(root, "report", "--year", "2024", "--format", "docx")
    assert result.exit_code == 0, result.output
    document = Document(str(root / "C24-99.docx"))
    assert document.sections[0].header.paragraphs[0].text == "C24/99"
    assert oct((root / "C24-99.docx").stat().st_mode & 0o777) != "0o600"


def test_numbered_lists_emphasis_and_links_in_the_narrative(run_cli: RunCli, tmp_path: Path) -> None:
    document = Document(io.BytesIO(report(run_cli, WITH_REPORT, "--format", "docx")))
    numbered = [p.text for p in document.paragraphs if p.style and p.style.name == "List Number"]
    assert numbered == ["A numbered point.", "Another one."]
    background = next(p for p in document.paragraphs if p.text.startswith("Background text"))
    assert [r.text for r in background.runs if r.bold] == ["strong"]
    assert [r.text for r in background.runs if r.italic] == ["emphasis"]
    assert "https://example.org/background" in [
        r.target_ref for r in document.part.rels.values() if r.is_external
    ]


def test_html_is_a_page_with_the_report(run_cli: RunCli, tmp_path: Path) -> None:
    page = report(run_cli, REPO, "--format", "html").decode("utf-8")

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def handle_starttag(self, tag: str, attrs: object) -> None:
            self.seen.append(tag)

    tags = Tags()
    tags.feed(page)
    assert page.startswith("<!doctype html>")
    assert tags.seen.count("table") == 2 and tags.seen.count("h2") == 3 and tags.seen.count("li") == 6
    text = " ".join(page.split())
    assert "Mr Fabio Bigi (Italy)" in text
    assert "<br>" in page  # the line break of the cover block, kept as HTML


def test_annexes_list_focal_points_citations_and_activities(run_cli: RunCli) -> None:
    markdown = report(run_cli, WITH_REPORT).decode("utf-8")
    assert "| Alpha theme | Ann Example, BR | TSB | Programme officer | appointed |" in markdown
    # The edition in force in 2024: the 2026 one is not yet adopted.
    assert "| Alpha theme | Resolution 1 (Rev. Beta, 2022) | Resolution 2 (Delta, 2020) |" in markdown
    assert "- ITU-T: Joint workshop (ongoing). With ITU-D" in markdown
    assert "Last year's study" not in markdown
    document = Document(io.BytesIO(report(run_cli, WITH_REPORT, "--format", "docx")))
    assert len(document.tables) == 4


def test_meetings_after_the_document_date_are_written_as_planned(run_cli: RunCli) -> None:
    markdown = " ".join(report(run_cli, WITH_REPORT).decode("utf-8").split())
    assert (
        "will have met twice since the last report presented to Council 2023: on 10 January 2024" in markdown
    )
    assert "1 May 2023" not in markdown  # before the previous Council session: another year's report


def test_real_data_without_a_document_date_writes_meetings_as_held() -> None:
    assert "has met twice" in GOLDEN.read_text(encoding="utf-8")


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)"
)
def test_libreoffice_converts_the_word_document_to_pdf(run_cli: RunCli, tmp_path: Path) -> None:
    docx = tmp_path / "report.docx"
    docx.write_bytes(report(run_cli, REPO, "--format", "docx"))
    converted = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "report.pdf"
    assert converted.returncode == 0 and pdf.is_file(), converted.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 10_000


def test_docx_is_a_valid_office_package(run_cli: RunCli, tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(report(run_cli, REPO, "--format", "docx"))) as package:
        assert package.testzip() is None
        assert {"[Content_Types].xml", "word/document.xml", "word/styles.xml"} <= set(package.namelist())


def test_reference_docx_gives_its_styles(run_cli: RunCli, tmp_path: Path) -> None:
    reference = Document()
    reference.styles["Heading 2"].font.size = Pt(20)
    reference.add_paragraph("Example content, replaced by the report")
    reference.save(str(tmp_path / "house-style.docx"))
    made = Document(io.BytesIO(report(run_cli, WITH_REPORT, "--format", "docx", "--reference-docx",
                                      str(tmp_path / "house-style.docx"))))  # fmt: skip
    assert made.styles["Heading 2"].font.size == Pt(20)
    assert "Example content" not in docx_text(made)


def test_overlaps_annex_carries_the_findings(run_cli: RunCli) -> None:
    markdown = report(run_cli, WITH_REPORT).decode("utf-8")
    annex = markdown.split("## Annex: Overlaps identified and proposed solutions", 1)[1]
    assert (
        "- **Theme with resolutions in several Sectors.** Alpha theme rests on resolutions of PP, WTSA,"
        in annex
    )
    assert "Overlaps identified" not in GOLDEN.read_text(encoding="utf-8")  # the 2024 report has no annexes
