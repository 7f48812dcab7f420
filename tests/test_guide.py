"""docs/guide.md, run as a newcomer would: every command, in order, from `res191 init` to the report.

The one step a person does by hand, editing the workbook, is done here with openpyxl: a focal point and
two tracker activities added, as a focal point would send them back.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import REPO

GUIDE = (REPO / "docs" / "guide.md").read_text(encoding="utf-8")


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", GUIDE, flags=re.DOTALL)


def edit_workbook(path: Path) -> None:
    """What a focal point does in the spreadsheet: one focal point, two activities."""
    book = load_workbook(path)
    for name, values in (
        (
            "themes.focal_points",
            {
                "id": "virtual-meetings-remote-participation",
                "focal_points #": 1,
                "sector": "GS",
                "unit": "GS",
            },
        ),
        (
            "themes.tracker",
            {
                "id": "virtual-meetings-remote-participation",
                "tracker #": 1,
                "year": 2024,
                "sector": "GS",
                "title": "Remote participation in ISCG meetings",
                "status": "ongoing",
            },
        ),
        (
            "themes.tracker",
            {
                "id": "virtual-meetings-remote-participation",
                "tracker #": 2,
                "year": 2024,
                "sector": "GS",
                "title": "Captioning of ISCG meetings",
                "status": "ongoing",
            },
        ),
    ):
        sheet = book[name]
        headings = [str(c.value) for c in sheet[1]]
        sheet.append([values.get(h) for h in headings])
    book.save(path)


@pytest.mark.skipif(shutil.which("git") is None, reason="the guide uses git, which is not installed")
def test_the_guide_runs_from_init_to_the_report(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    environment.pop("GITHUB_ACTIONS", None)
    here = tmp_path
    for block in blocks("sh"):
        if "res191 import tracker.xlsx" in block:
            edit_workbook(here / "tracker.xlsx")
        script = f"set -e\ncd '{here}'\n{block}\npwd > '{tmp_path}/.cwd'\n"
        run = subprocess.run(
            ["bash", "-c", script], capture_output=True, text=True, env=environment, timeout=300, check=False
        )
        assert run.returncode == 0, f"{block}\n{run.stdout}\n{run.stderr}"
        here = Path((tmp_path / ".cwd").read_text().strip())
    repository = tmp_path / "coordination"
    data = repository / "data"
    meeting = (data / "meetings" / "iscg-2024-05-21.md").read_text()
    assert (
        "in_conjunction_with: tdag\nremote_participation: true\ncaptioning: true\nplatform: Zoom\n" in meeting
    )
    assert (data / "resolutions" / "wtdc-59.yaml").is_file()
    theme = (data / "themes" / "virtual-meetings-remote-participation.yaml").read_text()
    assert "focal_points:\n  - sector: GS\n    unit: GS\n" in theme
    assert "    title: Captioning of ISCG meetings\n" in theme
    assert (repository / "report-2024.docx").is_file()
    assert (repository / "report-2024-F.docx").is_file()  # section 8: the French version
    log = subprocess.run(
        ["git", "log", "--oneline"], cwd=repository, capture_output=True, text=True, check=True
    )
    assert "ISCG meeting of 21 May 2024" in log.stdout

    # Section 5: the error shown is the one validate gives for that mistake in that file.
    shown = blocks("text")[0].strip("\n")
    broken = meeting.replace("remote_participation: true", "remote_participation: yes")
    (data / "meetings" / "iscg-2024-05-21.md").write_text(broken)
    run = subprocess.run(
        ["res191", "validate"], cwd=repository, capture_output=True, text=True, env=environment, check=False
    )
    assert shown in run.stdout
