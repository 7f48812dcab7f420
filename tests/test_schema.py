"""The committed JSON Schemas match the models, and `res191 schema` keeps them so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from res191.json_schemas import render, schema_file_name
from res191.models import KINDS
from tests.conftest import REPO, RunCli


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_committed_schema_matches_the_model(kind: str) -> None:
    committed = REPO / "schemas" / schema_file_name(kind)
    assert committed.read_text(encoding="utf-8") == render(kind), "run `res191 schema` and commit the result"


def test_schema_describes_the_keys_editors_write() -> None:
    schema = json.loads(render("resolution"))
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"id", "conference", "number", "editions"}
    assert (
        schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    )  # what yaml-language-server supports fully
    assert schema["definitions"]["Conference"]["enum"] == ["PP", "WTSA", "WTDC", "RA", "WRC", "Council"]
    assert "$defs" not in json.dumps(schema)
    (snippet,) = schema["defaultSnippets"]
    assert snippet["body"] == {
        "id": "${1:pp-191}",
        "conference": "${2:PP}",
        "number": '"${3:191}"',  # in quotes once inserted: YAML would read 191 as a number
        "editions": [{"place": "${4:Bucharest}", "year": 2022, "revised": True}],
    }


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
    for kind in (k for k in KINDS if not KINDS[k].markdown):
        for path in (REPO / "data" / KINDS[kind].folder).glob("*.yaml"):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{schema_file_name(kind)}", path


def _properties(schema: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    for name, part in [("", schema), *((f"{k}.", v) for k, v in schema.get("definitions", {}).items())]:  # type: ignore[attr-defined]
        for key, prop in part.get("properties", {}).items():
            found.append((f"{name}{key}", prop))
    return found


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_property_has_a_description_and_an_example(kind: str) -> None:
    """What an editor sees when hovering a key, and what completion proposes."""
    schema = json.loads(render(kind))
    lacking = [
        name for name, prop in _properties(schema) if not prop.get("description") or not prop.get("examples")
    ]
    assert lacking == []
