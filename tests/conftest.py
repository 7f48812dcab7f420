"""Shared helpers: run the command line in a folder and read its diagnostics."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from res191.cli import app
from res191.loading.record import LoadedRecords

# The result cache of `validate` goes to a folder of this test run, not to the user's cache folder; so
# every test that validates runs with the cache, as users do.
os.environ["RES191_CACHE_DIR"] = tempfile.mkdtemp(prefix="res191-test-cache-")
# The key that signs caches, in a configuration folder of this test run too.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="res191-test-config-")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = Path(__file__).parent / "examples"

RunCli = Callable[..., Result]


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run `res191 ARGS` inside a folder, as an editor would from a terminal."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(folder: Path, *args: str) -> Result:
        monkeypatch.chdir(folder)
        return CliRunner().invoke(app, list(args))

    return run


def diagnostics(result: Result) -> list[dict[str, Any]]:
    """The diagnostics of a `validate --format json` run."""
    found: list[dict[str, Any]] = json.loads(result.stdout)["diagnostics"]
    return found


def places(result: Result) -> set[str]:
    """Each diagnostic as `path:line:column CODE`, the form expected.txt files use."""
    return {f"{d['path']}:{d['line']}:{d['column']} {d['code']}" for d in diagnostics(result)}


@pytest.fixture
def example(tmp_path: Path) -> Callable[[str], Path]:
    """A copy of an example repository, so that tests may change it freely."""

    def copy(name: str) -> Path:
        target = tmp_path / name.replace("/", "-")
        shutil.copytree(EXAMPLES / name, target, symlinks=True)
        return target

    return copy


def load(root: Path) -> LoadedRecords:
    """Every record of a repository as the report and overlaps commands load them."""
    from res191.validation import validate

    loaded = validate(root, root, keep_records=True, positions=True).loaded
    assert loaded is not None
    return loaded


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled data, so that tests may change it freely."""
    target = tmp_path / "bundled"
    shutil.copytree(REPO / "data", target / "data")
    return target
