"""`res191 validate` as editors and CI use it: exit codes, options, paths, and it never writes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, RunCli, diagnostics, places


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(root.rglob("*"))
        if not p.is_symlink()
    }


def test_bundled_data_is_valid(run_cli: RunCli) -> None:
    result = run_cli(REPO, "validate")
    assert result.exit_code == 0, result.stdout
    assert "0 errors" in result.stdout


def test_validate_never_writes(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    for name in ("invalid/every-file-reported", "invalid/bom-and-crlf", "valid/complete"):
        root = example(name)
        before = snapshot(root)
        run_cli(root, "validate")
        run_cli(root, "validate", "--format", "sarif")
        assert snapshot(root) == before


def test_no_repository_is_a_usage_error(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "validate")
    assert result.exit_code == 2
    assert "no res191 data repository here" in result.stderr
    assert "Traceback" not in result.output


def test_root_option(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli(tmp_path, "validate", "--root", str(EXAMPLES / "valid" / "complete"))
    assert result.exit_code == 0
    bad = run_cli(tmp_path, "validate", "--root", str(tmp_path))
    assert bad.exit_code == 2
    assert "has no data/ folder" in bad.stderr


def test_found_from_a_subfolder(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "invalid" / "wrong-type" / "data" / "resolutions", "validate", "-f", "json")
    assert result.exit_code == 1
    assert {d["path"] for d in diagnostics(result)} == {"pp-191.yaml"}


def test_paths_limit_what_is_reported_but_references_see_everything(run_cli: RunCli) -> None:
    folder = EXAMPLES / "invalid" / "every-file-reported"
    result = run_cli(folder, "validate", "-f", "json", "data/themes/b.yaml")
    # b.yaml refers to pp-1, which does not exist anywhere, and breaks the theme rule.
    assert places(result) == {"data/themes/b.yaml:4:15 X303", "data/themes/b.yaml:4:1 I401"}
    theme = run_cli(
        EXAMPLES / "invalid" / "theme-rules", "validate", "-f", "json", "data/themes/pp-only.yaml"
    )
    # pp-only.yaml's resolution is read on demand to apply ITU's rule.
    assert places(theme) == {"data/themes/pp-only.yaml:4:1 I401"}


def test_bad_paths_are_usage_errors(run_cli: RunCli) -> None:
    folder = EXAMPLES / "valid" / "minimal"
    missing = run_cli(folder, "validate", "data/themes/nothing.yaml")
    assert (missing.exit_code, "no such file or folder" in missing.stderr) == (2, True)
    outside = run_cli(folder, "validate", str(EXAMPLES / "valid" / "complete" / "data"))
    assert (outside.exit_code, "is not inside" in outside.stderr) == (2, True)


def test_strict_fails_on_warnings(run_cli: RunCli) -> None:
    folder = EXAMPLES / "invalid" / "theme-rules"
    assert run_cli(folder, "validate").exit_code == 0
    assert run_cli(folder, "validate", "--strict").exit_code == 1


def test_ignore_by_code_or_name(run_cli: RunCli) -> None:
    folder = EXAMPLES / "invalid" / "theme-rules"
    result = run_cli(
        folder, "validate", "-f", "json", "--ignore", "I401", "-i", "focal-point-missing", "--strict"
    )
    assert (result.exit_code, diagnostics(result)) == (0, [])
    unknown = run_cli(folder, "validate", "--ignore", "E999")
    assert unknown.exit_code == 2
    assert "'E999' is not a diagnostic code" in unknown.stderr


def test_unknown_format_is_a_usage_error(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "valid" / "minimal", "validate", "--format", "xml")
    assert result.exit_code == 2
    assert "'xml' is not one of 'text', 'json', 'github', 'sarif'" in result.stderr


def test_version(run_cli: RunCli, tmp_path: Path) -> None:
    from res191 import __version__

    assert run_cli(tmp_path, "--version").stdout.strip() == f"res191 {__version__}"


def test_a_fault_in_res191_is_reported_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import res191.validation
    from res191.cli import run

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(res191.validation, "validate", broken)
    monkeypatch.delenv("RES191_DEBUG", raising=False)
    assert run(["validate", "--root", str(EXAMPLES / "valid" / "minimal")]) == 3
    error = capsys.readouterr().err
    assert "internal error: RuntimeError: something unforeseen" in error
    assert "not in your data" in error
    assert "Traceback" not in error


def test_output_cut_short_by_the_reader_is_not_an_error(tmp_path: Path) -> None:
    themes = tmp_path / "data" / "themes"
    themes.mkdir(parents=True)
    for n in range(300):  # about 300 KB of diagnostics: more than a pipe holds
        (themes / f"theme-{n}.yaml").write_text("id: other\n")
    command = f"{sys.executable} -m res191 validate --format json | head -c 10"
    run = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.stdout == '{\n  "tool"'
    assert run.stderr == ""


def test_a_table_cut_short_by_the_reader_is_not_an_error(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    generate(tmp_path, 2000)  # some 1,200 resolutions: a table longer than a pipe holds
    command = f"set -o pipefail; {sys.executable} -m res191 list resolution | head -c 10"
    run = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stderr == ""  # rich's own handling exited 1


def test_progress_bar_at_a_terminal_only(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate
    from res191.cli.progress import SHOW_FROM

    generate(tmp_path, SHOW_FROM + 100)
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "res191", "validate"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=120,
        env=environment,
    )
    assert "Checking records" in child.read()
    piped = subprocess.run(
        [sys.executable, "-m", "res191", "validate", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    assert piped.stderr == ""
    under_ci = pexpect.spawn(
        sys.executable,
        ["-m", "res191", "validate"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=120,
        env={**environment, "CI": "true"},
    )
    assert "Checking records" not in under_ci.read()


def test_every_commands_help_reads_as_prose_and_ends_with_the_exit_codes() -> None:
    import re

    from typer.testing import CliRunner

    from res191.cli import COMMANDS, app
    from res191.models import KINDS

    for name in COMMANDS:
        shown = CliRunner().invoke(app, [name, "--help"], terminal_width=100).stdout
        prose = shown.split("Options")[0]
        assert not re.search(r"[a-z,.;]  +[a-z]", prose), (name, prose)  # no docstring indentation left in
        assert "Exit codes: 0 success" in shown, name
    schema = " ".join(CliRunner().invoke(app, ["schema", "--help"], terminal_width=200).stdout.split())
    assert all(kind in schema for kind in KINDS)


def test_kinds_are_taken_by_name_or_by_folder(run_cli: RunCli) -> None:
    by_folder = run_cli(EXAMPLES / "valid" / "with-report", "list", "resolutions", "--format", "json")
    by_name = run_cli(EXAMPLES / "valid" / "with-report", "list", "resolution", "--format", "json")
    assert by_folder.exit_code == 0 and by_folder.stdout == by_name.stdout
    wrong = run_cli(EXAMPLES / "valid" / "with-report", "list", "resolutoins")
    assert wrong.exit_code == 2 and "the kinds are: resolution, theme, meeting" in wrong.stderr


def test_list_takes_a_sector_in_any_case_and_refuses_one_that_is_not(run_cli: RunCli) -> None:
    upper = run_cli(REPO, "list", "themes", "--sector", "ITU-T", "--format", "json")
    lower = run_cli(REPO, "list", "themes", "--sector", "itu-t", "--format", "json")
    assert lower.exit_code == 0 and lower.stdout == upper.stdout
    assert json.loads(upper.stdout)["rows"]  # some themes concern ITU-T
    unknown = run_cli(REPO, "list", "themes", "--sector", "ITU-X")
    assert unknown.exit_code == 2 and unknown.stdout == ""
    assert "--sector takes one of: ITU-R, ITU-T, ITU-D, GS" in unknown.stderr


def test_a_report_takes_its_format_from_the_output_ending(run_cli: RunCli, tmp_path: Path) -> None:
    word = run_cli(EXAMPLES / "valid" / "with-report", "report", "-y", "2025", "-o", str(tmp_path / "r.docx"))
    assert word.exit_code == 0 and (tmp_path / "r.docx").read_bytes()[:2] == b"PK"  # a Word file, a zip
    clash = run_cli(
        EXAMPLES / "valid" / "with-report", "report", "-y", "2025", "-o", str(tmp_path / "x.docx"), "-f", "md"
    )
    assert clash.exit_code == 2 and "ends in .docx, which is docx, but --format is md" in clash.stderr
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.parametrize(
    ("command", "known"),
    [
        (["report", "-y", "2025"], ".md or .markdown (md), .docx (docx), .html or .htm (html)"),
        (["export"], ".xlsx (xlsx), .json (json); csv writes a folder, with --format csv"),
    ],
)
def test_an_output_ending_that_no_format_has_is_refused(
    run_cli: RunCli, tmp_path: Path, command: list[str], known: str
) -> None:
    result = run_cli(EXAMPLES / "valid" / "with-report", *command, "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2, result.output
    assert f"ends in .pdf, which is none of the formats this command writes: {known}" in result.stderr
    assert "or give --format, which writes that format whatever the file's name" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_errors_come_first_and_warnings_are_counted_where_there_are_errors(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "data", root / "data")
    (root / "data" / "themes" / "broken.yaml").write_text("id: broken\n")
    text = run_cli(root, "validate", "--no-cache").stdout
    assert text.index("error S202") < text.index(" warnings: ") and "\nand " in text
    assert "warning I402" not in text and "`res191 validate --all-warnings`" in text
    every = run_cli(root, "validate", "--no-cache", "--all-warnings").stdout
    assert "warning I402" in every and every.index("error") < every.index("warning I402")


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--year", "2024", "-o", "data/reports/2024.md"],
        ["report", "--year", "2024", "--format", "md", "-o", "data/meetings/iscg-2024-01-24.md"],
        ["report", "--year", "2024", "--format", "docx", "-o", "data/resolutions/pp-191.yaml"],
        ["report", "--year", "2024", "--lang", "all", "--format", "md", "-o", "data/reports/"],
        ["export", "--format", "xlsx", "-o", "data/reports/2024.md"],
        ["export", "--format", "json", "-o", "data/themes/accessibility.yaml"],
        ["export", "--format", "csv", "-o", "data"],
        ["export", "--format", "csv", "-o", "data/themes"],
        ["schema", "-o", "data/themes"],
        ["templates", "data/themes", "--force"],
        ["export", "--format", "json", "-o", "shared/accessibility.yaml"],  # a record, through a link
        ["export", "--format", "json", "-o", "linked/x.json"],  # into data/, through a linked folder
        ["report", "--year", "2024", "-o", "linked/../x.md"],  # data/x.md: the link, then its parent
        ["report", "--year", "2024", "-o", "data"],
    ],
    ids=lambda args: " ".join(args),
)
def test_no_output_is_written_among_the_records(run_cli: RunCli, bundled: Path, args: list[str]) -> None:
    shared = bundled / "shared"
    shared.mkdir()
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    theme.rename(shared / "accessibility.yaml")
    theme.symlink_to(Path("..", "..", "shared", "accessibility.yaml"))
    (bundled / "linked").symlink_to(Path("data", "themes"))
    before = snapshot(bundled)
    result = run_cli(bundled, *args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "the folder of the records" in result.stderr or "is a record:" in result.stderr
    assert f"such as {bundled}" in result.stderr  # where to write instead
    assert f"such as {bundled / 'data'}" not in result.stderr  # not among the records again
    assert snapshot(bundled) == before
    assert run_cli(bundled, "validate").exit_code == 0


@pytest.mark.parametrize(
    ("args", "written"),
    [
        (["report", "--year", "2024", "-o", "report.md"], "report.md"),
        (["report", "--year", "2024", "-o", "docs/r.md"], "docs/r.md"),
        (
            ["report", "--year", "2024", "--lang", "all", "--format", "md", "-o", "docs"],
            "docs/report-2024-F.md",
        ),
        (["export", "--format", "xlsx", "-o", "out.xlsx"], "out.xlsx"),
        (["site", "--lang", "en", "-o", "site"], "site/index.html"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else value,
)
def test_outputs_beside_the_records_are_written(
    run_cli: RunCli, bundled: Path, args: list[str], written: str
) -> None:
    (bundled / "docs").mkdir()
    result = run_cli(bundled, *args)
    assert result.exit_code == 0, result.output
    assert (bundled / written).is_file()
