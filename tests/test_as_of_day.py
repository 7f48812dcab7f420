"""No output states more than the records back on the day it speaks of: a theme created later, editions and
sessions after the day, reports written after it (models/in_force.py, models/reporting.py)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from res191.models.reporting import theme_exists
from tests.conftest import RunCli

LATER_THEME = "Sustainable Digital Transformation"  # since: 2024-03 in the bundled data


def _a_2023_report(root: Path) -> None:
    """The 2024 report record copied to 2023, with the mapping and overlaps annexes, as an editor starts
    it; and the theme created in March 2024 resting on two resolutions in force in 2023 (a test fixture,
    not a fact of the bundled data)."""
    text = (root / "data" / "reports" / "2024.md").read_text(encoding="utf-8")
    text = text.replace('id: "2024"', 'id: "2023"').replace("year: 2024", "year: 2023")
    text = text.replace("council_session: council-2024", "council_session: council-2023")
    text = re.sub(r"^(results_in|written_before):.*\n", "", text, flags=re.MULTILINE)
    text = text.replace("\n---\n", "\nannexes: [mapping, overlaps]\n---\n", 1)
    (root / "data" / "reports" / "2023.md").write_text(text, encoding="utf-8")
    theme = root / "data" / "themes" / "sustainable-digital-transformation.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "resolutions: [pp-200, wtdc-8]\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("since", "day", "exists"),
    [
        ("2024-03", "2024-03-30", False),  # any day of March may be the one: not backed before its end
        ("2024-03", "2024-03-31", True),
        ("2024-12", "2024-12-31", True),
        ("2024", "2024-12-30", False),
        ("2024", "2024-12-31", True),
        (None, "1900-01-01", True),  # not recorded: as before `since` was asked
    ],
)
def test_a_theme_exists_from_the_end_of_its_since(since: str | None, day: str, exists: bool) -> None:
    assert theme_exists(since, date.fromisoformat(day)) is exists


def test_a_past_day_shows_no_theme_created_later(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    _a_2023_report(bundled)
    assert run_cli(bundled, "validate").exit_code == 0
    report = run_cli(bundled, "report", "--year", "2023", "-o", "-")
    assert report.exit_code == 0, report.output
    assert "## Annex" in report.stdout and LATER_THEME not in report.stdout
    matrix = run_cli(bundled, "matrix", "--on", "2023-06-01")
    assert matrix.exit_code == 0 and "Accessibility" in matrix.stdout and LATER_THEME not in matrix.stdout
    overlaps = run_cli(bundled, "overlaps", "--on", "2023-06-01")
    assert overlaps.exit_code == 0 and LATER_THEME not in overlaps.stdout
    # The theme's day: it is shown again, in the mapping and in the overlaps.
    assert LATER_THEME in run_cli(bundled, "matrix", "--on", "2024-06-01").stdout
    assert LATER_THEME in run_cli(bundled, "overlaps", "--on", "2024-06-01").stdout

    site = tmp_path / "site"
    assert run_cli(bundled, "site", "--lang", "en", "--on", "2023-01-01", "-o", str(site)).exit_code == 0
    assert not (site / "themes" / "sustainable-digital-transformation.html").exists()
    for page in ("index.html", "themes/index.html", "mapping.html", "overlaps.html", "search.html",
                 "search-index.js", "resolutions/pp-200.html", "tracker.html"):  # fmt: skip
        assert LATER_THEME not in (site / page).read_text(encoding="utf-8"), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "sustainable-digital-transformation" not in home
