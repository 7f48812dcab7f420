"""`res191 import` as editors and attackers use it: only what the source mentions changes, every problem at
its cell in a spreadsheet's words, hostile workbooks answered quickly, and all files written or none."""

from __future__ import annotations

import json
import os
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import Result

from tests.conftest import EXAMPLES, RunCli
from tests.test_editing import snapshot

WITH_REPORT = EXAMPLES / "valid" / "with-report"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, target)
    return target


@pytest.fixture
def book(run_cli: RunCli, repo: Path) -> Path:
    """The repository exported to a workbook, for a test to change."""
    path = repo.parent / "records.xlsx"
    assert run_cli(repo, "export", "--output", str(path)).exit_code == 0
    return path


def column(sheet: object, heading: str) -> int:
    headings = [c.value for c in sheet[1]]  # type: ignore[index]
    return headings.index(heading) + 1


def row_of(sheet: object, record_id: str, number: int = 1) -> int:
    found = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == record_id]  # type: ignore[attr-defined]
    return found[number - 1]


THEME = "data/themes/alpha-theme.yaml"


def edited_in_json(
    run_cli: RunCli, repo: Path, kind: str, record_id: str, edit: Callable[[dict[str, Any]], None]
) -> Result:
    """The repository exported to JSON, one record changed by edit, and imported back: the import's result."""
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--output", str(exported), "--force").exit_code == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    (record,) = [r for r in records[kind] if r["id"] == record_id]
    edit(record)
    exported.write_text(json.dumps(records), encoding="utf-8")
    return run_cli(repo, "import", str(exported))


def test_a_deleted_column_leaves_its_values_as_they_are(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    themes = workbook["themes"]
    themes.delete_cols(column(themes, "title"))  # someone deleted the column
    workbook.save(book)
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert "note: the sheet themes has no column title: those values are left as they are" in result.stderr
    assert "0 record files changed" in result.stderr
    assert snapshot(repo) == before


def test_a_missing_sheet_leaves_its_lists_as_they_are(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    del workbook["resolutions.editions"]
    workbook["resolutions"].cell(2, column(workbook["resolutions"], "text")).value = "A new gist."
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert "note: there is no sheet resolutions.editions: what it holds is left as it is" in result.stderr
    changed = (repo / "data" / "resolutions" / "pp-1.yaml").read_text()
    assert "text: A new gist." in changed and "editions:" in changed and "place: Beta" in changed


def test_an_emptied_cell_empties_the_value(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    themes = workbook["themes"]
    themes.cell(row_of(themes, "new-theme"), column(themes, "proposed_by")).value = None
    workbook.save(book)
    theme = repo / "data" / "themes" / "new-theme.yaml"
    assert "proposed_by:" in theme.read_text()
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert "changed data/themes/new-theme.yaml" in result.stderr
    assert "proposed_by:" not in theme.read_text()


def test_a_null_in_json_empties_the_value_and_a_key_left_out_keeps_it(run_cli: RunCli, repo: Path) -> None:
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--output", str(exported)).exit_code == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    (theme,) = [t for t in records["themes"] if t["id"] == "new-theme"]
    theme["proposed_by"] = None
    del theme["since"]
    exported.write_text(json.dumps(records), encoding="utf-8")
    path = repo / "data" / "themes" / "new-theme.yaml"
    assert "proposed_by: tsag" in path.read_text() and "since: 2024-02" in path.read_text()
    result = run_cli(repo, "import", str(exported))
    assert result.exit_code == 0, result.output
    assert "changed data/themes/new-theme.yaml" in result.stderr
    assert "proposed_by" not in path.read_text() and "since: 2024-02" in path.read_text()


def test_a_record_file_ruamel_cannot_read_is_named_and_nothing_is_written(
    run_cli: RunCli, repo: Path
) -> None:
    # A tab after a value: YAML, and valid; ruamel.yaml, which rewrites records keeping their comments, stops
    # at it. The import said "internal error" (exit 3); now it names the place, as validate would.
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--output", str(exported)).exit_code == 0
    path = repo / "data" / "themes" / "new-theme.yaml"
    before = path.read_text().replace("proposed_by: tsag\n", "proposed_by: tsag\t\n")
    path.write_text(before)
    assert run_cli(repo, "validate").exit_code == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    (theme,) = [t for t in records["themes"] if t["id"] == "new-theme"]
    theme["proposed_by"] = None
    exported.write_text(json.dumps(records), encoding="utf-8")
    result = run_cli(repo, "import", str(exported))
    assert result.exit_code == 1, result.output
    line = 1 + before.splitlines().index("proposed_by: tsag\t")
    assert f"data/themes/new-theme.yaml:{line}:18: error Y124 [not-rewritable]" in result.stderr
    assert "write a space instead" in result.stderr
    assert "record files above cannot be rewritten" in result.stderr
    assert path.read_text() == before


def test_a_comment_inside_a_list_on_one_line_is_kept_when_the_list_changes(
    run_cli: RunCli, repo: Path
) -> None:
    # ruamel.yaml writes a [list] without the comments inside it: the import lost them, and said nothing.
    path = repo / "data" / "themes" / "new-theme.yaml"
    text = path.read_text().replace(
        "iscg_topic_years: [2024]", "iscg_topic_years: [2023,  # its first year\n  2024]"
    )
    path.write_text(text)
    assert run_cli(repo, "validate").exit_code == 0

    def years(theme: dict[str, Any]) -> None:
        theme["iscg_topic_years"] = [2023, 2025]  # the item after the comment changed: the comment is 2023's

    assert edited_in_json(run_cli, repo, "themes", "new-theme", years).exit_code == 0
    assert "iscg_topic_years:\n  - 2023 # its first year\n  - 2025\n" in path.read_text()
    assert run_cli(repo, "fmt", "--check").exit_code == 0


def test_a_null_inside_a_list_item_empties_that_value_and_json_is_spoken_of_in_its_words(
    run_cli: RunCli, repo: Path
) -> None:
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--output", str(exported)).exit_code == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    (resolution,) = [r for r in records["resolutions"] if r["id"] == "pp-1"]
    resolution["editions"][1]["instructs"] = None  # as a record's own key: null empties it (it was refused)
    resolution["number"] = 1  # a number where text is wanted: said in JSON's words, not a spreadsheet's
    exported.write_text(json.dumps(records), encoding="utf-8")
    refused = run_cli(repo, "import", str(exported))
    assert refused.exit_code == 1
    assert 'hint: write it as a string, in double quotes ("1307")' in refused.stderr
    assert "cell" not in refused.stderr and "instructs" not in refused.stderr
    resolution["number"] = "1"
    exported.write_text(json.dumps(records), encoding="utf-8")
    assert run_cli(repo, "import", str(exported)).exit_code == 0
    assert "instructs" not in (repo / "data" / "resolutions" / "pp-1.yaml").read_text()


def test_an_export_edited_and_not_imported_is_not_replaced(run_cli: RunCli, repo: Path, book: Path) -> None:
    theme = repo / THEME
    theme.write_text(theme.read_text().replace("title: Alpha theme\n", "title: Alpha theme, renamed\n"))
    again = run_cli(repo, "export", "--output", str(book))
    assert again.exit_code == 0  # as exported, the records changed since: replaced
    workbook = load_workbook(book)
    themes = workbook["themes"]
    themes.cell(row_of(themes, "new-theme"), column(themes, "title")).value = "Edited in the workbook"
    workbook.save(book)
    edited = book.read_bytes()
    kept = run_cli(repo, "export", "--output", str(book))
    assert kept.exit_code == 1 and "was changed since res191 exported it, and holds values" in kept.stderr
    assert "import it if those are edits to keep" in kept.stderr
    assert book.read_bytes() == edited  # the edit is not lost
    assert run_cli(repo, "import", str(book)).exit_code == 0
    assert run_cli(repo, "export", "--output", str(book)).exit_code == 0  # imported: replaced
    # Without the digest of the export (another machine, a cache cleared) an edit cannot be told from
    # records changed since: said as such, not as an edit.
    (Path(os.environ["RES191_CACHE_DIR"]) / "exports.json").unlink()
    theme.write_text(theme.read_text().replace("title: Alpha theme, renamed\n", "title: Alpha theme\n"))
    older = run_cli(repo, "export", "--output", str(book))
    assert older.exit_code == 1 and "may be older than the records" in older.stderr
    empty = repo.parent / "empty.json"
    empty.write_text("{}")
    assert (
        "is not an export of these records (it holds no record)"
        in run_cli(repo, "export", "--output", str(empty)).stderr
    )
    notes = repo.parent / "notes.json"
    notes.write_text("my notes, not an export\n")
    other = run_cli(repo, "export", "--output", str(notes))
    assert other.exit_code == 1 and "is not an export of these records" in other.stderr
    assert run_cli(repo, "export", "--output", str(notes), "--force").exit_code == 0


def test_a_value_emptied_leaves_the_comment_below_it(run_cli: RunCli, repo: Path) -> None:
    # The comment after a folded text is the next key's: ruamel.yaml took it away with the text.
    path = repo / "data" / "themes" / "new-theme.yaml"
    text = path.read_text().replace(
        "status: active\n", "description: >-\n  A text on\n  two lines.\n# about the status\nstatus: active\n"
    )
    path.write_text(text)
    assert run_cli(repo, "validate").exit_code == 0
    emptied = edited_in_json(run_cli, repo, "themes", "new-theme", lambda t: t.update(description=None))
    assert emptied.exit_code == 0
    after = path.read_text()
    assert "description" not in after and "two lines" not in after
    assert "# about the status\nstatus: active\n" in after


def test_a_row_deleted_from_a_list_sheet_removes_that_item_only(run_cli: RunCli, repo: Path) -> None:
    theme = repo / THEME
    theme.write_text(
        theme.read_text().replace("title: Last year's study}", "title: Last year's study, description: Kept}")
    )
    book = repo.parent / "records.xlsx"
    run_cli(repo, "export", "--output", str(book))
    workbook = load_workbook(book)
    tracker = workbook["themes.tracker"]
    tracker.delete_cols(column(tracker, "description"))  # a column gone: each item keeps its own
    tracker.delete_rows(row_of(tracker, "alpha-theme"))  # the first activity, not the last
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    text = theme.read_text()
    assert "Joint workshop" not in text
    assert "title: Last year's study, description: Kept}" in text
    assert run_cli(repo, "validate").exit_code == 0


def test_an_items_number_that_is_not_whole_is_refused_at_its_cell(
    run_cli: RunCli, repo: Path, book: Path
) -> None:
    # 3.5 was read as 3, and said to be a second row of item 3, at the id's column.
    workbook = load_workbook(book)
    tracker = workbook["themes.tracker"]
    tracker.cell(row_of(tracker, "alpha-theme"), column(tracker, "tracker #")).value = 3.5
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 1
    assert "'tracker #' should be 1, 2, 3..., not 3.5" in result.stderr and "two rows" not in result.stderr


COMMENTED = """\
# yaml-language-server: $schema=../../schemas/resolution.schema.json
id: pp-1
conference: PP
number: "1"
calls_for_coordination: true
editions:
  # Alpha adopted it first.
  - place: Alpha
    year: 2018
    title: First text
    sources:
      - first source
      - second source
  # Beta revised it, after Alpha.
  - place: Beta
    year: 2022
    revised: true
    title: First text
    # What Beta instructs, in its own words.
    instructs:
      - to: Secretary-General
        action: >-
          do the first thing, in words long enough to be folded
          over two lines
      # The second instruction, which names the Secretary-General again.
      - to: Secretary-General
        action: do the second thing
      - to: Secretary-General and the Directors
        action: >-
          report every year, in words long enough to be folded
          over two lines
    sources:
      - third source
      - fourth source
  - {place: Gamma, year: 2026, revised: true, title: Not yet adopted in 2025}
"""

ALPHA = """\
  # Alpha adopted it first.
  - place: Alpha
    year: 2018
    title: First text
    sources:
      - first source
      - second source
"""

SECOND_INSTRUCTION = """\
      # The second instruction, which names the Secretary-General again.
      - to: Secretary-General
        action: do the second thing
"""


@pytest.fixture
def commented(repo: Path) -> Path:
    """pp-1 written with comments, block lists and folded texts, in the canonical layout."""
    path = repo / "data" / "resolutions" / "pp-1.yaml"
    path.write_text(COMMENTED)
    return path


def test_a_deleted_row_takes_its_item_alone_and_every_other_item_keeps_its_comments_and_layout(
    run_cli: RunCli, repo: Path, commented: Path
) -> None:
    book = repo.parent / "records.xlsx"
    assert run_cli(repo, "fmt", "--check").exit_code == 0  # the layout fmt writes: nothing else to change
    assert run_cli(repo, "export", "--output", str(book)).exit_code == 0
    workbook = load_workbook(book)
    editions = workbook["resolutions.editions"]
    editions.delete_rows(row_of(editions, "pp-1"))  # Alpha, the first item of three
    instructs = workbook["resolutions.editions.instructs"]
    instructs.delete_rows(row_of(instructs, "pp-1", 2))  # Beta's second instruction, of three
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert commented.read_text() == COMMENTED.replace(ALPHA, "").replace(SECOND_INSTRUCTION, "")
    assert run_cli(repo, "validate").exit_code == 0


def test_an_item_deleted_in_json_goes_alone_and_a_changed_one_keeps_its_layout(
    run_cli: RunCli, repo: Path, commented: Path
) -> None:
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--format", "json", "--output", str(exported)).exit_code == 0
    document = json.loads(exported.read_text())
    record = next(r for r in document["resolutions"] if r["id"] == "pp-1")
    del record["editions"][0]
    record["editions"][0]["sources"][1] = "fourth source, read again"
    record["editions"][0]["instructs"].append({"to": "Secretary-General", "action": "do a last thing"})
    exported.write_text(json.dumps({"resolutions": [record]}))
    result = run_cli(repo, "import", str(exported))
    assert result.exit_code == 0, result.output
    expected = (
        COMMENTED.replace(ALPHA, "")
        .replace("- fourth source\n", "- fourth source, read again\n")
        .replace(
            "over two lines\n    sources:",
            "over two lines\n      - to: Secretary-General\n        action: do a last thing\n    sources:",
        )
    )
    assert commented.read_text() == expected


def test_the_last_item_deleted_leaves_the_comment_below_it(
    run_cli: RunCli, repo: Path, commented: Path
) -> None:
    commented.write_text(COMMENTED.replace("  - {place: Gamma", "  # Gamma, to come.\n  - {place: Gamma"))
    commented.write_text(commented.read_text() + "# The end of the editions.\nsources: [a source]\n")
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--format", "json", "--output", str(exported)).exit_code == 0
    document = json.loads(exported.read_text())
    record = next(r for r in document["resolutions"] if r["id"] == "pp-1")
    del record["editions"][-1]
    exported.write_text(json.dumps({"resolutions": [record]}))
    assert run_cli(repo, "import", str(exported)).exit_code == 0
    text = commented.read_text()
    assert "Gamma" not in text
    assert "- fourth source\n# The end of the editions.\nsources: [a source]\n" in text, text


def test_a_formula_without_its_value_is_refused_at_its_cell(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    themes = workbook["themes"]
    title = column(themes, "title")
    themes.cell(row_of(themes, "alpha-theme"), title).value = '=UPPER("alpha")'  # saved by a script
    workbook.save(book)
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 1
    letter = chr(64 + title)
    assert f"themes!{letter}{row_of(themes, 'alpha-theme')}: error S203" in result.stderr
    assert 'holds a formula (=UPPER("alpha")) whose value the file does not hold' in result.stderr
    assert snapshot(repo) == before


def test_problems_are_said_in_a_spreadsheets_words(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    meetings = workbook["meetings"]
    meetings.cell(2, column(meetings, "remote_participation")).value = "yes"
    meetings.cell(2, column(meetings, "body")).value = None  # a required value emptied
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 1
    assert "type true or false" in result.stderr
    assert "'body' has no value in this meeting" in result.stderr
    assert "fill in its cell" in result.stderr
    assert "YAML" not in result.stderr and "None" not in result.stderr


def test_duplicate_ids_are_refused_in_every_format(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    bodies = workbook["bodies"]
    headings = [c.value for c in bodies[1]]
    for _ in range(2):  # two new rows with one id would write one file twice
        row = dict.fromkeys(headings)
        row.update({"id": "tdag", "acronym": "TDAG", "name": "Telecommunication Development Advisory Group"})
        bodies.append([row[h] for h in headings])
    workbook.save(book)
    before = snapshot(repo)
    sheet = run_cli(repo, "import", str(book))
    assert sheet.exit_code == 1 and "the id 'tdag' is on two rows of bodies" in sheet.stderr
    exported = repo.parent / "records.json"
    run_cli(repo, "export", "--output", str(exported))
    document = json.loads(exported.read_text())
    document["bodies"].append(dict(document["bodies"][0], name="Another name"))
    exported.write_text(json.dumps(document))
    merged = run_cli(repo, "import", str(exported))
    assert merged.exit_code == 1 and "is on two records of bodies" in merged.stderr
    assert snapshot(repo) == before


def test_a_key_written_twice_in_json_is_refused_at_its_place(run_cli: RunCli, repo: Path) -> None:
    source = repo.parent / "twice.json"
    source.write_text('{"themes": [{"id": "alpha-theme", "title": "A",\n  "title": "B"}]}')
    before = snapshot(repo)
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 1
    assert "twice.json:2:3: error Y102 [duplicate-key]" in result.stderr
    assert "the key 'title' appears twice in this object (first on line 1, column 35)" in result.stderr
    assert snapshot(repo) == before


def test_dry_run_writes_nothing_and_says_what_would_change(run_cli: RunCli, repo: Path, book: Path) -> None:
    workbook = load_workbook(book)
    themes = workbook["themes"]
    themes.cell(row_of(themes, "alpha-theme"), column(themes, "title")).value = "Alpha theme, renamed"
    workbook.save(book)
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book), "--dry-run")
    assert result.exit_code == 0, result.output
    assert f"would change {THEME}" in result.stderr and "1 record file would change" in result.stderr
    assert snapshot(repo) == before


def test_records_valid_alone_but_not_together_are_refused_and_nothing_is_written(
    run_cli: RunCli, repo: Path, book: Path
) -> None:
    """Each record is checked at its cells, then all of them together as validate checks them, on a copy:
    here a report whose Council session is an ISCG meeting (a meeting that exists, so its cell is right)."""
    workbook = load_workbook(book)
    reports = workbook["reports"]
    reports.cell(row_of(reports, "2024"), column(reports, "council_session")).value = "iscg-2024-06-04"
    themes = workbook["themes"]
    themes.cell(row_of(themes, "alpha-theme"), column(themes, "title")).value = "Alpha theme, renamed"
    workbook.save(book)
    before = snapshot(repo)
    for args in ([], ["--dry-run"]):
        result = run_cli(repo, "import", str(book), *args)
        assert result.exit_code == 1, result.output
        assert "R505" in result.stderr and "data/reports/2024.md" in result.stderr
        assert "nothing was imported: the records would not validate together" in result.stderr
        assert snapshot(repo) == before


def add_row(sheet: Path, values: dict[str, str]) -> None:
    """A row at the end of a CSV file of `res191 export`, with the values given under their headings."""
    headings = sheet.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    with sheet.open("a", encoding="utf-8") as out:
        out.write(",".join(values.get(h, "") for h in headings) + "\r\n")


def test_a_control_character_or_a_reserved_id_is_refused_at_its_cell(run_cli: RunCli, repo: Path) -> None:
    folder = repo.parent / "csv"
    run_cli(repo, "export", "--format", "csv", "--output", str(folder))
    themes = folder / "themes.csv"
    themes.write_text(themes.read_text(encoding="utf-8-sig").replace("Alpha theme", "Alpha\x0btheme"))
    add_row(folder / "bodies.csv", {"id": "nul", "acronym": "NUL", "name": "A device"})
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 1
    assert "error Y123 [control-character]" in result.stderr and "(U+000B)" in result.stderr
    assert "error X304 [reserved-name]" in result.stderr
    assert not (repo / "data" / "bodies" / "nul.yaml").exists()


def imported_with_resolutions(run_cli: RunCli, repo: Path, book: Path, cell: str) -> tuple[Result, str]:
    """The import of the workbook with the theme alpha-theme's resolutions cell changed; the cell's name."""
    workbook = load_workbook(book)
    themes = workbook["themes"]
    place = (row_of(themes, "alpha-theme"), column(themes, "resolutions"))
    themes.cell(*place).value = cell
    workbook.save(book)
    return run_cli(repo, "import", str(book)), f"themes!{chr(64 + place[1])}{place[0]}"


def test_a_value_listed_again_is_refused_at_its_cell(run_cli: RunCli, repo: Path, book: Path) -> None:
    before = snapshot(repo)
    result, cell = imported_with_resolutions(run_cli, repo, book, "pp-1\nwtsa-2\npp-1")
    assert result.exit_code == 1
    assert f"{cell}: error S207 [repeated-item]" in result.stderr
    assert "resolutions: 'pp-1' is listed again in the same cell" in result.stderr
    assert snapshot(repo) == before


def test_a_list_cell_is_shown_one_item_a_line(run_cli: RunCli, repo: Path, book: Path) -> None:
    result, _ = imported_with_resolutions(run_cli, repo, book, "pp-1, wtsa-2")
    assert result.exit_code == 1
    # The example as the cell would hold it, not a YAML list the cell would refuse in turn.
    assert "for example:\n    pp-175\n    wtsa-70\n" in result.stderr
    assert "[pp-175" not in result.stderr


def test_a_new_record_without_its_parts_is_told_the_sheet_to_give_them_in(
    run_cli: RunCli, repo: Path
) -> None:
    folder = repo.parent / "csv"
    run_cli(repo, "export", "--format", "csv", "--output", str(folder))
    add_row(folder / "resolutions.csv", {"id": "pp-77", "conference": "PP", "number": "77"})
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 1
    assert "hint: give it rows in the sheet resolutions.editions, one row an item" in result.stderr
    assert "{place:" not in result.stderr  # no YAML for a spreadsheet's user


def test_a_failure_partway_through_the_writes_leaves_every_file_as_it_was(
    run_cli: RunCli, repo: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workbook = load_workbook(book)
    themes = workbook["themes"]
    for record_id in ("alpha-theme", "new-theme"):
        themes.cell(row_of(themes, record_id), column(themes, "description")).value = f"About {record_id}."
    bodies = workbook["bodies"]
    headings = [c.value for c in bodies[1]]
    row = dict.fromkeys(headings)
    row.update({"id": "tdag", "acronym": "TDAG", "name": "Telecommunication Development Advisory Group"})
    bodies.append([row[h] for h in headings])
    workbook.save(book)
    before = snapshot(repo)
    real_replace = os.replace
    calls = []

    def failing(source: str, target: str) -> None:
        calls.append(target)
        if len(calls) == 2:  # the second file of three: one is already written
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", failing)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 2, result.output
    assert "No space left on device" in result.stderr
    monkeypatch.setattr(os, "replace", real_replace)
    assert snapshot(repo) == before
    assert not list(repo.rglob("*.res191-tmp"))


def test_a_file_changed_while_the_import_runs_is_not_overwritten(
    repo: Path, book: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from res191.editing import importing
    from tests.conftest import load

    workbook = load_workbook(book)
    themes = workbook["themes"]
    themes.cell(row_of(themes, "alpha-theme"), column(themes, "title")).value = "Alpha theme, renamed"
    workbook.save(book)
    loaded = load(repo)
    tried = importing._trial

    def editor_saves_meanwhile(changes: list[importing.Change], root: Path) -> list[object]:
        (repo / THEME).write_text((repo / THEME).read_text() + "# the editor's own line\n")
        return tried(changes, root)  # type: ignore[return-value]

    monkeypatch.setattr(importing, "_trial", editor_saves_meanwhile)
    from res191.atomic import ChangedMeanwhile

    with pytest.raises(ChangedMeanwhile):
        importing.import_records(book, loaded)
    assert (repo / THEME).read_text().endswith("# the editor's own line\n")


MEETING = "data/meetings/iscg-2024-01-10.md"


@pytest.mark.parametrize(
    ("path", "crlf", "edit"),
    [
        ("data/resolutions/wtdc-3.yaml", "whole", ("resolutions", "wtdc-3", "sectors", ["ITU-D"])),
        (MEETING, "whole", ("meetings", "iscg-2024-01-10", "venue", "Geneva")),
        (MEETING, "body", ("meetings", "iscg-2024-01-10", "venue", "Geneva")),
        (MEETING, "whole", ("meetings", "iscg-2024-01-10", "text", "## Outcome\n\nAgreed.\n")),
    ],
    ids=["yaml-record", "meeting-front-matter", "meeting-body-only-crlf", "meeting-text"],
)
def test_a_file_saved_with_crlf_line_endings_is_imported_into_and_written_with_lf(
    run_cli: RunCli, repo: Path, path: str, crlf: str, edit: tuple[str, str, str, object]
) -> None:
    # A file saved on Windows: Python's text mode reads its CR LF as LF, and the import once took the
    # difference for an editor's save made meanwhile, refusing every time ("changed while the import ran").
    record = repo / path
    text = record.read_text(encoding="utf-8")
    if record.suffix == ".md":
        text += "\nThe group met online.\nIt agreed.\n"
    if crlf == "whole":
        record.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    else:  # the front matter with LF, the text after it with CR LF (an outcome pasted in on Windows)
        closing = text.index("\n---\n", 3) + 5
        record.write_bytes((text[:closing] + text[closing:].replace("\n", "\r\n")).encode("utf-8"))
    exported = repo.parent / "records.json"
    assert run_cli(repo, "export", "--output", str(exported)).exit_code == 0
    assert run_cli(repo, "import", str(exported)).stderr.startswith("0 record files changed")
    records = json.loads(exported.read_text(encoding="utf-8"))
    kind, record_id, key, value = edit
    (changed,) = [r for r in records[kind] if r["id"] == record_id]
    changed[key] = value
    exported.write_text(json.dumps(records), encoding="utf-8")
    result = run_cli(repo, "import", str(exported))
    assert result.exit_code == 0, result.output
    assert f"changed {path}" in result.stderr
    # Written as fmt writes every file: LF line endings, the rest as it was.
    after = record.read_bytes().decode("utf-8")
    assert "\r" not in after
    assert ("Geneva" if value == "Geneva" else "sectors: [ITU-D]" if key == "sectors" else "Agreed.") in after
    if record.suffix == ".md" and key != "text":
        assert after.endswith("\nThe group met online.\nIt agreed.\n")
    assert run_cli(repo, "validate").exit_code == 0


# Sources that are not what res191 reads, and hostile ones: each answered in words, quickly.


def _answer(run_cli: RunCli, repo: Path, source: Path) -> tuple[int, str, float]:
    start = time.monotonic()
    result = run_cli(repo, "import", str(source))
    return result.exit_code, result.stderr, time.monotonic() - start


def test_other_spreadsheet_files_are_answered_with_how_to_save_them(run_cli: RunCli, repo: Path) -> None:
    for name, said in [("old.xls", "old Excel workbooks (.xls)"), ("open.ods", "OpenDocument spreadsheets")]:
        (repo.parent / name).write_bytes(b"\xd0\xcf\x11\xe0 not read")
        code, error, _ = _answer(run_cli, repo, repo.parent / name)
        assert code == 1 and said in error and "save it as an Excel Workbook (.xlsx)" in error


def test_a_semicolon_csv_from_a_french_excel_is_read(run_cli: RunCli, repo: Path) -> None:
    folder = repo.parent / "csv"
    run_cli(repo, "export", "--format", "csv", "--output", str(folder))
    themes = folder / "themes.csv"
    text = themes.read_text(encoding="utf-8-sig")
    import csv
    import io

    rows = list(csv.reader(io.StringIO(text)))
    rows[[r[0] for r in rows].index("alpha-theme")][rows[0].index("title")] = "Alpha; renamed"
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    themes.write_text(out.getvalue(), encoding="utf-8")
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert "title: Alpha; renamed\n" in (repo / THEME).read_text()


def test_a_csv_not_in_utf8_is_answered_with_how_to_save_it(run_cli: RunCli, repo: Path) -> None:
    folder = repo.parent / "csv"
    run_cli(repo, "export", "--format", "csv", "--output", str(folder))
    themes = folder / "themes.csv"
    themes.write_bytes(themes.read_bytes().replace(b"Alpha theme", "Alpha thème".encode("cp1252")))
    code, error, _ = _answer(run_cli, repo, folder)
    assert code == 1
    assert "themes.csv: the text is not UTF-8 (byte 0xE8 on line" in error
    assert "CSV UTF-8 (Comma delimited)" in error


def _bomb(path: Path, member: str, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as out:
            chunk = b" " * 2**20
            for _ in range(size // 2**20):
                out.write(chunk)


_SHEET = (
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>{}</t></is></c></row></sheetData></worksheet>'
)


def _lol(n: int) -> str:
    inner = f"&lol{n};" if n else "&lol;"
    return f'<!ENTITY lol{n + 1} "{inner * 10}">'


HOSTILE_XML = {
    "entity-bomb": (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(_lol(n) for n in range(9))
        + "]>"
        + _SHEET.format("&lol9;")
    ),
    "external-entity": (
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        + _SHEET.format("&xxe;")
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_XML))
def test_xml_with_entities_is_refused(run_cli: RunCli, repo: Path, book: Path, case: str) -> None:
    hostile = repo.parent / f"{case}.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(hostile, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, HOSTILE_XML[case] if item.filename == "xl/worksheets/sheet1.xml" else data)
    code, error, seconds = _answer(run_cli, repo, hostile)
    assert code == 1, error
    assert "holds XML declarations (entities) that a spreadsheet program never writes" in error
    assert "root:" not in error and seconds < 10


def _with_sheet(path: Path, content: str) -> Path:
    """A workbook of one sheet, themes, whose XML is content."""
    book = Workbook()
    book.active.title = "themes"  # type: ignore[union-attr]
    book.save(path)
    sheet = (
        f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{content}</worksheet>'
    )
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in items:
            target.writestr(item, sheet if item.filename == "xl/worksheets/sheet1.xml" else data)
    return path


def test_hostile_workbooks_end_quickly_in_words(run_cli: RunCli, repo: Path, book: Path) -> None:
    cases: dict[str, Path] = {}
    cases["zip-bomb"] = repo.parent / "bomb.xlsx"
    _bomb(cases["zip-bomb"], "xl/sharedStrings.xml", 300 * 2**20)
    cases["not-a-zip"] = repo.parent / "text.xlsx"
    cases["not-a-zip"].write_text("id,title\n")
    cases["truncated"] = repo.parent / "cut.xlsx"
    cases["truncated"].write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    rows = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 100_003))
    cases["many-rows"] = _with_sheet(repo.parent / "many.xlsx", f"<sheetData>{rows}</sheetData>")
    cases["million-rows"] = _with_sheet(  # as a spreadsheet program writes it: the size comes first
        repo.parent / "million.xlsx", '<dimension ref="A1:B1000000"/><sheetData></sheetData>'
    )
    cases["deep-json"] = repo.parent / "deep.json"
    cases["deep-json"].write_text('{"themes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    fifo = repo.parent / "fifo.xlsx"
    os.mkfifo(fifo)
    cases["fifo"] = fifo
    folder = repo.parent / "csv"
    folder.mkdir()
    (folder / "themes.csv").write_text("id,title\nalpha-theme," + "x" * 200_000 + "\n")
    cases["long-csv-field"] = folder
    before = snapshot(repo)
    for name, source in cases.items():
        code, error, seconds = _answer(run_cli, repo, source)
        assert code in (1, 2), (name, error)
        assert "internal error" not in error and "Traceback" not in error, (name, error)
        assert error.strip(), name
        assert seconds < 10, (name, seconds)
    assert snapshot(repo) == before


RISKY = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "'quoted", "'=already", "\tx", "plain"]


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text_and_read_back_unchanged() -> None:
    from res191.editing.exchange import _csv, _from_csv

    for text in RISKY:
        written = _csv(text)
        assert not written.startswith(("=", "+", "-", "@", "\t")), text
        assert _from_csv(written) == text


def test_texts_a_spreadsheet_could_misread_survive_a_workbook_round_trip(
    run_cli: RunCli, repo: Path, book: Path
) -> None:
    # A formula, a number, a link, an escape sequence of the workbook's XML (`_x0041_` stands for "A"
    # where a writer does not escape its underscore) and lines: each stays the text it is.
    theme = repo / THEME
    theme.write_text(
        theme.read_text()
        .replace("title: Alpha theme\n", 'title: Alpha theme\ndescription: "=1+1"\n')
        .replace("name: Ann Example", 'name: "_x0041_ and _x005F_"')
        .replace("title: Joint workshop", 'title: "12"')
        .replace("description: With ITU-D}", 'description: "https://www.itu.int/\\nsecond line"}')
    )
    checked = run_cli(repo, "validate")
    assert checked.exit_code == 0, checked.output
    assert run_cli(repo, "export", "--output", str(book)).exit_code == 0
    sheet = load_workbook(book)["themes"]
    assert sheet.cell(row_of(sheet, "alpha-theme"), column(sheet, "description")).data_type == "s"
    tracker = load_workbook(book)["themes.tracker"]
    assert tracker.cell(row_of(tracker, "alpha-theme"), column(tracker, "title")).data_type == "s"
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0 and "0 record files changed" in result.stderr, result.stderr
    assert snapshot(repo) == before


def test_a_formula_like_description_survives_a_csv_round_trip(run_cli: RunCli, repo: Path) -> None:
    theme = repo / THEME
    theme.write_text(
        theme.read_text().replace("title: Alpha theme\n", 'title: Alpha theme\ndescription: "=1+1"\n')
    )
    folder = repo.parent / "csv"
    run_cli(repo, "export", "--format", "csv", "--output", str(folder))
    assert ",'=1+1," in (folder / "themes.csv").read_text(encoding="utf-8-sig")
    before = snapshot(repo)
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 0 and "0 record files changed" in result.stderr
    assert snapshot(repo) == before


def test_a_kind_whose_records_are_not_a_list_is_named_as_such(run_cli: RunCli, repo: Path) -> None:
    source = repo.parent / "records.json"
    source.write_text(json.dumps({"themes": "notalist"}), encoding="utf-8")
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 1
    assert "'themes' should be a list of records, not a text (\"notalist\")" in result.stdout + result.stderr
    assert "is not a kind of record" not in result.stdout + result.stderr


def _edit(repo: Path, theme: str) -> Path:
    source = repo.parent / f"{theme}.json"
    source.write_text(json.dumps({"themes": [{"id": theme, "description": "Edited."}]}), encoding="utf-8")
    return source


def test_a_record_that_is_a_link_inside_the_repository_is_imported_into_through_it(
    run_cli: RunCli, repo: Path
) -> None:
    shared = repo / "shared"
    shared.mkdir()
    link = repo / "data" / "themes" / "alpha-theme.yaml"
    link.rename(shared / "alpha-theme.yaml")
    link.symlink_to(Path("..", "..", "shared", "alpha-theme.yaml"))
    assert run_cli(repo, "validate").exit_code == 0  # such a link is a record, as validate reads it
    other = run_cli(repo, "import", str(_edit(repo, "new-theme")))  # tried with the linked record beside it
    assert other.exit_code == 0, other.output
    result = run_cli(repo, "import", str(_edit(repo, "alpha-theme")))
    assert result.exit_code == 0, result.output
    assert "changed data/themes/alpha-theme.yaml" in result.stderr
    assert link.is_symlink() and "description: Edited." in (shared / "alpha-theme.yaml").read_text()
    assert run_cli(repo, "validate").exit_code == 0


def test_a_read_only_record_is_named_and_nothing_is_imported(run_cli: RunCli, repo: Path) -> None:
    record = repo / "data" / "themes" / "alpha-theme.yaml"
    os.chmod(record, 0o444)
    source = _edit(repo, "alpha-theme")
    before = snapshot(repo)
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 2, result.output
    assert "nothing was imported: cannot write data/themes/alpha-theme.yaml: it is read-only" in result.stderr
    assert "res191-trial" not in result.stderr and "Traceback" not in result.output
    assert snapshot(repo) == before and not list(repo.rglob("*.res191-tmp"))
    dry = run_cli(repo, "import", "--dry-run", str(source))  # only reads: the mode is no matter
    assert dry.exit_code == 0 and "would change data/themes/alpha-theme.yaml" in dry.stderr
