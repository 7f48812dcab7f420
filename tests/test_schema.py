"""The committed JSON Schemas match the models, and `res191 schema` keeps them so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from res191.models import KINDS
from res191.schemas import render, schema_file_name
from tests.conftest import REPO, RunCli


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = REPO / "schemas" / schema_file_name(kind)
    assert committed.read_text(encoding="utf-8") == render(kind), "run `res191 schema` and commit the result"


def test_schema_describes_the_keys_editors_write() -> None:
    schema = json.loads(render("resolution"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "conference", "number", "editions"}
    assert schema["$defs"]["Conference"]["enum"] == ["PP", "WTSA", "WTDC", "RA", "WRC", "Council"]


def test_schema_command_writes_then_checks(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    written = run_cli(REPO, "schema", "--output", str(out))
    assert written.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_file_name(k) for k in KINDS)
    assert run_cli(REPO, "schema", "--output", str(out), "--check").exit_code == 0
    (out / "theme.schema.json").write_text("{}\n")
    stale = run_cli(REPO, "schema", "--output", str(out), "--check")
    assert stale.exit_code == 1
    assert "out of date" in stale.stderr
    assert (out / "theme.schema.json").read_text() == "{}\n"  # --check writes nothing


def test_records_point_editors_at_their_schema() -> None:
    for kind in ("resolution", "theme", "body"):
        for path in (REPO / "data" / KINDS[kind].folder).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind)}", path
