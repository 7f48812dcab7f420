"""`res191 report`: what the report to Council says, made from the records, in Markdown and HTML."""

from __future__ import annotations

import os
import re
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
# Every fact of the 2024 report to Council (the seed), worded as the seed words it. Only the last comes
# from the report record's own Markdown; every other one comes from a structured record.
SEED_FACTS = [
    "This document presents a report on the implementation of Resolution 191 (Rev. Bucharest 2022) of the "
    "Plenipotentiary Conference on the strategy for the coordination of efforts among the three Sectors of "
    "the Union and the General Secretariat.",
    "The Council is invited to note the report.",
    "Excellence in human resources and organizational innovation.",
    "Within the allocated budget 2024-2025.",
    "Resolution 71 (Rev. Bucharest, 2022), Resolution 191 (Rev. Bucharest, 2022), and Decision 5 (Rev. "
    "Bucharest, 2022) of the Plenipotentiary Conference",
    "The 2022 Plenipotentiary Conference (PP-22), through Resolution 191 (Rev. Bucharest, 2022), instructs "
    "the Secretary-General to continue enhancing a coordination and cooperation strategy for effective and "
    "efficient efforts in areas of mutual interest to the three Sectors and the General Secretariat, to "
    "avoid duplication of effort and optimize the use of resources of the Union.",
    "Furthermore, the Secretary-General is instructed to identify all forms and examples of overlapping "
    "functions and activities among the Sectors as well as the General Secretariat, and to propose "
    "solutions to address them.",
    "Finally, Resolution 191 instructs the Secretary-General and the Directors of the three Bureaux to "
    "ensure "
    "reporting to the Council of the coordination activities carried out among the different Sectors in each "
    "area identified as being of mutual interest, as well as the results obtained.",
    "The Inter-Sectoral Coordination Task Force (ISC-TF) is chaired by the Deputy Secretary-General and "
    "comprises representatives from the Bureaux and the General Secretariat.",
    "The ISC-TF is the body that coordinates within the secretariat, and that liaises with the Inter-Sector "
    "Coordination Group (ISCG) to identify the membership's needs and provide options to improve "
    "cooperation and coordination across ITU.",
    "Since the report presented to Council last year, the secretariat continues to work to organize and "
    "find the best way to ensure the governance of the intersectoral coordination. These efforts include:",
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
    "Concrete results of inter-Sector teams coordinating the work across ITU can be found on Council "
    "documents C24/35 on the implementation of the strategic plan and the activities of the Union, and on "
    'document C24/17 on the implementation of the "One ITU" concept.',
    "The membership coordination continues to be under the ISCG, chaired by Mr Fabio Bigi (Italy), as a "
    "contribution-driven group.",
    "The ISCG, in its capacity as the membership coordination mechanism,",
    "since the last report presented to Council 2023",
    "on 24 January 2024, in conjunction with the Telecommunication Standardization Advisory Group (TSAG); "
    "and on 21 May 2024, in conjunction with the Telecommunication Development Advisory Group (TDAG).",
    "ITU Headquarters",
    "allowing remote participation and captioning through the Zoom platform.",
    "Outcome reports and calls for action are presented regularly to",
    "Financial and Human Resources (CWG-FHR), whenever needed.",
    "The ISCG continues to address accessibility, climate change",
    "virtual meetings/remote participation, as its main topics of common interest with the aim of "
    "identifying members' needs and providing the secretariat with the necessary advice on how to best "
    "coordinate.",
    "As proposed by the Radiocommunication Advisory Group (RAG) meeting held in March 2024, the ISCG agreed "
    "to include the follow up on Sustainable Digital Transformation as a theme that requires an ITU-wide "
    "approach and coordination.",
    "The ISCG also expressed interest in being involved in the new building project to ensure that all "
    "accessibility matters are taken into consideration;",
    "the strategy to make the ITU website more secure, searchable, multilingual, harmonized and "
    "user-centric, including the use of the six official languages of the Union on an equal footing.",
    "The ISCG highlighted the importance of having a more proactive approach, and on its role as adviser to "
    "address the need to streamline resolutions and/or better allocate themes under the Sectors and/or "
    "under the Plenipotentiary Conference.",
    "As a membership-driven group, the ISCG's main objective is to convey the membership concerns and "
    "suggest ways to improve intersectoral coordination.",
    "Further information on ISCG, such as meetings' reports and documents discussed, can be found on the "
    "ISCG webpage.",
]
FROM_THE_NARRATIVE = SEED_FACTS[-1:]


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


@pytest.mark.parametrize("fact", COVER_FACTS + SEED_FACTS, ids=range(len(COVER_FACTS + SEED_FACTS)))
def test_every_seed_fact_is_in_the_report_worded_as_the_seed(fact: str) -> None:
    assert fact in flat(GOLDEN.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEED.is_file(), reason="the seed report (../shared/seeds/) is not beside this clone")
def test_the_facts_are_the_seeds_words() -> None:
    seed = flat(SEED.read_text(encoding="utf-8"))
    # The seed says "; and on the strategy" where the report says "; and in": the fact, not the linking word.
    assert [fact for fact in SEED_FACTS if fact not in seed] == []


def test_every_fact_but_the_narratives_comes_from_a_structured_record(run_cli: RunCli, bundled: Path) -> None:
    root = bundled
    record = root / "data" / "reports" / "2024.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: text.index("\n---\n", 4) + 5], encoding="utf-8")  # the front matter only
    written = flat(report(run_cli, root))
    assert [f for f in COVER_FACTS + SEED_FACTS if f not in written] == FROM_THE_NARRATIVE


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
    "The 2022 Plenipotentiary Conference (PP-22), through Resolution 1 (Rev. Beta, 2022), instructs the "
    "Secretary-General to do the first thing. Furthermore, the Secretary-General is instructed to do the "
    "second thing.",
    "Finally, Resolution 1 instructs the Secretary-General and the Directors to report every year.",
    "- Update of the synthetic tracker. - Improvement of the synthetic webpage (completed).",
    "can be found on Council documents C25/1 on the synthetic strategic plan, and on document C25/2 on the "
    'synthetic "One ITU" concept.',
    "The ISCG, in its capacity as the membership coordination mechanism, will have met twice since the last "
    "report presented to Council 2024: on 5 June 2024, in conjunction with the Telecommunication "
    "Standardization Advisory Group (TSAG); and on 17 June 2025. Both meetings were held in Geneva, allowing "
    "remote participation and captioning through the Zoom platform.",
    "The ISCG also expressed interest in being involved in the building project; and in the website "
    "strategy.",
    "The ISCG highlighted the importance of a proactive approach. As a membership-driven group, the ISCG's "
    "main objective is to test every sentence.",
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
        "will have met four times since the last report presented to Council 2023: on 12 July 2023; on 10 "
        "January 2024, in conjunction with the Telecommunication Standardization Advisory Group (TSAG); "
        "on 20 "
        "May 2024; and on 4 June 2024." in written
    )
    assert "11 July 2023" not in written and "5 June 2024" not in written
    # In force on 30 April 2024: neither the WTSA nor the WTDC edition of 2025.
    assert (
        "Resolution 1 (Rev. Beta, 2022) of the Plenipotentiary Conference; Resolution 2 (Delta, 2020)"
        in written
    )
    assert "- Improvement of the synthetic webpage (ongoing)." in written
    assert "synthetic tracker" not in written


def test_real_data_without_a_document_date_writes_meetings_as_held() -> None:
    assert "has met twice" in GOLDEN.read_text(encoding="utf-8")


def test_annexes_are_numbered_and_carry_focal_points_citations_and_activities(run_cli: RunCli) -> None:
    markdown = report(run_cli, WITH_REPORT)
    headings = re.findall(r"^# (Annex .*)$", markdown, flags=re.MULTILINE)
    assert headings == [
        "Annex 1 - Themes of mutual interest and their focal points",
        "Annex 2 - Mapping of resolutions to themes",
        "Annex 3 - Intersectoral Coordination Tracker, 2024",
        "Annex 4 - Overlaps identified and proposed solutions",
    ]
    assert "| Alpha theme | Ann Example, BR | TSB | Programme officer | appointed |" in markdown
    # The edition in force on the report's date: the 2025 and 2026 ones are not yet adopted.
    assert (
        "| Alpha theme | Resolution 1 (Rev. Beta, 2022) | Resolution 2 (Delta, 2020) | Resolution 3 (Rev. "
        "Epsilon, 2021) | Resolution ITU-R 4 (Zeta, 2023) | - |" in markdown
    )
    assert "- ITU-T: Joint workshop (ongoing). With ITU-D" in markdown
    assert "Last year's study" not in markdown
    assert "- **Theme with resolutions in several Sectors.**" in markdown.split("Annex 4", 1)[1]


def test_the_tracker_is_annexed_by_default_when_it_has_activities(run_cli: RunCli, example) -> None:  # type: ignore[no-untyped-def]
    root = example("valid/with-report")
    record = root / "data" / "reports" / "2024.md"
    record.write_text(record.read_text().replace("annexes: [themes, mapping, tracker, overlaps]\n", ""))
    assert re.findall(r"^# (Annex .*)$", report(run_cli, root), flags=re.MULTILINE) == [
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
    assert ("html", "") in tags.seen and '<html lang="en">' in page
    assert {("table", "cover"), ("p", "by"), ("table", "summary"), ("p", "references")} <= set(tags.seen)
    assert [t for t, _ in tags.seen].count("h2") == 3 and [t for t, _ in tags.seen].count("li") == 6
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
