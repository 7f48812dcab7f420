"""ruff, mypy --strict (code, tests and benchmarks) and the import layers are clean: part of the suite,
so CI fails when they are not."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False, timeout=300)


def test_ruff() -> None:
    lint = run(sys.executable, "-m", "ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout
    style = run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert style.returncode == 0, style.stdout


def test_mypy_strict() -> None:
    checked = run(sys.executable, "-m", "mypy")
    assert checked.returncode == 0, checked.stdout


def test_layers_import_one_way() -> None:
    """A module imports only from the layers below it (the contract in pyproject.toml)."""
    from importlinter.cli import lint_imports

    assert lint_imports(no_cache=True) == 0


def test_every_imported_package_is_a_declared_dependency() -> None:
    """A plain `pip install .` has only the declared dependencies: deptry finds a module imported under
    src/ that none of them provides (as click was, once typer stopped bringing it)."""
    found = run(sys.executable, "-m", "deptry", "src")
    assert found.returncode == 0, found.stdout + found.stderr


def test_every_module_stays_small() -> None:
    """One idea a module: each module of res191 is 400 lines or under (a longer one holds two ideas, and
    is split, as the texts cut at a workbook's cell were taken out of exchange.py, reading a text out of
    similarity.py, and what a report takes from the records out of context.py)."""
    long = {
        str(path.relative_to(REPO / "src")): lines
        for path in sorted((REPO / "src" / "res191").rglob("*.py"))
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
