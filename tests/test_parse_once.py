"""`report` and `overlaps` parse each record file once: validation hands them what it loaded."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from res191.loading import files, record
from tests.conftest import EXAMPLES, REPO, RunCli


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each file is read, from now on."""
    counted: Counter[str] = Counter()
    real = files.read_text

    def counting(path: str) -> tuple[str, bool]:
        counted[path] += 1
        return real(path)

    monkeypatch.setattr(record, "read_text", counting)
    return counted


def record_files(root: Path) -> set[str]:
    return {
        str(p) for p in (root / "data").rglob("*") if p.suffix in (".yaml", ".md") and p.name != "README.md"
    }


@pytest.mark.parametrize(
    ("root", "args"),
    [
        (REPO, ["report", "--year", "2024", "-o", "-"]),
        (REPO, ["overlaps", "--format", "json"]),
        (EXAMPLES / "valid" / "with-report", ["report", "--year", "2024", "--format", "html", "-o", "-"]),
    ],
)
def test_each_file_is_read_once(run_cli: RunCli, reads: Counter[str], root: Path, args: list[str]) -> None:
    result = run_cli(root, *args)
    assert result.exit_code == 0, result.output
    assert set(reads) == record_files(root)
    assert max(reads.values()) == 1
