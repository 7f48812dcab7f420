"""`res191 overlaps`: what it finds, how well (measured on real resolutions), and how it reports it."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from res191.models import Resolution
from res191.overlaps.common import entries
from res191.overlaps.find import DEFAULT_MIN_SCORE
from res191.overlaps.findings import finding_id
from res191.overlaps.resolutions import similar_pairs
from res191.overlaps.similarity import Corpus
from tests.conftest import REPO, RunCli, load
from tests.test_cli import snapshot

EVALUATION = Path(__file__).parent / "overlaps" / "evaluation.yaml"


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


def precision_and_recall(min_score: float) -> tuple[float, float, int]:
    """Pairs proposed among the evaluation set's resolutions against the pairs known to match."""
    repository = load(REPO)
    resolutions = entries(repository.of_kind("resolution"), Resolution)
    groups: dict[str, list[str]] = YAML(typ="safe").load(EVALUATION.read_text())
    known = {rid for members in groups.values() for rid in members}
    conference = {r.id: r.record.conference for r in resolutions}
    positives = {
        frozenset(pair)
        for members in groups.values()
        for pair in itertools.combinations(members, 2)
        if conference[pair[0]] is not conference[pair[1]]
    }
    _, pairs = similar_pairs(resolutions, min_score)
    proposed = {
        frozenset((resolutions[a].id, resolutions[b].id))
        for a, b in pairs
        if resolutions[a].id in known and resolutions[b].id in known
    }
    hits = len(proposed & positives)
    return hits / max(1, len(proposed)), hits / len(positives), len(positives)


def test_precision_and_recall_on_real_resolutions_at_the_default_threshold() -> None:
    precision, recall, positives = precision_and_recall(DEFAULT_MIN_SCORE)
    figures = f"precision {precision:.2f}, recall {recall:.2f} over {positives} known pairs"
    assert precision >= 0.9, figures
    assert recall >= 0.45, figures


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
    assert corpus.shared_with(2, [3])[:2] == ("accessibility person", "person disability")


def test_bundled_data_lists_the_seed_themes_with_evidence(run_cli: RunCli) -> None:
    found = {(f["kind"], f["members"][0]["id"]): f for f in findings(run_cli, REPO)}
    accessibility = found[("streamline", "accessibility")]
    assert "WTSA Resolution 70 (Rev. Dubai, 2012)" in accessibility["evidence"]
    assert "WTDC Resolution 58 (Rev. Buenos Aires, 2017)" in accessibility["evidence"]
    assert accessibility["members"][0]["path"] == "data/themes/accessibility.yaml"
    assert accessibility["members"][1] == {
        "kind": "resolution", "id": "pp-175", "label": "PP Resolution 175 (Guadalajara, 2010)",
        "path": "data/resolutions/pp-175.yaml", "line": 2, "sector": None,
    }  # fmt: skip
    climate = found[("several-conferences", "climate-change")]
    assert "Council Resolution 1307 (2009)" in climate["evidence"]
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
    assert "consider proposing them as a theme of mutual interest" in new_theme[0]["proposal"]
    (mapping,) = [f for f in found if f["kind"] == "mapping"]
    assert [m["id"] for m in mapping["members"]] == ["wtsa-5", "cables"]
    assert mapping["proposal"].startswith("WTSA Resolution 5 (2020) is close to PP Resolution 4 (2020)")


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
    assert joint["proposal"].startswith("Under Smart cities in 2024, ITU-D and ITU-T each have activities")
    (alike,) = [f for f in found if f["kind"] == "similar-activities"]
    assert {m["id"] for m in alike["members"]} == {"cities#0", "climate#0"}
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
    assert findings(run_cli, REPO, "--min-score", "0.9") == [f for f in every if f["score"] >= 0.9]
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
        (["--min-score", "2"], "Invalid value for '--min-score': Input should be less than or equal to 1"),
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
