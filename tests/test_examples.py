"""Every example repository gives exactly the diagnostics it lists, at their lines and columns."""

from __future__ import annotations

import pytest

from res191.checks.local import repeated_item, repeated_items
from res191.models import Resolution
from tests.conftest import EXAMPLES, RunCli, diagnostics, places

VALID = sorted(p.name for p in (EXAMPLES / "valid").iterdir())
INVALID = sorted(p.name for p in (EXAMPLES / "invalid").iterdir())


@pytest.mark.parametrize("name", VALID)
def test_valid_example_has_no_problem(run_cli: RunCli, name: str) -> None:
    result = run_cli(EXAMPLES / "valid" / name, "validate", "--strict", "--format", "json")
    assert diagnostics(result) == []
    assert result.exit_code == 0


@pytest.mark.parametrize("name", INVALID)
def test_invalid_example_reports_each_problem_where_it_is(run_cli: RunCli, name: str) -> None:
    folder = EXAMPLES / "invalid" / name
    expected = set((folder / "expected.txt").read_text().split("\n")) - {""}
    result = run_cli(folder, "validate", "--format", "json")
    assert places(result) == expected
    errors = any(d["severity"] == "error" for d in diagnostics(result))
    assert result.exit_code == (1 if errors else 0)


@pytest.mark.parametrize("name", INVALID)
def test_every_diagnostic_says_what_and_how(run_cli: RunCli, name: str) -> None:
    result = run_cli(EXAMPLES / "invalid" / name, "validate", "--format", "json")
    for found in diagnostics(result):
        assert found["message"], found
        assert found["hint"] or found["example"], f"{found['code']} gives the editor no way forward"


def test_text_output_shows_location_message_hint_and_example(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "invalid" / "wrong-type", "validate")
    assert "data/resolutions/pp-191.yaml:4:25: error S203 [wrong-type]" in result.stdout
    assert "'calls_for_coordination' should be true or false, not 'yes'" in result.stdout
    assert "hint: write true or false; 'yes' is read as text in YAML 1.2" in result.stdout
    assert "calls_for_coordination: true" in result.stdout
    assert result.stdout.rstrip().endswith("1 record file checked: 3 errors, 0 warnings")


def test_unknown_key_suggests_the_key_meant(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "invalid" / "unknown-key", "validate", "--format", "json")
    hints = {(d["line"], d["hint"].split("?")[0] + "?") for d in diagnostics(result)}
    assert (4, "did you mean 'number'?") in hints
    assert (10, "did you mean 'title'?") in hints


def test_duplicates_name_both_places(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "invalid" / "duplicate-id", "validate", "--format", "json")
    first, second = diagnostics(result)
    assert first["related"][0]["path"] == second["path"]
    assert second["related"][0]["path"] == first["path"]
    key = run_cli(EXAMPLES / "invalid" / "duplicate-key", "validate", "--format", "json")
    inner, outer = diagnostics(key)  # every key written twice, each with its first place
    assert (inner["line"], inner["related"][0]["line"]) == (5, 4)
    assert (outer["line"], outer["related"][0]["line"]) == (6, 2)


def test_examples_folder_is_complete() -> None:
    from res191.diagnostics import CATALOGUE

    covered = {
        line.split()[1]
        for name in INVALID
        for line in (EXAMPLES / "invalid" / name / "expected.txt").read_text().splitlines()
    }
    # Files that cannot be committed as examples (binary, huge, links) are covered in test_hostile.py; Y124
    # is import's, not validate's (a file validate accepts and ruamel.yaml cannot read): test_import.py.
    generated = {"Y105", "Y106", "Y107", "Y113", "Y117", "Y120", "Y122", "Y124"}
    assert set(CATALOGUE) - generated <= covered, set(CATALOGUE) - generated - covered


def test_a_value_listed_twice_is_named_with_its_first_place(run_cli: RunCli) -> None:
    result = run_cli(EXAMPLES / "invalid" / "repeated-item", "validate")
    assert "data/themes/a.yaml:7:5: error S207 [repeated-item]" in result.stdout
    assert "resolutions: 'pp-191' is listed again (first at line 5, column 5)" in result.stdout
    assert "see also: data/themes/a.yaml:5:5" in result.stdout
    assert "sources: 'https://www.itu.int/a' is listed again" in result.stdout  # in an edition, too
    # An initiative's year twice, with two statuses that contradict each other.
    initiative = (
        "webpage.yaml:10:11: error S207 [repeated-item]\n  years: year 2023 is listed again (first at line 6"
    )
    assert initiative in result.stdout
    # Two editions of one year: cited alike, and which is in force cannot be told.
    edition = "pp-191.yaml:12:11: error S207 [repeated-item]\n  editions: year 2022 is listed again (first at"
    assert edition in result.stdout
    # A part the same as another in every field: the same chair twice.
    chair = "isc-tf.yaml:8:5: error S207 [repeated-item]\n  chairs: the same entry is listed again (first at"
    assert chair in result.stdout
    # A named focal point twice is one person listed twice; two unnamed ones may be two people.
    assert "a.yaml:13:5: error S207 [repeated-item]\n  focal_points: the same entry" in result.stdout
    assert "a.yaml:17:5" not in result.stdout
    assert result.exit_code == 1


def test_a_session_says_once_what_it_did_with_a_resolution() -> None:
    # Maintained and suppressed by one session contradict each other: S207, as two statuses of one year.
    resolution = Resolution.model_validate(
        {
            "id": "wtdc-1",
            "conference": "WTDC",
            "number": "1",
            "editions": [{"place": "Kigali", "year": 2022}],
            "history": [
                {"session": "wtdc-2022", "outcome": "maintained", "source": "https://www.itu.int/a"},
                {"session": "wtdc-2022", "outcome": "suppressed", "source": "https://www.itu.int/b"},
            ],
        }
    )
    found = [(repeated_item(resolution, where), where, first) for where, first in repeated_items(resolution)]
    assert found == [("history: session 'wtdc-2022'", ("history", 1, "session"), ("history", 0, "session"))]
