"""`res191 overlaps`: what it finds, how well (measured on real resolutions), and how it reports it."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from res191.models import Resolution
from res191.overlaps.common import entries
from res191.overlaps.find import DEFAULT_MIN_SCORE
from res191.overlaps.findings import STRUCTURAL, finding_id
from res191.overlaps.similarity import Corpus
from tests.conftest import REPO, RunCli, load
from tests.evaluation import Figures, groups, measure, table
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


@pytest.mark.parametrize("kind", ["pairs", "new-theme", "mapping"])
def test_precision_and_recall_on_real_resolutions_at_the_default_threshold(
    measured: dict[str, dict[str, Figures]], kind: str
) -> None:
    figures = measured[kind]["all"]
    shown = f"{kind}: precision {figures.precision:.2f}, recall {figures.recall:.2f} of {figures.known}"
    assert figures.precision >= 0.9, shown
    assert figures.recall >= 0.8, shown


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
    # Evidence in the texts' own words, never as stems.
    assert corpus.shared_with(3, [2])[:2] == ("accessibility for persons", "persons with disabilities")


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
        "resolutions/wtsa-1.yaml": resolution("wtsa-1", "Emergency telecommunications for disaster relief"),
        "resolutions/wtdc-2.yaml": resolution("wtdc-2", "Emergency telecommunications and disaster relief"),
        "resolutions/ra-3.yaml": resolution("ra-3", "Radiocommunication for disaster relief in emergencies"),
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
        "subject "
        "(shared terms: “disaster relief”, “emergency telecommunications and disaster”) and under no theme: "
        "consider proposing it to the Sectors as an area of mutual interest, with focal points from ITU-R, "
        "ITU-T, and ITU-D."
    )
    (mapping,) = [f for f in found if f["kind"] == "mapping"]
    assert [m["id"] for m in mapping["members"]] == ["wtsa-5", "cables", "pp-4"]
    assert mapping["proposal"] == (
        "WTSA Resolution 5 (2020)*, on “Submarine cable protection and repair”, is under no theme, and is "
        "close to PP Resolution 4 (2020)* (shared terms: “protection”, “submarine cables”), a resolution of "
        "the theme Submarine cables: consider adding it to that theme's resolutions."
    )


def test_joint_work_names_the_general_secretariat_in_words(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "themes/cities.yaml": "id: cities\ntitle: Smart cities\ntracker:\n"
        "  - {year: 2024, sector: GS, title: Forum}\n"
        "  - {year: 2024, sector: ITU-T, title: Workshop}\n",
    })  # fmt: skip
    (joint,) = [f for f in findings(run_cli, root) if f["kind"] == "joint-work"]
    assert joint["proposal"].startswith(
        "Under the theme “Smart cities” in 2024, ITU-T and the General Secretariat each have activities"
    )


def test_activities_of_several_sectors_and_alike_across_themes(run_cli: RunCli, tmp_path: Path) -> None:
    root = write(tmp_path, {
        "themes/cities.yaml": "id: cities\ntitle: Smart cities\ntracker:\n"
        "  - {year: 2024, sector: ITU-T, title: Workshop on smart sustainable cities}\n"
        "  - {year: 2024, sector: ITU-D, title: Toolkit for municipal planners}\n"
        "  - {year: 2023, sector: ITU-R, title: Study}\n",
        "themes/climate.yaml": "id: climate\ntitle: Climate\ntracker:\n"
        "  - {year: 2024, sector: GS, title: Smart sustainable cities workshop}\n",
    })  # fmt: skip
    found = findings(run_cli, root, "--year", "2024")
    (joint,) = [f for f in found if f["kind"] == "joint-work"]
    assert [(m["sector"], m["line"]) for m in joint["members"]] == [("ITU-T", 4), ("ITU-D", 5)]
    assert joint["proposal"] == (
        "Under the theme “Smart cities” in 2024, ITU-T and ITU-D each have activities (“Workshop on smart "
        "sustainable cities”; “Toolkit for municipal planners”): plan them as joint work with one lead "
        "Sector, and report on them once."
    )
    (alike,) = [f for f in found if f["kind"] == "similar-activities"]
    assert {m["id"] for m in alike["members"]} == {"cities#0", "climate#0"}
    assert alike["proposal"].startswith(
        "The ITU-T activity “Workshop on smart sustainable cities” (2024), under the theme “Smart cities”, "
        "and the General Secretariat's activity “Smart sustainable cities workshop” (2024), under the theme "
        "“Climate”, are alike (shared terms: “"
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


def test_formats_kinds_and_scores(run_cli: RunCli) -> None:
    every = findings(run_cli, REPO)
    only = findings(run_cli, REPO, "--kind", "streamline")
    assert only and {f["kind"] for f in only} == {"streamline"}
    # --min-score is a threshold of text similarity: the findings from the records' structure stay.
    strict = findings(run_cli, REPO, "--min-score", "0.9")
    assert strict == [f for f in every if f["score"] >= 0.9 or f["kind"] in STRUCTURAL]
    assert {f["kind"] for f in strict} >= {"streamline", "several-conferences"}
    rows = list(csv.reader(io.StringIO(run_cli(REPO, "overlaps", "--format", "csv").stdout)))
    assert rows[0] == ["id", "kind", "score", "members", "places", "evidence", "proposal"]
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
        "resolutions/wtsa-3.yaml": resolution("wtsa-3", "E-health services for improving patient care"),
        "resolutions/ra-4.yaml": resolution("ra-4", "Healthcare service improved by patient monitoring"),
    })  # fmt: skip
    groups = {
        tuple(m["id"] for m in f["members"]): f for f in findings(run_cli, root) if f["kind"] == "new-theme"
    }
    assert set(groups) == {("pp-1", "wtdc-2"), ("ra-4", "wtsa-3")}
    assert groups[("pp-1", "wtdc-2")]["evidence"][0] == "WSIS"  # the glossary's term, as its entry writes it
    assert any("improved" in term for term in groups[("ra-4", "wtsa-3")]["evidence"])  # with "improving"
    (tmp_path / "data" / "glossary" / "itu.yaml").unlink()
    without = [f for f in findings(run_cli, root) if f["kind"] == "new-theme"]
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
    found = [f for f in findings(run_cli, root, "--min-score", "0.05") if f["kind"] == "new-theme"]
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
    assert "the theme Spectrum management" in mapping["proposal"]
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
                write(
                    root, {f"themes/{name}.yaml": f"id: {name}\ntitle: {name}\nresolutions: [{members[0]}]\n"}
                )
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
        assert len(grouped) >= 15
    if themes == "one resolution each":
        assert len(mapped) >= 10


def test_proposals_quote_the_texts_never_stems(run_cli: RunCli, tmp_path: Path) -> None:
    shutil.copytree(REPO / "data" / "resolutions", tmp_path / "data" / "resolutions")
    shutil.copytree(REPO / "data" / "glossary", tmp_path / "data" / "glossary")
    texts = " ".join(p.read_text(encoding="utf-8") for p in (tmp_path / "data").rglob("*.yaml")).lower()
    found = findings(run_cli, tmp_path)
    assert found
    for f in found:
        for term in f["evidence"]:
            assert " ".join(term.lower().split()) in " ".join(texts.split()), (f["id"], term)
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
    kinds = ["--kind", "streamline", "--kind", "several-conferences"]
    found = {f["members"][0]["id"]: f["proposal"] for f in findings(run_cli, REPO, *kinds)}
    assert found["accessibility"] == (
        "The theme “Accessibility” rests on three resolutions recorded, of PP, WTSA, and WTDC. ITU-T and "
        "ITU-D have a resolution recorded under it; no ITU-R resolution is recorded. Consider streamlining "
        "them under PP Resolution 175 (Guadalajara, 2010)*, with ITU-T or ITU-D leading and the other "
        "contributing through the theme's focal points."
    )
    assert (
        "Council Resolution 1307 (C09)* predate the theme's latest edition, PP Resolution 182"
        in found["climate-change"]
    )
    assert "under one of the theme's two PP resolutions" in found["climate-change"]
    assert (
        "When WTDC Resolution 55 (Rev. Buenos Aires, 2017)* and WTDC Resolution 38"
        in found["gender-and-youth"]
    )
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
