"""One layout in every format: the HTML and Markdown reports show the cover, summary box and headings the
Word document shows, as HTML and Markdown can."""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from lxml import html as lxml_html  # type: ignore[import-untyped]  # lxml ships no type hints

from tests.conftest import EXAMPLES, REPO, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"
LABELS = [
    "Purpose",
    "Action required by the Council",
    "Relevant link(s) with the Strategic Plan",
    "Financial implications",
]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTEFACTS = Path(os.environ.get("RES191_ARTEFACTS", Path(tempfile.gettempdir()) / "res191-artefacts"))


def written(run_cli: RunCli, folder: Path, output_format: str, year: int = 2024) -> bytes:
    result = run_cli(folder, "report", "--year", str(year), "--format", output_format, "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def page(run_cli: RunCli, folder: Path, year: int = 2024) -> Any:
    return lxml_html.fromstring(written(run_cli, folder, "html", year))


def text(element: Any) -> str:
    """The text as read, a line break as a space."""
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return " ".join(element.text_content().split())


def test_html_has_one_h1_the_title_and_the_sections_and_annexes_under_it(run_cli: RunCli) -> None:
    tree = page(run_cli, WITH_REPORT)
    assert [text(h) for h in tree.iter("h1")] == ["Report on synthetic coordination"]
    assert [text(h) for h in tree.iter("h2")] == [
        "1 Background",
        "2 Secretariat: Inter-Sectoral Coordination Task Force (ISC-TF)",
        "3 Membership: Inter-Sector Coordination Group (ISCG)",
        "Annex 1 - Themes of mutual interest and their focal points",
        "Annex 2 - Mapping of resolutions to themes",
        "Annex 3 - Intersectoral Coordination Tracker, 2024",
        "Annex 4 - Overlaps identified and proposed solutions",
    ]
    assert [h.get("class") for h in tree.iter("h2")][3:] == ["annex"] * 4


def test_html_cover_and_summary_box_are_layout_not_tables(run_cli: RunCli) -> None:
    tree = page(run_cli, REPO)
    # Every table is a data table: no empty header cell, no header row of nothing.
    assert [th for th in tree.iter("th") if not text(th)] == []
    assert tree.xpath("//table[contains(@class, 'cover') or contains(@class, 'summary')]") == []
    (cover,) = tree.xpath("//div[@class='cover']")
    assert [text(d) for d in cover] == [
        "Council 2024 Geneva, 4-14 June 2024",
        "[agenda item not recorded] [document number not recorded] [date not recorded] Original: English",
    ]
    (box,) = tree.xpath("//div[@class='summary']")
    assert [text(dt) for dt in box.iter("dt")] == LABELS  # the labels as in the seed, over their texts
    assert text(box.xpath("dl/dd")[1]) == "The Council is invited to note the report."
    # The References inside the box, under its rule, as in Word.
    assert [child.tag for child in box] == ["dl", "hr", "p"]
    assert text(box[2]).startswith("References Resolution 71 (Rev. Bucharest, 2022)")
    assert box[2].get("class") == "references"


def test_html_and_word_show_the_same_cover_summary_and_headings(run_cli: RunCli) -> None:
    tree = page(run_cli, WITH_REPORT)
    word = Document(io.BytesIO(written(run_cli, WITH_REPORT, "docx")))
    cover = word.tables[0]
    assert [text(d) for d in tree.xpath("//div[@class='cover']/div")] == [
        " ".join(cover.cell(0, c).text.split()) for c in range(2)
    ]
    box = [p for p in word.tables[1].cell(0, 0).paragraphs if p.text]
    labels = [p.text for p in box if all(r.bold for r in p.runs)]
    assert labels == LABELS == [text(dt) for dt in tree.iter("dt")]
    html_headings = [text(h) for h in tree.xpath("//h1 | //h2 | //h3")]
    word_headings = [p.text for p in word.paragraphs if p.style and p.style.name.startswith("Heading")]
    title = next(p.text for p in word.paragraphs if p.runs and p.runs[0].font.all_caps)
    assert html_headings == [title, *word_headings]


def test_header_cells_are_headers_with_their_scope(run_cli: RunCli) -> None:
    tree = page(run_cli, WITH_REPORT)
    mapping = tree.xpath("//table")[1]
    assert [(th.get("scope"), text(th)) for th in mapping.xpath("thead//th")] == [
        ("col", name) for name in ("Theme", "PP", "WTSA", "WTDC", "RA", "WRC", "Council")
    ]
    # In an annex, the theme heads its row.
    assert [(th.get("scope"), text(th)) for th in mapping.xpath("tbody//th")] == [
        ("row", "Alpha theme"),
        ("row", "New theme"),
    ]
    assert all(len(tr.xpath("th")) == 1 for tr in mapping.xpath("tbody/tr"))


def test_lang_is_the_language_of_the_original(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    assert page(run_cli, WITH_REPORT).get("lang") == "en-GB"
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    record.write_text(record.read_text().replace("original: English", "original: French"))
    assert page(run_cli, root).get("lang") == "fr-FR"
    assert Document(io.BytesIO(written(run_cli, root, "docx"))).core_properties.language == "fr-FR"


def test_printed_headings_stay_with_their_text_and_rows_whole(run_cli: RunCli) -> None:
    style = " ".join(text(s) for s in page(run_cli, REPO).iter("style"))
    printed = style.split("@media print", 1)[1]
    assert "h1, h2, h3, p.by { break-after: avoid;" in printed
    assert "tr, .cover, .summary { break-inside: avoid;" in printed
    assert "h2.annex { break-before: page; }" in printed
    assert (
        "mark { background: #ff0; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact;"
        in (style)
    )  # a placeholder stays highlighted on paper


def test_markdown_is_as_close_as_markdown_allows(run_cli: RunCli) -> None:
    markdown = written(run_cli, WITH_REPORT, "md").decode()
    lines = markdown.splitlines()
    # The cover's two blocks side by side, in a table's one row (under the empty header Markdown requires).
    assert lines[:2] == ["| | |", "|---|---|"] and lines[2].startswith("| **Council 2024**<br>")
    assert [line for line in lines if line.startswith("# ")] == ["# Report on synthetic coordination"]
    # The summary box as a quotation: each label over its text, the References under a rule.
    box = [line for line in lines if line.startswith(">")]
    assert [line for line in box if line.startswith("> **")][:4] == [f"> **{label}**" for label in LABELS]
    assert box[-3:] == ["> __________________", ">", box[-1]] and box[-1].startswith("> **References**<br>")
    assert lines[-1] == "______________"  # the closing rule


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and DRIVER):
        pytest.skip("Debian's chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    profile = tempfile.mkdtemp(prefix="res191-chromium-")
    flags = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")
    for flag in (*flags, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_window_size(1000, 1400)
    yield driver
    driver.quit()


def test_the_browser_lays_the_cover_side_by_side_and_frames_the_summary_box(
    run_cli: RunCli, browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    report = tmp_path / "report.html"
    report.write_bytes(written(run_cli, WITH_REPORT, "html"))
    browser.get(report.as_uri())
    session, document = browser.find_elements(By.CSS_SELECTOR, ".cover > div")
    assert session.rect["y"] == document.rect["y"] and session.rect["x"] < document.rect["x"]
    box = browser.find_element(By.CSS_SELECTOR, ".summary")
    assert browser.execute_script("return getComputedStyle(arguments[0]).borderTopStyle", box) == "solid"
    rule = browser.find_element(By.CSS_SELECTOR, ".summary hr")
    assert rule.rect["width"] < box.rect["width"] / 3  # a short rule, as Word's over the References
    title = browser.find_element(By.TAG_NAME, "h1")
    assert title.text == "REPORT ON SYNTHETIC COORDINATION"  # in capitals, as the Council document prints it
    assert browser.execute_script("return getComputedStyle(arguments[0]).textAlign", title) == "center"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    heading = browser.find_element(By.TAG_NAME, "h2")
    assert browser.execute_script("return getComputedStyle(arguments[0]).breakAfter", heading) == "avoid"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1000, min(int(height) + 120, 6000))
    assert browser.save_screenshot(str(ARTEFACTS / "report-with-report-2024.png"))
