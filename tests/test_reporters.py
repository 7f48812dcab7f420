"""Each output format carries every diagnostic, in the form its reader expects."""

from __future__ import annotations

import json

import pytest

from tests.conftest import EXAMPLES, RunCli

FOLDER = EXAMPLES / "invalid" / "every-file-reported"


def test_json_summary(run_cli: RunCli) -> None:
    document = json.loads(run_cli(FOLDER, "validate", "--format", "json").stdout)
    assert (document["files"], document["errors"], document["warnings"]) == (5, 5, 1)
    first = document["diagnostics"][0]
    assert set(first) == {
        "code",
        "name",
        "severity",
        "path",
        "line",
        "column",
        "message",
        "hint",
        "example",
        "related",
    }


def test_sarif(run_cli: RunCli) -> None:
    log = json.loads(run_cli(FOLDER, "validate", "--format", "sarif").stdout)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {result["ruleId"] for result in run["results"]} <= rules
    region = next(r for r in run["results"] if r["ruleId"] == "Y102")["locations"][0]["physicalLocation"]
    assert region == {
        "artifactLocation": {"uri": "data/themes/a.yaml"},
        "region": {"startLine": 3, "startColumn": 1},
    }
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_github_annotations_escape_and_are_chosen_under_actions(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    explicit = run_cli(FOLDER, "validate", "--format", "github").stdout
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    automatic = run_cli(FOLDER, "validate").stdout
    assert explicit == automatic
    lines = automatic.splitlines()
    assert "::error file=data/themes/a.yaml,line=3,col=1,title=Y102 duplicate-key::" in "\n".join(lines)
    assert any(line.startswith("::warning file=data/themes/b.yaml,line=3,col=1,title=I401") for line in lines)
    # A message with a line break stays on one workflow-command line.
    assert all(line.startswith("::") for line in lines[:-1])
    assert "%0Ahint: " in automatic
    assert lines[-1] == "5 record files checked: 5 errors, 1 warnings"


def test_text_is_plain_when_not_a_terminal(run_cli: RunCli) -> None:
    output = run_cli(FOLDER, "validate").stdout
    assert "\x1b[" not in output
    assert "data/themes/a.yaml:3:1: error Y102 [duplicate-key]" in output
