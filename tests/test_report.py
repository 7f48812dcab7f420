"""`res191 report`: what the report to Council says, made from the records, in Markdown and HTML."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, REPO, RunCli

GOLDEN = Path(__file__).parent / "golden" / "report-2024.md"
WITH_REPORT = EXAMPLES / "valid" / "with-report"
SEED = REPO.parent / "shared" / "seeds" / "000_287cb80a168cad07.txt"

# The cover of the 2024 report: the session's dates are from DOMAIN.md, not in the seed's text.
COVER_FACTS = [
    "Council 2024",
    "Geneva, 4-14 June 2024",
    "Original: English",
    "Report by the Secretary-General",
]
# The texts of the 2024 report to Council (the seed) that the records hold word for word: what the report
# record, the resolution, the bodies, the initiatives, the documents and the positions say. Only the last
# comes from the report record's own Markdown.
SEED_TEXTS = [
    "This document presents a report on the implementation of Resolution 191 (Rev. Bucharest 2022) of the "
    "Plenipotentiary Conference on the strategy for the coordination of efforts among the three Sectors of "
    "the Union and the General Secretariat.",
    "The Council is invited to note the report.",
    "Excellence in human resources and organizational innovation.",
    "Within the allocated budget 2024-2025.",
    "Resolution 71 (Rev. Bucharest, 2022), Resolution 191 (Rev. Bucharest, 2022), and Decision 5 (Rev. "
    "Bucharest, 2022) of the Plenipotentiary Conference",
    "the Secretary-General to continue enhancing a coordination and cooperation strategy for effective and "
    "efficient efforts in areas of mutual interest to the three Sectors and the General Secretariat, to "
    "avoid duplication of effort and optimize the use of resources of the Union",
    "identify all forms and examples of overlapping functions and activities among the Sectors as well as "
    "the General Secretariat, and to propose solutions to address them",
    "the Secretary-General and the Directors of the three Bureaux to ensure reporting to the Council of the "
    "coordination activities carried out among the different Sectors in each area identified as being of "
    "mutual interest, as well as the results obtained.",
    "chaired by the Deputy Secretary-General",
    "representatives from the Bureaux and the General Secretariat.",
    "The ISC-TF is the body that coordinates within the secretariat, and that liaises with the Inter-Sector "
    "Coordination Group (ISCG) to identify the membership's needs and provide options to improve "
    "cooperation and coordination across ITU.",
    "Improvement of the Intersectoral coordination webpage under the General Secretariat and in "
    "coordination with the Chair of the ISCG.",
    "Mapping of resolutions, from main ITU Conferences/Assemblies, as well as a review of the secretariat's "
    "internal task forces and groups, carried out after the ITU Plenipotentiary Conference 2022 (and updated "
    "after RA-23), to propose a strategy that addresses the growing number of areas of mutual interest.",
    "Update of the list of themes calling for intersectoral coordination together with the Focal Points "
    "appointed by the Sectors and the General Secretariat published on the webpage.",
    "Review of the composition of the Inter-Sectoral Coordination Task Force (ISC-TF) to make it more "
    "focused, efficient, and effective.",
    "Update of the tools for planning, monitoring, and reporting, such as an Intersectoral Coordination "
    "Tracker where the secretariat Focal Points inform their main priorities/activities per year for "
    "internal planning purposes, and the web platform to report on the implementation of PP Resolutions, "
    "including intersectoral coordination, on an annual basis to the Council.",
    "Revision of the related Service Order, to address the identified themes of mutual interest by "
    "implementing a robust mechanism for coordination, including planning, monitoring, evaluation, and "
    "reporting, thereby enhancing organizational effectiveness and minimizing potential risks.",
    "C24/35 on the implementation of the strategic plan and the activities of the Union",
    'C24/17 on the implementation of the "One ITU" concept',
    "Mr Fabio Bigi (Italy)",
    "contribution-driven group",
    "on 24 January 2024, in conjunction with the Telecommunication Standardization Advisory Group (TSAG); "
    "and on 21 May 2024, in conjunction with the Telecommunication Development Advisory Group (TDAG).",
    "ITU Headquarters",
    "Sustainable Digital Transformation",
    "theme that requires an ITU-wide approach and coordination.",
    "expressed interest in being involved in the new building project to ensure that all accessibility "
    "matters are taken into consideration",
    "the strategy to make the ITU website more secure, searchable, multilingual, harmonized and "
    "user-centric, including the use of the six official languages of the Union on an equal footing.",
    "The ISCG highlighted the importance of having a more proactive approach, and on its role as adviser to "
    "address the need to streamline resolutions and/or better allocate themes under the Sectors and/or "
    "under the Plenipotentiary Conference.",
    "to convey the membership concerns and suggest ways to improve intersectoral coordination.",
    "Further information on ISCG, such as meetings' reports and documents discussed, can be found on the "
    "ISCG webpage.",
]
FROM_THE_NARRATIVE = SEED_TEXTS[-1:]
# What the report says of 2024 in its own standing phrasing, each fact from a record of 2024.
REPORT_FACTS = [
    "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, adopted by PP-22, instructs:",
    "The ISC-TF is chaired by the Deputy Secretary-General; it comprises representatives from the Bureaux "
    "and the General Secretariat.",
    "The ISCG is chaired by Mr Fabio Bigi (Italy); it is a contribution-driven group",
    # Written before 21 May 2024 (the report record's written_before): the second meeting is planned.
    "The ISCG will have met twice since Council 2023: on 24 January 2024",
    # Only the meeting held by the report's day is said to have been held.
    "The meeting of 24 January 2024 was held in ITU Headquarters, Geneva, with remote participation and "
    "captioning (Zoom).",
    # Each acronym spelt out at its first mention only: TSAG and TDAG were in the sentence before.
    "The ISCG reports to the Radiocommunication Advisory Group (RAG), TSAG, TDAG, and the Council Working "
    "Group on Financial and Human Resources (CWG-FHR).",
    "Themes the ISCG addressed in 2024: accessibility, climate change, and virtual meetings/remote "
    "participation.",
    "Taken up in 2024: Sustainable Digital Transformation, proposed by RAG in March 2024.",
]


def flat(text: str) -> str:
    """Text on one line, with straight quotes: how the facts are compared."""
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def report(run_cli: RunCli, folder: Path, *args: str, year: int = 2024) -> str:
    """The report in Markdown (or another format given in args) as text, written to standard output."""
    result = run_cli(folder, "report", "--year", str(year), "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markdown_matches_the_golden_file(run_cli: RunCli) -> None:
    written = report(run_cli, REPO)
    if os.environ.get("RES191_UPDATE_GOLDEN"):
        GOLDEN.write_text(written, encoding="utf-8")
    assert written == GOLDEN.read_text(encoding="utf-8")


FACTS = COVER_FACTS + SEED_TEXTS + REPORT_FACTS


@pytest.mark.parametrize("fact", FACTS, ids=range(len(FACTS)))
def test_every_seed_fact_is_in_the_report(fact: str) -> None:
    assert fact in flat(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEED.is_file(), reason="the seed report (../shared/seeds/) is not beside this clone")
def test_the_records_texts_are_the_seeds_words() -> None:
    seed = flat(SEED.read_text(encoding="utf-8"))
    assert [text for text in SEED_TEXTS if text not in seed] == []


def test_the_initiatives_keep_the_order_the_report_record_gives() -> None:
    written = flat(GOLDEN.read_text(encoding="utf-8"))
    firsts = ["Improvement of the", "Mapping of resolutions", "Update of the list",
              "Review of the composition", "Update of the tools", "Revision of the related"]  # fmt: skip
    places = [written.index(f"- {first}") for first in firsts]
    assert places == sorted(places)


def _template_runs(text: str) -> list[list[str]]:
    """The words of a template's own wording: its literal text and the strings in its tags, run by run."""
    text = re.sub(r"\{#.*?#\}", " ", text, flags=re.DOTALL)
    runs = re.split(r"\{[{%].*?[}%]\}", text, flags=re.DOTALL)
    strings = re.findall(r'"([^"{}]+)"', " ".join(re.findall(r"\{[{%](.*?)[}%]\}", text, flags=re.DOTALL)))
    # A value in a wording marked for translation (`%(name)s`) breaks its run, as `{{ name }}` does.
    runs += [part for string in strings for part in re.split(r"%\(\w+\)s", string)]
    return [re.findall(r"[a-z0-9'/-]+", run.lower()) for run in runs]


@pytest.mark.skipif(not SEED.is_file(), reason="the seed report (../shared/seeds/) is not beside this clone")
def test_the_templates_hold_at_most_20_words_of_the_seed() -> None:
    """The templates hold the standing structure and phrasing of a Council report, not the 2024 report's
    sentences: a word of a template counts as the seed's when it is part of four words in a row that the
    seed has too."""
    seed_words = re.findall(r"[a-z0-9'/-]+", flat(SEED.read_text(encoding="utf-8")).lower())
    shingles = {tuple(seed_words[i : i + 4]) for i in range(len(seed_words) - 3)}
    counted = 0
    for name in ("report.md.j2", "report.html.j2"):
        for run in _template_runs((REPO / "templates" / name).read_text(encoding="utf-8")):
            covered = set()
            for i in range(len(run) - 3):
                if tuple(run[i : i + 4]) in shingles:
                    covered |= {i, i + 1, i + 2, i + 3}
            counted += len(covered)
    assert counted <= 20, f"{counted} words of the templates are the seed's"


def test_every_fact_but_the_narratives_comes_from_a_structured_record(run_cli: RunCli, bundled: Path) -> None:
    root = bundled
    record = root / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("\n---\n", 4) + 5], encoding="utf-8")  # the front matter only
    written = flat(report(run_cli, root))
    assert [f for f in FACTS if f not in written] == FROM_THE_NARRATIVE


def words(text: str) -> int:
    return len(re.findall(r"[\w'/-]+", text))


def test_the_narrative_is_under_15_percent_of_the_report(run_cli: RunCli) -> None:
    body = report(run_cli, REPO).split("## 1 Background", 1)[1]
    narrative = (REPO / "data" / "reports" / "2024.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    share = words(re.sub(r"^## .*$", "", narrative, flags=re.MULTILINE)) / words(body)
    assert share <= 0.15, f"{share:.0%} of the report's words are the record's own Markdown"


# The second year of the synthetic fixture: two earlier Council sessions (2023, 2024), ISCG meetings on
# the edges of the period (after 4 June 2024, up to 17 June 2025), an edition adopted during the year
# (WTSA, March 2025) and one adopted after the report's date (WTDC, October 2025).
SENTENCES_2025 = [
    "Resolution 1 (Rev. Beta, 2022) of the Plenipotentiary Conference; Resolution 2 (Rev. Kappa, 2025) "
    "of the "
    "World Telecommunication Standardization Assembly; Resolution 3 (Rev. Epsilon, 2021) of the World "
    "Telecommunication Development Conference",
    "Resolution 1 (Rev. Beta, 2022) of the Plenipotentiary Conference, adopted by PP-22, instructs: - the "
    "Secretary-General to do the first thing; - the Secretary-General to do the second thing; - the "
    "Secretary-General and the Directors to report every year.",
    "- Update of the synthetic tracker. - Improvement of the synthetic webpage (completed).",
    "The results are reported in Council documents C25/1 on the synthetic strategic plan, and C25/2 on the "
    'synthetic "One ITU" concept.',
    "The ISCG will have met twice since Council 2024: on 5 June 2024, in conjunction with the "
    "Telecommunication Standardization Advisory Group (TSAG); and on 17 June 2025. The meeting of 5 June "
    "2024 was held in Geneva, with remote participation and captioning (Zoom).",
    "The ISCG expressed interest in being involved in the building project. The ISCG expressed interest in "
    "being involved in the website strategy.",
    "The ISCG highlighted the importance of a proactive approach.",
    "Its main objective is to test every sentence.",
    "The ISCG requested an updated mapping of resolutions.",
    "Further information is on the synthetic webpage.",
]


@pytest.mark.parametrize("sentence", SENTENCES_2025, ids=range(len(SENTENCES_2025)))
def test_a_second_year_is_made_from_the_same_records(run_cli: RunCli, sentence: str) -> None:
    written = flat(
        report(run_cli, WITH_REPORT, year=2025).replace("[C25/1](https://example.org/c25-1)", "C25/1")
    )
    assert sentence in written


def test_the_first_year_of_the_fixture_has_its_own_period_and_editions(run_cli: RunCli) -> None:
    written = flat(report(run_cli, WITH_REPORT))
    # After the 2023 session's first day (11 July 2023), up to and including 4 June 2024.
    assert (
        "will have met four times since Council 2023: on 12 July 2023; on 10 January 2024, in conjunction "
        "with the Telecommunication Standardization Advisory Group (TSAG); on 20 May 2024; and on 4 June "
        "2024." in written
    )
    assert "11 July 2023" not in written and "5 June 2024" not in written
    # In force on 30 April 2024: neither the WTSA nor the WTDC edition of 2025.
    assert (
        "Resolution 1 (Rev. Beta, 2022) of the Plenipotentiary Conference; Resolution 2 (Delta, 2020)"
        in written
    )
    assert "- Improvement of the synthetic webpage (ongoing)." in written
    assert "synthetic tracker" not in written


@pytest.mark.parametrize("written", ["", "written_before: 2024-06-05\n"], ids=["no date", "written before"])
def test_a_report_without_a_date_speaks_as_of_when_it_was_written_else_its_session(
    run_cli: RunCli, example: Callable[[str], Path], written: str
) -> None:
    """Without a date, as of the day before the one it was written before; else its session's first day.
    Council 2024 opened on 4 June 2024, the day of the ISCG's last meeting: held then, not planned."""
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    assert text.count("date: 2024-04-30\n") == 1 and "written_before" not in text
    record.write_text(text.replace("date: 2024-04-30\n", written), encoding="utf-8")
    assert "The ISCG has met four times since Council 2023:" in flat(report(run_cli, root))
    # A day earlier, the meeting of 4 June is still to come.
    earlier = "written_before: 2024-06-04\n" if written else "date: 2024-06-03\n"
    record.write_text(text.replace("date: 2024-04-30\n", earlier), encoding="utf-8")
    assert "The ISCG will have met four times since Council 2023:" in flat(report(run_cli, root))


def test_a_first_report_covers_the_year_up_to_its_session_and_says_so(
    run_cli: RunCli, example: Callable[[str], Path]
) -> None:
    """No earlier Council session is recorded before Council 2023 (11 July 2023): the 2023 report covers
    the year up to 11 July 2023 and says so, without a start date that would read as a session of Council,
    and without the meetings of the years before (another year's facts)."""
    root = example("valid/with-report")
    for day in ("2022-03-01", "2022-07-11", "2022-09-01"):
        meeting = f"---\nid: iscg-{day}\nbody: iscg\nstart: {day}\nvenue: Geneva\n---\n"
        (root / "data" / "meetings" / f"iscg-{day}.md").write_text(meeting, encoding="utf-8")
    (root / "data" / "reports" / "2023.md").write_text(
        '---\nid: "2023"\nyear: 2023\ncouncil_session: council-2023\nresolution: pp-1\n'
        "purpose: To test the period of a first report.\n"
        "action_required: The Council is invited to note the report.\nstrategic_plan_link: A link.\n"
        "financial_implications: None.\noriginal: English\nby: Secretary-General\n---\n",
        encoding="utf-8",
    )
    written = flat(report(run_cli, root, year=2023))
    assert (
        "The ISCG has met twice in the year up to 11 July 2023: on 1 September 2022; and on 11 July 2023."
        in written
    )
    assert "1 March 2022" not in written and "since 11 July 2022" not in written


def test_a_retired_theme_is_left_out_of_the_annexes(run_cli: RunCli, example: Callable[[str], Path]) -> None:
    root = example("valid/with-report")
    annexes = report(run_cli, root).split("## Annex 1", 1)[1]
    assert "| New theme |" in annexes
    theme = root / "data" / "themes" / "new-theme.yaml"
    text = theme.read_text(encoding="utf-8")
    assert text.count("status: active\n") == 1
    theme.write_text(text.replace("status: active\n", "status: retired\n"), encoding="utf-8")
    annexes = report(run_cli, root).split("## Annex 1", 1)[1]
    assert "| Alpha theme |" in annexes and "New theme" not in annexes


@pytest.mark.parametrize("themes", ["none", "bare"])
def test_an_empty_annex_is_left_out_saying_why(
    run_cli: RunCli, example: Callable[[str], Path], themes: str
) -> None:
    root = example("valid/with-report")
    for theme in (root / "data" / "themes").glob("*.yaml"):
        theme.unlink()
        if themes == "bare":  # themes without focal points, resolutions or activities
            theme.write_text(f"id: {theme.stem}\ntitle: {theme.stem.title()}\n", encoding="utf-8")
    result = run_cli(root, "report", "--year", "2024", "-o", "-")
    assert result.exit_code == 0, result.output
    why = "no theme is recorded" if themes == "none" else "no theme has a focal point recorded"
    assert result.stderr.splitlines() == [
        f"warning: the annex 'themes' is left out: {why}",
        "warning: the annex 'mapping' is left out: no theme lists its resolutions",
        "warning: the annex 'tracker' is left out: no theme's tracker has an activity of 2024",
        "warning: the annex 'overlaps' is left out: no overlap was found in the records",
    ]
    assert "## Annex" not in result.stdout
    checked = run_cli(root, "validate", "--all-warnings")
    assert f"the annex 'themes' would be empty: {why}; the report leaves it out" in checked.stdout


def test_a_report_written_before_a_meeting_writes_it_as_planned() -> None:
    assert "The ISCG will have met twice" in flat(GOLDEN.read_text(encoding="utf-8"))


def test_annexes_are_numbered_and_carry_focal_points_citations_and_activities(run_cli: RunCli) -> None:
    markdown = report(run_cli, WITH_REPORT)
    headings = re.findall(r"^## (Annex .*)$", markdown, flags=re.MULTILINE)
    assert headings == [
        "Annex 1 - Themes of mutual interest and their focal points",
        "Annex 2 - Mapping of resolutions to themes",
        "Annex 3 - Intersectoral Coordination Tracker, 2024",
        "Annex 4 - Overlaps identified and proposed solutions",
    ]
    assert "| Alpha theme | Ann Example, BR | TSB | Programme officer | appointed |" in markdown
    # The edition in force on the report's date: the 2025 and 2026 ones are not yet adopted.
    # No dash or other placeholder in a cell: an empty cell, said under the table.
    assert (
        "| Alpha theme | Resolution 1 (Rev. Beta, 2022) | Resolution 2 (Delta, 2020) | Resolution 3 (Rev. "
        "Epsilon, 2021) | Resolution ITU-R 4 (Zeta, 2023) |  |" in markdown
    )
    assert "An empty cell: none is recorded under the theme for that conference." in markdown
    assert "- ITU-T: Joint workshop (ongoing). With ITU-D" in markdown
    assert "Last year's study" not in markdown
    annex = markdown.split("Annex 4", 1)[1]
    assert "| Overlap identified | Instruments | Proposed solution: who could act, and when |" in annex
    assert "| **Theme with resolutions in several Sectors.** The theme “Alpha theme” rests on" in annex
    assert "the ISC-TF could name the General Secretariat the lead of the theme “Alpha theme”. |" in annex


def test_the_tracker_is_annexed_by_default_when_it_has_activities(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    record.write_text(record.read_text().replace("annexes: [themes, mapping, tracker, overlaps]\n", ""))
    assert re.findall(r"^## (Annex .*)$", report(run_cli, root), flags=re.MULTILINE) == [
        "Annex 1 - Intersectoral Coordination Tracker, 2024"
    ]
    assert "# Annex" not in report(run_cli, root, year=2025)  # no activity of 2025 in the tracker
    assert "Annex" not in GOLDEN.read_text(encoding="utf-8")


def test_markdown_file_is_plain_commonmark(run_cli: RunCli) -> None:
    markdown = report(run_cli, WITH_REPORT)
    assert not re.search(r"^\{\.", markdown, flags=re.MULTILINE)  # the layout classes are for Word and HTML


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append((tag, dict(attrs).get("class") or ""))


def test_html_is_a_page_with_the_report_laid_out(run_cli: RunCli) -> None:
    page = report(run_cli, REPO, "--format", "html")
    tags = Tags()
    tags.feed(page)
    assert page.startswith("<!doctype html>")
    assert ("html", "") in tags.seen and '<html lang="en-GB">' in page  # the original's, English
    assert {("div", "cover"), ("p", "by"), ("h1", "title"), ("div", "summary"), ("p", "references")} <= set(
        tags.seen
    )
    # The three sections; the three instructions and the six initiatives as list items.
    assert [t for t, _ in tags.seen].count("h2") == 3 and [t for t, _ in tags.seen].count("li") == 9
    assert "Mr Fabio Bigi (Italy)" in flat(page)


def test_raw_html_in_the_narrative_is_shown_as_text(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    record.write_text(
        record.read_text() + "\n<script>alert(1)</script>\n\nA <img src=x onerror=alert(2)> tag.\n"
    )
    page = report(run_cli, root, "--format", "html")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "A &lt;img src=x onerror=alert(2)&gt; tag." in page


def test_record_text_cannot_become_markdown_structure(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    body = root / "data" / "bodies" / "iscg.yaml"
    body.write_text(body.read_text().replace("Ms Chair Example", '"Ms Chair\\n# Heading\\n- item <b>x</b>"'))
    markdown = report(run_cli, root)
    assert "chaired by Ms Chair \\# Heading - item \\<b\\>x\\</b\\> (Nowhere)" in markdown
    assert "\n# Heading" not in markdown


def _copy_report(root: Path, year: int, drop: tuple[str, ...] = ()) -> Path:
    """The 2024 report record copied to another year, as an editor starts next year's."""
    text = (root / "data" / "reports" / "2024.md").read_text(encoding="utf-8")
    text = text.replace('id: "2024"', f'id: "{year}"').replace("year: 2024", f"year: {year}")
    text = text.replace("council_session: council-2024", f"council_session: council-{year}")
    for key in drop:
        text = re.sub(rf"^{key}:.*\n(  .*\n)*", "", text, flags=re.MULTILINE)
    copied = root / "data" / "reports" / f"{year}.md"
    copied.write_text(text, encoding="utf-8")
    return copied


def test_a_copied_report_record_is_refused_where_it_speaks_of_another_year(
    run_cli: RunCli, bundled: Path
) -> None:
    (bundled / "data" / "meetings" / "council-2019.md").write_text(
        "---\nid: council-2019\nbody: council\nstart: 2019-06-10\nend: 2019-06-20\nvenue: Geneva\n---\n"
    )  # a Council session for the test, not a fact of the bundled data
    _copy_report(bundled, 2019)
    checked = run_cli(bundled, "validate", "--format", "json")
    said = {
        (d["code"], d["message"]) for d in json.loads(checked.stdout)["diagnostics"] if "2019" in d["path"]
    }
    assert checked.exit_code == 1
    assert ("R508", "the report for 2019 cites C24/35, a document of 2024") in said
    assert ("R502", "the report for 2019 is dated 2024-05-21") in said
    assert any(code == "R509" and "an edition of 2022" in message for code, message in said)


@pytest.mark.parametrize("year", [2019, 2023, 2025])
def test_reports_of_other_years_say_only_what_was_so_then(run_cli: RunCli, bundled: Path, year: int) -> None:
    if year == 2019:
        (bundled / "data" / "meetings" / "council-2019.md").write_text(
            "---\nid: council-2019\nbody: council\nstart: 2019-06-10\nend: 2019-06-20\nvenue: Geneva\n---\n"
        )
    _copy_report(bundled, year, drop=("results_in", "written_before"))
    assert run_cli(bundled, "validate").exit_code == 0
    written = flat(report(run_cli, bundled, year=year))
    # The edition in force on the session's first day, never a later one.
    in_force = (
        "Resolution 191 (Rev. Dubai, 2018)" if year == 2019 else "Resolution 191 (Rev. Bucharest, 2022)"
    )
    background = written.split("## 1 Background")[1].split("## 2")[0]
    assert in_force in background
    assert ("Bucharest, 2022" in background) is (year != 2019)
    # The ISCG's chair is recorded for 2024 only; nothing of 2024 is said of another year.
    assert "Mr Fabio Bigi" not in written and "Who chairs the ISCG on" in written
    of_2024 = ["C24/35", "24 January 2024", "21 May 2024", "Sustainable Digital Transformation",
               "new building project", "Improvement of the Intersectoral coordination webpage"]  # fmt: skip
    assert [fact for fact in of_2024 if fact in written] == []
    # Council 2024 is recorded before 2025's; no session before 2019's nor 2023's: the year up to theirs.
    period = "between" if year == 2025 else "in the year up to"
    assert f"No meeting of the ISCG is recorded {period}" in written
    assert f"No initiative of the secretariat is recorded for {year}." in written


def test_a_report_says_held_only_of_meetings_held_by_its_day_and_no_period_start_not_recorded(
    run_cli: RunCli, bundled: Path
) -> None:
    # The 2024 report speaks as of 20 May 2024: the ISCG's meeting of 21 May is planned, not held.
    written = flat(report(run_cli, bundled))
    assert "Both meetings were held" not in written
    assert "The meeting of 24 January 2024 was held in ITU Headquarters, Geneva" in written
    # A 2023 report: no Council session before Council 2023 (11 July 2023) is recorded, so no start of its
    # period is given as a date (not "11 July 2022"): the year up to its end.
    _copy_report(bundled, 2023, drop=("results_in", "written_before"))
    first = flat(report(run_cli, bundled, year=2023))
    assert "11 July 2022" not in first
    assert "No meeting of the ISCG is recorded in the year up to 11 July 2023." in first


def test_the_year_up_to_a_session_holds_every_day_of_a_leap_year() -> None:
    from res191.models.reporting import reporting_period

    # No earlier Council session recorded: the year up to 4 June 2024 holds 5 June 2023 (365 days back,
    # across 29 February 2024, it did not); a session on 29 February goes back to 28 February.
    period = reporting_period(date(2024, 6, 4), None)
    assert date(2023, 6, 5) in period and date(2023, 6, 4) not in period
    assert reporting_period(date(2024, 2, 29), None).after == date(2023, 2, 28)
