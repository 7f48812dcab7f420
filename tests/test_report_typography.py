"""Typography and grammar as ITU prints them: typographic quotes in every part and format, the closing
rule, singular and plural as the data has it, and an acronym spelt out once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from lxml import html as lxml_html  # type: ignore[import-untyped]  # lxml ships no type hints

from res191.rendering.templates import environment
from res191.rendering.typography import typographic
from tests.conftest import EXAMPLES, REPO, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("the membership's needs", "the membership\u2019s needs"),
        ("members' needs", "members\u2019 needs"),
        ('the "One ITU" concept', "the \u201cOne ITU\u201d concept"),
        ('**"One ITU"** and ("quoted")', "**\u201cOne ITU\u201d** and (\u201cquoted\u201d)"),
        ("'single' and the '90s", "\u2018single\u2019 and the \u201990s"),
        ('| "cell" | x |', "| \u201ccell\u201d | x |"),
        # What is not prose keeps its straight quotes: code, addresses, markup, escapes.
        ("`it's \"code\"` but it's", '`it\'s "code"` but it\u2019s'),
        ('[a "b"](https://x.org/"y" "title")', '[a \u201cb\u201d](https://x.org/"y" "title")'),
        ('[ref]: https://x.org "title"', '[ref]: https://x.org "title"'),
        ("<https://x.org/it's>", "<https://x.org/it's>"),
        ('say \\"this\\" straight', 'say \\"this\\" straight'),
        ("```\nprint(\"it's\")\n```\nit's", '```\nprint("it\'s")\n```\nit\u2019s'),
        ('{.note}\n"Quoted"', "{.note}\n\u201cQuoted\u201d"),
    ],
)
def test_quotes_become_typographic_in_prose_only(markdown: str, expected: str) -> None:
    assert typographic(markdown) == expected


def written(run_cli: RunCli, folder: Path, output_format: str, year: int = 2024) -> bytes:
    result = run_cli(folder, "report", "--year", str(year), "--format", output_format, "-o", "-")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def read_texts(run_cli: RunCli, folder: Path, year: int = 2024) -> dict[str, str]:
    """The text a reader sees in each format (markup and code aside)."""
    markdown = written(run_cli, folder, "md", year).decode()
    page = lxml_html.fromstring(written(run_cli, folder, "html", year))
    for code in page.iter("code", "style"):
        code.drop_tree()
    document = Document(io.BytesIO(written(run_cli, folder, "docx", year)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return {
        "md": re.sub(r"`[^`]*`|\]\([^)]*\)", "", markdown),
        "html": page.text_content(),
        "docx": "\n".join([p.text for p in document.paragraphs] + cells),
    }


@pytest.mark.parametrize("folder", [REPO, WITH_REPORT], ids=["bundled", "with-report"])
def test_no_straight_quote_in_any_format(run_cli: RunCli, folder: Path) -> None:
    for name, text in read_texts(run_cli, folder).items():
        assert re.findall(r".{0,20}[\"'].{0,20}", text) == [], name
    assert "membership\u2019s needs" in read_texts(run_cli, REPO)["docx"]
    assert "\u201cOne ITU\u201d" in read_texts(run_cli, REPO)["html"]


def test_the_narrative_gets_the_same_quotes_and_its_code_keeps_its_own(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    record.write_text(record.read_text() + '\nThe ISCG\'s "priorities", as `it\'s "kept"` says.\n')
    markdown = written(run_cli, root, "md").decode()
    assert 'The ISCG\u2019s \u201cpriorities\u201d, as `it\'s "kept"` says.' in markdown
    assert "<code>it's &quot;kept&quot;</code>" in written(run_cli, root, "html").decode()


@pytest.mark.parametrize("folder", [REPO, WITH_REPORT], ids=["bundled", "with-report"])
def test_the_document_ends_with_the_closing_rule(run_cli: RunCli, folder: Path) -> None:
    assert written(run_cli, folder, "md").decode().endswith("\n\n______________\n")
    document = Document(io.BytesIO(written(run_cli, folder, "docx")))
    last = [p for p in document.paragraphs if p.text][-1]
    assert (last.text, last.alignment) == ("______________", WD_ALIGN_PARAGRAPH.CENTER)
    page = lxml_html.fromstring(written(run_cli, folder, "html"))
    assert [e.tag for e in page.xpath("//main/*")][-1] == "hr" and page.xpath("//main/*")[-1].get(
        "class"
    ) == "end"


def test_each_acronym_is_spelt_out_once_at_its_first_mention_by_the_template(run_cli: RunCli) -> None:
    markdown = written(run_cli, REPO, "md").decode()
    for acronym in ("TSAG", "TDAG", "RAG", "CWG-FHR"):
        assert markdown.count(f"({acronym})") == 1, acronym
    # Later mentions are the acronym alone.
    assert "The ISCG reports to the Radiocommunication Advisory Group (RAG), TSAG, TDAG, and the" in markdown
    assert "proposed by RAG in March 2024" in markdown


def test_named_spells_out_once_per_render_and_always_without_the_render_state() -> None:
    from res191.models import Body

    body = Body.model_validate({"id": "tsag", "name": "Telecommunication Standardization Advisory Group",
                                "acronym": "TSAG"})  # fmt: skip
    template = environment().from_string("{{ b | named }}; {{ b | named }}")
    assert template.render(b=body, spelt_out=set()) == (
        "the Telecommunication Standardization Advisory Group (TSAG); TSAG"
    )
    assert template.render(b=body, spelt_out=set()).count("(TSAG)") == 1  # each render starts afresh
    assert template.render(b=body).count("(TSAG)") == 2


def test_singular_and_plural_follow_the_data(run_cli: RunCli, example, bundled: Path) -> None:  # type: ignore[no-untyped-def]
    assert "The results are reported in Council documents C24/35 on the implementation" in (
        written(run_cli, REPO, "md").decode()
    )
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2025.md"
    record.write_text(record.read_text().replace("results_in: [c25-1, c25-2]", "results_in: [c25-2]"))
    one = written(run_cli, root, "md", 2025).decode()
    assert (
        "The results are reported in Council document C25/2 on the synthetic \u201cOne ITU\u201d concept."
        in one
    )
    # A service order among them: documents, not Council documents.
    report = bundled / "data" / "reports" / "2024.md"
    report.write_text(
        report.read_text().replace("results_in: [c24-35, c24-17]", "results_in: [c24-35, so-24-06]")
    )
    mixed = written(run_cli, bundled, "md").decode()
    assert "The results are reported in documents C24/35 on" in mixed
    # One initiative, one theme: in the singular.
    first = written(run_cli, WITH_REPORT, "md").decode()
    assert "The secretariat\u2019s initiative to improve coordination, 2024:" in first
    assert "The theme the ISCG addressed in 2024: alpha theme." in first
    assert (
        "The secretariat\u2019s initiatives to improve coordination, 2024:"
        in written(run_cli, REPO, "md").decode()
    )
