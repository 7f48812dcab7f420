"""No output states more than the records back on the day it speaks of: a theme created later, editions and
sessions after the day, reports written after it (models/in_force.py, models/reporting.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from res191.models.reporting import theme_exists
from tests.conftest import REPO, RunCli

LATER_THEME = "Sustainable Digital Transformation"  # since: 2024-03 in the bundled data
LATER_ID = "sustainable-digital-transformation"


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


def test_a_theme_retired_later_is_reported_on_the_days_before(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # Every theme retired as of June 2025: the 2024 report, its check, the mapping and the overlaps of 2024
    # still hold them, as they did then; those of a day after June 2025 leave them out.
    for theme in (bundled / "data" / "themes").glob("*.yaml"):
        text = theme.read_text(encoding="utf-8").replace("status: active\nstatus_as_of: 2024-05\n", "")
        theme.write_text(text + "status: retired\nstatus_as_of: 2025-06\n", encoding="utf-8")
    record = bundled / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\n---\n", "\nannexes: [mapping]\n---\n", 1), encoding="utf-8")
    checked = run_cli(bundled, "validate", "--all-warnings")
    assert checked.exit_code == 0 and "R504" not in checked.stdout, checked.stdout  # no empty annex
    report = run_cli(bundled, "report", "--year", "2024", "-o", "-")
    assert report.exit_code == 0, report.output
    assert "Accessibility" in report.stdout.split("## Annex", 1)[1]
    for day, shown in (("2024-06-01", True), ("2025-05-31", True), ("2025-06-30", False)):
        assert ("Accessibility" in run_cli(bundled, "matrix", "--on", day).stdout) is shown, day
        overlaps = run_cli(bundled, "overlaps", "--on", day, "--format", "json").stdout
        assert ('"accessibility"' in overlaps) is shown, day
    for day, shown in (("2024-06-01", True), ("2026-01-01", False)):
        site = tmp_path / day
        assert run_cli(bundled, "site", "--lang", "en", "--on", day, "-o", str(site)).exit_code == 0
        for page in ("mapping.html", "index.html"):
            assert ("themes/accessibility.html" in (site / page).read_text(encoding="utf-8")) is shown, page
    page = (tmp_path / "2024-06-01" / "themes" / "accessibility.html").read_text(encoding="utf-8")
    assert "retired" not in page and "Status:" not in page  # its status of June 2024 is not recorded


def test_a_themes_status_is_shown_with_the_month_it_was_read(built: Callable[[str], Path]) -> None:
    page = (built("2026-01-01") / "themes" / "accessibility.html").read_text(encoding="utf-8")
    assert "Status: active, as of May 2024." in page
    # Read in May 2024 (the 2024 report): not known on an earlier day.
    assert "Status:" not in (built("2024-03-01") / "themes" / "accessibility.html").read_text(
        encoding="utf-8"
    )
    # Nor the month it was read, in the open data of that day.
    data = (built("2024-03-01") / "open-data" / "res191-records.json").read_text(encoding="utf-8")
    assert '"status_as_of"' in (built("2026-01-01") / "open-data" / "res191-records.json").read_text(
        encoding="utf-8"
    )
    assert '"status_as_of": "2024-05"' not in data


def test_a_status_dated_without_a_status_is_refused_where_it_is(run_cli: RunCli, bundled: Path) -> None:
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    theme.write_text(theme.read_text(encoding="utf-8").replace("status: active\n", ""), encoding="utf-8")
    result = run_cli(bundled, "validate")
    assert result.exit_code == 1
    assert "accessibility.yaml:" in result.stdout and "error S204" in result.stdout
    assert "status_as_of dates the theme's status, and it has none: give status" in result.stdout


BODIES_IN_2024 = (  # what the 2024 report says of the ISC-TF and the ISCG (`described_in: [2024]`)
    "comprises representatives from the Bureaux",
    "the body that coordinates within the secretariat",
    "contribution-driven",
    "Its main objective is",
    "The ISCG reports to",
)


def test_a_report_of_another_year_does_not_repeat_how_2024_described_the_bodies(
    run_cli: RunCli, bundled: Path
) -> None:
    _a_2023_report(bundled)
    year_2024 = run_cli(bundled, "report", "--year", "2024", "-o", "-").stdout
    assert all(said in year_2024 for said in BODIES_IN_2024)
    year_2023 = run_cli(bundled, "report", "--year", "2023", "-o", "-")
    assert year_2023.exit_code == 0, year_2023.output
    assert [said for said in BODIES_IN_2024 if said in year_2023.stdout] == []
    # Undated, the description is no year's: validate says so where it starts, and no report states it.
    body = bundled / "data" / "bodies" / "iscg.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("described_in: [2024]\n", ""), encoding="utf-8")
    checked = json.loads(run_cli(bundled, "validate", "--format", "json").stdout)["diagnostics"]
    assert [(d["path"], d["line"]) for d in checked if d["code"] == "I406"] == [("data/bodies/iscg.yaml", 10)]
    assert "contribution-driven" not in run_cli(bundled, "report", "--year", "2024", "-o", "-").stdout


def _site(run_cli: RunCli, root: Path, out: Path, day: str) -> Path:
    result = run_cli(root, "site", "--lang", "en", "--on", day, "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def test_the_site_of_a_past_day_holds_no_later_fact(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    site = _site(run_cli, bundled, tmp_path / "2023", "2023-01-01")
    # Resolution ITU-R 75 was adopted at RA-23 (Dubai, 13-17 November 2023): not known on 1 January 2023.
    page = (site / "resolutions" / "ra-itu-r-75.html").read_text(encoding="utf-8")
    assert "no edition recorded as adopted by 1 January 2023" in page
    assert (
        "Dubai, 2023" not in page
        and "Strengthening coordination" not in page
        and "<caption>Editions" not in page
    )
    assert "ra-itu-r-75" not in (site / "search-index.js").read_text(encoding="utf-8")
    assert "ra-itu-r-75" not in (site / "resolutions" / "index.html").read_text(encoding="utf-8")
    # The home page counts the resolutions the records hold on the day, as the list it leads to lists them.
    home = (site / "index.html").read_text(encoding="utf-8")
    listed = len(
        re.findall(r'href="\.\./resolutions/(?!index)', (site / "resolutions" / "index.html").read_text())
    )
    assert f'<span class="figure">{listed}</span> resolutions and decisions recorded' in home
    # The ISCG's positions are of 2024.
    assert "No position is recorded." in (site / "positions.html").read_text(encoding="utf-8")
    assert 'id="positions"' not in (site / "bodies" / "iscg.html").read_text(encoding="utf-8")
    # The open data of the day: no report written after it (the 2024 report speaks as of 20 May 2024).
    records = (site / "open-data" / "res191-records.json").read_text(encoding="utf-8")
    assert (
        '"council_session": "council-2024"' not in records
        and "Sustainable Digital Transformation" not in records
    )
    assert (site / "open-data" / "csv" / "reports.csv").read_text(encoding="utf-8").count("\n") == 1
    assert (site / "open-data" / "csv" / "positions.csv").read_text(encoding="utf-8").count("\n") == 1
    # The ISCG's chair is named by a source of 2024, and the secretariat's initiatives are of 2024: neither
    # on the day's pages, their search nor their open data.
    iscg = (site / "bodies" / "iscg.html").read_text(encoding="utf-8")
    assert "Fabio Bigi" not in iscg and "named chair in 2024" not in iscg
    assert "No initiative" in (site / "initiatives.html").read_text(encoding="utf-8")
    assert "initiatives.html#" not in (site / "search-index.js").read_text(encoding="utf-8")
    assert "initiatives.html#" not in (site / "search.html").read_text(encoding="utf-8")  # without JavaScript
    assert (site / "open-data" / "csv" / "initiatives.csv").read_text(encoding="utf-8").count("\n") == 1

    # WTSA-24 (New Delhi, 15-24 October 2024) revised WTSA Resolution 18: not on 1 May 2024.
    may = _site(run_cli, bundled, tmp_path / "2024", "2024-05-01")
    wtsa_18 = (may / "resolutions" / "wtsa-18.html").read_text(encoding="utf-8")
    assert "New Delhi" not in wtsa_18 and "Resolution 18 (Rev. Hammamet, 2016)" in wtsa_18
    # The 2024 report speaks as of 20 May 2024: not written yet on 1 May.
    on_may_1 = (may / "open-data" / "res191-records.json").read_text(encoding="utf-8")
    assert '"council_session": "council-2024"' not in on_may_1


def test_show_lists_the_sessions_of_the_day_as_the_citation_accounts_for_them(run_cli: RunCli) -> None:
    repository = Path(__file__).resolve().parents[1]
    # WTDC-22's list shows WTDC 10 in its Hyderabad edition: WTDC-14 and WTDC-17 did not change it.
    shown = run_cli(repository, "show", "wtdc-10", "--on", "2024-06-01").stdout
    assert "(in force on 2024-06-01)" in shown
    assert "not accounted for" not in shown
    assert "WTDC-14: accounted for by WTDC-22, which maintained the edition then in force" in shown
    assert "WTDC-25" not in shown  # after the day
    # On a day before WTDC-22, what accounts for WTDC-14 is said to come after it.
    early = run_cli(repository, "show", "wtdc-10", "--on", "2019-01-01").stdout
    assert "WTDC-14: accounted for by WTDC-22 (held after 2019-01-01), which maintained" in early
    # WTSA-24 (New Delhi, October 2024) is after 1 May 2024: not a fact of that day.
    may = run_cli(repository, "show", "wtsa-18", "--on", "2024-05-01").stdout
    sessions = may.split("sessions of its conference recorded up to 2024-05-01:")[1].split("\n\n")[0]
    assert "WTSA-16: adopted Resolution 18 (Rev. Hammamet, 2016)" in sessions and "WTSA-24" not in sessions
    # Its keys hold the editions of the day: New Delhi 2024's title is not shown as a key of 1 May 2024.
    keys = may.split("sessions of its conference")[0]
    assert "New Delhi" not in keys.split("adopted after 2024-05-01, not shown:")[0]
    assert "adopted after 2024-05-01, not shown: Resolution 18 (Rev. New Delhi, 2024)" in keys
    dumped = json.loads(run_cli(repository, "show", "wtsa-18", "--on", "2024-05-01", "-f", "json").stdout)
    assert [e["year"] for e in dumped["fields"]["editions"]] == [2016]
    assert dumped["later_editions"] == ["Resolution 18 (Rev. New Delhi, 2024)"]
    today = json.loads(run_cli(repository, "show", "wtsa-18", "--on", "2025-01-01", "-f", "json").stdout)
    assert [e["year"] for e in today["fields"]["editions"]] == [2016, 2024] and not today["later_editions"]


def test_show_on_a_day_shows_the_record_as_it_stood_then(run_cli: RunCli) -> None:
    repository = Path(__file__).resolve().parents[1]
    # The ISCG's chair and description are a 2024 source's; RA ITU-R 75 was adopted in November 2023.
    iscg = json.loads(run_cli(repository, "show", "iscg", "--on", "2019-06-01", "-f", "json").stdout)
    assert "chairs" not in iscg["fields"] and "working_method" not in iscg["fields"]
    assert {"chairs", "working_method", "resolutions"} <= set(iscg["left_out"])
    later = [link["id"] for link in iscg["refers_to"] if not link["of_day"]]
    assert "ra-itu-r-75" in later and "pp-191" not in later
    text = run_cli(repository, "show", "iscg", "--on", "2019-06-01").stdout
    assert "Fabio Bigi" not in text and "facts of a later day left out of: chairs" in text
    # A theme since March 2024 is not one on a day of 2019: shown as its file is, and said so.
    theme = run_cli(repository, "show", "sustainable-digital-transformation", "--on", "2019-06-01").stdout
    assert "not yet a record on 2019-06-01" in theme.splitlines()[2]
    # The 2024 report (20 May 2024) did not refer to PP 191 on a day of 2016: marked, not hidden.
    pp_191 = json.loads(run_cli(repository, "show", "pp-191", "--on", "2016-06-01", "-f", "json").stdout)
    assert {link["id"] for link in pp_191["referred_by"] if not link["of_day"]} == {"2024"}
    now = json.loads(run_cli(repository, "show", "iscg", "--on", "2024-06-01", "-f", "json").stdout)
    assert (
        now["fields"]["chairs"] and not now["left_out"] and all(link["of_day"] for link in now["refers_to"])
    )


def test_a_suppressed_resolution_counts_neither_for_itus_rule_nor_for_the_sectors_involved(
    run_cli: RunCli, bundled: Path
) -> None:
    # A copy where WTDC-17 suppressed WTDC 10 (not what ITU did: WTDC-22 maintained it), and a theme resting
    # on PP 123 (which does not call for coordination) and WTDC 10 only: test fixtures.
    resolution = bundled / "data" / "resolutions" / "wtdc-10.yaml"
    text = resolution.read_text(encoding="utf-8")
    resolution.write_text(
        text[: text.index("history:")]
        + "history:\n  - {session: wtdc-2017, outcome: suppressed, source: https://www.itu.int/}\n",
        encoding="utf-8",
    )
    (bundled / "data" / "themes" / "spectrum-fixture.yaml").write_text(
        "id: spectrum-fixture\ntitle: Spectrum fixture\nresolutions: [pp-123, wtdc-10]\n", encoding="utf-8"
    )
    checked = run_cli(bundled, "validate", "--format", "json")
    said = {(d["code"], d["path"]) for d in json.loads(checked.stdout)["diagnostics"]}
    fixture = "data/themes/spectrum-fixture.yaml"
    assert ("I405", fixture) in said
    assert ("I401", fixture) in said  # PP 123 alone is left: no Sector's resolution stands with it
    assert ("I402", fixture) not in said  # ITU-D was involved through WTDC 10 only
    matrix = run_cli(bundled, "matrix", "--on", "2024-06-04", "--format", "csv").stdout
    # The focal points' table comes after the mapping: its row is the theme's last.
    row = [line for line in matrix.splitlines() if line.startswith("Spectrum fixture")][-1]
    assert "MISSING" not in row
    # Before WTDC-17, WTDC 10 stood: ITU-D is involved and has no focal point.
    earlier = run_cli(bundled, "matrix", "--on", "2015-01-01", "--format", "csv").stdout
    assert "MISSING" in [line for line in earlier.splitlines() if line.startswith("Spectrum fixture")][-1]


def test_the_hint_of_i405_says_that_removing_the_reference_changes_earlier_days_too(
    run_cli: RunCli, bundled: Path
) -> None:
    resolution = bundled / "data" / "resolutions" / "wtdc-10.yaml"
    text = resolution.read_text(encoding="utf-8")
    resolution.write_text(  # a fixture: ITU did not suppress it (WTDC-22 maintained it)
        text[: text.index("history:")]
        + "history:\n  - {session: wtdc-2017, outcome: suppressed, source: https://www.itu.int/}\n",
        encoding="utf-8",
    )
    checked = run_cli(bundled, "validate", "--format", "json")
    hint = next(d["hint"] for d in json.loads(checked.stdout)["diagnostics"] if d["code"] == "I405")
    assert "still cite" not in hint
    assert "removing 'wtdc-10' removes it from them too" in hint and "before WTDC-17" in hint


def test_what_a_theme_rests_on_is_worked_out_once_for_every_output() -> None:
    from res191.models import Conference, Resolution, Theme
    from res191.models.rested_on import rested_on
    from tests.conftest import REPO, load

    loaded = load(REPO)
    sessions = loaded.sessions()
    theme = (
        Theme.model_validate(  # a fixture: listed twice, out of order, one not adopted yet on 1 January 2023
            {
                "id": "t",
                "title": "T",
                "resolutions": ["pp-200", "ra-itu-r-75", "pp-35", "wtdc-8", "pp-200", "x"],
            }
        )
    )
    found = rested_on(
        theme,
        lambda ref: loaded.get("resolution", ref, Resolution),
        lambda r: r.cited(date(2023, 1, 1), sessions),
    )
    assert {c: [r.id for r, _ in pairs] for c, pairs in found.items()} == {
        Conference.PP: ["pp-35", "pp-200"],  # PP 35 before PP 200, each once
        Conference.WTDC: ["wtdc-8"],
    }
    assert all(cited.stands for pairs in found.values() for _, cited in pairs)


def test_the_search_the_open_data_and_the_overlaps_of_a_past_day_hold_no_later_fact(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # A 2025 activity of two Sectors on one subject under accessibility (synthetic, for the test), the
    # ISCG's chair named by a source of 2024, RA ITU-R 75 adopted in November 2023: none known on 1 January
    # 2023, in the pages, the search, the open data nor the overlaps.
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    text = theme.read_text(encoding="utf-8")
    later = (
        "tracker:\n"
        "  - {year: 2025, sector: ITU-T, title: Captioning of remote meetings for the deaf}\n"
        "  - {year: 2025, sector: ITU-D, title: Captioning of remote meetings for the deaf}\n"
    )
    assert "tracker:" not in text
    theme.write_text(text + later, encoding="utf-8")
    site = _site(run_cli, bundled, tmp_path / "2023", "2023-01-01")
    for made in (
        "tracker.html",
        "themes/accessibility.html",
        "search-index.js",
        "overlaps.html",
        "open-data/res191-records.json",
    ):
        shown = (site / made).read_text(encoding="utf-8")
        assert "Captioning of remote meetings" not in shown, made
        assert "Fabio Bigi" not in shown, made
    # RA ITU-R 75 (November 2023) is no keyword of the theme it rests on in 2024, nor a text of the ISCG.
    assert "RA ITU-R 75" not in (site / "search-index.js").read_text(encoding="utf-8")
    assert "Resolution ITU-R 75" not in (site / "bodies" / "iscg.html").read_text(encoding="utf-8")
    records = (site / "open-data" / "res191-records.json").read_text(encoding="utf-8")
    resolutions = json.loads(records)["resolutions"]
    assert "ra-itu-r-75" not in [r["id"] for r in resolutions]  # adopted in November 2023
    # Nor does a theme of the day refer to it: the open data holds no id it does not hold.
    themes = json.loads(records)["themes"]
    assert not [t["id"] for t in themes if "ra-itu-r-75" in t.get("resolutions", [])]
    assert "ra-itu-r-75" not in (site / "open-data" / "csv" / "themes.csv").read_text(encoding="utf-8")
    assert any("wtsa-57" in t.get("resolutions", []) for t in themes)  # a resolution of the day is kept
    (iscg,) = [b for b in json.loads(records)["bodies"] if b["id"] == "iscg"]
    assert "ra-itu-r-75" not in iscg.get("resolutions", []) and "pp-191" in iscg["resolutions"]
    (wtsa_18,) = [r for r in resolutions if r["id"] == "wtsa-18"]
    assert [e["year"] for e in wtsa_18["editions"]] == [2016]  # not New Delhi 2024's
    assert "Fabio Bigi" not in (site / "open-data" / "csv" / "bodies.chairs.csv").read_text(encoding="utf-8")
    found = run_cli(bundled, "overlaps", "--on", "2023-06-01", "--kind", "joint-work", "--format", "json")
    assert "Captioning of remote meetings" not in found.stdout
    assert (
        "Captioning of remote meetings"
        in run_cli(
            bundled, "overlaps", "--on", "2025-06-01", "--kind", "joint-work", "--format", "json"
        ).stdout
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The site of the bundled data on a day, built once a module for every test that reads it."""
    from typer.testing import CliRunner

    from res191.cli import app
    from tests.conftest import REPO

    sites: dict[str, Path] = {}

    def site(day: str) -> Path:
        if day not in sites:
            out = tmp_path_factory.mktemp(day) / "site"
            result = CliRunner().invoke(
                app, ["site", "--root", str(REPO), "--lang", "en", "--on", day, "-o", str(out)]
            )
            assert result.exit_code == 0, result.output
            sites[day] = out
        return sites[day]

    return site


def test_the_search_of_a_past_day_finds_only_the_editions_adopted_by_then(
    built: Callable[[str], Path],
) -> None:
    index = (built("2019-06-01") / "search-index.js").read_text(encoding="utf-8")
    assert "Resolution 191 (Rev. Dubai, 2018)" in index
    # PP-22 (Bucharest) and WTSA-24 (New Delhi) came after 1 June 2019.
    assert "Resolution 191 (Rev. Bucharest, 2022)" not in index
    assert "Resolution 18 (Rev. New Delhi, 2024)" not in index


def test_a_meeting_names_only_a_chair_known_on_the_sites_day(built: Callable[[str], Path]) -> None:
    # The ISCG's chair is named by a source of 2024: not on a site of 2019, be the meeting to come.
    meeting = (built("2019-06-01") / "meetings" / "iscg-2024-01-24.html").read_text(encoding="utf-8")
    assert "A meeting to come" in meeting and "Fabio Bigi" not in meeting
    held = (built("2024-05-20") / "meetings" / "iscg-2024-01-24.html").read_text(encoding="utf-8")
    assert "Mr Fabio Bigi (Italy)" in held


def test_a_bodys_page_names_a_chair_of_the_day_or_none(built: Callable[[str], Path]) -> None:
    # Named for 2024: the chair of a day of 2024; on a day of 2025 no "Chair on" line says "not recorded"
    # above the list that names him for 2024.
    of_2024 = " ".join((built("2024-05-20") / "bodies" / "iscg.html").read_text(encoding="utf-8").split())
    assert 'Chair on 20 May 2024</dt><dd dir="auto">Mr Fabio Bigi (Italy)' in of_2024
    of_2025 = " ".join((built("2025-07-01") / "bodies" / "iscg.html").read_text(encoding="utf-8").split())
    assert "Chair on" not in of_2025 and "named chair in 2024" in of_2025


def test_the_iscgs_topics_of_a_later_year_are_not_on_a_past_days_site(built: Callable[[str], Path]) -> None:
    site = built("2019-06-01")
    for page in ("accessibility", "climate-change", "virtual-meetings"):
        assert "A topic of the ISCG" not in (site / "themes" / f"{page}.html").read_text(encoding="utf-8")
    records = json.loads((site / "open-data" / "res191-records.json").read_text(encoding="utf-8"))
    assert not [t["id"] for t in records["themes"] if t.get("iscg_topic_years")]
    page = (built("2024-05-20") / "themes" / "accessibility.html").read_text(encoding="utf-8")
    assert "A topic of the ISCG in 2024." in page


@pytest.mark.parametrize("day", ["2019-06-01", "2024-03-15"])
def test_a_report_not_written_by_the_day_refers_to_nothing(built: Callable[[str], Path], day: str) -> None:
    # The 2024 report was written before 21 May 2024 (it speaks as of 20 May).
    site = built(day)
    for resolution in ("pp-191", "pp-71", "pp-decision-5"):
        page = (site / "resolutions" / f"{resolution}.html").read_text(encoding="utf-8")
        assert "Report to Council 2024" not in page and "reports/2024.html" not in page, resolution
    assert "reports/2024.html" not in (site / "documents.html").read_text(encoding="utf-8")
    written = (built("2024-05-20") / "resolutions" / "pp-191.html").read_text(encoding="utf-8")
    assert "the report to Council on its implementation" in written and "reports/2024.html" in written


def test_a_document_of_a_later_year_is_not_on_a_past_days_site(built: Callable[[str], Path]) -> None:
    site = built("2019-06-01")
    documents = (site / "documents.html").read_text(encoding="utf-8")
    shown = {
        "documents.html": documents,
        "search-index.js": (site / "search-index.js").read_text(encoding="utf-8"),
        "search.html": (site / "search.html").read_text(encoding="utf-8"),
        "documents.csv": (site / "open-data" / "csv" / "documents.csv").read_text(encoding="utf-8"),
        "bodies/isc-tf.html": (site / "bodies" / "isc-tf.html").read_text(encoding="utf-8"),
    }
    # C24/17, C24/35 and Service Order No. 24/06 are of 2024; Service Order No. 16/13 of 2016.
    for made, text in shown.items():
        assert "C24/17" not in text and "C24/35" not in text and "24/06" not in text, made
        assert "Service Order No. 16/13" in text, made
    records = json.loads((site / "open-data" / "res191-records.json").read_text(encoding="utf-8"))
    (body,) = [b for b in records["bodies"] if b["id"] == "isc-tf"]
    assert body["documents"] == ["so-16-13"]  # no id the open data of the day does not hold
    assert "C24/35" in (built("2024-05-20") / "documents.html").read_text(encoding="utf-8")


def test_no_page_of_a_past_day_has_an_empty_list_under_a_heading(built: Callable[[str], Path]) -> None:
    site = built("2019-06-01")
    # The Dubai edition's instructions are not recorded, nor is a chair of 1 June 2019, nor a report.
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<ul[^>]*>\s*</ul>", home)
    assert "instructs:" not in home and "The chairs the records name" not in home
    reports = (site / "reports" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<ul[^>]*>\s*</ul>", reports) and "None recorded." in reports
    later = (built("2024-05-20") / "index.html").read_text(encoding="utf-8")
    assert "instructs:" in later and "The chairs the records name for 20 May 2024." in later


def test_list_on_a_day_lists_the_records_of_the_day(run_cli: RunCli, bundled: Path) -> None:
    def listed(kind: str, day: str) -> list[dict[str, str]]:
        result = run_cli(bundled, "list", kind, "--on", day, "--format", "json")
        assert result.exit_code == 0, result.output
        rows: list[dict[str, str]] = json.loads(result.stdout)["rows"]
        return rows

    themes = {row["id"]: row for row in listed("themes", "2019-06-01")}
    assert "sustainable-digital-transformation" not in themes  # a theme since March 2024
    assert not [row["id"] for row in themes.values() if row["ISCG topic in"]]  # the ISCG's topics of 2024
    # A theme lists only resolutions adopted by the day: RA ITU-R 75 came in November 2023.
    assert "ra-itu-r-75" not in themes["inter-sector-coordination"]["resolutions"]
    assert "wtsa-57" in themes["inter-sector-coordination"]["resolutions"]
    for kind in ("positions", "initiatives", "reports"):
        assert listed(kind, "2019-06-01") == [], kind
    assert [row["id"] for row in listed("documents", "2019-06-01")] == ["so-16-13"]
    assert "ra-itu-r-75" not in [row["id"] for row in listed("resolutions", "2019-06-01")]
    # The day they are known, they are listed, as the site's open data holds them.
    assert [row["id"] for row in listed("reports", "2024-06-01")] == ["2024"]
    assert listed("positions", "2024-06-01") and listed("initiatives", "2024-06-01")
    later = {row["id"]: row for row in listed("themes", "2024-06-01")}
    assert "sustainable-digital-transformation" in later and later["accessibility"]["ISCG topic in"] == "2024"


def test_a_bodys_description_is_on_a_page_of_a_day_from_the_year_a_source_gives_it(
    built: Callable[[str], Path], run_cli: RunCli
) -> None:
    # The ISCG's working method and objective are the 2024 report's (`described_in: [2024]`).
    early, later = built("2019-06-01"), built("2024-05-20")
    assert "contribution-driven" not in (early / "bodies" / "iscg.html").read_text(encoding="utf-8")
    (iscg,) = [
        b
        for b in json.loads((early / "open-data" / "res191-records.json").read_text(encoding="utf-8"))[
            "bodies"
        ]
        if b["id"] == "iscg"
    ]
    assert "working_method" not in iscg and "reports_to" not in iscg
    page = (later / "bodies" / "iscg.html").read_text(encoding="utf-8")
    assert "<dt>Described in</dt><dd>2024</dd>" in page and "contribution-driven" in page
    # The search finds what the page shows, and no more.
    assert "representatives of RAG" not in (early / "search-index.js").read_text(encoding="utf-8")
    assert "representatives of RAG" in (later / "search-index.js").read_text(encoding="utf-8")
    repository = Path(__file__).resolve().parents[1]
    listed = run_cli(repository, "list", "bodies", "--on", "2019-06-01", "--format", "json")
    assert listed.exit_code == 0 and "contribution-driven" not in listed.stdout


def test_what_comes_of_a_meeting_is_not_shown_before_it_is_over(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # An outcome and a call for action of the ISCG's meeting of 21 May 2024 (synthetic, for the test).
    meeting = bundled / "data" / "meetings" / "iscg-2024-05-21.md"
    text = meeting.read_text(encoding="utf-8").replace(
        "platform: Zoom\n",
        "platform: Zoom\ncalls_for_action:\n  - {to: [tdag], action: Plan the joint workshop}\n",
    )
    meeting.write_text(text + "\nThe group agreed on the captioning pilot.\n", encoding="utf-8")
    before = _site(run_cli, bundled, tmp_path / "before", "2024-05-20")
    after = _site(run_cli, bundled, tmp_path / "after", "2024-05-21")
    for site, shown in ((before, False), (after, True)):
        page = (site / "meetings" / "iscg-2024-05-21.html").read_text(encoding="utf-8")
        assert ("captioning pilot" in page, "Plan the joint workshop" in page) == (shown, shown)
        index = (site / "search-index.js").read_text(encoding="utf-8")
        assert ("captioning pilot" in index) == shown
        data = json.loads((site / "open-data" / "res191-records.json").read_text(encoding="utf-8"))
        (record,) = [m for m in data["meetings"] if m["id"] == "iscg-2024-05-21"]
        assert ("calls_for_action" in record, "captioning pilot" in str(record.get("text"))) == (shown, shown)
    listed = run_cli(bundled, "show", "iscg-2024-05-21", "--on", "2024-05-01", "-f", "json").stdout
    assert "calls_for_action" in json.loads(listed)["left_out"]


def test_no_record_of_a_day_names_a_theme_that_is_not_one_yet(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # A meeting of January 2024 with the theme taken up in March 2024 as a topic (synthetic, for the test).
    meeting = bundled / "data" / "meetings" / "iscg-2024-01-24.md"
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(text.replace("\n---\n", f"\ntopics: [{LATER_ID}]\n---\n", 1), encoding="utf-8")
    listed = run_cli(bundled, "list", "meetings", "--on", "2024-02-01", "--format", "json")
    assert listed.exit_code == 0 and LATER_ID not in listed.stdout
    assert LATER_ID in run_cli(bundled, "list", "meetings", "--on", "2024-06-01", "--format", "json").stdout
    site = _site(run_cli, bundled, tmp_path / "site", "2024-02-01")
    assert LATER_ID not in (site / "open-data" / "res191-records.json").read_text(encoding="utf-8")
    shown = json.loads(run_cli(bundled, "show", "iscg-2024-01-24", "--on", "2024-02-01", "-f", "json").stdout)
    assert [link["of_day"] for link in shown["refers_to"] if link["id"] == LATER_ID] == [False]


def test_a_report_whose_session_is_not_recorded_is_not_said_to_be_of_a_later_day(
    run_cli: RunCli, bundled: Path
) -> None:
    # An unknown Council session (validate's X303): the report cannot be placed on a day, which is not the
    # same as being of a later one. list leaves it out as a record with an error, and says so.
    record = bundled / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("council_session: council-2024", "council_session: council-2024x"), "utf-8"
    )
    listed = run_cli(bundled, "list", "reports", "--format", "json")
    assert "1 record(s) with errors are left out" in listed.stderr
    shown = run_cli(bundled, "show", "2024", "--kind", "report").stdout
    assert "council-2024x" in shown and "not yet a record" not in shown


def test_a_report_states_no_position_expressed_at_a_meeting_after_its_day(
    run_cli: RunCli, bundled: Path
) -> None:
    # The 2024 report speaks as of 20 May 2024; a position recorded as expressed at the ISCG's meeting of
    # 21 May 2024 (a test fixture: the report does not say at which meeting) is not its to state.
    assert "highlighted the importance" in run_cli(bundled, "report", "--year", "2024", "-o", "-").stdout
    position = bundled / "data" / "positions" / "iscg-2024-proactive-approach.yaml"
    text = position.read_text(encoding="utf-8").replace(
        "kind: emphasis\n", "kind: emphasis\nmeeting: iscg-2024-05-21\n"
    )
    position.write_text(text, encoding="utf-8")
    assert run_cli(bundled, "validate").exit_code == 0
    assert "highlighted the importance" not in run_cli(bundled, "report", "--year", "2024", "-o", "-").stdout


def test_the_overlaps_of_a_past_day_read_only_the_editions_adopted_by_then(run_cli: RunCli) -> None:
    # On 21 March 2022 WTDC Resolution 59's latest edition is of Buenos Aires, 2017, whose title the records
    # do not hold: the title of its Kigali edition (June 2022) is not its wording yet, nor a duplicate of WTSA
    # Resolution 57 on it.
    before = run_cli(REPO, "overlaps", "--on", "2022-03-21", "--format", "md").stdout
    assert "Resolution 59 (Rev. Buenos Aires, 2017)" in before
    assert "the same title, “Strengthening coordination" not in before
    after = run_cli(REPO, "overlaps", "--on", "2024-06-04", "--format", "md").stdout
    assert "the same title, “Strengthening coordination" in after
    # Resolution 191 (Rev. Dubai, 2018) records no instructions: those of the Bucharest edition are not
    # its own on that day.
    assert "(Rev. Dubai, 2018) calls for coordination among the Sectors and names the General" in before
    assert "(Rev. Dubai, 2018) calls for coordination among the Sectors and instructs" not in before
    assert "(Rev. Bucharest, 2022) calls for coordination among the Sectors and instructs" in after


def test_an_edition_predates_another_by_the_days_of_their_sessions(run_cli: RunCli) -> None:
    # WTDC-22 (Kigali, June 2022) came before PP-22 (Bucharest, October): the same year, not the same day.
    found = run_cli(REPO, "overlaps", "--on", "2023-06-01", "--format", "md").stdout
    line = next(line for line in found.splitlines() if "predate PP Resolution 191" in line)
    older = line.split(" predate PP Resolution 191")[0].rsplit("recorded under it. ", 1)[-1]
    assert "WTDC Resolution 59 (Rev. Kigali, 2022)" in older and "WTSA Resolution 57" in older


def test_the_council_is_named_as_itu_names_it_and_unknown_years_are_said_so(run_cli: RunCli) -> None:
    # Council Resolution 1307 (C09): the Council's sessions are recorded from 2023 on, so nothing is known
    # of it after 2009 (not "since Council-23", a name no record gives).
    shown = run_cli(REPO, "show", "council-1307", "--on", "2024-06-04").stdout
    assert "not confirmed after 2009" in shown and "Council-2" not in shown
    matrix = run_cli(REPO, "matrix", "--on", "2024-05-20").stdout
    assert "not involved" not in " ".join(matrix.split())
