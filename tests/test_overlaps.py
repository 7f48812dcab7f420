"""`res191 overlaps`: what it finds, how well (measured on real resolutions), and how it reports it."""

from __future__ import annotations

import csv
import inspect
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from res191.loading.record import LoadedRecords
from res191.models import Glossary, GlossaryEntry, Resolution, Theme
from res191.overlaps.common import AsOf, entries
from res191.overlaps.find import default_day, find_overlaps
from res191.overlaps.findings import DEFAULT_MIN_SCORE, STRUCTURAL, finding_id
from res191.overlaps.placement import Proposed, place
from res191.overlaps.reading import Reader, stem
from res191.overlaps.resolutions import similar_pairs
from res191.overlaps.similarity import Corpus
from res191.validation import validate
from tests.conftest import REPO, RunCli, load
from tests.evaluation import Figures, groups, half, measure, table
from tests.test_cli import snapshot


def findings(run_cli: RunCli, folder: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli(folder, "overlaps", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def resolution(rid: str, title: str) -> str:
    conference = rid.split("-")[0].upper()
    number = rid.split("-")[1]
    head = f'id: {rid}\nconference: {conference}\nnumber: "{number}"\n'
    return head + f"editions: [{{year: 2020, title: {title}}}]\n"


@pytest.fixture(scope="module")
def measured() -> dict[str, dict[str, Figures]]:
    return measure(DEFAULT_MIN_SCORE)


def test_every_glossary_entry_has_an_itu_source() -> None:
    for path in (REPO / "data" / "glossary").glob("*.yaml"):
        for entry in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["entries"]:
            itu = [s for s in entry.get("sources", []) if "itu.int/" in s]
            assert itu, f"{path.name}: the entry {entry['term']!r} has no source on itu.int"


def test_every_glossary_entry_is_read_in_a_record() -> None:
    """No entry for a subject that no record has: each is read in a title or text of a resolution or a
    theme of the bundled data, or of the evaluation's resolutions from outside it."""
    from tests.evaluation import repository

    with repository(themes=True) as folder:
        loaded = load(Path(folder))
    glossary = glossary_of(loaded)
    reader = Reader(glossary)
    texts = [
        text
        for r in entries(loaded.of_kind("resolution"), Resolution)
        for text in [*(e.title for e in r.record.editions), r.record.text]
    ] + [
        text
        for t in entries(loaded.of_kind("theme"), Theme)
        for text in (t.record.title, t.record.description)
    ]
    read = {term.key for text in texts if text for term in reader.words(text)}
    shown = {reader.shown[key] for key in read if key in reader.shown}  # each entry's term, as written
    unread = [e.term for e in glossary if e.term not in shown]
    assert unread == []


def test_the_halves_are_fixed_by_the_group_names() -> None:
    assert {name: half(name) for name in ("accessibility", "inter-sector-coordination")} == {
        "accessibility": "test",
        "inter-sector-coordination": "tuning",
    }
    halves = {half(name) for name, members in groups().items() if len(members) > 1}
    assert halves == {"test", "tuning", "blind", "blind 2"}
    assert half("ip-addresses") == "blind"  # blind.yaml's, whatever its name's hash
    assert half("evolving-role-of-wtsa") == "blind 2"  # blind2.yaml's


# The floors on the test half: the target (0.90) where it is met; where it is not (recall with no
# theme recorded), what is measured, so that the suite fails if it falls further (see the README).
FLOORS = {
    "recorded themes": (0.90, 0.90),
    "no themes": (0.90, 0.87),
    "duplicates": (0.90, 0.90),
}


@pytest.mark.parametrize("measure_name", list(FLOORS))
def test_precision_and_recall_on_the_test_half_at_the_default_threshold(
    measured: dict[str, dict[str, Figures]], measure_name: str
) -> None:
    figures = measured[measure_name]["test"]
    precision, recall = FLOORS[measure_name]
    shown = f"{measure_name}: precision {figures.precision:.2f}, recall {figures.recall:.2f}"
    assert figures.precision >= precision and figures.recall >= recall, shown


def test_the_readme_states_the_measured_figures(measured: dict[str, dict[str, Figures]]) -> None:
    assert table(measured) in (REPO / "README.md").read_text(encoding="utf-8")


def test_boilerplate_is_seen_through() -> None:
    corpus = Corpus(
        [
            "The role of telecommunication/information and communication technology in developing countries",
            "Telecommunication/information and communication technologies for developing countries: "
            "the role of ITU",
            "Telecommunication/information and communication technology accessibility for persons with "
            "disabilities",
            "Accessibility of information and communication technologies for persons with disabilities",
        ]
    )
    assert corpus.similarity(0, 1) < 0.1
    assert corpus.similarity(2, 3) > 0.6
    # Evidence in the texts' own words, never as stems; a pair of words only where both write it so (not
    # "accessibility for persons": the other writes "accessibility of ICTs for persons").
    assert corpus.shared_with(3, [2]) == ("accessibility", "persons with disabilities")


def test_ict_before_any_noun_is_boilerplate_and_combating_is_what_is_done() -> None:
    corpus = Corpus(
        [
            "Combating counterfeit telecommunication/information and communication technology devices",
            "Combating and dealing with counterfeit telecommunication/information and communication devices",
            "Assisting Member States to combat and deter mobile device theft",
        ]
    )
    # "information and communication" says which texts ITU writes, not about what, before any noun.
    assert not {"inform", "communic"} & corpus.vectors[1].keys()
    pairs = corpus.scores(0.0)
    assert (0, 1) in pairs
    # "combat" and "device": one distinctive word, not a link.
    assert (1, 2) not in pairs and (0, 2) not in pairs


def test_bundled_data_lists_the_seed_themes_with_evidence(run_cli: RunCli) -> None:
    found = {(f["kind"], f["members"][0]["id"]): f for f in findings(run_cli, REPO)}
    accessibility = found[("streamline", "accessibility")]
    # Marked: the latest edition recorded, a later session of its conference not being accounted for.
    assert "WTSA Resolution 70 (Rev. Dubai, 2012)*" in accessibility["evidence"]
    assert "WTDC Resolution 58 (Rev. Buenos Aires, 2017)*" in accessibility["evidence"]
    assert accessibility["members"][0]["path"] == "data/themes/accessibility.yaml"
    assert accessibility["members"][1] == {
        "kind": "resolution", "id": "pp-175", "label": "PP Resolution 175 (Guadalajara, 2010)*",
        "path": "data/resolutions/pp-175.yaml", "line": 2, "sector": None,
    }  # fmt: skip
    climate = found[("several-conferences", "climate-change")]
    assert "Council Resolution 1307 (C09)*" in climate["evidence"]
    assert accessibility["id"] == finding_id("streamline", ["accessibility"])


def test_the_same_data_gives_the_same_findings_in_the_same_order(run_cli: RunCli) -> None:
    first = run_cli(REPO, "overlaps", "--format", "json").stdout
    assert run_cli(REPO, "overlaps", "--format", "json").stdout == first


def test_untagged_similar_resolutions_and_a_missing_mapping(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/wtsa-1.yaml": resolution("wtsa-1", "Emergency telecommunications for disaster relief "
                                              "and early warning"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "Emergency telecommunications and disaster relief "
                                              "in small island states"),
        "resolutions/ra-3.yaml": resolution("ra-3", "Radiocommunication for disaster relief in emergencies "
                                            "and public warning"),
        "resolutions/pp-4.yaml": resolution("pp-4", "Protection of submarine cables"),
        "resolutions/wtsa-5.yaml": resolution("wtsa-5", "Submarine cable protection and repair"),
        "resolutions/wtdc-6.yaml": resolution("wtdc-6", "Rural connectivity"),
        "themes/cables.yaml": "id: cables\ntitle: Submarine cables\nresolutions: [pp-4]\n",
    })  # fmt: skip
    found = findings(run_cli, root)
    new_theme = [f for f in found if f["kind"] == "new-theme"]
    assert [[m["id"] for m in f["members"]] for f in new_theme] == [["ra-3", "wtdc-2", "wtsa-1"]]
    assert "disaster relief" in new_theme[0]["evidence"]
    assert new_theme[0]["proposal"] == (
        "RA Resolution 3 (2020)*, WTDC Resolution 2 (2020)*, and WTSA Resolution 1 (2020)* are on one "
        "subject (shared terms: “emergencies”, “warning”, “disaster relief”) "
        "and under no theme. They do not meet ITU's rule for an area of mutual interest (a PP resolution and "
        "a resolution of a Sector on one subject, or PP resolutions calling for inter-Sector coordination): "
        "no PP resolution is among them. At its next meeting (none is recorded), the ISCG could ask the "
        "advisory groups of ITU-R, ITU-T, and ITU-D to coordinate their work on the subject, led by ITU-R "
        "(ITU-R, ITU-T, and ITU-D have as many resolutions among them, and RA Resolution 3 (2020)* is the "
        "latest edition recorded of them), until a PP resolution on it makes it an area of mutual interest."
    )
    (mapping,) = [f for f in found if f["kind"] == "mapping"]
    assert [m["id"] for m in mapping["members"]] == ["wtsa-5", "cables", "pp-4"]
    assert mapping["proposal"] == (
        "WTSA Resolution 5 (2020)*, on “Submarine cable protection and repair”, is under no theme; its "
        "strongest link is to PP Resolution 4 (2020)* (shared terms: “protection”, “submarine cable”), a "
        "resolution of that theme: consider adding it to the resolutions of the theme “Submarine cables”. At "
        "its next meeting (none is recorded), the ISC-TF could add WTSA Resolution 5 (2020)* to the "
        "resolutions of the theme “Submarine cables”."
    )
    assert mapping["actions"] == [
        {
            "do": "add WTSA Resolution 5 (2020)* to the resolutions of the theme “Submarine cables”",
            "instruments": ["WTSA Resolution 5 (2020)*", "PP Resolution 4 (2020)*"],
            "body": "the ISC-TF",
            "when": "at its next meeting (none is recorded)",
        }
    ]


def test_joint_work_is_one_subject_of_two_sectors_not_every_shared_theme(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = write(tmp_path, {
        "themes/access.yaml": "id: access\ntitle: Accessibility\nlead: ITU-T\ntracker:\n"
        "  - {year: 2024, sector: GS, title: Captioning of remote participation in ITU meetings}\n"
        "  - {year: 2024, sector: ITU-T, title: Workshop on captioning of remote participation}\n"
        "  - {year: 2024, sector: ITU-D, title: Toolkit for municipal planners}\n",
        "themes/skills.yaml": "id: skills\ntitle: Capacity building\ntracker:\n"
        "  - {year: 2024, sector: ITU-D, title: Capacity-building workshop on spectrum pricing}\n"
        "  - {year: 2024, sector: ITU-D, title: Capacity-building workshop on cybersecurity drills}\n"
        "  - {year: 2024, sector: ITU-R, title: Capacity-building workshop on satellite filings}\n",
    })  # fmt: skip
    found = findings(run_cli, root, "--year", "2024")
    (joint,) = [f for f in found if f["kind"] == "joint-work"]
    # Alike in subject, not in form: the captioning activities; never a workshop with a workshop of
    # another subject, nor a Sector with itself, nor every pair of Sectors under one theme.
    assert {m["id"] for m in joint["members"]} == {"access#0", "access#1"}
    assert joint["proposal"].startswith(
        "Under the theme “Accessibility” in 2024, the General Secretariat's activity “Captioning of remote "
        "participation in ITU meetings” and the ITU-T activity “Workshop on captioning of remote "
        "participation” are on one subject (shared terms: "
    )
    assert joint["proposal"].endswith(
        "At its next meeting (none is recorded), the ISC-TF could plan them as one joint activity, led by "
        "ITU-T (the lead recorded on the theme), and report on it once."
    )
    assert not [f for f in found if f["kind"] == "similar-activities"]


def test_similar_activities_under_different_themes(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "themes/cities.yaml": "id: cities\ntitle: Smart cities\nlead: ITU-T\ntracker:\n"
        "  - {year: 2024, sector: ITU-T, title: Workshop on smart sustainable cities}\n"
        "  - {year: 2023, sector: ITU-R, title: Study}\n",
        "themes/climate.yaml": "id: climate\ntitle: Climate\ntracker:\n"
        "  - {year: 2024, sector: GS, title: Smart sustainable cities forum}\n"
        "  - {year: 2024, sector: ITU-T, title: Smart sustainable cities report}\n",
    })  # fmt: skip
    found = findings(run_cli, root, "--year", "2024")
    (alike,) = [f for f in found if f["kind"] == "similar-activities"]
    assert {m["id"] for m in alike["members"]} == {"cities#0", "climate#0"}  # not ITU-T with ITU-T
    assert alike["proposal"].startswith(
        "The ITU-T activity “Workshop on smart sustainable cities” (2024), under the theme “Smart cities”, "
        "and the General Secretariat's activity “Smart sustainable cities forum” (2024), under the theme "
        "“Climate”, are alike (shared terms: “"
    )
    assert (
        "led by ITU-T, which leads the theme “Smart cities” (the lead recorded on the theme)"
        in (alike["proposal"])
    )
    assert [f for f in findings(run_cli, root, "--year", "2023") if f["kind"] != "several-conferences"] == []


def test_bodies_with_overlapping_terms_of_reference(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "bodies/a.yaml": "id: a\nacronym: A\nname: Group A\n"
        "terms_of_reference: Coordinates spectrum monitoring among regional regulators.\n",
        "bodies/b.yaml": "id: b\nacronym: B\nname: Group B\n"
        "terms_of_reference: Spectrum monitoring coordination with regional regulators.\n",
        "bodies/c.yaml": "id: c\nacronym: C\nname: Group C\nterms_of_reference: Audits the accounts.\n",
    })  # fmt: skip
    (found,) = findings(run_cli, root)
    assert (found["kind"], [m["id"] for m in found["members"]]) == ("similar-bodies", ["a", "b"])
    assert "spectrum monitoring" in found["evidence"]
    assert "bring their work together" in found["proposal"]


def test_the_isc_tf_and_the_iscg_are_never_proposed_for_merging(run_cli: RunCli) -> None:
    found = [f for f in findings(run_cli, REPO, "--min-score", "0.01") if f["kind"] == "similar-bodies"]
    pair = [f for f in found if {m["id"] for m in f["members"]} == {"isc-tf", "iscg"}]
    assert pair, "the two coordination bodies' terms of reference share words"
    for f in pair:
        assert "together" not in f["proposal"].split("already provide for the two to work together")[1]
        assert "state in their reports how their work divides, keeping both" in f["proposal"]


def test_formats_kinds_and_scores(run_cli: RunCli) -> None:
    every = findings(run_cli, REPO)
    only = findings(run_cli, REPO, "--kind", "streamline")
    assert only and {f["kind"] for f in only} == {"streamline"}
    # --min-score is a threshold of text similarity: the findings from the records' structure stay.
    strict = findings(run_cli, REPO, "--min-score", "0.9")
    assert all(f["score"] is None or f["score"] >= 0.9 for f in strict)
    assert [f["id"] for f in strict if f["score"] is None] == [f["id"] for f in every if f["score"] is None]
    assert all((f["score"] is None) == (f["kind"] in STRUCTURAL) for f in every)
    assert {f["kind"] for f in strict} >= {"streamline", "several-conferences"}
    rows = list(csv.reader(io.StringIO(run_cli(REPO, "overlaps", "--format", "csv").stdout)))
    assert rows[0] == ["id", "kind", "likeness", "members", "places", "evidence", "proposal"]
    assert len(rows) == len(every) + 1
    markdown = run_cli(REPO, "overlaps", "--format", "md").stdout
    assert markdown.count("\n- **") + markdown.startswith("- **") == len(every)
    text = run_cli(REPO, "overlaps").stdout
    assert "proposal, evidence and records" in text
    assert text.rstrip().endswith(f"{len(every)} findings")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "duplicates"], "'duplicates' is not one of 'streamline', 'several-conferences',"),
        (["--format", "xml"], "'xml' is not one of 'text', 'json', 'md', 'csv'"),
        (["--min-score", "2"], "Invalid value for '--min-score': 2.0 is not in the range 0.0<=x<=1.0"),
    ],
)
def test_bad_options(run_cli: RunCli, args: list[str], message: str) -> None:
    result = run_cli(REPO, "overlaps", *args)
    assert (result.exit_code, message in result.stderr) == (2, True)


def test_records_with_errors_are_left_out_and_nothing_is_written(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-4.yaml": resolution("pp-4", "Protection of submarine cables"),
        "resolutions/wtsa-5.yaml": resolution("wtsa-5", "Submarine cable protection"),
        "resolutions/wtdc-6.yaml": "id: wtdc-6\nconference: WTDC\n",
    })  # fmt: skip
    before = snapshot(root)
    result = run_cli(root, "overlaps", "--format", "json")
    assert result.exit_code == 0
    assert "1 record(s) with errors were left out; run `res191 validate`" in result.stderr
    assert len(json.loads(result.stdout)) == 1
    assert snapshot(root) == before


def test_a_record_with_an_error_across_files_is_left_out_too(run_cli: RunCli, bundled: Path) -> None:
    # A copy of a theme under another file name: each file alone is valid; the copy's id is not its
    # file's name (X301). Read as a second theme, it made a second finding on the same resolutions.
    themes = bundled / "data" / "themes"
    (themes / "accessibility-copy.yaml").write_bytes((themes / "accessibility.yaml").read_bytes())
    result = run_cli(bundled, "overlaps", "--format", "json", "--kind", "streamline")
    assert result.exit_code == 0
    assert "1 record(s) with errors were left out; run `res191 validate`" in result.stderr
    found = json.loads(result.stdout)
    assert [m["id"] for f in found for m in f["members"] if m["kind"] == "theme"].count("accessibility") == 1
    assert "accessibility-copy" not in result.stdout


def test_nothing_to_find(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {"bodies/a.yaml": "id: a\nacronym: A\nname: Group A\n"})
    assert run_cli(root, "overlaps", "--format", "json").stdout == "[]\n"
    assert run_cli(root, "overlaps").stdout == "No overlap found.\n"
    assert run_cli(root, "overlaps", "--format", "md").stdout == "No overlap was found.\n"


def test_pairs_compared_grow_well_below_the_square(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from generate import generate

    generate(tmp_path, 3000)
    repository = load(tmp_path)
    resolutions = entries(repository.of_kind("resolution"), Resolution)
    corpus = Corpus([" ".join(e.title or "" for e in r.record.editions) for r in resolutions])
    every_pair = len(resolutions) * (len(resolutions) - 1) // 2
    assert len(corpus.scores()) < every_pair / 20


GLOSSARY = """id: itu
title: Words
entries:
  - term: WSIS
    same_as: [World Summit on the Information Society]
  - term: health
    same_as: [healthcare]
"""


def test_the_glossary_and_the_stemmer_let_variants_meet(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "glossary/itu.yaml": GLOSSARY,
        "resolutions/pp-1.yaml": resolution("pp-1", "Implementing the outcomes of WSIS"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "Outcomes of the World Summit on the Information "
                                              "Society"),
        "resolutions/wtsa-3.yaml": resolution("wtsa-3", "E-health records for monitoring patient care"),
        "resolutions/ra-4.yaml": resolution("ra-4", "Healthcare with patients monitored by their records"),
    })  # fmt: skip
    groups = {
        tuple(m["id"] for m in f["members"]): f
        for f in findings(run_cli, root)
        if f["kind"] in ("new-theme", "duplicate")  # alike, or nearly the same wording
    }
    assert set(groups) == {("pp-1", "wtdc-2"), ("ra-4", "wtsa-3")}
    # One glossary term the two write differently: each text's words, never the entry's alone.
    assert groups[("pp-1", "wtdc-2")]["evidence"][0] == "WSIS / World Summit on the Information Society"
    assert any("monitored" in term for term in groups[("ra-4", "wtsa-3")]["evidence"])  # "monitoring"
    (tmp_path / "data" / "glossary" / "itu.yaml").unlink()
    without = [f for f in findings(run_cli, root) if f["kind"] in ("new-theme", "duplicate")]
    assert [tuple(m["id"] for m in f["members"]) for f in without] == [("ra-4", "wtsa-3")]
    assert "health" not in without[0]["evidence"]  # "e-health" meets "healthcare" through the glossary


def test_one_shared_word_links_nothing_and_groups_do_not_chain(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Protection of submarine cables"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Submarine cables protection and repair"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Protection of children online"),
        "resolutions/ra-4.yaml": resolution("ra-4", "Children online protection measures"),
        "resolutions/wrc-5.yaml": resolution("wrc-5", "Protection of the radio astronomy service"),
    })  # fmt: skip
    found = [
        f for f in findings(run_cli, root, "--min-score", "0.05") if f["kind"] in ("new-theme", "duplicate")
    ]
    # "protection" alone is in every title: at any threshold it links nothing on its own, and the two
    # subjects stay two groups, each scored by its weakest link.
    assert sorted(tuple(m["id"] for m in f["members"]) for f in found) == [
        ("pp-1", "wtsa-2"),
        ("ra-4", "wtdc-3"),
    ]
    for f in found:
        (link,) = json.loads(run_cli(root, "overlaps", "--min-score", "0.05", "--format", "json", "--explain",
                                     f["id"]).stdout)["links"]  # fmt: skip
        assert f["score"] == link["score"]


def test_a_group_scores_its_weakest_link(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Emergency telecommunications for disaster relief"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Emergency telecommunications and disaster relief"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Disaster relief and emergency early warning"),
    })  # fmt: skip
    (group,) = [f for f in findings(run_cli, root) if f["kind"] == "new-theme"]
    explained = json.loads(run_cli(root, "overlaps", "--format", "json", "--explain", group["id"]).stdout)
    assert len(explained["links"]) == 3
    assert (
        group["score"]
        == min(link["score"] for link in explained["links"])
        < max(link["score"] for link in explained["links"])
    )


# The closest theme's resolution first in file order, and last: the closest wins either way, not the first
# theme or the first pair found.
@pytest.mark.parametrize(("spectrum", "rural"), [("pp-1", "pp-2"), ("pp-2", "pp-1")])
def test_a_resolution_close_to_two_themes_is_proposed_for_the_closest_only(
    run_cli: RunCli, tmp_path: Path, spectrum: str, rural: str
) -> None:
    root = write(tmp_path, {
        f"resolutions/{spectrum}.yaml": resolution(spectrum, "Spectrum management for satellite broadband"),
        f"resolutions/{rural}.yaml": resolution(rural, "Rural broadband connectivity and satellite access"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Rural satellite broadband spectrum management"),
        "themes/spectrum.yaml": f"id: spectrum\ntitle: Spectrum management\nresolutions: [{spectrum}]\n",
        "themes/rural.yaml": f"id: rural\ntitle: Rural connectivity\nresolutions: [{rural}]\n",
    })  # fmt: skip
    found = findings(run_cli, root)
    (mapping,) = [f for f in found if f["kind"] == "mapping"]
    assert [m["id"] for m in mapping["members"]] == ["wtdc-3", "spectrum", spectrum]
    assert "the theme “Spectrum management”" in mapping["proposal"]
    assert "Rural connectivity" not in mapping["proposal"]
    assert not [f for f in found if f["kind"] == "new-theme"]


def resolution_pairs(found: list[dict[str, Any]], kind: str) -> list[frozenset[str]]:
    return [
        frozenset((a["id"], b["id"]))
        for f in found
        if f["kind"] == kind
        for a, b in itertools.combinations([m for m in f["members"] if m["kind"] == "resolution"], 2)
    ]


@pytest.mark.parametrize("themes", ["bundled", "none", "one resolution each"])
def test_no_pair_twice_and_no_contradictory_proposals(run_cli: RunCli, tmp_path: Path, themes: str) -> None:
    root = REPO
    if themes != "bundled":
        root = tmp_path
        shutil.copytree(REPO / "data" / "resolutions", root / "data" / "resolutions")
        shutil.copytree(REPO / "data" / "glossary", root / "data" / "glossary")
        if themes == "one resolution each":
            for name, members in groups().items():
                bundled = [m for m in members if (REPO / "data" / "resolutions" / f"{m}.yaml").exists()]
                if bundled:
                    text = f"id: {name}\ntitle: {name}\nresolutions: [{bundled[0]}]\n"
                    write(root, {f"themes/{name}.yaml": text})
    found = findings(run_cli, root)
    assert len({f["id"] for f in found}) == len(found)
    for kind in ("new-theme", "mapping"):
        pairs = resolution_pairs(found, kind)
        assert len(pairs) == len(set(pairs)), kind
    mapped = {f["members"][0]["id"] for f in found if f["kind"] == "mapping"}
    grouped = {m["id"] for f in found if f["kind"] == "new-theme" for m in f["members"]}
    assert not mapped & grouped  # never proposed for a theme and for a new one
    assert len(mapped) == len([f for f in found if f["kind"] == "mapping"])  # one theme each
    if themes == "none":
        # A group that is one duplicate is said once, as a duplicate (PP 188 and WTDC 79).
        duplicated = {m["id"] for f in found if f["kind"] == "duplicate" for m in f["members"]}
        assert len(grouped | duplicated) >= 15
    if themes == "one resolution each":
        assert len(mapped) >= 10


def _stems(text: str) -> str:
    """A text's words stemmed, one space apart, with a space at each end: to find a phrase in it whole."""
    return " " + " ".join(stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())) + " "


def test_proposals_quote_the_texts_never_stems(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copytree(REPO / "data" / "resolutions", tmp_path / "data" / "resolutions")
    shutil.copytree(REPO / "data" / "glossary", tmp_path / "data" / "glossary")
    found = findings(run_cli, tmp_path)
    assert found
    # What each resolution says of its subject, as res191 reads it: its editions' titles and its text (not
    # its comments nor its sources, which may name a subject in other words).
    loaded = validate(tmp_path, tmp_path, keep_records=True).loaded
    assert loaded is not None
    titles = {
        r.id: ". ".join([*(e.title or "" for e in r.record.editions), r.record.text or ""])
        for r in entries(loaded.of_kind("resolution"), Resolution)
    }
    for f in found:
        # In the words of the finding's own texts: not in another text's ("Implementation of the
        # Outcomes", from a text outside it), nor the glossary's (its "WSIS" where both write it out).
        texts = [_stems(titles[m["id"]]) for m in f["members"]]
        for term in f["evidence"]:
            written = [_stems(part) for part in term.split(" / ")]
            assert all(any(part in text for text in texts) for part in written), (f["id"], term)
            # Shared: two of them write it (one of its forms, inflected as each likes: "service(s)").
            assert sum(any(part in text for part in written) for text in texts) >= 2, (f["id"], term)
        assert f"“{f['evidence'][0]}”" in f["proposal"]
        assert f["proposal"].endswith(".") and "  " not in f["proposal"]


def test_finding_ids_are_the_same_in_every_process(tmp_path: Path) -> None:
    assert finding_id("streamline", ["accessibility"]) == "OV-cd369b4b"
    shutil.copytree(REPO / "data" / "resolutions", tmp_path / "data" / "resolutions")
    shutil.copytree(REPO / "data" / "glossary", tmp_path / "data" / "glossary")
    outputs = set()
    for seed in ("1", "2", "random"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "res191", "overlaps", "--format", "json", "--root", str(tmp_path)]
        done = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1 and json.loads(outputs.pop())


def test_explain_shows_the_terms_their_weights_and_the_lines(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Emergency telecommunications for disaster relief"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Emergency telecommunications and disaster relief"),
    })  # fmt: skip
    (found,) = findings(run_cli, root)
    result = run_cli(root, "overlaps", "--explain", found["id"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "data/resolutions/pp-1.yaml:1 PP Resolution 1 (2020)" in text
    assert "disaster relief" in text and "weight in the first" in text
    explained = json.loads(run_cli(root, "overlaps", "--explain", found["id"], "--format", "json").stdout)
    (link,) = explained["links"]
    assert {t["term"] for t in link["terms"]} >= {"disaster", "relief", "disaster relief"}
    assert abs(sum(t["first"] * t["second"] for t in link["terms"]) - link["score"]) < 0.01
    structural = run_cli(REPO, "overlaps", "--explain", finding_id("streamline", ["accessibility"]))
    assert "the theme lists resolutions of the conferences of two Sectors or more" in structural.stdout
    unknown = run_cli(root, "overlaps", "--explain", "OV-00000000")
    assert unknown.exit_code == 2
    assert f"no finding OV-00000000 with these options (findings: {found['id']})" in unknown.stderr


def test_theme_findings_say_what_is_particular_to_each_theme(run_cli: RunCli) -> None:
    found = {f["members"][0]["id"]: f["proposal"] for f in findings(run_cli, REPO, "--on", "2024-05-01")}
    assert found["accessibility"] == (
        "The theme “Accessibility” rests on three resolutions recorded, of PP, WTSA, and WTDC. ITU-T and "
        "ITU-D have a resolution recorded under it; no ITU-R resolution is recorded. Consider streamlining "
        "the theme's work under PP Resolution 175 (Guadalajara, 2010)*, with ITU-D leading (ITU-T and "
        "ITU-D have as many resolutions recorded under it, and WTDC Resolution 58 (Rev. Buenos Aires, 2017)* "
        "is the latest edition recorded "
        "of them) and the others contributing through the theme's focal points. At its next meeting "
        "(none is recorded), the ISC-TF could name ITU-D the lead of the theme “Accessibility”. At WTSA-24 "
        "(from 15 October 2024), WTSA could revise WTSA Resolution 70 (Rev. Dubai, 2012)* to refer to PP "
        "Resolution 175 (Guadalajara, 2010)* rather than repeat it. First check what WTSA-16 and WTSA-20 "
        "decided on WTSA Resolution 70 (Rev. Dubai, 2012)* and what PP-14, PP-18, and PP-22 decided on PP "
        "Resolution 175 (Guadalajara, 2010)*: the records do not hold that. At WTDC-25 (from 17 November "
        "2025), WTDC could revise WTDC Resolution 58 (Rev. Buenos Aires, 2017)* to refer to PP Resolution "
        "175 (Guadalajara, 2010)* rather than repeat it. First check what WTDC-22 decided on WTDC Resolution "
        "58 (Rev. Buenos Aires, 2017)* and what PP-14, PP-18, and PP-22 decided on PP Resolution 175 "
        "(Guadalajara, 2010)*: the records do not hold that."
    )
    # Resolution 191's own theme: the General Secretariat leads, as the PP resolution says; one lead.
    assert (
        "with the General Secretariat leading (PP Resolution 191 (Rev. Bucharest, 2022) calls for "
        "coordination among the Sectors and instructs the Secretary-General)"
        in found["inter-sector-coordination"]
    )
    assert "Council Resolution 1307 (C09)* predate PP Resolution 182" in found["climate-change"]
    # A resolution of the anchor's own conference is merged into it, not made to refer to it.
    assert "PP could merge PP Resolution 35 (Kyoto, 1994)* into PP Resolution 182" in found["climate-change"]
    assert (
        "At Council 2024 (from 4 June 2024), the Council could revise Council Resolution 1307"
        in (found["climate-change"])
    )
    # WTDC 55 (gender) is asked to refer to PP 70 (gender); WTDC 38 (youth) is not.
    gender = found["gender-and-youth"]
    assert (
        "WTDC could revise WTDC Resolution 55 (Rev. Buenos Aires, 2017)* to refer to PP Resolution 70"
        in gender
    )
    assert "revise WTDC Resolution 38" not in gender and "one of" not in " ".join(found.values())
    assert len(set(found.values())) == len(found)


def test_theme_findings_name_resolutions_that_cite_each_other(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Submarine cables"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Cable repair")
        + "text: Recalling Resolution 1 (Busan, 2014) of the Plenipotentiary Conference\n",
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Cables") + "text: Recalling WTSA Resolution 2\n",
        "themes/cables.yaml": "id: cables\ntitle: Cables\nresolutions: [pp-1, wtsa-2, wtdc-3]\n",
    })  # fmt: skip
    (streamline,) = [f for f in findings(run_cli, root) if f["kind"] == "streamline"]
    cites = "WTSA Resolution 2 (2020)* cites PP Resolution 1 (2020)*; WTDC Resolution 3 (2020)* cites WTSA"
    assert cites + " Resolution 2 (2020)*." in streamline["proposal"]


def test_untitled_resolutions_are_reported_by_validate(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": 'id: pp-1\nconference: PP\nnumber: "1"\neditions: [{year: 2020}]\n',
        "resolutions/pp-2.yaml": 'id: pp-2\nconference: PP\nnumber: "2"\neditions: [{year: 2020}]\n'
        "text: The gist of its operative text\n",
    })  # fmt: skip
    result = run_cli(root, "validate")
    assert "pp-1.yaml:4:1: warning I403" in result.stdout
    assert result.stdout.count("I403") == 1  # a resolution with its text recorded can be compared


def test_a_phrase_under_two_glossary_entries_is_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {"glossary/itu.yaml": GLOSSARY + "  - term: summit\n    same_as: [WSIS]\n"})
    result = run_cli(root, "validate")
    assert result.exit_code == 1
    assert "'WSIS' is in the entries 'WSIS' and 'summit': keep it in one" in result.stdout
    # Twice in one entry (spaces and case aside): said at that entry's phrases, each entry in one run.
    twice = GLOSSARY + "  - term: COP\n    same_as:\n      - Conference of the Parties\n"
    twice += "      - conference of  the parties\n  - term: EMF\n    same_as: [emf]\n"
    (root / "data" / "glossary" / "itu.yaml").write_text(twice)
    result = run_cli(root, "validate")
    lines = twice.splitlines()
    first = lines.index("      - Conference of the Parties") + 1
    assert f"itu.yaml:{first}:7: error S204" in result.stdout
    assert "'conference of  the parties' is twice in the entry 'COP': keep it once" in result.stdout
    assert f"itu.yaml:{first + 3}:14: error S204" in result.stdout and "'emf' is twice" in result.stdout
    # Two entries of one term; a phrase twice in an entry whose term is not valid.
    (root / "data" / "glossary" / "itu.yaml").write_text(GLOSSARY + "  - term: WSIS\n    same_as: [summit]\n")
    assert "two entries have the term 'WSIS': make them one" in run_cli(root, "validate").stdout
    (root / "data" / "glossary" / "itu.yaml").write_text(GLOSSARY + "  - term: ''\n    same_as: [a, A]\n")
    assert "'A' is twice in this entry: keep it once" in run_cli(root, "validate").stdout


def _emergencies(kind: str) -> dict[str, str]:
    glossary = "id: itu\ntitle: Words\nentries:\n  - term: emergency telecommunications\n"
    glossary += f"    {kind}: [humanitarian assistance, disaster relief]\n"
    glossary += "  - term: public protection and disaster relief\n    same_as: [PPDR]\n"
    return {
        "glossary/itu.yaml": glossary,
        "resolutions/pp-36.yaml": resolution("pp-36", "Telecommunications for humanitarian assistance"),
        "resolutions/wtdc-34.yaml": resolution("wtdc-34", "Telecommunications for disaster relief"),
        "resolutions/wrc-646.yaml": resolution("wrc-646", "Public protection and disaster relief"),
    }  # fmt: skip


def test_words_on_one_subject_link_texts_without_making_their_titles_the_same(
    run_cli: RunCli, tmp_path: Path
) -> None:
    on_subject = findings(run_cli, write(tmp_path / "subject", _emergencies("same_subject")))
    linked = {p for kind in ("new-theme", "partners") for p in resolution_pairs(on_subject, kind)}
    assert frozenset(("pp-36", "wtdc-34")) in linked
    # "disaster relief" inside "public protection and disaster relief" is read too: WRC 646 meets them.
    assert frozenset(("pp-36", "wrc-646")) in linked and frozenset(("wtdc-34", "wrc-646")) in linked
    assert resolution_pairs(on_subject, "duplicate") == []
    # The same phrases as the same thing (same_as): the two titles are the same.
    same = findings(run_cli, write(tmp_path / "same", _emergencies("same_as")))
    assert frozenset(("pp-36", "wtdc-34")) in resolution_pairs(same, "duplicate")


def _checked(run_cli: RunCli, root: Path, glossary: str) -> str:
    """What validate says of a repository with this glossary."""
    (root / "data" / "glossary").mkdir(parents=True, exist_ok=True)
    (root / "data" / "glossary" / "itu.yaml").write_text(GLOSSARY + glossary)
    return run_cli(root, "validate").stdout


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ("  - term: disasters\n", "the entry 'disasters' has no phrase to read as its term: give same_as"),
        (
            "  - term: EMF\n    same_as: [electromagnetic fields]\n"
            "    same_subject: [Electromagnetic  fields]\n",
            "'Electromagnetic  fields' is twice in the entry 'EMF': keep it once",
        ),
        (
            "  - term: summits\n    same_subject: [World Summit on the Information Society]\n",
            "is in the entries 'WSIS' and 'summits': keep it in one",
        ),
    ],
)
def test_a_glossary_entry_needs_a_phrase_and_each_phrase_once(
    run_cli: RunCli, tmp_path: Path, entry: str, said: str
) -> None:
    said_by_validate = _checked(run_cli, tmp_path, entry)
    assert "error S204" in said_by_validate and said in said_by_validate


def test_the_strongest_link_wins_over_a_weak_one_to_a_theme(run_cli: RunCli, tmp_path: Path) -> None:
    # The case of WTDC Resolution 64: "support" and "protection" are shared with a resolution on the
    # environment, under a theme; the resolution on the same subject, under none, is far closer.
    root = write(tmp_path, {
        "resolutions/pp-35.yaml": resolution("pp-35", "Telecommunication support for the protection of the "
                                             "environment"),
        "resolutions/wtsa-73.yaml": resolution("wtsa-73", "ICTs and the environment"),
        "resolutions/wtdc-64.yaml": resolution("wtdc-64", "Protecting and supporting users/consumers of "
                                               "telecommunication services"),
        "resolutions/pp-196.yaml": resolution("pp-196", "Protecting telecommunication service "
                                              "users/consumers"),
        "themes/environment.yaml": "id: environment\ntitle: Environment\nresolutions: [pp-35, wtsa-73]\n",
    })  # fmt: skip
    for threshold in ("0.05", "0.25"):
        found = findings(run_cli, root, "--min-score", threshold)
        assert not [f for f in found if f["kind"] == "mapping"], threshold
        # Together in one finding: near-duplicates, said once, as such (not also as a new theme).
        (group,) = [f for f in found if {m["id"] for m in f["members"]} == {"pp-196", "wtdc-64"}]
        assert group["kind"] == "duplicate"


def test_placement_weighs_every_link() -> None:
    conferences = ["PP", "WTSA", "WTDC", "RA"]
    # 1 is linked to the theme's 0 (0.37) and, more strongly, to 2 under no theme (0.74): a group.
    weak = place({(0, 1): 0.37, (1, 2): 0.74}, {0: [0]}, conferences)
    assert (weak.proposed, weak.groups) == ({}, [[1, 2]])
    # At least as strong: the theme.
    tie = place({(0, 1): 0.74, (1, 2): 0.74}, {0: [0]}, conferences)
    assert tie.proposed[1] == Proposed(theme=0, near=0, score=0.74)
    # Once 1 is proposed for the theme, 2, whose strongest link is to 1, follows it.
    assert tie.proposed[2] == Proposed(theme=0, near=1, score=0.74)
    # 1 and 2 are closest to each other, and each is linked to the theme: proposed for it, not a new theme.
    both = place({(1, 2): 0.86, (0, 1): 0.85, (0, 2): 0.6}, {0: [0]}, conferences)
    assert (sorted(both.proposed), both.groups) == ([1, 2], [])
    # 3 is linked to 2 only, and 2 is in a closer group that 3 cannot join: 3 is reported with 2.
    apart = place({(1, 2): 0.9, (2, 3): 0.5}, {}, conferences)
    assert (apart.groups, apart.partners) == ([[1, 2]], {3: [(0.5, 2)]})


@pytest.mark.parametrize("themes", [True, False])
def test_no_resolution_with_a_link_is_left_out_of_every_finding(themes: bool) -> None:
    from tests.evaluation import repository

    with repository(themes) as folder:
        loaded = load(Path(folder))
        found = find_overlaps(loaded)
    resolutions = entries(loaded.of_kind("resolution"), Resolution)
    under = {ref for t in entries(loaded.of_kind("theme"), Theme) for ref in t.record.resolutions}
    as_of = AsOf(default_day(None), loaded.sessions())
    _, pairs = similar_pairs(resolutions, DEFAULT_MIN_SCORE, as_of, Reader(glossary_of(loaded)))
    linked = {
        resolutions[i].id
        for a, b in pairs
        if resolutions[a].record.conference is not resolutions[b].record.conference
        for i in (a, b)
    }
    in_findings = {m.id for f in found for m in f.members}
    assert linked - under - in_findings == set()
    assert any(f.kind == "partners" for f in found) or themes


def glossary_of(loaded: LoadedRecords) -> list[GlossaryEntry]:
    return [e for g in entries(loaded.of_kind("glossary"), Glossary) for e in g.record.entries]


def _evaluation_run(themes: bool, min_score: float = DEFAULT_MIN_SCORE) -> tuple[LoadedRecords, list[Any]]:
    from tests.evaluation import repository

    with repository(themes) as folder:
        loaded = load(Path(folder))
    return loaded, find_overlaps(loaded, min_score=min_score)


@pytest.mark.parametrize("themes", [True, False])
def test_no_two_findings_of_one_run_contradict_each_other(themes: bool) -> None:
    loaded, found = _evaluation_run(themes)
    recorded = {t.id: set(t.record.resolutions) for t in entries(loaded.of_kind("theme"), Theme)}
    placed: list[str] = []
    for f in found:
        if f.kind in ("mapping", "new-theme", "partners"):
            theme = next((m.id for m in f.members if m.kind == "theme"), None)
            mine = [m.id for m in f.members if m.kind == "resolution"]
            if f.kind == "mapping" and len(mine) == 2 and theme:
                mine = mine[:1]  # the resolution proposed, not the one of the theme it is close to
            elif f.kind == "partners":
                mine = mine[:1]
            placed += [r for r in mine if r not in recorded.get(theme or "", set())]
    # Never proposed for a theme and a new one, nor for two themes, nor placed twice.
    assert [r for r, n in Counter(placed).items() if n > 1] == []
    # What one finding would suppress, no other keeps as the text to refer to.
    suppressed = {a.instruments[0] for f in found if f.kind == "duplicate" for a in f.actions}
    kept = {a.instruments[-1] for f in found for a in f.actions if a.refers_to is not None}
    assert suppressed and kept and not suppressed & kept
    # Each resolution is asked to refer to one text, whichever finding asks: a theme's and a duplicate's
    # name the same.
    targets: dict[str, set[str]] = defaultdict(set)
    for f in found:
        for a in f.actions:
            # Referring to a text, or merged into it by its own conference.
            refers = "refer to" in a.do or a.do.startswith("merge ")
            assert refers == (a.refers_to is not None), (f.id, a.do)
            for referrer in a.instruments:
                if a.refers_to is not None and referrer != a.refers_to:
                    targets[referrer].add(a.refers_to)
    assert targets and {r: t for r, t in targets.items() if len(t) > 1} == {}
    # A theme's finding names what the run proposes for it, and nothing else.
    for f in found:
        if f.kind in STRUCTURAL:
            proposed = {
                m.label
                for g in found
                if g.kind == "mapping" and any(m.id == f.members[0].id for m in g.members)
                for m in g.members
                if m.kind == "resolution" and m.id not in recorded[f.members[0].id]
            }
            for label in proposed:
                assert label in f.proposal, (f.id, label)
            if not proposed:
                assert "This run also proposes" not in f.proposal


def test_evidence_is_what_two_members_write_whole(run_cli: RunCli, tmp_path: Path) -> None:
    # A glossary phrase holding "and" is one subject, quoted whole; "disaster relief", written by the third
    # text only, is shown beside the others' phrase for the glossary's subject, never as shared alone.
    root = write(tmp_path, {
        "glossary/itu.yaml": (REPO / "data" / "glossary" / "itu.yaml").read_text(encoding="utf-8"),
        "resolutions/pp-1.yaml": resolution("pp-1", "ICT in emergency and disaster situations"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "ICT for emergency and disaster situations"),
        "resolutions/wtsa-3.yaml": resolution("wtsa-3", "Disaster relief networks"),
    })  # fmt: skip
    evidence = {f["kind"]: f["evidence"] for f in findings(run_cli, root)}
    assert evidence["duplicate"] == ["emergency and disaster situations"]
    assert evidence["new-theme"] == ["emergency and disaster situations / disaster relief"]


def test_a_resolution_that_joins_no_group_is_told_which_member_keeps_it_out(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Protection of submarine cables against damage"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Submarine cables and optical fibre repair ships"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Optical fibre repair ships for small islands"),
    })  # fmt: skip
    (partners,) = [f for f in findings(run_cli, root) if f["kind"] == "partners"]
    assert [m["id"] for m in partners["members"]] == ["pp-1", "wtsa-2"]
    assert (
        "but joins no group: WTSA Resolution 2 (2020)* is in a group with WTDC Resolution 3 (2020)*. It is "
        "not linked to WTDC Resolution 3 (2020)* (0.00). At its next meeting (none is recorded), the ISC-TF "
        "could decide whether PP Resolution 1 (2020)* belongs with WTSA Resolution 2 (2020)*"
    ) in partners["proposal"]
    explained = json.loads(run_cli(root, "overlaps", "--explain", partners["id"], "--format", "json").stdout)
    assert [(link["second"], link.get("short_of")) for link in explained["links"]] == [
        ("wtsa-2", None),
        ("wtdc-3", "WTDC Resolution 3 (2020)*"),  # not a member: the pair would count as found
    ]
    text = " ".join(run_cli(root, "overlaps", "--explain", partners["id"]).stdout.split())
    assert "WTDC Resolution 3 (2020)*: 0.00, not a link: what keeps the first out of the group" in text


def test_partners_of_one_group_are_named_together_and_a_missing_link_says_why(
    run_cli: RunCli, tmp_path: Path
) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Quantum encryption keys"),
        "resolutions/ra-4.yaml": resolution("ra-4", "Quantum sensors and satellites"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Quantum sensors and satellites with encryption keys "
                                              "for islands"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Quantum sensors and satellites with encryption "
                                              "keys"),
    })  # fmt: skip
    (partners,) = [f for f in findings(run_cli, root, "--min-score", "0.15") if f["kind"] == "partners"]
    # Linked to RA 4 at 0.20, above the threshold of 0.15, but on "quantum" alone: not a link.
    assert (
        "but joins no group: WTSA Resolution 2 (2020)* and WTDC Resolution 3 (2020)* are in a group with RA "
        "Resolution 4 (2020)*. It is not linked to RA Resolution 4 (2020)* (0.20, but fewer than two "
        "distinctive words shared)."
    ) in partners["proposal"]


def _session(name: str, start: str, end: str, body: str = "wtdc") -> str:
    return f"---\nid: {body}-{end[:4]}\nbody: {body}\nname: {name}\nstart: {start}\nend: {end}\n---\n"


@pytest.mark.parametrize(
    ("history", "on", "check"),
    [
        (
            "",
            "2023-01-01",
            "First check what WTDC-22 decided on WTDC Resolution 2 (2017)*: the records do not hold that.",
        ),
        (
            "",
            "2026-01-01",
            "First check what WTDC-22 and WTDC-25 decided on WTDC Resolution 2 (2017)*: the records do not "
            "hold that.",
        ),
        ("", "2021-01-01", None),  # no session held since the edition cited
        ("history: [{session: wtdc-2022, outcome: maintained, source: WTDC-22 list}]\n", "2023-01-01", None),
    ],
)
def test_an_action_on_a_resolution_says_which_sessions_held_since_may_have_acted_on_it(
    run_cli: RunCli, tmp_path: Path, history: str, on: str, check: str | None
) -> None:
    # Proposing that WTDC suppress its text at its next session, when WTDC-22 may have suppressed or
    # revised it already, sends an officer to a meeting with a proposal the records cannot back.
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Emergency telecommunications for disaster relief"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "Emergency telecommunications for disaster relief")
        .replace("year: 2020", "year: 2017") + history,
        "bodies/wtdc.yaml": (REPO / "data" / "bodies" / "wtdc.yaml").read_text(encoding="utf-8"),
        "bodies/pp.yaml": (REPO / "data" / "bodies" / "pp.yaml").read_text(encoding="utf-8"),
        "meetings/wtdc-2017.md": _session("WTDC-17", "2017-10-09", "2017-10-20"),
        "meetings/wtdc-2022.md": _session("WTDC-22", "2022-06-06", "2022-06-16"),
        "meetings/wtdc-2025.md": _session("WTDC-25", "2025-11-17", "2025-11-28"),
        # PP Resolution 1's own session, the latest of PP recorded: nothing to check of it.
        "meetings/pp-2020.md": _session("PP-20", "2020-10-01", "2020-10-20", "pp"),
    })  # fmt: skip
    (duplicate,) = [f for f in findings(run_cli, root, "--on", on) if f["kind"] == "duplicate"]
    (action,) = duplicate["actions"]
    assert action["body"] == "WTDC"
    assert action.get("check") == check
    if check:
        assert duplicate["proposal"].endswith(f"for the rest. {check}")


def test_what_to_check_first_is_said_of_each_resolution_with_its_own_sessions(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # WTDC Resolution 3, adopted at WTDC-22, is asked only about WTDC-25; WTDC Resolution 2 (2014), from
    # before the sessions recorded, about all since its year; the PP text they would refer to, adopted at
    # PP-22, about PP-26, held and not accounted for.
    body = {b: (REPO / "data" / "bodies" / f"{b}.yaml").read_text(encoding="utf-8") for b in ("wtdc", "pp")}
    root = write(tmp_path, {
        "bodies/wtdc.yaml": body["wtdc"],
        "bodies/pp.yaml": body["pp"],
        "themes/cables.yaml": "id: cables\ntitle: Submarine cables\nresolutions: [pp-1, wtdc-2, wtdc-3]\n",
        "resolutions/pp-1.yaml": resolution("pp-1", "Submarine cables").replace("2020", "2022"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "Submarine cables").replace("2020", "2014"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Submarine cables").replace("2020", "2022"),
        "meetings/wtdc-2017.md": _session("WTDC-17", "2017-10-09", "2017-10-20"),
        "meetings/wtdc-2022.md": _session("WTDC-22", "2022-06-06", "2022-06-16"),
        "meetings/wtdc-2025.md": _session("WTDC-25", "2025-11-17", "2025-11-28"),
        "meetings/pp-2022.md": _session("PP-22", "2022-09-26", "2022-10-14", "pp"),
        "meetings/pp-2026.md": _session("PP-26", "2026-11-09", "2026-11-27", "pp"),
    })  # fmt: skip
    (theme,) = [
        f for f in findings(run_cli, root, "--on", "2026-12-01") if f["kind"] == "several-conferences"
    ]
    (wtdc,) = [a for a in theme["actions"] if a["body"] == "WTDC"]
    assert wtdc["check"] == (
        "First check what WTDC decided on WTDC Resolution 2 (2014)* after 2014, what WTDC-25 decided on WTDC "
        "Resolution 3 (2022)*, and what PP-26 decided on PP Resolution 1 (2022)*: the records do not hold "
        "that."
    )
    # On the last day of WTDC-25 it has met: it is not also the session at which WTDC could act.
    (theme,) = [
        f for f in findings(run_cli, root, "--on", "2025-11-28") if f["kind"] == "several-conferences"
    ]
    (wtdc,) = [a for a in theme["actions"] if a["body"] == "WTDC"]
    assert "WTDC-25" in wtdc["check"] and not wtdc["when"].startswith("at WTDC-25")


def test_every_proposal_says_who_does_what_with_which_instruments_and_when() -> None:
    _, found = _evaluation_run(themes=True, min_score=0.01)
    assert {f.kind for f in found} >= {"streamline", "duplicate", "mapping", "new-theme", "similar-bodies"}
    for f in found:
        assert f.actions, f.id
        for action in f.actions:
            assert action.do and action.instruments and action.body and action.when, f.id
            assert action.when.startswith(("at ", "by ")), (f.id, action.when)
            assert action.sentence in f.proposal, f.id
        # One lead, one instrument: never a list to choose from.
        assert "one of ITU" not in f.proposal and "one of the theme" not in f.proposal, f.id
        assert all(" or " not in lead for lead in re.findall(r"with ([^,()]+) leading", f.proposal)), f.id


def test_a_new_theme_is_not_proposed_beside_a_theme_on_its_subject(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Electronic meetings with remote participation for all"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Remote participation in electronic meetings of "
                                              "study groups"),
        "themes/virtual.yaml": "id: virtual\ntitle: Virtual meetings/remote participation\n",
    })  # fmt: skip
    found = findings(run_cli, root)
    assert not [f for f in found if f["kind"] == "new-theme"]
    (mapping,) = [f for f in found if f["kind"] == "mapping"]
    assert [m["id"] for m in mapping["members"]] == ["pp-1", "wtsa-2", "virtual"]
    assert (
        "the theme “Virtual meetings/remote participation” is on it (shared terms: “meetings”"
        in (mapping["proposal"])
    )


def test_duplicates_are_found_as_duplicates_with_what_each_conference_could_do(run_cli: RunCli) -> None:
    found = findings(run_cli, REPO, "--on", "2024-05-01")
    (same,) = [f for f in found if {m["id"] for m in f["members"]} == {"ra-itu-r-75", "wtdc-59", "wtsa-57"}]
    assert same["kind"] == "duplicate"
    assert same["evidence"] == [
        "Strengthening coordination and cooperation among the three ITU Sectors on matters of mutual interest"
    ]
    assert [(a["body"], a["when"][:13], a["instruments"][0]) for a in same["actions"]] == [
        ("RA", "at its next s", "RA Resolution ITU-R 75 (Dubai, 2023)*"),
        ("WTDC", "at WTDC-25 (f", "WTDC Resolution 59 (Rev. Kigali, 2022)"),
        ("WTSA", "at WTSA-24 (f", "WTSA Resolution 57 (Rev. Dubai, 2012)*"),
    ]
    # The three rest with PP 191 on the theme "Inter-Sector coordination", whose finding asks them to refer
    # to PP 191: the duplicate asks the same, not to refer to RA ITU-R 75, the latest of the three.
    pp_191 = "PP Resolution 191 (Rev. Bucharest, 2022)"
    assert all(a["instruments"][-1] == a["refers_to"] == pp_191 for a in same["actions"])
    assert f"The theme “Inter-Sector coordination” rests on them and on {pp_191}" in same["proposal"]
    kept_only = (
        "suppress WTSA Resolution 57 (Rev. Dubai, 2012)*, or revise it to keep only what is particular"
    )
    assert kept_only + " to ITU-T" in same["proposal"]


def test_a_duplicate_refers_to_its_themes_anchor_only_when_alike_and_under_it(
    run_cli: RunCli, bundled: Path
) -> None:
    # PP 179 and WTDC 67 (child online protection) rest on the theme "Cybersecurity and child online
    # protection", anchored under PP 130 (cybersecurity): another subject, so PP 179 is kept, not PP 130.
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    (cop,) = [f for f in found if {m["id"] for m in f["members"]} == {"pp-179", "wtdc-67"}]
    assert {a["instruments"][-1] for a in cop["actions"]} == {"PP Resolution 179 (Rev. Bucharest, 2022)"}
    assert "PP Resolution 130" not in cop["proposal"]
    # WTSA 57 taken out of the theme "Inter-Sector coordination": the theme no longer rests on all three
    # duplicates, so it is not said to; a mapping proposes WTSA 57 for it again, and the three refer to
    # the theme's anchor as the theme's finding asks, the proposal saying why.
    theme = bundled / "data" / "themes" / "inter-sector-coordination.yaml"
    text = theme.read_text(encoding="utf-8")
    assert text.count("wtsa-57") == 1
    theme.write_text(text.replace(", wtsa-57", "").replace("wtsa-57, ", ""), encoding="utf-8")
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    (same,) = [f for f in found if {m["id"] for m in f["members"]} == {"ra-itu-r-75", "wtdc-59", "wtsa-57"}]
    assert "rests on them" not in same["proposal"]
    added = "a mapping finding proposes adding WTSA Resolution 57 (Rev. Dubai, 2012)* to it"
    assert added in same["proposal"]
    assert {a["instruments"][-1] for a in same["actions"]} == {"PP Resolution 191 (Rev. Bucharest, 2022)"}
    assert any(f["kind"] == "mapping" and "wtsa-57" in {m["id"] for m in f["members"]} for f in found)


def test_a_text_nearly_the_same_as_one_duplicate_only_is_with_them_not_called_one(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # The real wordings of PP 176, WTDC 62 and WTSA 72 (tests/overlaps/resolutions): PP 176's is nearly
    # WTDC 62's, not WTSA 72's ("assessment"). Put in their group, it would be said to have nearly WTSA 72's
    # wording, and kept over it; it is found with them instead.
    exposure = "related to human exposure to electromagnetic fields"
    pp_176 = "Human exposure to and measurement of electromagnetic fields"
    root = write(tmp_path, {
        "resolutions/pp-176.yaml": resolution("pp-176", pp_176),
        "resolutions/wtdc-62.yaml": resolution("wtdc-62", f"Measurement concerns {exposure}"),
        "resolutions/wtsa-72.yaml": resolution("wtsa-72", f"Measurement and assessment concerns {exposure}"),
    })  # fmt: skip
    found = findings(run_cli, root)
    groups = {f["kind"]: sorted(m["id"] for m in f["members"]) for f in found}
    assert groups["duplicate"] == ["wtdc-62", "wtsa-72"]
    assert ["pp-176", "wtdc-62", "wtsa-72"] in groups.values()
    # Both of 2020: the one kept is not said to be the latest.
    (duplicate,) = [f for f in found if f["kind"] == "duplicate"]
    both = (
        "WTDC Resolution 62 (2020)* and WTSA Resolution 72 (2020)* are the latest editions recorded among "
        "them"
    )
    assert (
        f"{both}, of 2020: WTSA Resolution 72 (2020)*, the first of them as the mapping"
        in duplicate["proposal"]
    )
    assert "is the latest edition recorded among them" not in duplicate["proposal"]


def test_a_group_of_duplicates_holds_one_text_of_a_conference(run_cli: RunCli, tmp_path: Path) -> None:
    title = "Measurement concerns related to human exposure to electromagnetic fields"
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", title),
        "resolutions/pp-2.yaml": resolution("pp-2", f"{title} and their assessment"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", title),
    })  # fmt: skip
    found = findings(run_cli, root, "--kind", "duplicate")
    assert [sorted(m["id"] for m in f["members"]) for f in found] == [["pp-1", "wtdc-3"]]


def test_a_title_names_only_its_own_conference_whatever_else_its_boilerplate_holds() -> None:
    reader = Reader()
    development = "Rules of procedure of the ITU Telecommunication Development Sector"
    assert reader.names_only_itself(development, "WTDC")
    assert reader.names_only_itself(development + " for information and communication technologies", "WTDC")
    assert not reader.names_only_itself(development, "WTSA")
    assert not reader.names_only_itself(development + " and the ITU Radiocommunication Sector", "WTDC")
    assert not reader.names_only_itself("Rules of procedure", "WTDC")


def test_each_conferences_own_text_under_one_title_is_not_suppressed_for_another(
    run_cli: RunCli, tmp_path: Path
) -> None:
    # WTDC 1 and WTSA 1: each Sector's rules of procedure, the titles naming each its own Sector.
    root = write(tmp_path, {
        "resolutions/wtdc-1.yaml": resolution("wtdc-1", "Rules of procedure of the ITU Telecommunication "
                                              "Development Sector"),
        "resolutions/wtsa-1.yaml": resolution("wtsa-1", "Rules of procedure of the ITU Telecommunication "
                                              "Standardization Sector"),
        "resolutions/pp-2.yaml": resolution("pp-2", "Regional preparations for the Plenipotentiary "
                                            "Conference"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "Regional preparations for world telecommunication "
                                              "development conferences"),
        "resolutions/ra-4.yaml": resolution("ra-4", "Spectrum monitoring in the Sectors"),
        # One joint work of two Sectors, named in both texts: not each conference's text for itself.
        "resolutions/wtdc-5.yaml": resolution("wtdc-5", "Conformance centres of the ITU Telecommunication "
                                              "Development Sector and the ITU Telecommunication "
                                              "Standardization Sector"),
        "resolutions/wtsa-5.yaml": resolution("wtsa-5", "Conformance centres of the ITU Telecommunication "
                                              "Standardization Sector and the ITU Telecommunication "
                                              "Development Sector"),
        "resolutions/wtsa-4.yaml": resolution("wtsa-4", "Spectrum monitoring in the Sectors"),
    })  # fmt: skip
    found = {
        tuple(sorted(m["id"] for m in f["members"])): f
        for f in findings(run_cli, root, "--kind", "duplicate")
    }
    assert set(found) == {("wtdc-1", "wtsa-1"), ("pp-2", "wtdc-3"), ("ra-4", "wtsa-4"), ("wtdc-5", "wtsa-5")}
    for parallel in (("wtdc-1", "wtsa-1"), ("pp-2", "wtdc-3")):
        finding = found[parallel]
        assert "but for the conference or Sector each names as its own" in finding["proposal"]
        assert "suppress" not in finding["proposal"].replace("none need be suppressed", "")
        assert sorted(a["body"] for a in finding["actions"]) == sorted(
            p.split("-")[0].upper() for p in parallel
        )
        assert all(" to recall " in a["do"] for a in finding["actions"])
    # The same title, naming no conference of its own: a duplicate, one text kept, the other suppressed.
    same = found[("ra-4", "wtsa-4")]["proposal"]
    assert "could suppress" in same and "is the one the other could refer to rather than repeat it." in same
    assert "could suppress" in found[("wtdc-5", "wtsa-5")]["proposal"]


def test_a_duplicate_proposed_for_a_theme_refers_to_its_anchor_as_the_theme_asks(
    run_cli: RunCli, bundled: Path
) -> None:
    # A Council text with the title of RA ITU-R 75, WTDC 59 and WTSA 57, under no theme: a mapping proposes
    # it for "Inter-Sector coordination", whose finding streamlines them under PP 191. The duplicate once
    # asked the three to refer to the Council text instead.
    title = (
        "Strengthening coordination and cooperation among the three ITU Sectors on matters of mutual interest"
    )
    (bundled / "data" / "resolutions" / "council-9001.yaml").write_text(
        f'id: council-9001\nconference: Council\nnumber: "9001"\neditions: [{{year: 2023, title: {title}}}]\n'
    )
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    (same,) = [
        f for f in found if f["kind"] == "duplicate" and "council-9001" in {m["id"] for m in f["members"]}
    ]
    assert {a["refers_to"] for a in same["actions"]} == {"PP Resolution 191 (Rev. Bucharest, 2022)"}
    assert "a mapping finding proposes adding Council Resolution 9001 (C23) to it" in same["proposal"]
    assert any(f["kind"] == "mapping" and "council-9001" in {m["id"] for m in f["members"]} for f in found)
    # A PP text of the same year, only proposed for the theme, is not kept over the theme's anchor.
    council = bundled / "data" / "resolutions" / "council-9001.yaml"
    edition = f"{{place: Bucharest, year: 2022, title: {title}}}"
    council.write_text(f'id: pp-100\nconference: PP\nnumber: "100"\neditions: [{edition}]\n')
    council.rename(council.with_name("pp-100.yaml"))
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    (same,) = [f for f in found if f["kind"] == "duplicate" and "pp-100" in {m["id"] for m in f["members"]}]
    assert {a["refers_to"] for a in same["actions"]} == {"PP Resolution 191 (Rev. Bucharest, 2022)"}
    # With none of them recorded under the theme, each proposed for it, the sentence names no one as resting
    # on it but the theme's anchor.
    theme = bundled / "data" / "themes" / "inter-sector-coordination.yaml"
    text = theme.read_text(encoding="utf-8")
    for rid in ("ra-itu-r-75", "wtdc-59", "wtsa-57"):
        text = text.replace(f", {rid}", "").replace(f"{rid}, ", "")
    theme.write_text(text, encoding="utf-8")
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    (same,) = [f for f in found if f["kind"] == "duplicate" and "pp-100" in {m["id"] for m in f["members"]}]
    assert "rests on  " not in same["proposal"] and "rests on and" not in same["proposal"]


def test_evidence_is_whole_terms_and_explain_has_one_row_a_term(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "resolutions/pp-1.yaml": resolution("pp-1", "Internet of Things and smart sustainable cities"),
        "resolutions/wtsa-2.yaml": resolution("wtsa-2", "Internet of Things and smart sustainable cities and "
                                              "communities"),
        "resolutions/wtdc-3.yaml": resolution("wtdc-3", "E-health applications for remote areas"),
        "resolutions/ra-4.yaml": resolution("ra-4", "E-health applications by satellite"),
    })  # fmt: skip
    found = findings(run_cli, root)
    terms = [t for f in found for t in f["evidence"]]
    assert "e-health" in " ".join(terms).lower() and "Things and smart" not in terms
    assert all(not re.search(r"\b(and|or)$|^(and|or)\b", t) for t in terms)
    for f in found:
        explained = json.loads(run_cli(root, "overlaps", "--explain", f["id"], "--format", "json").stdout)
        for link in explained["links"]:
            rows = [t["term"] for t in link["terms"]]
            assert len(rows) == len(set(rows)), rows
            assert abs(sum(t["adds"] for t in link["terms"]) - link["score"]) < 0.01


def test_a_few_texts_compared_pair_by_pair_score_as_through_the_index() -> None:
    # A theme's activities of a year are a few texts: compared pair by pair, not through an index of
    # their terms; the same pairs and the same scores to the last bit, for every size up to the limit.
    import random

    from res191.overlaps.similarity import Corpus

    words = (
        "climate change captioning accessibility remote participation emergency telecommunications "
        "health digital divide youth gender cybersecurity child online protection"
    ).split()
    pick = random.Random(191)
    for size in range(2, 25):
        texts = [" ".join(pick.choices(words, k=pick.randint(2, 8))) for _ in range(size)]
        corpus = Corpus(texts, Reader())
        assert corpus._pairwise(0.25) == corpus.scores(0.25), texts


def test_a_retired_theme_gets_no_proposal(run_cli: RunCli, bundled: Path, tmp_path: Path) -> None:
    # The mapping and the report's annexes leave a retired theme out; the overlaps did not, and proposed
    # to "name ITU-D the lead of the theme 'Accessibility'".
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    text = theme.read_text(encoding="utf-8")
    assert "status: active\nstatus_as_of: 2024-05\n" in text
    retired = "status: retired\nstatus_as_of: 2024-04\n"  # retired by the day
    theme.write_text(text.replace("status: active\nstatus_as_of: 2024-05\n", retired), encoding="utf-8")
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    assert [f["id"] for f in found if any(m["id"] == "accessibility" for m in f["members"])] == []
    assert all("“Accessibility”" not in f["proposal"] for f in found)
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "-o", str(out), "--on", "2024-05-01", "--lang", "en").exit_code == 0
    assert "“Accessibility”" not in (out / "overlaps.html").read_text(encoding="utf-8")
    page = (out / "themes" / "accessibility.html").read_text(encoding="utf-8")
    assert "No overlap concerning this theme" in page


def test_a_theme_names_each_resolution_proposed_for_it_once(run_cli: RunCli, bundled: Path) -> None:
    # With "Gender and youth" retired, PP 70 and WTDC 55 are each proposed for "WSIS, the digital divide,
    # statistics" by two mappings: the theme's finding named WTDC 55 twice.
    theme = bundled / "data" / "themes" / "gender-and-youth.yaml"
    theme.write_text(theme.read_text(encoding="utf-8") + "status: retired\n", encoding="utf-8")
    found = findings(run_cli, bundled, "--on", "2024-05-01")
    said = [f["proposal"] for f in found if "This run also proposes adding" in f["proposal"]]
    assert said
    for proposal in said:
        proposed = proposal.split("This run also proposes adding")[1].split("(a mapping)")[0]
        named = re.findall(r"Resolution [\w-]+ \([^)]*\)", proposed)
        assert len(named) == len(set(named)), proposal


def test_the_commands_kinds_and_threshold_are_those_the_overlaps_are_found_with() -> None:
    # `--kind` offers each kind of finding (FindingKind is typer's list of choices), in the order they are
    # listed, and `--min-score`'s default is the threshold the README's figures are measured at.
    from res191.cli.overlaps import FindingKind, overlaps_command
    from res191.overlaps.findings import KINDS

    assert [k.value for k in FindingKind] == list(KINDS)
    default = inspect.signature(overlaps_command).parameters["min_score"].default
    assert default.default == DEFAULT_MIN_SCORE


def test_the_next_session_is_the_first_recorded_after_the_day_only_from_the_earliest_recorded_on() -> None:
    # The bundled Council sessions start with Council 2023: on a day of 2019, sessions the records do not
    # hold (Council 2019 to 2022) come first, so Council 2023 is not its next (in_force.py's rule).
    from res191.models import Body, Meeting
    from res191.overlaps.who import Calendar

    meetings = [
        Meeting.model_validate(
            {"id": f"council-{y}", "body": "council", "start": f"{y}-07-11", "end": f"{y}-07-21"}
        )
        for y in (2023, 2024)
    ]
    calendar = Calendar(
        meetings, [Body.model_validate({"id": "council", "acronym": "Council", "name": "ITU Council"})]
    )
    early = calendar.next("council", date(2019, 6, 1))
    assert "Council 2023" in early and not early.startswith("at Council 2023")
    assert early == (
        "at its next session, which the records do not hold (they hold its sessions from Council 2023 "
        "(11-21 July 2023))"
    )
    assert calendar.next("council", date(2023, 8, 1)) == "at Council 2024 (from 11 July 2024)"
    assert calendar.next("council", date(2023, 7, 15)) == "at Council 2023 (from 11 July 2023)"  # under way
    assert calendar.next("council", date(2025, 1, 1)).startswith(
        "at its next session, which the records do not hold yet"
    )
