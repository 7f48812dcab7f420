"""The pre-commit hooks of a repository made by `res191 init` stop a bad commit and let a good one through."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

needs_tools = pytest.mark.skipif(
    shutil.which("pre-commit") is None or shutil.which("git") is None,
    reason="pre-commit or git is not installed (pip install pre-commit; .ci/run installs both)",
)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "PRE_COMMIT_HOME": str(cwd.parent / "pre-commit-home"),
    }
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=environment, timeout=300, check=False
    )


@needs_tools
def test_hooks_block_a_broken_reference_and_an_unformatted_record(tmp_path: Path) -> None:
    repository = tmp_path / "records"
    assert run(["res191", "init", str(repository)], tmp_path).returncode == 0
    assert run(["git", "init", "-q"], repository).returncode == 0
    installed = run(["pre-commit", "install"], repository)
    assert installed.returncode == 0, installed.stderr
    run(["git", "add", "-A"], repository)
    first = run(["git", "commit", "-q", "-m", "Start"], repository)
    assert first.returncode == 0, first.stdout + first.stderr

    # Deleting a record that others refer to: pre-commit passes no file for a deletion, the hook still runs.
    run(["git", "rm", "-q", "data/bodies/tsag.yaml"], repository)
    blocked = run(["git", "commit", "-q", "-m", "Remove TSAG"], repository)
    assert blocked.returncode != 0
    assert "X303" in blocked.stderr and "no body has the id 'tsag'" in blocked.stderr
    run(["git", "reset", "-q", "--hard"], repository)

    # A new record written out of order fails `fmt --check` until formatted.
    (repository / "data" / "bodies" / "example.yaml").write_text(
        "name: An example group\nacronym: EG\nid: example\n"
    )
    run(["git", "add", "-A"], repository)
    unformatted = run(["git", "commit", "-q", "-m", "Example"], repository)
    assert unformatted.returncode != 0
    assert "would reformat data/bodies/example.yaml" in unformatted.stdout + unformatted.stderr
    assert run(["res191", "fmt"], repository).returncode == 0
    run(["git", "add", "-A"], repository)
    assert run(["git", "commit", "-q", "-m", "Example"], repository).returncode == 0


@needs_tools
def test_the_init_repository_passes_its_own_hooks(tmp_path: Path) -> None:
    repository = tmp_path / "records"
    run(["res191", "init", str(repository)], tmp_path)
    run(["git", "init", "-q"], repository)
    run(["git", "add", "-A"], repository)
    checked = run(["pre-commit", "run", "--all-files"], repository)
    assert checked.returncode == 0, checked.stdout
