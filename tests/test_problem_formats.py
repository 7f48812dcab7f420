"""Each output format carries every diagnostic, in the form its reader expects."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, REPO, RunCli

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
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
    region = next(r for r in run["results"] if r["ruleId"] == "Y102")["locations"][0]["physicalLocation"]
    assert region == {
        "artifactLocation": {"uri": "data/themes/a.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 3, "startColumn": 1},
    }
    assert {r["level"] for r in run["results"]} == {"error", "warning"}


def test_sarif_related_locations_and_encoded_uris(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "data" / "resolutions"
    for sub in ("old copy", "new#1"):
        (folder / sub).mkdir(parents=True)
        (folder / sub / "pp-191.yaml").write_text(
            "id: pp-191\nconference: PP\nnumber: '191'\neditions: [{year: 2022, title: T}]\n"
        )
    log = json.loads(run_cli(tmp_path, "validate", "--format", "sarif").stdout)
    first, second = [r for r in log["runs"][0]["results"] if r["ruleId"] == "X302"]
    uri = first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "data/resolutions/new%231/pp-191.yaml"
    related = first["relatedLocations"]
    assert related[0]["id"] == 1
    assert (
        related[0]["physicalLocation"]["artifactLocation"]["uri"] == "data/resolutions/old%20copy/pp-191.yaml"
    )
    assert second["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri


def sarif_schema() -> Any:
    """The official SARIF 2.1.0 JSON Schema, which .ci/run fetches from the npm registry."""
    path = REPO / "tests" / ".downloads" / "sarif-2.1.0.json"
    if not path.is_file():
        pytest.skip(
            "the SARIF 2.1.0 schema is not here: .ci/run fetches it into tests/.downloads/ from the "
            "npm package @microsoft/sarif-multitool-linux"
        )
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["invalid/every-file-reported", "invalid/duplicate-id", "valid/minimal"])
def test_sarif_is_valid_against_the_sarif_schema(run_cli: RunCli, name: str) -> None:
    from jsonschema import Draft202012Validator

    log = json.loads(run_cli(EXAMPLES / name, "validate", "--format", "sarif").stdout)
    errors = sorted(Draft202012Validator(sarif_schema()).iter_errors(log), key=str)
    assert errors == []


def test_github_annotations_escape_and_are_chosen_under_actions(
    run_cli: RunCli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    explicit = run_cli(FOLDER, "validate", "--format", "github").stdout
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    automatic = run_cli(FOLDER, "validate").stdout
    assert explicit == automatic
    lines = automatic.splitlines()
    assert "::error file=data/themes/a.yaml,line=3,col=1,title=Y102 duplicate-key::" in "\n".join(lines)
    assert any(line.startswith("::warning file=data/themes/b.yaml,line=4,col=1,title=I401") for line in lines)
    # A message with a line break stays on one workflow-command line.
    assert all(line.startswith("::") for line in lines[:-1])
    assert "%0Ahint: " in automatic
    assert lines[-1] == "5 record files checked: 5 errors, 1 warning"
    # Every diagnostic is on the job's summary page too: GitHub shows only ten annotations a step.
    summary = (tmp_path / "summary.md").read_text()
    assert summary.count("\n| `data/") == 6
    assert "| `data/themes/a.yaml:3:1` | error Y102 duplicate-key |" in summary


def test_github_escapes_separators_in_properties() -> None:
    from res191.diagnostics import Diagnostic, Location, problem
    from res191.formats.problems.github_format import annotation

    found = Diagnostic(problem("S201"), Location("data/a,b:c%.yaml", 2, 3), "50% of\r\nit", "h")
    line = annotation(found)
    assert line.startswith("::error file=data/a%2Cb%3Ac%25.yaml,line=2,col=3,title=S201 unknown-key::")
    assert line.endswith("::50%25 of%0D%0Ait%0Ahint: h\n")
    assert line.count("\n") == 1


def test_diagnostics_come_in_file_line_column_order(run_cli: RunCli) -> None:
    found = [
        (d["path"], d["line"], d["column"], d["code"])
        for d in json.loads(run_cli(FOLDER, "validate", "--format", "json").stdout)["diagnostics"]
    ]
    assert found == [
        ("data/bodies/c.yaml", 1, 1, "S202"),
        ("data/meetings/d.md", 4, 8, "S204"),
        ("data/resolutions/pp-191.yaml", 2, 13, "S204"),
        ("data/themes/a.yaml", 3, 1, "Y102"),
        ("data/themes/b.yaml", 4, 1, "I401"),
        ("data/themes/b.yaml", 4, 15, "X303"),
    ]


def test_control_characters_are_shown_not_obeyed(run_cli: RunCli, tmp_path: Path) -> None:
    bodies = tmp_path / "data" / "bodies"
    bodies.mkdir(parents=True)
    (bodies / "evil\x1b[2J.yaml").write_text('id: x\nacronym: "\\e[31mRED"\nname: N\nsector: "\\e]0;t\\a"\n')
    for output_format in ("text", "github"):
        result = run_cli(tmp_path, "validate", "--format", output_format)
        assert "\x1b" not in result.stdout, output_format
        assert "\\x1b[2J" in result.stdout


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="file names there are always Unicode")
def test_a_file_name_that_is_not_utf8_is_written_as_an_escape_in_every_format(tmp_path: Path) -> None:
    # As a zip made on Windows or an old share leaves it: SARIF stopped with a fault, JSON was not UTF-8.
    themes = tmp_path / "data" / "themes"
    themes.mkdir(parents=True)
    (themes / os.fsdecode(b"caf\xe9.yaml")).write_bytes(b"id: cafe\ntitle: C\n")
    for output_format in ("text", "json", "sarif", "github"):
        run = subprocess.run(
            [sys.executable, "-m", "res191", "validate", "--format", output_format],
            cwd=tmp_path, capture_output=True, check=False,
        )  # fmt: skip
        assert run.returncode == 1, (output_format, run.stderr)
        out = run.stdout.decode("utf-8")  # UTF-8 throughout
        if output_format == "sarif":
            assert "data/themes/caf%E9.yaml" in out  # a URI: the byte percent-encoded
            json.loads(out)
        else:
            assert "caf\\xe9.yaml" in (
                json.loads(out)["diagnostics"][0]["path"] if output_format == "json" else out
            )


def test_text_is_plain_when_not_a_terminal(run_cli: RunCli) -> None:
    output = run_cli(FOLDER, "validate").stdout
    assert "\x1b[" not in output
    assert "data/themes/a.yaml:3:1: error Y102 [duplicate-key]" in output
