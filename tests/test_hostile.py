"""Hostile and broken files get a diagnostic, in bounded time and memory, and hide no other problem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

GOOD_BODY = "id: iscg\nacronym: ISCG\nname: Inter-Sector Coordination Group\n"
BAD_BODY = "id: tsag\nacronym: TSAG\nname: Group\nsector: ITU-X\n"


def validate(root: Path) -> tuple[int, list[dict[str, Any]]]:
    """Run the real command in its own process: a crash of the parser must show as a crash."""
    run = subprocess.run(
        [sys.executable, "-m", "res191", "validate", "--format", "json"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,  # a safety net against a hang, not a measure of speed
        check=False,
    )
    assert "Traceback" not in run.stderr, run.stderr
    return run.returncode, json.loads(run.stdout)["diagnostics"]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with one good record and one with a schema error, beside the hostile file."""
    bodies = tmp_path / "data" / "bodies"
    bodies.mkdir(parents=True)
    (bodies / "iscg.yaml").write_text(GOOD_BODY)
    (bodies / "tsag.yaml").write_text(BAD_BODY)
    return tmp_path


HOSTILE: dict[str, tuple[bytes, str, int, int]] = {
    # name: (content, code, line, column)
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Y105", 1, 1),
    "huge": (b"id: huge\nacronym: H\nname: " + b"x" * (8 * 1024 * 1024) + b"\n", "Y106", 1, 1),
    # Newer libyaml stops at a limit of its own, further along the line: no column asserted.
    "deep-flow": (b"id: deep\nacronym: D\nname: " + b"[" * 200_000 + b"]" * 200_000 + b"\n", "Y107", 3, 0),
    "deep-block": (
        # The long comment makes the cheap bound too high, so the exact scan of events runs.
        b"# "
        + b"x" * 3000
        + b"\nid: deep\nacronym: D\nname:\n"
        + b"".join(b" " * i + b"- \n" for i in range(1, 1200)),
        "Y107",
        69,
        66,
    ),
    "deep-map": (b"".join(b" " * i + b"a:\n" for i in range(200)), "Y107", 66, 66),
    "alias-bomb": (
        b"id: lol\nacronym: L\na: &a [x, x, x, x, x, x, x, x, x]\n"
        + b"".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n".encode()
            for p, c in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "Y108",
        3,
        4,
    ),
    "latin-1": (b"id: x\nacronym: X\nname: Fran\xe7ais\n", "Y104", 3, 11),
    "nul-in-text": (b"id: x\x00\n", "Y105", 1, 1),
    "control-char": (b"id: x\nacronym: X\nname: a\x07b\n", "Y101", 3, 8),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_reported_and_others_still_checked(repo: Path, name: str) -> None:
    content, code, line, column = HOSTILE[name]
    (repo / "data" / "bodies" / f"{name}.yaml").write_bytes(content)
    exit_code, found = validate(repo)
    assert exit_code == 1
    hostile = [d for d in found if d["path"].endswith(f"{name}.yaml")]
    assert [d["code"] for d in hostile] == [code]
    assert hostile[0]["line"] == line
    assert hostile[0]["column"] == column or column == 0
    # The other broken record is still reported: one bad file never hides another.
    assert any(d["path"].endswith("tsag.yaml") and d["code"] == "S204" for d in found)


def test_link_outside_the_repository_is_not_followed(
    repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    secret = tmp_path_factory.mktemp("outside") / "secret.yaml"
    secret.write_text("id: secret\nacronym: S\nname: not to be read\n")
    (repo / "data" / "bodies" / "secret.yaml").symlink_to(secret)
    (repo / "data" / "bodies" / "loop.yaml").symlink_to(repo / "data" / "bodies" / "loop.yaml")
    _, found = validate(repo)
    by_file = {Path(d["path"]).name: d for d in found}
    assert by_file["secret.yaml"]["code"] == "Y113"
    assert "outside the repository" in by_file["secret.yaml"]["message"]
    assert by_file["loop.yaml"]["code"] == "Y113"


def test_link_inside_the_repository_is_read(repo: Path) -> None:
    (repo / "data" / "bodies" / "iscg-copy.yaml").symlink_to(repo / "data" / "bodies" / "iscg.yaml")
    _, found = validate(repo)
    assert [d["code"] for d in found if "iscg-copy" in d["path"]] == ["X301"]


def test_unreadable_file(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads every file whatever its mode, so make the read itself fail as it would for a user.
    from res191.validation import validate as validate_in_process

    locked = repo / "data" / "bodies" / "locked.yaml"
    locked.write_text(GOOD_BODY)
    real_open = Path.open

    def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "locked.yaml":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    result = validate_in_process(repo, repo)
    (found,) = [d for d in result.diagnostics if d.location.path.name == "locked.yaml"]
    assert (found.code, found.message) == ("Y117", "cannot read the file: Permission denied")
