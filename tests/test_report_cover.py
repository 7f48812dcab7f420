"""The cover and running header as ITU lays them out, from the report record; what it lacks is a visible
placeholder in every format, validate warns, and `report --final` refuses."""

from __future__ import annotations

import io
import json
from pathlib import Path

from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.text.paragraph import Paragraph

from tests.conftest import EXAMPLES, REPO, RunCli, diagnostics

WITH_REPORT = EXAMPLES / "valid" / "with-report"
PLACEHOLDERS = ["[agenda item not recorded]", "[document number not recorded]", "[date not recorded]"]


def written(run_cli: RunCli, folder: Path, output_format: str, *args: str, year: int = 2024) -> bytes:
    result = run_cli(folder, "report", "--year", str(year), "--format", output_format, "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def highlighted(paragraph: Paragraph) -> list[str]:
    return [r.text for r in paragraph.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]


def test_the_bundled_cover_shows_what_the_seed_does_not_give_as_placeholders(run_cli: RunCli) -> None:
    # The seed gives no number, date, agenda item or title for the 2024 report: none is made up.
    markdown = written(run_cli, REPO, "md").decode()
    cover = markdown.splitlines()[2]
    assert cover == (
        "| **Council 2024**<br>Geneva, 4-14 June 2024 | [agenda item not recorded]<br>**[document number not "
        "recorded]**<br>[date not recorded]<br>Original: English |"
    )
    assert "\n# [title not recorded]\n" in markdown
    assert "{.missing}" not in markdown and "\\[" not in markdown  # the .md shows the bracketed text alone

    page = written(run_cli, REPO, "html").decode()
    marked = [f'<mark class="missing">{text}</mark>' for text in [*PLACEHOLDERS, "[title not recorded]"]]
    assert [m for m in marked if m not in page] == []
    assert page.count("<mark") == 4

    document = Document(io.BytesIO(written(run_cli, REPO, "docx")))
    assert highlighted(document.tables[0].cell(0, 1).paragraphs[0]) == PLACEHOLDERS
    title = next(p for p in document.paragraphs if "[title not recorded]" in p.text)
    assert highlighted(title) == ["[title not recorded]"]
    assert not title.runs[0].font.all_caps  # a note to the editor keeps its case; a title is in capitals
    header = document.sections[0].header.paragraphs
    assert header[1].text == "[document number not recorded]" and highlighted(header[1]) == [header[1].text]


def test_a_complete_cover_has_no_placeholder(run_cli: RunCli) -> None:
    markdown = written(run_cli, WITH_REPORT, "md").decode()
    assert markdown.splitlines()[2] == (
        "| **Council 2024**<br>Geneva, 4-14 June 2024 | Agenda item: ADM 9<br>**Document C24/99-E**<br>"
        "30 April 2024<br>Original: English |"
    )
    assert "\n# Report on synthetic coordination\n" in markdown
    assert "not recorded" not in markdown and "<mark" not in written(run_cli, WITH_REPORT, "html").decode()
    document = Document(io.BytesIO(written(run_cli, WITH_REPORT, "docx")))
    assert [text for p in document.paragraphs for text in highlighted(p)] == []
    assert document.sections[0].header.paragraphs[1].text == "C24/99-E"
    title = next(p for p in document.paragraphs if p.text == "Report on synthetic coordination")
    assert title.runs[0].font.all_caps and title.runs[0].bold


def test_final_refuses_a_cover_with_placeholders_and_says_where_to_add_what(
    run_cli: RunCli, bundled: Path
) -> None:
    result = run_cli(bundled, "report", "--year", "2024", "--final", "-o", "C24.docx")
    assert result.exit_code == 1
    assert (
        "the report for 2024 is not final: its document number, date, agenda item, and title are not recorded"
        in result.stderr
    )
    assert "add document:, date:, agenda_item:, and title: to the front matter of data/reports/2024.md" in (
        " ".join(result.stderr.split())
    )
    assert not (bundled / "C24.docx").exists()


def test_final_names_only_what_is_missing_and_writes_a_complete_report(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    assert run_cli(root, "report", "--year", "2024", "--final", "-o", "final.docx").exit_code == 0
    assert (root / "final.docx").is_file()
    record = root / "data" / "reports" / "2025.md"
    record.write_text(record.read_text().replace("agenda_item: ADM 7\n", ""))
    refused = run_cli(root, "report", "--year", "2025", "--final", "-o", "-")
    assert refused.exit_code == 1
    assert "its agenda item is not recorded" in refused.stderr and "add agenda_item: to" in refused.stderr
    assert run_cli(root, "report", "--year", "2025", "-o", "-").exit_code == 0  # a draft is written


def test_validate_warns_while_the_cover_lacks_something(run_cli: RunCli) -> None:
    result = run_cli(REPO, "validate", "--format", "json")
    (found,) = [d for d in diagnostics(result) if d["code"] == "R510"]
    assert found["path"] == "data/reports/2024.md" and found["severity"] == "warning"
    assert "no document number, date, agenda item, or title yet" in found["message"]
    # The form of each, never a number or a date of our own.
    assert found["example"].splitlines()[:2] == ["document: C24/<number>", "date: <YYYY-MM-DD>"]
    assert (
        json.loads(run_cli(WITH_REPORT, "validate", "--strict", "--format", "json").stdout)["diagnostics"]
        == []
    )
