"""Output is never lost, and a fault of the system is said in one line: a non-blocking pipe, a closed stdout,
a full disk, /dev/null, a reader that stops early."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO

WITH_REPORT = EXAMPLES / "valid" / "with-report"


def res191(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "res191", *args], cwd=cwd, capture_output=True, text=True, check=False
    )


@pytest.fixture
def noisy(tmp_path: Path) -> Path:
    """A repository whose JSON diagnostics run to about a megabyte: far more than a pipe holds."""
    themes = tmp_path / "data" / "themes"
    themes.mkdir(parents=True)
    for n in range(1500):
        (themes / f"theme-{n}.yaml").write_text("id: other\nfocus: x\n")
    return tmp_path


def test_a_non_blocking_pipe_gets_the_whole_output(noisy: Path) -> None:
    expected = res191("validate", "--no-cache", "--format", "json", cwd=noisy).stdout
    assert len(expected) > 500_000
    read, write = os.pipe()
    flags = fcntl.fcntl(write, fcntl.F_GETFL)
    fcntl.fcntl(write, fcntl.F_SETFL, flags | os.O_NONBLOCK)  # as Node.js hands a pipe to a child
    child = subprocess.Popen(
        [sys.executable, "-m", "res191", "validate", "--no-cache", "--format", "json"],
        cwd=noisy,
        stdout=write,
        stderr=subprocess.PIPE,
    )
    os.close(write)
    time.sleep(1.0)  # a slow reader: the pipe is full long before it starts
    received = b""
    while chunk := os.read(read, 65536):
        received += chunk
    os.close(read)
    assert child.wait(timeout=120) == 1  # problems in the data, not a failed write
    assert received.decode() == expected


def test_a_closed_stdout_or_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    commands = [
        ["validate"],
        ["list", "theme"],
        ["export", "-o", "-", "-f", "json"],
        ["report", "-y", "2025", "-o", "-"],
    ]
    for command in commands:
        closed = subprocess.run(  # as `res191 validate >&-` runs it
            [sys.executable, "-m", "res191", *command],
            cwd=WITH_REPORT,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            preexec_fn=lambda: os.close(1),
        )
        assert closed.returncode == 2, (command, closed.stderr)
        assert closed.stderr == "res191: cannot write the output: standard output is closed\n", command
        with open("/dev/full", "w") as full:
            filled = subprocess.run(
                [sys.executable, "-m", "res191", *command],
                cwd=WITH_REPORT,
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
            )
        assert filled.returncode == 2, (command, filled.stderr)
        assert filled.stderr.strip().endswith("No space left on device"), (command, filled.stderr)
        assert "internal error" not in filled.stderr and filled.stderr.count("\n") == 1


def test_a_folder_that_cannot_be_written_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = res191("report", "-y", "2025", "-o", "/proc/no-such-folder/report.md", cwd=WITH_REPORT)
    assert result.returncode == 2
    assert result.stderr == "res191: cannot write /proc/no-such-folder/report.md: No such file or directory\n"


def test_dev_null_is_written_to_not_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    for command in (["report", "-y", "2025", "-o", "/dev/null"], ["export", "-f", "json", "-o", "/dev/null"]):
        assert res191(*command, cwd=WITH_REPORT).returncode == 0, command
        after = os.stat("/dev/null")
        assert (after.st_rdev, after.st_ino) == (before.st_rdev, before.st_ino)  # still the device


def test_the_job_summary_is_written_even_when_the_log_reader_stops_early(noisy: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    environment = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    command = f"{sys.executable} -m res191 validate --no-cache | head -c 100"
    done = subprocess.run(command, shell=True, cwd=noisy, env=environment, capture_output=True, text=True)
    assert done.stderr == ""
    assert summary.read_text().startswith("## res191 validate\n")


def test_export_to_stdout_with_a_dash_writes_no_file(tmp_path: Path) -> None:
    work = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, work)
    result = res191("export", "-f", "json", "-o", "-", cwd=work)
    assert result.returncode == 0 and result.stdout.startswith("{\n")
    assert not (work / "-").exists()
