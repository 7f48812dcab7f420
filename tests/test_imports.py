"""Each command imports only what it needs: validate runs on every commit and must start fast."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO

SCRIPT = """
import json, sys
from res191.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

HEAVY = ("res191.overlaps", "res191.report", "docx", "lxml", "markdown_it", "jinja2")


def heavy(modules: list[str], packages: tuple[str, ...] = HEAVY) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in packages)]


def modules_after(*args: str, cwd: Path = REPO) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    loaded: list[str] = json.loads(run.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("command", [["validate"], ["schema", "--check"]])
def test_checking_commands_do_not_import_the_report_or_the_overlaps(command: list[str]) -> None:
    assert heavy(modules_after(*command)) == []


def test_the_site_does_not_import_the_stemmer(tmp_path: Path) -> None:
    # The theme pages' overlaps come from the records' structure: no text is read, no stemmer loaded.
    loaded = modules_after("site", "--output", str(tmp_path / "site"), "--on", "2024-06-04")
    assert "res191.site.build" in loaded and heavy(loaded, ("snowballstemmer",)) == []


def test_a_profiler_still_gets_its_report() -> None:
    # The console script ends without the interpreter's own ending, except under a profiler or a
    # tracer, which write what they found then.
    run = subprocess.run(
        [sys.executable, "-m", "cProfile", "-m", "res191", "--version"],
        cwd=REPO, capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert run.returncode == 0 and "res191 " in run.stdout and "function calls" in run.stdout


def test_overlaps_does_not_import_the_word_writer() -> None:
    loaded = modules_after("overlaps", "--format", "json")
    assert "res191.overlaps.similarity" in loaded
    assert heavy(loaded, ("docx", "lxml", "markdown_it")) == []


def test_html_report_does_not_import_the_word_writer() -> None:
    loaded = modules_after("report", "--year", "2024", "--format", "html", "-o", "-")
    assert "res191.rendering.markdown" in loaded
    assert heavy(loaded, ("docx", "lxml", "res191.report.docx")) == []


def test_validate_from_the_cache_builds_no_model_and_parses_nothing(tmp_path: Path) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "valid" / "complete", root)
    first = modules_after("validate", cwd=root)
    assert "res191.models.resolution" in first and "res191.loading.yaml12" in first  # it read the files
    again = modules_after("validate", cwd=root)
    # Every file from the cache: no record model, no YAML parser, no rich, no ruamel.yaml.
    assert heavy(again, ("res191.models.resolution", "res191.models.theme", "res191.loading.record",
                         "yaml", "rich", "ruamel")) == []  # fmt: skip


def test_problems_across_files_are_placed_from_the_cache_without_parsing(tmp_path: Path) -> None:
    root = tmp_path / "repository"
    shutil.copytree(EXAMPLES / "invalid" / "unknown-reference", root)
    first = subprocess.run(
        [sys.executable, "-m", "res191", "validate"], cwd=root, capture_output=True, text=True, check=False
    )
    assert first.returncode == 1 and "X303 [unknown-reference]" in first.stdout
    again = modules_after("validate", cwd=root)
    # The broken reference is placed where the last run placed it: its file is not parsed again.
    assert heavy(again, ("res191.loading.record", "yaml")) == []
    second = subprocess.run(
        [sys.executable, "-m", "res191", "validate"], cwd=root, capture_output=True, text=True, check=False
    )
    assert second.stdout == first.stdout and second.returncode == 1


MAIN = """
import json, sys
from res191.cli import run
run(sys.argv[1:])  # as the console script runs it, without ending the process
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def test_a_command_imports_no_other_command_and_help_lists_them_all() -> None:
    from res191.cli import COMMANDS

    run = subprocess.run(
        [sys.executable, "-c", MAIN, "validate", "--format", "json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    loaded = json.loads(run.stderr.strip().splitlines()[-1])
    others = {target.partition(":")[0] for name, target in COMMANDS.items() if name != "validate"}
    assert "res191.cli.validate" in loaded and others.isdisjoint(loaded)
    shown = subprocess.run(
        [sys.executable, "-m", "res191", "--help"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    listed = shown.split("Commands:", 1)[1]
    assert all(f"  {name} " in listed for name in COMMANDS)
