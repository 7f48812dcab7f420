"""The README tells the truth: its quick start runs in CI, and its table lists every code."""

from __future__ import annotations

import re

from res191.diagnostics import CATALOGUE
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_quick_start_is_two_commands_and_ci_runs_the_test_command() -> None:
    block = README.split("## Quick start", 1)[1].split("```", 2)[1]
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    assert "res191 validate" in commands[0]
    assert "pytest" in commands[1]
    assert commands[1] in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_every_code_is_in_the_readme_table() -> None:
    rows = re.findall(r"^\| `(\w+)` \| `([\w-]+)` \| (\w+) \|", README, re.MULTILINE)
    assert rows == [(p.code, p.name, p.severity.value) for p in CATALOGUE.values()]


def test_readme_example_output_is_what_validate_prints(tmp_path, run_cli) -> None:  # type: ignore[no-untyped-def]
    example = README.split("what is wrong, a hint, and where it helps an example of the right form:", 1)[1]
    shown = example.split("```", 2)[1].strip("\n")
    meetings = tmp_path / "data" / "meetings"
    meetings.mkdir(parents=True)
    source = (REPO / "data" / "meetings" / "iscg-2024-05-21.md").read_text(encoding="utf-8")
    (meetings / "iscg-2024-05-21.md").write_text(
        source.replace("remote_participation: true", "remote_participation: yes")
    )
    (tmp_path / "data" / "bodies").mkdir()
    for body in ("iscg", "tdag"):
        (tmp_path / "data" / "bodies" / f"{body}.yaml").write_text(
            (REPO / "data" / "bodies" / f"{body}.yaml").read_text(encoding="utf-8")
        )
    result = run_cli(tmp_path, "validate", "data/meetings")
    assert shown in result.stdout


def test_every_package_is_installed() -> None:
    """pyproject.toml lists res191's packages by hand (templates/ is mapped in): none may be missing."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(REPO / "src").parts) for path in (REPO / "src").rglob("__init__.py")
    }
    assert found | {"res191.templates"} == listed


def test_overlaps_help_lists_every_kind() -> None:
    from typer.testing import CliRunner

    from res191.cli import app
    from res191.overlaps.findings import KINDS

    shown = " ".join(CliRunner().invoke(app, ["overlaps", "--help"], terminal_width=200).stdout.split())
    assert all(kind in shown for kind in KINDS)
