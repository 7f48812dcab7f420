"""The bundled data holds the facts of the 2024 report to Council and of DOMAIN.md, and nothing else."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from res191.models import Body, Meeting, Resolution, Theme
from tests.conftest import REPO, load

SHARED = REPO.parent / "shared"
DOMAIN = SHARED / "DOMAIN.md"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
needs_shared = pytest.mark.skipif(
    not DOMAIN.is_file(),
    reason="needs ../shared/DOMAIN.md, the verified facts the data is checked against; "
    "it is not beside this clone",
)


@pytest.fixture(scope="module")
def records() -> dict[str, Any]:
    repository = load(REPO)
    assert all(r.record is not None for r in repository.records)
    return {f"{r.kind.name}/{r.id}": r.record for r in repository.records}


def test_seed_iscg_and_isc_tf(records: dict[str, Any]) -> None:
    from datetime import date

    iscg: Body = records["body/iscg"]
    chair = iscg.chair_on(date(2024, 5, 20))
    assert chair is not None and (chair.name, chair.country) == ("Mr Fabio Bigi", "Italy")
    assert iscg.chair_on(date(2019, 5, 20)) is None  # the seed names him for 2024, not for every year
    assert set(iscg.reports_to) == {"rag", "tsag", "tdag", "cwg-fhr"}
    task_force: Body = records["body/isc-tf"]
    chaired = task_force.chair_on(date(2024, 5, 20))
    assert chaired is not None and chaired.role == "Deputy Secretary-General"


@pytest.mark.parametrize(("day", "with_body"), [("2024-01-24", "tsag"), ("2024-05-21", "tdag")])
def test_seed_iscg_meetings(records: dict[str, Any], day: str, with_body: str) -> None:
    meeting: Meeting = records[f"meeting/iscg-{day}"]
    assert (meeting.body, meeting.start.isoformat(), meeting.in_conjunction_with) == ("iscg", day, with_body)
    assert (meeting.remote_participation, meeting.captioning, meeting.platform) == (True, True, "Zoom")
    assert meeting.venue is not None and "Geneva" in meeting.venue


def test_seed_themes_of_2024(records: dict[str, Any]) -> None:
    themes = {
        key.split("/")[1] for key, r in records.items() if isinstance(r, Theme) and 2024 in r.iscg_topic_years
    }
    assert themes == {
        "accessibility",
        "climate-change",
        "virtual-meetings",
        "sustainable-digital-transformation",
    }
    proposed: Theme = records["theme/sustainable-digital-transformation"]
    assert (proposed.proposed_by, proposed.since) == ("rag", "2024-03")


def test_seed_references_render_as_the_seed_cites_them(records: dict[str, Any]) -> None:
    cited = [records[f"resolution/{rid}"].citation() for rid in ("pp-71", "pp-191", "pp-decision-5")]
    assert cited == [
        "Resolution 71 (Rev. Bucharest, 2022)",
        "Resolution 191 (Rev. Bucharest, 2022)",
        "Decision 5 (Rev. Bucharest, 2022)",
    ]
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        for citation in cited:
            assert citation in text


def _domain_resolutions() -> list[re.Match[str]]:
    pattern = re.compile(
        r"^- (?P<conf>PP|WTSA|WTDC|RA|Council)(?P<kind> Decision| Resolution)? (?P<num>(?:ITU-R )?[\d-]+) "
        r"\((?P<rev>Rev\. )?(?:(?P<place>[^,()]+), )?(?P<year>\d{4})\) (?P<title>.+)$",
        re.MULTILINE,
    )
    return list(pattern.finditer(DOMAIN.read_text(encoding="utf-8"))) if DOMAIN.is_file() else []


@needs_shared
def test_every_domain_resolution_is_recorded_with_its_verified_title(records: dict[str, Any]) -> None:
    found = _domain_resolutions()
    assert len(found) >= 35
    by_citation = {
        (r.conference.value, r.citation(e)): (r, e)
        for r in records.values()
        if isinstance(r, Resolution)
        for e in r.editions
    }
    for line in found:
        word = "Decision" if line["kind"] == " Decision" else "Resolution"
        where = f"{line['rev'] or ''}{line['place'] + ', ' if line['place'] else ''}{line['year']}"
        if line["conf"] == "Council":  # "ITU cites Council resolutions with their session" (DOMAIN.md)
            where = f"C{line['year'][2:]}"
        key = (line["conf"], f"{word} {line['num']} ({where})")
        assert key in by_citation, f"DOMAIN.md lists {line[0]!r} but no record cites it so"
        _, edition = by_citation[key]
        title = re.sub(r" \([^()]*\)$", "", line["title"])
        if "title of this edition not checked" in line["title"]:
            assert edition.title is None
        else:
            assert edition.title == title, key


def test_no_record_without_a_source_in_domain_or_seed(records: dict[str, Any]) -> None:
    """A guard against invented records: each resolution's number appears in DOMAIN.md, and each edition
    that DOMAIN.md does not list gives its source; each session DOMAIN.md does not date gives ITU's."""
    if not DOMAIN.is_file():
        pytest.skip("shared/ is not beside this clone")
    domain = DOMAIN.read_text(encoding="utf-8")
    listed = {
        (line["conf"], line["num"].removeprefix("ITU-R "), line["year"]) for line in _domain_resolutions()
    }
    for key, record in records.items():
        if isinstance(record, Resolution):
            number = record.number.removeprefix("ITU-R ")
            assert re.search(rf"\b{re.escape(number)}\b", domain), key
            for edition in record.editions:
                written = (edition.number or record.number).removeprefix("ITU-R ")
                known = (record.conference.value, written, str(edition.year)) in listed
                assert known or edition.sources, (key, edition.year)
        if isinstance(record, Meeting) and record.name and record.sources:
            assert all("itu.int" in source for source in record.sources), key


def test_data_files_are_named_by_their_ids() -> None:
    for path in (REPO / "data").rglob("*.*"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", Path(path.name).stem), path


def _flat(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


@pytest.mark.skipif(
    not SEEDS, reason="needs the seed report in ../shared/seeds/, which is not beside this clone"
)
def test_what_the_report_records_say_is_in_the_seeds_words(records: dict[str, Any]) -> None:
    """Initiatives, positions, documents and what Resolution 191 instructs: each text is the seed's."""
    from res191.models import Document, Initiative, Position

    seed = _flat(" ".join(s.read_text(encoding="utf-8") for s in SEEDS))
    texts: list[str] = []
    for record in records.values():
        if isinstance(record, Initiative):
            texts.append(record.description or "")
        elif isinstance(record, Position):  # what it was about; the seed joins two under one verb
            texts.append(
                re.sub(r"^(expressed interest in being involved in|highlighted|requested) ", "", record.text)
            )
        elif isinstance(record, Document) and record.about:
            texts.append(f"{record.number} on {record.about}")
    pp191: Resolution = records["resolution/pp-191"]
    texts += [i.action for e in pp191.editions for i in e.instructs]
    texts += [records["body/isc-tf"].terms_of_reference, records["body/iscg"].objective]
    assert len(texts) == 16
    assert [t for t in texts if _flat(t) not in seed] == []


@needs_shared
def test_conference_sessions_are_dated_as_domain_md_says(records: dict[str, Any]) -> None:
    """PP-22 Bucharest 26 September-14 October 2022, and so on: every session DOMAIN.md dates."""
    from res191.wording import date_range

    domain = " ".join(DOMAIN.read_text(encoding="utf-8").split())
    # The sessions DOMAIN.md dates; the others (WTDC-25, PP-26) carry ITU's announcement as their source.
    sessions = [m for m in records.values() if isinstance(m, Meeting) and m.name and not m.sources]
    assert len(sessions) == 18
    for meeting in sessions:
        assert f"{meeting.name} {meeting.venue} {date_range(meeting.start, meeting.end)}" in domain, (
            meeting.id
        )
