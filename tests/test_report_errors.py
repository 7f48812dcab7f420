"""What goes wrong around `res191 report` gets a clear message, an exit code, and no output file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from res191 import wording
from res191.rendering import text
from res191.rendering.templates import builtin_folder
from tests.conftest import REPO, RunCli

Example = Callable[[str], Path]


def test_no_report_record_for_the_year(run_cli: RunCli, example: Example) -> None:
    root = example("valid/with-report")
    result = run_cli(root, "report", "--year", "2031")
    assert result.exit_code == 1
    assert "there is no report record for 2031: add data/reports/2031.md" in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["data"]


def test_data_with_errors_is_refused_and_nothing_written(run_cli: RunCli, example: Example) -> None:
    root = example("valid/with-report")
    report = root / "data" / "reports" / "2024.md"
    report.write_text(report.read_text().replace("references: [pp-1, wtsa-2]", "references: [pp-1, pp-404]"))
    result = run_cli(root, "report", "--year", "2024", "--format", "docx")
    assert result.exit_code == 1
    assert "data/reports/2024.md:16:20: error X303" in result.stderr
    assert "the report is made from valid data only" in result.stderr
    assert not (root / "C24-99.docx").exists()


def test_template_error_names_the_template_and_line_and_keeps_the_old_file(
    run_cli: RunCli, example: Example, tmp_path: Path
) -> None:
    root = example("valid/with-report")
    templates = tmp_path / "mine"
    assert run_cli(root, "templates", str(templates)).exit_code == 0
    source = (templates / "report.md.j2").read_text()
    (templates / "report.md.j2").write_text(
        source.replace("{{ narrative.background }}", "{{ narrative.backgrund }}")
    )
    (root / "C24-99.md").write_text("last week's report\n")
    result = run_cli(root, "report", "--year", "2024", "--template-dir", str(templates))
    assert result.exit_code == 2
    line = source.splitlines().index("{{ narrative.background }}") + 1
    assert f"template error: {templates / 'report.md.j2'}:{line}:" in result.stderr
    assert "backgrund" in result.stderr
    assert (root / "C24-99.md").read_text() == "last week's report\n"
    assert [p.name for p in root.iterdir() if p.name.startswith(".")] == []


def test_a_fault_raised_in_a_users_template_is_the_templates(
    run_cli: RunCli, example: Example, tmp_path: Path
) -> None:
    root = example("valid/with-report")
    (tmp_path / "report.md.j2").write_text("# Title\n\n{{ year // 0 }}\n")
    result = run_cli(root, "report", "--year", "2024", "--template-dir", str(tmp_path), "-o", "-")
    assert result.exit_code == 2
    assert (
        f"template error: {tmp_path / 'report.md.j2'}:3: ZeroDivisionError: integer division or modulo by "
        f"zero" in result.stderr
    )
    (tmp_path / "report.md.j2").write_text("{{ report.by | long_date }}\n")
    wrong_filter = run_cli(root, "report", "--year", "2024", "--template-dir", str(tmp_path), "-o", "-")
    assert wrong_filter.exit_code == 2
    assert f"{tmp_path / 'report.md.j2'}:1: AttributeError" in wrong_filter.stderr


def test_template_syntax_error(run_cli: RunCli, example: Example, tmp_path: Path) -> None:
    root = example("valid/with-report")
    (tmp_path / "report.md.j2").write_text("# Title\n\n{% if year %}\nno end\n")
    result = run_cli(root, "report", "--year", "2024", "--template-dir", str(tmp_path), "-o", "-")
    assert result.exit_code == 2
    assert "report.md.j2:4:" in result.stderr
    assert "endif" in result.stderr


def test_a_template_that_is_not_utf8_is_named(run_cli: RunCli, example: Example, tmp_path: Path) -> None:
    root = example("valid/with-report")
    templates = tmp_path / "tpl"
    assert run_cli(root, "templates", str(templates)).exit_code == 0
    template = templates / "report.md.j2"
    lines = template.read_bytes().count(b"\n")
    template.write_bytes(template.read_bytes() + b"R\xe9sum\xe9\n")  # saved as Latin-1
    result = run_cli(root, "report", "--year", "2024", "--template-dir", str(templates))
    assert result.exit_code == 2, result.output
    assert "internal error" not in result.stderr
    assert f"template error: {template}:{lines + 1}:2: the template is not UTF-8 text" in result.stderr
    assert "save it as UTF-8" in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["data"]


def test_a_template_copy_changes_the_report(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("Report to Council {{ year }} by the {{ report.by }}.\n")
    result = run_cli(REPO, "report", "--year", "2024", "--template-dir", str(tmp_path), "-o", "-")
    assert (result.exit_code, result.stdout) == (0, "Report to Council 2024 by the Secretary-General.\n")


def test_templates_command_copies_and_will_not_overwrite(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "templates"
    first = run_cli(tmp_path, "templates", str(target))
    assert first.exit_code == 0
    names = sorted(p.name for p in target.iterdir())
    assert names == sorted(p.name for p in builtin_folder().iterdir() if p.name.endswith(".j2"))
    (target / "report.md.j2").write_text("mine\n")
    again = run_cli(tmp_path, "templates", str(target))
    assert again.exit_code == 2
    assert "already exist; pass --force" in again.stderr
    assert (target / "report.md.j2").read_text() == "mine\n"
    assert run_cli(tmp_path, "templates", str(target), "--force").exit_code == 0
    assert (target / "report.md.j2").read_text() == (builtin_folder() / "report.md.j2").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "pdf"], "'pdf' is not one of 'md', 'docx', 'html'"),
        (["--template-dir", "/nowhere"], "Directory '/nowhere' does not exist"),
        (["--format", "docx", "--reference-docx", "/nowhere.docx"], "File '/nowhere.docx' does not exist"),
        (
            ["--year", "20245"],
            "Invalid value for '--year' / '-y': 20245 is not in the range 1865<=x<=2100",
        ),
        (["--reference-docx", "README.md"], "--reference-docx applies to --format docx only"),
        (["--format", "docx", "--reference-docx", "README.md"], "cannot be read as a Word document"),
    ],
)
def test_bad_options(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli(REPO, "report", "--year", "2024", "-o", "-", *args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_unwritable_output(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(REPO, "report", "--year", "2024", "-o", str(tmp_path / "missing" / "report.md"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        ("2024-06-04", "2024-06-14", "4-14 June 2024"),
        ("2024-06-30", "2024-07-02", "30 June-2 July 2024"),
        ("2024-12-30", "2025-01-02", "30 December 2024-2 January 2025"),
        ("2024-01-24", None, "24 January 2024"),
    ],
)
def test_date_ranges(start: str, end: str | None, written: str) -> None:
    from datetime import date

    assert wording.date_range(date.fromisoformat(start), date.fromisoformat(end) if end else None) == written


def test_words_of_a_council_document() -> None:
    assert wording.month_year("2024-03") == "March 2024"
    assert wording.month_year("2024") == "2024"
    assert [wording.times(n) for n in (1, 2, 3, 12)] == ["once", "twice", "three times", "12 times"]
    assert wording.lower_first("Climate change") == "climate change"
    assert wording.lower_first("WSIS, the digital divide") == "WSIS, the digital divide"
    assert wording.lower_first("ITU's role") == "ITU's role"
    assert text.cell("a | b *c*\nd") == "a \\| b \\*c\\* d"
