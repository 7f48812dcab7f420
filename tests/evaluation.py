"""How well `res191 overlaps` finds resolutions on one subject: precision, recall and F1 on real resolutions.

The truth is tests/overlaps/evaluation.yaml (groups of real resolutions by subject). Three measures:
- pairs: every pair of resolutions of different conferences scoring the threshold or more, as the
  similarity sees them before any finding is made;
- new-theme: the bundled resolutions with no theme at all; a pair is proposed when both are in one
  `new-theme` finding;
- mapping: each group's first resolution alone under a theme of its own; a pair is proposed when a
  `mapping` finding adds a resolution to the theme of that first one.

`python -m tests.evaluation` prints the tables of the README.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from res191.loading.record import LoadedRecords
from res191.models import Glossary, Resolution
from res191.overlaps.common import entries
from res191.overlaps.find import DEFAULT_MIN_SCORE, find_overlaps
from res191.overlaps.resolutions import similar_pairs
from res191.overlaps.similarity import Reader
from res191.validation import validate

REPO = Path(__file__).resolve().parent.parent
EVALUATION = Path(__file__).parent / "overlaps" / "evaluation.yaml"
Pair = frozenset[str]


@dataclass(frozen=True)
class Figures:
    """Precision, recall and F1 of proposed pairs against the known ones."""

    proposed: int
    right: int
    known: int

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.known if self.known else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def groups() -> dict[str, list[str]]:
    """The evaluation's groups of resolution ids, by subject."""
    found: dict[str, list[str]] = YAML(typ="safe").load(EVALUATION.read_text(encoding="utf-8"))
    return found


def _load(root: Path) -> LoadedRecords:
    loaded = validate(root, root, keep_records=True, positions=True).loaded
    assert loaded is not None
    return loaded


def known_pairs(conference: dict[str, str]) -> dict[Pair, str]:
    """Every pair of resolutions of different conferences in one group, with the group's name."""
    return {
        frozenset(pair): name
        for name, members in groups().items()
        for pair in itertools.combinations(members, 2)
        if conference[pair[0]] != conference[pair[1]]
    }


def figures(proposed: Iterable[Pair], known: Iterable[Pair], among: set[str]) -> Figures:
    """Proposed pairs among the evaluation's resolutions, measured against the known ones."""
    mine = {p for p in proposed if p <= among}
    truth = set(known)
    return Figures(len(mine), len(mine & truth), len(truth))


def similarity_pairs(root: Path = REPO, min_score: float = DEFAULT_MIN_SCORE) -> set[Pair]:
    """Pairs of resolutions of different conferences scoring min_score or more, read with the glossary."""
    loaded = _load(root)
    resolutions = entries(loaded.of_kind("resolution"), Resolution)
    glossary = [e for g in entries(loaded.of_kind("glossary"), Glossary) for e in g.record.entries]
    _, pairs = similar_pairs(resolutions, min_score, Reader(glossary))
    return {
        frozenset((resolutions[a].id, resolutions[b].id))
        for a, b in pairs
        if resolutions[a].record.conference is not resolutions[b].record.conference
    }


def _repository(themes: dict[str, list[str]]) -> tempfile.TemporaryDirectory[str]:
    """A copy of the bundled resolutions and glossary, under the given themes only."""
    folder = tempfile.TemporaryDirectory(prefix="res191-evaluation-")
    data = Path(folder.name) / "data"
    for part in ("resolutions", "glossary"):
        shutil.copytree(REPO / "data" / part, data / part)
    (data / "themes").mkdir()
    for theme, members in themes.items():
        text = f"id: {theme}\ntitle: {theme}\nresolutions: [{', '.join(members)}]\n"
        (data / "themes" / f"{theme}.yaml").write_text(text, encoding="utf-8")
    return folder


def new_theme_pairs(min_score: float = DEFAULT_MIN_SCORE) -> set[Pair]:
    """Pairs of different conferences proposed together in one new theme, with no theme recorded."""
    with _repository({}) as folder:
        found = find_overlaps(_load(Path(folder)), kinds=["new-theme"], min_score=min_score)
    conference = _conferences()
    return {
        frozenset((a.id, b.id))
        for f in found
        for a, b in itertools.combinations(f.members, 2)
        if conference[a.id] != conference[b.id]
    }


def mapping_pairs(min_score: float = DEFAULT_MIN_SCORE) -> tuple[set[Pair], dict[Pair, str]]:
    """Pairs (resolution, a group's first resolution) that `mapping` proposes, with each group's first
    resolution alone under a theme; and the pairs it should propose."""
    seeds = {name: members[0] for name, members in groups().items()}
    with _repository({f"theme-{n}": [seed] for n, seed in seeds.items()}) as folder:
        found = find_overlaps(_load(Path(folder)), kinds=["mapping"], min_score=min_score)
    conference = _conferences()
    proposed = {frozenset((f.members[0].id, seeds[f.members[1].id.removeprefix("theme-")])) for f in found}
    known = {
        frozenset((member, members[0])): name
        for name, members in groups().items()
        for member in members[1:]
        if conference[member] != conference[members[0]]
    }
    return proposed, known


def _conferences() -> dict[str, str]:
    resolutions = entries(_load(REPO).of_kind("resolution"), Resolution)
    return {r.id: r.record.conference.value for r in resolutions}


def measure(min_score: float = DEFAULT_MIN_SCORE) -> dict[str, dict[str, Figures]]:
    """Figures per kind of measure (pairs, new-theme, mapping), overall and per group."""
    conference = _conferences()
    among = {rid for members in groups().values() for rid in members}
    known = known_pairs(conference)
    mapped, mapping_known = mapping_pairs(min_score)
    measured = {
        "pairs": (similarity_pairs(min_score=min_score), known),
        "new-theme": (new_theme_pairs(min_score), known),
        "mapping": (mapped, mapping_known),
    }
    result: dict[str, dict[str, Figures]] = {}
    for kind, (proposed, truth) in measured.items():
        result[kind] = {"all": figures(proposed, truth, among)}
        for name in groups():
            members = set(groups()[name])
            mine = {p for p in proposed if p & members}  # pairs touching the group: right or wrong
            result[kind][name] = figures(mine, [p for p, g in truth.items() if g == name], among)
    return result


def table(measured: dict[str, dict[str, Figures]]) -> str:
    """The Markdown tables of the README: per kind, then per group (groups of several conferences)."""
    lines = [
        "| measure | proposed | right | known | precision | recall | F1 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, by_group in measured.items():
        f = by_group["all"]
        cells = [
            str(f.proposed),
            str(f.right),
            str(f.known),
            f"{f.precision:.2f}",
            f"{f.recall:.2f}",
            f"{f.f1:.2f}",
        ]
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "| group | " + " | ".join(f"{k} recall" for k in measured) + " |",
        "|---|" + "---:|" * len(measured),
    ]
    for name in groups():
        if all(measured[k][name].known == 0 for k in measured):
            continue
        cells = [f"{measured[k][name].right}/{measured[k][name].known}" for k in measured]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(measure()))
