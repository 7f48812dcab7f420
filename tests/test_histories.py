"""Which edition is in force on a day: one rule (models/in_force.py), session by session, and what every
output may say of it. An edition is "in force" only where every session up to the day is accounted for;
otherwise it is "the latest recorded", said so."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from res191.models import Conference, Meeting, Report, Session, standing
from res191.models.in_force import conference_sessions
from res191.models.reporting import report_day
from tests.audit import audit
from tests.conftest import EXAMPLES, REPO, RunCli, load
from tests.test_editing import snapshot

WITH_REPORT = EXAMPLES / "valid" / "with-report"


def sessions(*held: tuple[str, str, str]) -> dict[str, list[Session]]:
    """WTSA sessions: (id, first day, last day)."""
    return {
        "wtsa": [
            Session(i, f"WTSA-{s[2:4]}", date.fromisoformat(s), date.fromisoformat(e)) for i, s, e in held
        ]
    }


WTSA = sessions(
    ("wtsa-2012", "2012-11-20", "2012-11-29"),
    ("wtsa-2016", "2016-10-25", "2016-11-03"),
    ("wtsa-2022", "2022-03-01", "2022-03-09"),
    ("wtsa-2024", "2024-10-15", "2024-10-24"),
)


@pytest.mark.parametrize(
    ("years", "history", "on", "edition", "confirmed", "why"),
    [
        # In force from the last day of its conference, not the day after nor the first day.
        ([2012], [], "2012-11-28", None, False, "not adopted"),
        ([2012], [], "2012-11-29", 0, True, ""),
        # A later session not accounted for: only the latest recorded.
        ([2012], [], "2017-01-01", 0, False, "since WTSA-16"),
        # Accounted for by a "maintained" there, or by one at a later session (the same edition listed).
        ([2012], [("wtsa-2016", "maintained")], "2017-01-01", 0, True, ""),
        ([2012], [("wtsa-2022", "maintained")], "2017-01-01", 0, True, ""),
        # A later "maintained" of another edition says nothing of the sessions before it.
        ([2012, 2016], [("wtsa-2022", "maintained")], "2017-01-01", 1, True, ""),
        ([2012, 2022], [("wtsa-2024", "maintained")], "2017-01-01", 0, False, "since WTSA-16"),
        # Several editions: the latest adopted by the day; a conference spanning the day does not count.
        ([2012, 2024], [], "2024-10-20", 0, False, "since WTSA-16"),
        ([2012, 2016, 2024], [("wtsa-2022", "maintained")], "2024-10-20", 1, True, ""),
        ([2012, 2016, 2024], [("wtsa-2022", "maintained")], "2024-10-24", 2, True, ""),
        # Suppressed: never in force after.
        ([2012], [("wtsa-2016", "suppressed")], "2020-01-01", 0, True, "suppressed at WTSA-16"),
        # An edition of a year whose session is not recorded: by that year's end, never the same year;
        # sessions before the first recorded are unknown, unless a later one listed the same edition.
        ([2010], [], "2011-06-01", 0, False, "after 2010"),
        ([2010], [("wtsa-2012", "maintained")], "2011-06-01", 0, True, ""),
        ([2023], [("wtsa-2024", "maintained")], "2023-12-01", None, False, "not adopted"),
        ([2023], [("wtsa-2024", "maintained")], "2023-12-31", None, False, "not adopted"),
        # After the latest session recorded, a session may have been held that the records do not know.
        ([2024], [], "2026-01-01", 0, False, "after WTSA-24"),
        # A session counts from its last day: on that day it may have revised the edition.
        ([2012], [], "2016-11-03", 0, False, "since WTSA-16"),
        # Sessions not accounted for are named first, whatever else is unknown.
        ([2010], [], "2013-01-01", 0, False, "since WTSA-12"),
        ([2022], [], "2026-01-01", 0, False, "since WTSA-24"),
    ],
)
def test_the_edition_in_force(
    years: list[int], history: list[tuple[str, str]], on: str, edition: int | None, confirmed: bool, why: str
) -> None:
    found = standing(Conference.WTSA, years, history, WTSA, date.fromisoformat(on))
    assert found.edition == edition
    assert (found.in_force is not None) == (confirmed and not found.suppressed)
    if why.startswith("suppressed"):
        assert found.suppressed_at is not None and found.suppressed_at.name == "WTSA-16"
    elif why.startswith("since"):
        assert found.unaccounted and found.unaccounted[0].name == why.split()[1]
    elif why.startswith("after 20"):
        assert found.known_after == int(why.split()[1])
    elif why.startswith("after WTSA"):
        assert found.beyond is not None and found.beyond.name == why.split()[1]


def test_a_session_recorded_without_its_name_is_named_as_itu_does() -> None:
    meeting = ("wtsa", "wtsa-2016", None, date(2016, 10, 25), date(2016, 11, 3))
    assert [s.name for s in conference_sessions([meeting])["wtsa"]] == ["WTSA-16"]


def test_a_suppression_after_a_session_not_accounted_for_names_both() -> None:
    found = standing(Conference.WTSA, [2012], [("wtsa-2022", "suppressed")], WTSA, date(2023, 1, 1))
    assert found.in_force is None and not found.confirmed
    assert [s.name for s in found.unaccounted] == ["WTSA-16"]
    assert found.suppressed_at is not None and found.suppressed_at.name == "WTSA-22"


def test_the_overlaps_and_the_report_cite_the_same_edition_on_the_same_day() -> None:
    from res191.overlaps.common import AsOf
    from res191.report.context import build_context

    loaded = load(WITH_REPORT)
    context = build_context(loaded, 2024)
    cited = {c.text for row in context.theme_rows for each in row.citations.values() for c in each}
    resolutions = loaded.all("resolution", __import__("res191.models", fromlist=["Resolution"]).Resolution)
    as_of = AsOf(context.on, loaded.sessions())
    assert {as_of.cite(r).split(" ", 1)[1].rstrip("*") for r in resolutions.values()} == cited


# A list in the form of WTDC-22's table of contents (synthetic beyond its first lines, for the test): the
# resolutions the bundled data records with an edition of Kigali, 2022, WTDC 10 and 30 in older editions,
# and none of WTDC 38, 47, 55, 58 and 79.
WTDC_22 = "Part IV \u2013 Resolutions and Recommendations\n" + "".join(
    f"     RESOLUTION {n} ({edition}) \u2013 {title}\n"
    for n, edition, title in [
        (1, "Rev. Kigali, 2022", "Rules of procedure of the ITU Telecommunication Development Sector"),
        (
            5,
            "Rev. Kigali, 2022",
            "Enhanced participation by developing countries in the activities of the Union",
        ),
        (8, "Rev. Kigali, 2022", "Collection and dissemination of information and statistics"),
        (9, "Rev. Kigali, 2022", "Participation of countries in spectrum management"),
        (10, "Rev. Hyderabad, 2010", "Financial support for national spectrum-management programmes"),
        (11, "Rev. Kigali, 2022", "Services in rural, isolated and poorly served areas"),
        (30, "Rev. Buenos Aires, 2017", "A title as the list gives it"),
        (45, "Rev. Kigali, 2022", "Cybersecurity"),
        (59, "Rev. Kigali, 2022", "Coordination"),
        (67, "Rev. Kigali, 2022", "Child online protection"),
        (69, "Rev. Kigali, 2022", "Incident response teams"),
    ]
)


def test_a_sessions_list_accounts_for_it_in_one_step(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22, encoding="utf-8")
    source = "https://www.itu.int/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2022-TOC-HTM-E.htm"
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", source]
    result = run_cli(bundled, *args)
    assert result.exit_code == 0, result.output
    assert (
        "not recorded here (res191 new resolution to add it): RESOLUTION 1 (Rev. Kigali, 2022)"
        in result.stderr
    )
    loaded = load(bundled)
    from res191.models import Resolution

    wtdc30 = loaded.get("resolution", "wtdc-30", Resolution)
    assert wtdc30 is not None
    # Listed in its 2017 edition: that edition is added, and WTDC-22 maintained it.
    assert [(e.place, e.year, e.revised, e.title) for e in wtdc30.editions][-1] == (
        "Buenos Aires",
        2017,
        True,
        "A title as the list gives it",
    )
    assert [(h.session, h.outcome, h.listed_as) for h in wtdc30.history] == [
        ("wtdc-2022", "maintained", "RESOLUTION 30 (Rev. Buenos Aires, 2017)")
    ]
    # Left out of the complete list: suppressed, and never cited as in force after it.
    wtdc38 = loaded.get("resolution", "wtdc-38", Resolution)
    assert wtdc38 is not None and [(h.session, h.outcome) for h in wtdc38.history] == [
        ("wtdc-2022", "suppressed")
    ]
    assert not wtdc38.cited(date(2024, 1, 1), loaded.sessions()).in_force
    assert "suppressed at WTDC-22" in str(wtdc38.cited(date(2024, 1, 1), loaded.sessions()))
    # Comments are kept; the data still validates; an excerpt suppresses nothing.
    assert "# yaml-language-server" in (bundled / "data" / "resolutions" / "wtdc-38.yaml").read_text()
    assert run_cli(bundled, "validate").exit_code == 0
    again = run_cli(bundled, *args)
    assert "0 record files changed" in again.stderr  # the same list twice changes nothing


def test_a_list_changes_a_record_saved_with_crlf_line_endings(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    record = bundled / "data" / "resolutions" / "wtdc-38.yaml"  # suppressed by the list
    record.write_bytes(record.read_bytes().replace(b"\n", b"\r\n"))
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22, encoding="utf-8")
    result = run_cli(bundled, "import-list", str(listing), "--session", "wtdc-2022", "--source", ITU_TOC)
    assert result.exit_code == 0, result.output
    assert b"\r" not in record.read_bytes() and b"outcome: suppressed" in record.read_bytes()


def test_a_record_ruamel_cannot_read_is_named_by_the_list_not_a_fault(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # A tab after a value: valid YAML, which ruamel.yaml cannot read ("internal error", exit 3, before).
    record = bundled / "data" / "resolutions" / "wtdc-38.yaml"  # suppressed by the list
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(i for i, text in enumerate(lines) if text.startswith("conference: "))
    lines[line] = lines[line].rstrip("\n") + "\t\n"
    before = "".join(lines)
    record.write_text(before, encoding="utf-8")
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22, encoding="utf-8")
    result = run_cli(bundled, "import-list", str(listing), "--session", "wtdc-2022", "--source", ITU_TOC)
    assert result.exit_code == 1, result.output
    assert f"data/resolutions/wtdc-38.yaml:{line + 1}:" in result.stderr and "write a space" in result.stderr
    assert record.read_text(encoding="utf-8") == before


def test_an_excerpt_of_a_list_suppresses_nothing(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    listing = tmp_path / "excerpt.txt"
    listing.write_text("RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial support\n", encoding="utf-8")
    refused = run_cli(bundled, "import-list", str(listing), "--session", "wtdc-2022", "--source", "x")
    assert refused.exit_code == 1 and "Resolution 5 (Rev. Kigali, 2022)" in refused.stderr
    assert "which the records hold as adopted at this session" in refused.stderr
    result = run_cli(
        bundled,
        "import-list",
        str(listing),
        "--session",
        "wtdc-2022",
        "--source",
        "x",
        "--partial",
        "--dry-run",
    )
    assert result.exit_code == 0 and "suppressed" not in result.stderr
    bad = run_cli(bundled, "import-list", str(listing), "--session", "iscg-2024-01-24", "--source", "x")
    assert bad.exit_code == 1 and "'iscg-2024-01-24' is not a session of a conference" in bad.stderr


def test_a_list_not_in_utf8_is_refused_at_its_place_with_how_to_save_it(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "latin1.txt"
    listing.write_bytes(
        "RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial support\nRÉSOLUTION 5\n".encode("latin-1")
    )
    before = snapshot(bundled)
    result = run_cli(bundled, "import-list", str(listing), "--session", "wtdc-2022", "--source", "x")
    assert result.exit_code == 2
    assert f"{listing}:2:2: byte 0xC9 is not UTF-8" in result.stderr
    assert "save it as UTF-8" in result.stderr and "codec" not in result.stderr
    assert snapshot(bundled) == before


ITU_TOC = "https://www.itu.int/dms_pub/itu-d/opb/tdc/D-TDC-WTDC-2022-TOC-HTM-E.htm"
LINE_10 = "RESOLUTION 10 (Rev. Hyderabad, 2010)"


@pytest.mark.parametrize(
    "written", ["RESOLUTION 10 (Rev. Hyderabad 2010)", "RESOLUTION10 (Rev. Hyderabad, 2010)", LINE_10]
)
def test_a_list_reads_the_forms_itu_writes_and_keeps_an_unchanged_outcome_as_recorded(
    run_cli: RunCli, bundled: Path, tmp_path: Path, written: str
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22.replace(LINE_10, written), encoding="utf-8")
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "https://example.org/toc"]
    result = run_cli(bundled, *args)
    assert result.exit_code == 0, result.output
    assert "wtdc-10" not in result.stderr.split("suppressed at wtdc-2022:")[1].splitlines()[0]
    # WTDC-22 maintained it, as recorded already: the entry, and ITU's source, stay as they were.
    history = (bundled / "data" / "resolutions" / "wtdc-10.yaml").read_text(encoding="utf-8")
    assert f"listed_as: {LINE_10}\n    source: {ITU_TOC}\n" in history
    assert "example.org" not in history and "suppressed" not in history


def test_a_list_with_a_line_that_cannot_be_read_changes_nothing(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    unread = WTDC_22.replace(LINE_10, "RESOLUTION 10 Rev. Hyderabad, 2010").replace(
        "RESOLUTION 45 (Rev. Kigali, 2022)", "RESOLUTON 45 (Rev. Kigali, 2022)"
    )
    listing.write_text(unread, encoding="utf-8")
    before = {p: p.read_bytes() for p in (bundled / "data").rglob("*") if p.is_file()}
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "https://example.org/toc"]
    result = run_cli(bundled, *args)
    assert result.exit_code == 1, result.output
    assert "nothing was imported" in result.stderr and "suppressed at" not in result.stderr
    # Every such line, where it is and what is wrong, and the form expected.
    assert f"{listing}:6:6: RESOLUTION 10 Rev. Hyderabad, 2010 \u2013 Financial support" in result.stderr
    assert "programmes (no edition in brackets)" in result.stderr
    assert f"{listing}:9:6: RESOLUTON 45" in result.stderr
    assert "'RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial support" in result.stderr
    assert {p: p.read_bytes() for p in (bundled / "data").rglob("*") if p.is_file()} == before


def _import_list(run_cli: RunCli, bundled: Path, listing: Path, *options: str) -> tuple[object, bool]:
    """import-list on the bundled copy: its result, and whether the data is as it was."""
    before = {p: p.read_bytes() for p in (bundled / "data").rglob("*") if p.is_file()}
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "https://example.org/toc"]
    result = run_cli(bundled, *args, *options)
    return result, {p: p.read_bytes() for p in (bundled / "data").rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    "written",
    [
        "R\u00c9SOLUTION 10 (R\u00e9v. Hyderabad, 2010) \u2013 Appui financier",
        "\u0420\u0415\u0417\u041e\u041b\u042e\u0426\u0418\u042f 10 (\u041f\u0435\u0440\u0435\u0441\u043c. "
        "\u0425\u0430\u0439\u0434\u0430\u0440\u0430\u0431\u0430\u0434, 2010 \u0433.) "
        "\u2013 \u0424\u0438\u043d",
        "RESOLUCI\u00d3N 10 (Rev. Hyderabad, 2010) \u2013 Apoyo financiero",
        "\u7b2c10\u53f7\u51b3\u8bae\uff082010\u5e74\uff0c\u6d77\u5f97\u62c9\u5df4\uff09",
        "\u0627\u0644\u0642\u0631\u0627\u0631 10 "
        "(\u062d\u064a\u062f\u0631 \u0622\u0628\u0627\u062f\u060c 2010)",
        "R\u00e9solution 10 \u2013 Appui financier",  # no edition at all
    ],
    ids=["french", "russian", "spanish", "chinese", "arabic", "no-edition"],
)
def test_a_line_in_another_language_stops_the_import_at_its_place(
    run_cli: RunCli, bundled: Path, tmp_path: Path, written: str
) -> None:
    # Once skipped without a word, and WTDC 10 (maintained at WTDC-22, with ITU's source) made suppressed.
    listing = tmp_path / "wtdc-22.txt"
    lines = WTDC_22.splitlines(keepends=True)
    lines[5] = f"     {written}\n"
    listing.write_text("".join(lines), encoding="utf-8")
    result, unchanged = _import_list(run_cli, bundled, listing)
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    assert "nothing was imported" in stderr and "suppressed at" not in stderr
    assert f"{listing}:6:6: {written}" in stderr
    assert unchanged


def test_an_outcome_recorded_for_the_session_is_replaced_only_when_the_user_says_so(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22.replace(LINE_10, "").replace("      \u2013 Financial support", ""), "utf-8")
    assert "RESOLUTION 10" not in listing.read_text(encoding="utf-8")
    refused, unchanged = _import_list(run_cli, bundled, listing)
    assert refused.exit_code == 1 and unchanged  # type: ignore[attr-defined]
    stderr = refused.stderr  # type: ignore[attr-defined]
    assert "the list would replace what the records say of wtdc-2022:" in stderr
    assert (
        f"wtdc-10 (data/resolutions/wtdc-10.yaml): recorded maintained, as {LINE_10} (source: {ITU_TOC})"
        " -> suppressed (left out)" in stderr
    )
    assert "run again with --replace-recorded" in stderr
    done, _ = _import_list(run_cli, bundled, listing, "--replace-recorded")
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    assert "replaced what the records said of wtdc-2022: wtdc-10" in done.stderr  # type: ignore[attr-defined]
    record = (bundled / "data" / "resolutions" / "wtdc-10.yaml").read_text(encoding="utf-8")
    assert "outcome: suppressed" in record and ITU_TOC not in record
    assert run_cli(bundled, "validate").exit_code == 0


@pytest.mark.parametrize(
    ("line", "edited", "why"),
    [
        (
            9,
            ("RESOLUTION 45 (Rev. Kigali, 2022)", "RESOLUTION 45 (Rev. Dubai, 2014)"),
            "the records hold that wtdc-2022 adopted Resolution 45 (Rev. Kigali, 2022), so the list after "
            "it shows that edition: write 'Resolution 45 (Rev. Kigali, 2022)'",
        ),
        (
            8,
            ("RESOLUTION 30 (Rev. Buenos Aires, 2017)", "RESOLUTION 30 (Rev. Baku, 2025)"),
            "an edition of 2025 cannot be in force after wtdc-2022, which ended in 2022",
        ),
        (
            8,
            ("RESOLUTION 30 (Rev. Buenos Aires, 2017)", "RESOLUTION 30 (Rev. Kigali, 2023)"),
            "an edition of 2023 cannot be in force after wtdc-2022",
        ),
        (
            13,
            (
                "Incident response teams\n",
                "Incident response teams\n     RESOLUTION 30 (Rev. Dubai, 2014) \u2013 x\n",
            ),
            "listed already at line 8, as RESOLUTION 30 (Rev. Buenos Aires, 2017): a list shows each "
            "resolution once",
        ),
        (
            6,
            (LINE_10, "RESOLUTION 10 (Rev. Doha, 2010)"),
            "the records hold its edition of 2010 as adopted at Hyderabad: write "
            "'Resolution 10 (Rev. Hyderabad, 2010)'",
        ),
    ],
    ids=["an-older-edition-than-adopted", "after-the-session", "the-year-after", "twice", "another-place"],
)
def test_a_line_that_contradicts_the_records_or_cannot_be_is_refused_at_its_place(
    run_cli: RunCli, bundled: Path, tmp_path: Path, line: int, edited: tuple[str, str], why: str
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    assert edited[0] in WTDC_22
    listing.write_text(WTDC_22.replace(*edited), encoding="utf-8")
    result, unchanged = _import_list(run_cli, bundled, listing)
    assert result.exit_code == 1, result.output  # type: ignore[attr-defined]
    stderr = result.stderr  # type: ignore[attr-defined]
    assert f"{listing}:{line}:6: " in stderr and why in stderr, stderr
    assert unchanged


def test_what_the_checks_of_the_lines_miss_validate_finds_before_anything_is_written(
    run_cli: RunCli, bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from res191.editing import session_list

    monkeypatch.setattr(session_list, "refused_lines", lambda *_: [])  # a contradiction not foreseen
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22.replace("45 (Rev. Kigali, 2022)", "45 (Rev. Dubai, 2014)"), encoding="utf-8")
    result, unchanged = _import_list(run_cli, bundled, listing)
    assert result.exit_code == 1 and unchanged  # type: ignore[attr-defined]
    assert "the records would not validate after this list" in result.stderr  # type: ignore[attr-defined]
    assert "X305 'wtdc-2022' adopted an edition of it" in result.stderr  # type: ignore[attr-defined]


def test_a_table_of_contents_title_loses_its_leader_dots_and_page_and_validate_finds_no_error(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22.replace("A title as the list gives it", "WSIS ........ 123"), encoding="utf-8")
    result, _ = _import_list(run_cli, bundled, listing)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    record = (bundled / "data" / "resolutions" / "wtdc-30.yaml").read_text(encoding="utf-8")
    assert "title: WSIS\n" in record and "...." not in record
    checked = run_cli(bundled, "validate")
    assert checked.exit_code == 0 and " 0 errors, " in checked.output, checked.output


def test_recommendations_and_other_texts_of_a_list_are_skipped_and_counted(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(
        WTDC_22
        + "     RECOMMENDATION 21 (Rev. Kigali, 2022) \u2013 Telecommunication/ICT accessibility\n"
        + "     Recommendation ITU-D 22 (Kigali, 2022) \u2013 A title\n"
        + "APPENDIX 30 (REV.WRC-23) \u2013 An appendix\n",
        encoding="utf-8",
    )
    result, _ = _import_list(run_cli, bundled, listing)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert (
        "skipped 3 lines that are not resolutions: 2 recommendations, 1 appendix (lines 13, 14, 15)"
        in result.stderr  # type: ignore[attr-defined]
    )


@pytest.mark.parametrize("root", [REPO, WITH_REPORT], ids=["bundled", "with-report"])
def test_no_output_calls_an_edition_in_force_that_the_records_cannot_back(
    run_cli: RunCli, root: Path, tmp_path: Path
) -> None:
    loaded = load(root)
    day = "2024-06-04"
    on = date.fromisoformat(day)
    outputs = {
        "matrix": run_cli(root, "matrix", "--on", day).stdout,
        "list": run_cli(root, "list", "resolution", "--on", day, "--format", "json").stdout,
        "overlaps": run_cli(root, "overlaps", "--on", day, "--format", "json").stdout,
    }
    for record_id in ("pp-191", "wtsa-70") if root == REPO else ("pp-1", "wtsa-2"):
        shown = run_cli(root, "show", record_id, "--on", day).stdout
        outputs[f"show {record_id}"] = shown.splitlines()[1]  # the line that cites it as of the day
    for name, text in outputs.items():
        audit(text, loaded, on, name)
    site = tmp_path / "site"
    assert run_cli(root, "site", "--on", day, "-o", str(site)).exit_code == 0
    for page in site.rglob("*.html"):
        if "reports" not in page.parts:  # a resolution's page lists all its editions: its lead cites it
            # (its one table, in every language: the caption is translated or marked English)
            text = page.read_text()
            text = text.split("<table>")[0] if "resolutions" in page.parts else text
            audit(text, loaded, on, str(page.relative_to(site)))
    for held in loaded.all("report", Report).values():
        council = loaded.get("meeting", held.council_session, Meeting)
        assert council is not None
        written = run_cli(root, "report", "--year", str(held.year), "-o", "-").stdout
        audit(
            written, loaded, report_day(held.date, held.written_before, council.start), f"report {held.year}"
        )


def test_the_audit_catches_an_edition_shown_in_force_without_its_sessions(bundled: Path) -> None:
    loaded = load(bundled)
    with pytest.raises(AssertionError, match="shown as in force"):
        audit("As of then: Resolution 70 (Rev. Dubai, 2012) applies.", loaded, date(2024, 6, 4), "test")
    with pytest.raises(AssertionError, match="an absence stated"):
        audit("ITU-R has none.", loaded, date(2024, 6, 4), "test")


def test_a_copy_with_a_gap_and_a_suppression_is_said_so(run_cli: RunCli, bundled: Path) -> None:
    resolution = bundled / "data" / "resolutions" / "wtdc-10.yaml"
    # WTDC-22's list left out (a copy of the records where that session's outcome is not known).
    text = resolution.read_text()
    resolution.write_text(text[: text.index("history:")])
    shown = run_cli(bundled, "show", "wtdc-10", "--on", "2024-06-04").stdout
    assert "latest recorded edition; not confirmed since WTDC-14" in shown
    assert "WTDC-14: not accounted for" in shown
    resolution.write_text(
        text[: text.index("history:")]
        + "history:\n  - {session: wtdc-2017, outcome: suppressed, source: https://www.itu.int/}\n"
    )
    matrix = run_cli(bundled, "matrix", "--on", "2024-06-04", "--format", "csv").stdout
    assert "Resolution 10 (Rev. Hyderabad, 2010)" not in matrix  # suppressed: no theme rests on it since
    assert "suppressed at WTDC-17" in run_cli(bundled, "show", "wtdc-10", "--on", "2024-06-04").stdout
    shutil.rmtree(bundled / "data" / "meetings")  # no session recorded at all: nothing can be confirmed
    listed = run_cli(bundled, "list", "resolution", "--on", "2024-06-04", "--format", "json").stdout
    assert all(
        "latest recorded" in row["citation"]
        for row in json.loads(listed)["rows"]
        if row["id"] != "council-1307"
    )


def test_a_suppressed_resolution_is_not_cited_as_what_a_theme_rests_on(
    run_cli: RunCli, bundled: Path
) -> None:
    data = bundled / "data"
    with (data / "resolutions" / "wtdc-38.yaml").open("a") as record:
        record.write(
            "history:\n  - {session: wtdc-2014, outcome: suppressed, source: https://www.itu.int/}\n"
        )
    report = data / "reports" / "2024.md"
    annexes = "year: 2024\nannexes: [mapping, overlaps]\n"
    report.write_text(report.read_text().replace("year: 2024\n", annexes))
    day = "2024-05-20"
    cited = "Resolution 38 (Rev. Hyderabad, 2010)"
    # `show` says it; the mapping, the report's annexes and the overlaps no longer cite it under its theme.
    assert "suppressed at WTDC-14" in run_cli(bundled, "show", "wtdc-38", "--on", day).stdout
    matrix = run_cli(bundled, "matrix", "--on", day, "--format", "csv").stdout
    assert "Resolution 55 (Rev. Buenos Aires, 2017)*" in matrix and cited not in matrix
    written = run_cli(bundled, "report", "--year", "2024", "-o", "-")
    assert written.exit_code == 0, written.output
    assert "Resolution 55 (Rev. Buenos Aires, 2017)" in written.stdout and cited not in written.stdout
    overlaps = run_cli(bundled, "overlaps", "--on", day, "--format", "md").stdout
    assert "“Gender and youth” rests on two resolutions" in overlaps and cited not in overlaps
    # The site: not on the theme's page nor in the mapping; its own page says it was suppressed, no
    # asterisk (which would say that a later session is only not accounted for).
    site = bundled / "site"
    assert run_cli(bundled, "site", "--on", day, "-o", str(site)).exit_code == 0
    for page in ("themes/gender-and-youth.html", "mapping.html", "overlaps.html"):
        assert cited not in (site / page).read_text(), page
    own = (site / "resolutions" / "wtdc-38.html").read_text()
    assert "suppressed at WTDC-14" in own and f"{cited}*" not in own
    assert "a theme that still lists it" in own and "a theme that rests on it" not in own
    # Before the session that suppressed it, it is cited as before.
    assert cited in run_cli(bundled, "matrix", "--on", "2012-01-01", "--format", "csv").stdout
    # validate warns at the theme's reference to it, naming the session.
    checked = run_cli(bundled, "validate")
    assert "data/themes/gender-and-youth.yaml:4:31: warning I405" in checked.stdout
    assert "'wtdc-38', suppressed at WTDC-14" in checked.stdout


def test_a_citation_shows_its_own_editions_title_or_none(run_cli: RunCli, tmp_path: Path) -> None:
    # On 20 May 2024 WTSA 18 is cited in its Hammamet edition, whose title is not recorded: the New Delhi
    # edition's title (of October 2024) is not shown as its own. WTSA 76 (Rev. Geneva, 2022) likewise has
    # none of its own, not Johannesburg's of 2008.
    day = "2024-05-20"
    delhi = "Principles and procedures for the allocation of work"
    johannesburg = "Studies related to conformance and interoperability testing"
    shown = run_cli(REPO, "show", "wtsa-18", "--on", day).stdout.splitlines()[1]
    assert "Resolution 18 (Rev. Hammamet, 2016)" in shown and delhi not in shown
    listed = json.loads(run_cli(REPO, "list", "resolution", "--on", day, "--format", "json").stdout)
    titles = {row["id"]: row["title"] for row in listed["rows"]}
    assert titles["wtsa-18"] == "" and titles["wtsa-76"] == ""
    site = tmp_path / "site"
    assert run_cli(REPO, "site", "--on", day, "-o", str(site)).exit_code == 0
    for page in (
        "themes/inter-sector-coordination.html",
        "resolutions/wtsa-18.html",
        "resolutions/index.html",
    ):
        text = " ".join((site / page).read_text().split())
        assert "Resolution 18 (Rev. Hammamet, 2016)" in text and delhi not in text.split("<table>")[0], page
    mapping = " ".join((site / "mapping.html").read_text().split())
    assert "Resolution 76 (Rev. Geneva, 2022)" in mapping and johannesburg not in mapping
    # Once the New Delhi edition is adopted, its own title is shown with it.
    later = run_cli(REPO, "show", "wtsa-18", "--on", "2024-11-01").stdout.splitlines()[1]
    assert "Resolution 18 (Rev. New Delhi, 2024)" in later and delhi in later


def test_a_past_day_shows_no_later_fact(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    # A theme's list declared complete as of 24 January 2024 (a synthetic declaration, for the test).
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    complete = "resolutions_complete: {as_of: 2024-01-24, source: https://www.itu.int/}\n"
    theme.write_text(theme.read_text().replace("status: active\n", "status: active\n" + complete))
    # The next RA and WRC planned (synthetic dates): without a recorded session after the day, the records
    # cannot tell that none came between the list's check and the day.
    for body, start, end in (("ra", "2027-10-18", "2027-10-22"), ("wrc", "2027-10-25", "2027-11-19")):
        meeting = f"id: {body}-2027\nbody: {body}\nstart: {start}\nend: {end}\nvenue: Geneva\n"
        (bundled / "data" / "meetings" / f"{body}-2027.md").write_text(f"---\n{meeting}---\n")

    def site(day: str) -> Path:
        out = tmp_path / f"site-{day}"
        assert run_cli(bundled, "site", "--on", day, "-o", str(out)).exit_code == 0
        return out

    def page(root: Path, name: str) -> str:
        return " ".join((root / name).read_text().split())

    before, after = site("2023-06-01"), site("2024-06-04")
    # The report to Council 2024, of May 2024, is not the latest report of a day in 2023.
    assert "the latest report" not in page(before, "index.html")
    assert "Report to Council 2024</a></span> the latest report" in page(after, "index.html")
    # Nor is it among the reports of that day, their list, their pages or the search.
    assert not (before / "reports" / "2024.html").exists() and (after / "reports" / "2024.html").exists()
    assert "Report to Council 2024" not in page(before, "reports/index.html")
    assert "Report to Council 2024" not in (before / "search-index.js").read_text()
    # A list checked complete in 2024 backs no "has none" in 2023, on the theme's page nor in the overlaps.
    assert "have none" not in page(before, "themes/accessibility.html")
    assert "RA, WRC, and Council have none" in page(after, "themes/accessibility.html")
    early = run_cli(bundled, "overlaps", "--on", "2023-06-01", "--format", "md").stdout
    assert "no ITU-R resolution is recorded" in early and "ITU-R has none" not in early
    late = run_cli(bundled, "overlaps", "--on", "2024-06-04", "--format", "md").stdout
    assert "ITU-R has none (the theme's list is complete as of 24 January 2024" in late
    # A session of a conference since the check could have adopted one: Council 2025, for the Council.
    later = site("2025-07-01")
    assert "RA and WRC have none" in page(later, "themes/accessibility.html")
    assert "Council have none" not in page(later, "themes/accessibility.html")
    # Past the latest session recorded (WRC-27), nothing is known: no Sector has none.
    last = run_cli(bundled, "overlaps", "--on", "2027-12-01", "--format", "md").stdout
    assert "no ITU-R resolution is recorded" in last and "has none" not in last
    # On a day before PP Resolution 191 was first adopted (Busan, 2014), no finding cites or proposes it.
    old = run_cli(bundled, "overlaps", "--on", "2000-01-01", "--format", "md").stdout
    assert "Resolution 191" not in old and "Resolution 57" not in old


# A WRC resolution as ITU's lists cite it: two digits for a year of the conference, 19xx or 20xx, and
# "WRC-2000" written whole. The record (its number, its edition) is synthetic, for the test.
@pytest.mark.parametrize(
    ("cited", "year"),
    [("WRC-95", 1995), ("Rev.WRC-97", 1997), ("WRC-2000", 2000), ("Rev.WRC-19", 2019)],
)
def test_a_wrc_list_reads_the_year_of_each_conference_as_itu_writes_it(
    run_cli: RunCli, bundled: Path, tmp_path: Path, cited: str, year: int
) -> None:
    record = bundled / "data" / "resolutions" / "wrc-9990.yaml"
    record.write_text(
        "id: wrc-9990\nconference: WRC\nkind: resolution\nnumber: '9990'\neditions:\n"
        "  - year: 1979\n    revised: false\n    title: A synthetic resolution\n"
        "    sources: [https://example.org/final-acts]\n",
        encoding="utf-8",
    )
    listing = tmp_path / "wrc-19.txt"
    listing.write_text(f"RESOLUTION 9990 ({cited}) - A synthetic resolution\n", encoding="utf-8")
    args = ["import-list", str(listing), "--session", "wrc-2019", "--source", "https://example.org/toc"]
    result = run_cli(bundled, *args, "--partial")
    assert result.exit_code == 0, result.output
    from res191.models import Resolution

    written = load(bundled).get("resolution", "wrc-9990", Resolution)
    assert written is not None
    assert [e.year for e in written.editions] == [1979, year]
    assert run_cli(bundled, "validate").exit_code == 0


@pytest.mark.parametrize(
    "heading",
    [
        "DECEMBER 2022\nDECISIONS AND RESOLUTIONS",
        # What a table of contents also holds: headings, page numbers, wrapped lines of titles.
        "Chapter 3\nCHAPTER 3 \u2013 Resolutions and Recommendations\nChapter 1 ........ 3",
        "Part 2 \u2013 Resolutions\nSection 4: Resolutions\nVolume 1\nPage 45\nFigure 1\nTable 2",
        "Kigali 6\u201316 June 2022\nReport of the 8th World Telecommunication Development Conference "
        "(Kigali, 2022)",
        "the 2030 Agenda for Sustainable Development ........ 45\nin 5G networks\nCOVID 19 pandemic",
    ],
    ids=["dates", "chapters", "parts-and-pages", "conference", "wrapped-titles"],
)
def test_a_heading_that_starts_like_a_word_of_the_list_is_not_taken_for_an_entry(
    run_cli: RunCli, bundled: Path, tmp_path: Path, heading: str
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(heading + "\n" + WTDC_22, encoding="utf-8")
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "https://example.org/toc"]
    result = run_cli(bundled, *args, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "cannot be read" not in result.stderr and "revised at wtdc-2022:" in result.stderr


def test_an_unread_line_of_an_excerpt_is_said_to_go_unaccounted_not_suppressed(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    listing = tmp_path / "excerpt.txt"
    listing.write_text(f"{LINE_10} - Financial support\nRES. 45 Kigali 2022\n", encoding="utf-8")
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "x"]
    whole = run_cli(bundled, *args)
    assert whole.exit_code == 1 and f"{listing}:2:1: RES. 45 Kigali 2022" in whole.stderr
    assert "a resolution left unread would be taken as suppressed" in whole.stderr
    partial = run_cli(bundled, *args, "--partial")
    assert partial.exit_code == 1 and f"{listing}:2:1: RES. 45 Kigali 2022" in partial.stderr
    assert "suppressed" not in partial.stderr
    assert "a resolution left unread would not be accounted for at this session" in partial.stderr


def test_a_resolution_in_force_after_a_session_is_not_taken_as_suppressed_there(bundled: Path) -> None:
    # WTDC 10 (Rev. Hyderabad, 2010) is recorded as maintained at WTDC-22: a list of WTDC-17 that leaves it
    # out lost a line, since a resolution suppressed at WTDC-17 could not be maintained in 2022.
    from res191.editing.list_checks import alive_after
    from res191.models import Resolution
    from res191.validation import validate

    loaded = validate(bundled, bundled, keep_records=True).loaded
    assert loaded is not None
    wtdc_10 = loaded.get("resolution", "wtdc-10", Resolution)
    assert wtdc_10 is not None
    assert alive_after(loaded, [wtdc_10], "wtdc-2017", 2017) == ["wtdc-10 (maintained at wtdc-2022)"]
    assert alive_after(loaded, [wtdc_10], "wtdc-2022", 2022) == []


def test_a_line_after_a_page_break_is_named_at_the_line_an_editor_sees(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # pdftotext puts a form feed at each page break: not a line of its own.
    listing = tmp_path / "toc.txt"
    listing.write_text(
        "Part IV\n\fPART II\nR\u00c9SOLUTION 10 (R\u00e9v. Hyderabad, 2010)\n", encoding="utf-8"
    )
    args = ["import-list", str(listing), "--session", "wtdc-2022", "--source", "x", "--partial"]
    refused = run_cli(bundled, *args)
    assert refused.exit_code == 1 and f"{listing}:3:1:" in refused.stderr, refused.stderr


def test_a_list_leaves_out_what_was_adopted_after_its_session_and_what_lived_on_after_it(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # A whole list of WTDC-10, written from the records: each WTDC resolution with an edition of 2010 or
    # before, in its latest such edition. WTDC 79 (Dubai, 2014) and others adopted later are not on it, and
    # are not taken for resolutions suppressed in 2010 nor alive after it.
    from res191.editing.list_checks import alive_after
    from res191.models import Resolution
    from res191.validation import validate

    loaded = validate(bundled, bundled, keep_records=True).loaded
    assert loaded is not None
    lines = []
    for resolution in loaded.all("resolution", Resolution).values():
        editions = [e for e in resolution.editions if e.year <= 2010]
        if resolution.conference.value == "WTDC" and editions:
            lines.append(resolution.citation(max(editions, key=lambda e: e.year)).upper())
    listing = tmp_path / "wtdc-10.txt"
    listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["import-list", str(listing), "--session", "wtdc-2010", "--source", "x", "--dry-run"]
    result = run_cli(bundled, *args)
    assert result.exit_code == 0, result.stderr
    # A resolution suppressed at a later session was in force until then: not suppressed at an earlier one.
    history = "history:\n  - {session: wtdc-2025, outcome: suppressed, source: x}\n"
    record = bundled / "data" / "resolutions" / "wtdc-38.yaml"
    record.write_text(record.read_text(encoding="utf-8") + history, encoding="utf-8")
    loaded = validate(bundled, bundled, keep_records=True).loaded
    assert loaded is not None
    wtdc_38 = loaded.get("resolution", "wtdc-38", Resolution)
    assert wtdc_38 is not None
    assert alive_after(loaded, [wtdc_38], "wtdc-2022", 2022) == ["wtdc-38 (suppressed at wtdc-2025)"]


@pytest.mark.parametrize(
    ("edited", "why"),
    [
        # A mistyped year would make up an edition: no WTDC was held in 2018.
        (
            ("RESOLUTION 30 (Rev. Buenos Aires, 2017)", "RESOLUTION 30 (Rev. Buenos Aires, 2018)"),
            "no session of its conference is recorded in 2018",
        ),
        # Two columns of a page run together by pdftotext -layout: the second entry was read as a title.
        (
            ("\u2013 A title as the list gives it", "A title   RESOLUTION 38 (Rev. Hyderabad, 2010) Youth"),
            "two entries on one line",
        ),
    ],
    ids=["year-of-no-session", "two-entries-on-one-line"],
)
def test_a_line_that_would_make_up_an_edition_or_hide_another_is_refused(
    run_cli: RunCli, bundled: Path, tmp_path: Path, edited: tuple[str, str], why: str
) -> None:
    listing = tmp_path / "wtdc-22.txt"
    assert edited[0] in WTDC_22
    listing.write_text(WTDC_22.replace(*edited), encoding="utf-8")
    refused, unchanged = _import_list(run_cli, bundled, listing)
    assert refused.exit_code == 1 and unchanged  # type: ignore[attr-defined]
    assert why in refused.stderr  # type: ignore[attr-defined]


def test_a_resolution_suppressed_before_the_session_is_neither_listed_nor_suppressed_again(
    run_cli: RunCli, bundled: Path, tmp_path: Path
) -> None:
    # WTDC 30 recorded as suppressed at WTDC-17 (synthetic, for the test): a WTDC-22 list that shows it
    # contradicts the records, and one that leaves it out does not suppress it a second time.
    record = bundled / "data" / "resolutions" / "wtdc-30.yaml"
    text = record.read_text(encoding="utf-8")
    assert "history:" not in text
    record.write_text(
        text + "history:\n  - {session: wtdc-2017, outcome: suppressed, source: S17}\n", "utf-8"
    )
    listing = tmp_path / "wtdc-22.txt"
    listing.write_text(WTDC_22, encoding="utf-8")
    refused, unchanged = _import_list(run_cli, bundled, listing)
    assert refused.exit_code == 1 and unchanged  # type: ignore[attr-defined]
    assert "the records hold it suppressed at wtdc-2017 (source: S17)" in refused.stderr  # type: ignore[attr-defined]
    line_30 = next(line for line in WTDC_22.splitlines(keepends=True) if "RESOLUTION 30 " in line)
    listing.write_text(WTDC_22.replace(line_30, ""), encoding="utf-8")
    done, _ = _import_list(run_cli, bundled, listing)
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    assert record.read_text(encoding="utf-8").count("suppressed") == 1


def test_a_title_wrapped_by_a_table_of_contents_is_read_whole_or_not_at_all() -> None:
    from res191.editing.list_lines import unfinished
    from res191.editing.session_list import read_list

    text = (
        "RESOLUTION 18 (Rev. New Delhi, 2024) \u2013 Principles and procedures for the allocation of work "
        "to, and\n"
        "      coordination among, the ITU Radiocommunication, Telecommunication Standardization and\n"
        "      Telecommunication Development Sectors ........ 45\n"
        "RESOLUTION 70 (Rev Geneva, 2022) \u2013 Telecommunication/information and communication technology\n"
        "RESOLUTION 76 (Rev. Geneva, 2022) \u2013 Studies related to testing for conformance with\n"
        "ITU-T Recommendations\n"
    )
    first, second, third = read_list(text)
    # A line that carries on a title starts with a small letter: it is part of the title.
    assert first.title is not None and first.title.startswith("Principles and procedures")
    assert "coordination among, the ITU Radiocommunication" in first.title
    # "(Rev Geneva, ...)" without its dot is a revision at Geneva, not a place called "Rev Geneva".
    assert (second.revised, second.place) == (True, "Geneva")
    # A title left cut (the rest on a line starting with a capital) is recorded as none, not as a part.
    assert third.title is not None and unfinished(third.title)
    assert not unfinished("Principles and procedures for the allocation of work")
