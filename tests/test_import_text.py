"""The Markdown text of meetings and reports (a meeting's outcome, a report's narrative) in `res191 export`
(workbook, CSV, JSON), in the site's open data, and back through `res191 import`: only what follows the
front matter changes, the front matter and its comments stay byte for byte."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import EXAMPLES, RunCli
from tests.test_editing import snapshot

WITH_REPORT = EXAMPLES / "valid" / "with-report"
MEETING = "data/meetings/iscg-2024-01-10.md"
# Headings, a blank line, a list, non-ASCII text in three scripts, and the trailing line ending.
OUTCOME = (
    "## Outcome\n\nThe group agreed on the plan.\n\n### Calls for action\n\n"
    "- Ask TSAG — « bientôt », 日本語, العربية\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of a small valid repository, with a meeting whose front matter has a comment and which
    has an outcome."""
    target = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, target)
    meeting = target / MEETING
    text = meeting.read_text(encoding="utf-8").replace("venue: Online\n", "venue: Online  # as invited\n")
    meeting.write_text(text + "\n" + OUTCOME, encoding="utf-8")
    return target


def front_matter(path: Path) -> str:
    """A Markdown record's text up to and with its closing --- line."""
    text = path.read_text(encoding="utf-8")
    return text[: text.index("\n---\n", 3) + 5]


def cell_of(book: Path, sheet_name: str, record_id: str, heading: str) -> tuple[object, int, int]:
    sheet = load_workbook(book)[sheet_name]
    headings = [c.value for c in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == record_id)
    return sheet.cell(row, headings.index(heading) + 1).value, row, headings.index(heading) + 1


def set_cell(book: Path, sheet_name: str, record_id: str, heading: str, value: str | None) -> None:
    _, row, column = cell_of(book, sheet_name, record_id, heading)
    workbook = load_workbook(book)
    workbook[sheet_name].cell(row, column).value = value
    workbook.save(book)


def exported(run_cli: RunCli, repo: Path, name: str, *options: str) -> Path:
    path = repo.parent / name
    result = run_cli(repo, "export", "--output", str(path), *options)
    assert result.exit_code == 0, result.output
    return path


def test_every_export_holds_the_text_of_meetings_and_reports(run_cli: RunCli, repo: Path) -> None:
    report_text = (repo / "data/reports/2025.md").read_text(encoding="utf-8").split("---\n\n", 1)[1]
    records = json.loads(exported(run_cli, repo, "records.json").read_text(encoding="utf-8"))
    meeting = next(m for m in records["meetings"] if m["id"] == "iscg-2024-01-10")
    assert meeting["text"] == OUTCOME
    assert next(r for r in records["reports"] if r["id"] == "2025")["text"] == report_text
    # A meeting with no text has no key, as a key its file does not set.
    assert "text" not in next(m for m in records["meetings"] if m["id"] == "council-2023")

    book = exported(run_cli, repo, "records.xlsx")
    assert cell_of(book, "meetings", "iscg-2024-01-10", "text")[0] == OUTCOME
    assert cell_of(book, "reports", "2025", "text")[0] == report_text
    assert cell_of(book, "meetings", "council-2023", "text")[0] is None

    folder = exported(run_cli, repo, "csv", "--format", "csv")
    rows = csv.DictReader(io.StringIO((folder / "meetings.csv").read_text(encoding="utf-8-sig")))
    by_id = {row["id"]: row for row in rows}
    assert by_id["iscg-2024-01-10"]["text"] == OUTCOME and by_id["council-2023"]["text"] == ""


def test_the_sites_open_data_holds_the_texts(repo: Path) -> None:
    from res191.editing.exchange import open_data
    from res191.validation import validate

    loaded = validate(repo, repo, keep_records=True).loaded
    assert loaded is not None
    files = open_data(loaded, date(2024, 6, 4))
    records = json.loads(files["res191-records.json"])
    assert next(m for m in records["meetings"] if m["id"] == "iscg-2024-01-10")["text"] == OUTCOME
    assert "text" in files["csv/meetings.csv"].decode("utf-8-sig").splitlines()[0].split(",")
    assert "Ask TSAG — « bientôt », 日本語, العربية" in files["csv/meetings.csv"].decode("utf-8-sig")


def test_a_text_edited_in_the_workbook_changes_only_what_follows_the_front_matter(
    run_cli: RunCli, repo: Path
) -> None:
    meeting = repo / MEETING
    kept = front_matter(meeting)
    assert "# as invited" in kept
    book = exported(run_cli, repo, "records.xlsx")
    set_cell(book, "meetings", "iscg-2024-01-10", "text", "## Outcome\n\nThe group agreed — à l'unanimité.")
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert "changed data/meetings/iscg-2024-01-10.md" in result.stderr
    assert "1 record file changed" in result.stderr
    # The front matter, its comment and the blank line after it as they were; the text as typed, with
    # the line ending a file ends with.
    assert meeting.read_text(encoding="utf-8") == kept + "\n## Outcome\n\nThe group agreed — à l'unanimité.\n"
    after = snapshot(repo)
    assert {path for path in before if before[path] != after[path]} == {MEETING}
    assert run_cli(repo, "validate", "--strict").exit_code == 0
    assert run_cli(repo, "fmt", "--check").exit_code == 0


def test_a_text_and_a_key_edited_together_land_both(run_cli: RunCli, repo: Path) -> None:
    book = exported(run_cli, repo, "records.xlsx")
    set_cell(book, "meetings", "iscg-2024-01-10", "text", "Agreed.\n")
    set_cell(book, "meetings", "iscg-2024-01-10", "venue", "Geneva")
    assert run_cli(repo, "import", str(book)).exit_code == 0
    text = (repo / MEETING).read_text(encoding="utf-8")
    assert "venue: Geneva  # as invited\n" in text and text.endswith("---\n\nAgreed.\n")


def test_an_emptied_text_cell_removes_the_text_and_a_missing_column_keeps_it(
    run_cli: RunCli, repo: Path
) -> None:
    meeting = repo / MEETING
    kept = front_matter(meeting)
    # A workbook without the column (exported before it existed, or deleted): the texts stay.
    book = exported(run_cli, repo, "records.xlsx")
    workbook = load_workbook(book)
    sheet = workbook["meetings"]
    sheet.delete_cols([c.value for c in sheet[1]].index("text") + 1)
    workbook.save(book)
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    assert "the sheet meetings has no column text: those values are left as they are" in result.stderr
    assert snapshot(repo) == before
    # An emptied cell empties the value, as in every other column: the file ends at its front matter.
    book = exported(run_cli, repo, "records.xlsx")
    set_cell(book, "meetings", "iscg-2024-01-10", "text", None)
    assert run_cli(repo, "import", str(book)).exit_code == 0
    assert meeting.read_text(encoding="utf-8") == kept


def test_in_json_a_text_left_out_is_kept_null_removes_it_and_a_new_one_follows_a_blank_line(
    run_cli: RunCli, repo: Path
) -> None:
    meeting = repo / MEETING
    kept = front_matter(meeting)
    source = repo.parent / "records.json"
    source.write_text(json.dumps({"meetings": [{"id": "iscg-2024-01-10", "venue": "Online"}]}))
    before = snapshot(repo)
    assert run_cli(repo, "import", str(source)).exit_code == 0
    assert snapshot(repo) == before
    source.write_text(json.dumps({"meetings": [{"id": "iscg-2024-01-10", "text": None}]}))
    assert run_cli(repo, "import", str(source)).exit_code == 0
    assert meeting.read_text(encoding="utf-8") == kept
    source.write_text(json.dumps({"meetings": [{"id": "iscg-2024-01-10", "text": "Agreed, 同意.\n"}]}))
    assert run_cli(repo, "import", str(source)).exit_code == 0
    assert meeting.read_text(encoding="utf-8") == kept + "\nAgreed, 同意.\n"


def test_a_new_meeting_with_a_text_is_created_with_it(run_cli: RunCli, repo: Path) -> None:
    source = repo.parent / "records.json"
    new = {"id": "iscg-2025-09-20", "body": "iscg", "start": "2025-09-20", "text": "# Outcome\n\nAgreed.\n"}
    source.write_text(json.dumps({"meetings": [new]}))
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 0, result.output
    text = (repo / "data/meetings/iscg-2025-09-20.md").read_text(encoding="utf-8")
    assert text.startswith("---\nid: iscg-2025-09-20\nbody: iscg\n") and "\nstart: 2025-09-20\n" in text
    assert text.endswith("---\n\n# Outcome\n\nAgreed.\n")
    assert run_cli(repo, "validate", "--strict").exit_code == 0


def test_a_new_meeting_has_the_hint_for_its_outcome_only_where_the_import_gives_none(
    run_cli: RunCli, repo: Path
) -> None:
    source = repo.parent / "records.json"
    with_text = {"id": "iscg-2025-09-20", "body": "iscg", "start": "2025-09-20", "text": "Agreed.\n"}
    without = {"id": "iscg-2025-10-20", "body": "iscg", "start": "2025-10-20"}
    source.write_text(json.dumps({"meetings": [with_text, without]}))
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 0, result.output
    hint = "# After the closing --- line: the outcome of the meeting"
    given = (repo / "data/meetings/iscg-2025-09-20.md").read_text(encoding="utf-8")
    assert hint not in given and given.endswith("---\n\nAgreed.\n")
    assert hint in (repo / "data/meetings/iscg-2025-10-20.md").read_text(encoding="utf-8")


def test_a_text_that_is_not_a_text_is_refused_at_its_place(run_cli: RunCli, repo: Path) -> None:
    source = repo.parent / "records.json"
    source.write_text(json.dumps({"meetings": [{"id": "iscg-2024-01-10", "text": ["Agreed"]}]}))
    before = snapshot(repo)
    result = run_cli(repo, "import", str(source))
    assert result.exit_code == 1
    assert "meetings[0].text: error S203" in result.stderr
    assert 'the text should be Markdown text, not ["Agreed"]' in result.stderr
    assert snapshot(repo) == before


def test_a_text_a_spreadsheet_would_run_is_written_after_an_apostrophe_in_csv(
    run_cli: RunCli, repo: Path
) -> None:
    meeting = repo / MEETING
    meeting.write_text(
        meeting.read_text(encoding="utf-8").replace(OUTCOME, "- first point\n=SUM(A1)\n"), encoding="utf-8"
    )
    folder = exported(run_cli, repo, "csv", "--format", "csv")
    assert '"\'- first point\n=SUM(A1)\n"' in (folder / "meetings.csv").read_text(encoding="utf-8-sig")
    before = snapshot(repo)
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 0 and "0 record files changed" in result.stderr, result.output
    assert snapshot(repo) == before


def test_a_text_longer_than_a_cell_is_kept_whole(run_cli: RunCli, repo: Path) -> None:
    meeting = repo / MEETING
    long_text = "".join(f"Paragraph {n}: the group agreed — d'accord.\n\n" for n in range(1200))
    assert len(long_text) > 32_767
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OUTCOME, long_text), encoding="utf-8")
    book = repo.parent / "records.xlsx"
    result = run_cli(repo, "export", "--output", str(book))
    assert result.exit_code == 0, result.output
    assert "(iscg-2024-01-10): the text is longer than a cell holds (32,767 characters)" in result.stderr
    assert len(str(cell_of(book, "meetings", "iscg-2024-01-10", "text")[0])) == 32_767
    records = json.loads(exported(run_cli, repo, "records.json").read_text(encoding="utf-8"))
    assert next(m for m in records["meetings"] if m["id"] == "iscg-2024-01-10")["text"] == long_text
    # The cut cell imported back leaves the whole text; a cut cell edited is refused, not cut further.
    before = snapshot(repo)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0 and "0 record files changed" in result.stderr, result.output
    assert "the cell holds its start: the text is left as it is" in result.stderr
    assert snapshot(repo) == before
    set_cell(book, "meetings", "iscg-2024-01-10", "text", "X" + long_text[1:32_767])
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 1
    assert "importing this cell would cut the rest" in result.stderr
    assert snapshot(repo) == before


def test_a_cut_cell_edited_shorter_is_refused_not_cut_further(run_cli: RunCli, repo: Path) -> None:
    meeting = repo / MEETING
    long_text = "".join(f"Paragraph {n}: the group agreed — d'accord.\n\n" for n in range(1200))
    meeting.write_text(meeting.read_text(encoding="utf-8").replace(OUTCOME, long_text), encoding="utf-8")
    book = exported(run_cli, repo, "records.xlsx")
    before = snapshot(repo)
    # An editor corrects a word in the cut cell and deletes a paragraph: the cell is now shorter than a
    # cell holds, and importing it would write the cell alone in place of the whole text.
    edited = (
        long_text[:32_767]
        .replace("Paragraph 3:", "Paragraph three:")
        .replace("Paragraph 5: the group agreed — d'accord.\n\n", "")
    )
    assert len(edited) < 32_767
    set_cell(book, "meetings", "iscg-2024-01-10", "text", edited)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 1, result.output
    assert "meetings!" in result.stderr and "importing this cell would cut the rest" in result.stderr
    assert "edit the text in data/meetings/iscg-2024-01-10.md, or in a CSV or JSON export" in result.stderr
    assert snapshot(repo) == before
    # The whole text, as a CSV export holds it, edited the same way, lands whole.
    folder = exported(run_cli, repo, "csv", "--format", "csv")
    sheet = folder / "meetings.csv"
    edited_csv = sheet.read_text(encoding="utf-8-sig").replace("Paragraph 3:", "Paragraph three:")
    sheet.write_text(edited_csv, encoding="utf-8-sig")
    result = run_cli(repo, "import", str(folder))
    assert result.exit_code == 0, result.output
    assert meeting.read_text(encoding="utf-8").endswith(long_text.replace("Paragraph 3:", "Paragraph three:"))
