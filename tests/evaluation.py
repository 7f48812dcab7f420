"""How well `res191 overlaps` finds resolutions on one subject: precision and recall on real resolutions.

The truth is tests/overlaps/evaluation.yaml: groups of real resolutions by subject, the bundled ones and
others (tests/overlaps/resolutions/, each with its source), and resolutions alone on their subject, so
that a pair proposed with one of them counts as false. Each group is in the tuning half or the test half,
by a hash of its name, a rule fixed before tuning; the README's figures are the test half's.

What is measured is what a user gets: the pairs of resolutions (of different conferences) that end up in
one finding at the default threshold, in two configurations:
- recorded themes: the bundled themes as they are, the other resolutions under none (the real case: some
  resolutions under themes, some not). A pair already under one theme is a fact of the records, neither
  found nor to be found; a `mapping` finding pairs its resolution with every resolution of the theme;
- no themes: every resolution under none, so that every pair is to be found.
A pair counts in a half when one of its resolutions is in a group of that half. `pairs` is the likeness
alone (every pair of different conferences scoring the threshold or more), for comparison; `duplicates`
counts the pairs in one `duplicate` finding (recorded themes) against the sets of
tests/overlaps/duplicates.yaml.

A third half, `blind` (tests/overlaps/blind.yaml), holds real resolutions on subjects of their own, grouped
before the tool was ever run on them: what the tool does on resolutions nobody tuned it on. A fourth,
`blind 2` (tests/overlaps/blind2.yaml), was sourced and grouped the same way after the changes made with the
first blind set in view: the blind half nobody has seen the figures of when a change is made. Pairs that
count neither way (`either`: one subject part of the other's) are left out of every count.

`python -m tests.evaluation` prints the tables of the README.
"""

from __future__ import annotations

import hashlib
import itertools
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from res191.loading.record import LoadedRecords
from res191.models import Glossary, Resolution, Theme
from res191.overlaps.common import AsOf, entries
from res191.overlaps.find import default_day, find_overlaps
from res191.overlaps.findings import DEFAULT_MIN_SCORE, STRUCTURAL, Finding
from res191.overlaps.reading import Reader
from res191.overlaps.resolutions import similar_pairs
from res191.validation import validate

REPO = Path(__file__).resolve().parent.parent
FOLDER = Path(__file__).parent / "overlaps"
EVALUATION = FOLDER / "evaluation.yaml"
DUPLICATES = FOLDER / "duplicates.yaml"
# The blind halves, each grouped before the tool was run on it, by the name the tables give them.
BLINDS = {"blind": FOLDER / "blind.yaml", "blind 2": FOLDER / "blind2.yaml"}
OUTSIDE = FOLDER / "resolutions"  # real resolutions that are not in the bundled data
HASHED = ("tuning", "test")  # the halves of evaluation.yaml's groups, by a hash of their names
HALVES = (*HASHED, *BLINDS)
CONFIGURATIONS = ("recorded themes", "no themes")
Pair = frozenset[str]


@dataclass(frozen=True)
class Figures:
    """Precision and recall of proposed pairs against the known ones."""

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


def half(group: str) -> str:
    """The half a group is in: a blind file's for its groups, else by the first byte of the SHA-1 of its
    name, fixed before any tuning."""
    for name in BLINDS:
        if group in _blind(name)["groups"] or group in _blind(name)["duplicates"]:
            return name
    return HASHED[hashlib.sha1(group.encode("utf-8")).digest()[0] % 2]


@cache
def _blind(name: str) -> dict[str, Any]:
    found: dict[str, Any] = YAML(typ="safe").load(BLINDS[name].read_text(encoding="utf-8"))
    return found


def _in_blinds(key: str) -> dict[str, list[str]]:
    """One part of every blind file (its groups, its duplicates), together."""
    together: dict[str, list[str]] = {}
    for name in BLINDS:
        together |= _blind(name)[key]
    return together


@cache
def groups() -> dict[str, list[str]]:
    """The evaluation's groups of resolution ids, by subject (evaluation.yaml's and the blind files')."""
    found: dict[str, list[str]] = YAML(typ="safe").load(EVALUATION.read_text(encoding="utf-8"))
    return found | _in_blinds("groups")


def either() -> set[Pair]:
    """Pairs that count neither way: one resolution's subject is part of the other's."""
    return {frozenset(pair) for name in BLINDS for pair in _blind(name)["either"]}


def duplicate_sets() -> dict[str, list[str]]:
    """The sets of resolutions known to carry the same or nearly the same title."""
    found: dict[str, list[str]] = YAML(typ="safe").load(DUPLICATES.read_text(encoding="utf-8"))
    return found | _in_blinds("duplicates")


def group_of() -> dict[str, str]:
    return {rid: name for name, members in groups().items() for rid in members}


def _load(root: Path) -> LoadedRecords:
    loaded = validate(root, root, keep_records=True, positions=True).loaded
    assert loaded is not None
    return loaded


def repository(themes: bool) -> tempfile.TemporaryDirectory[str]:
    """A copy of the bundled data with the resolutions from outside it, with or without the themes."""
    folder = tempfile.TemporaryDirectory(prefix="res191-evaluation-")
    data = Path(folder.name) / "data"
    parts = ["resolutions", "glossary", "meetings", "bodies", "documents", *(["themes"] if themes else [])]
    for part in parts:
        shutil.copytree(REPO / "data" / part, data / part)
    for path in OUTSIDE.glob("*.yaml"):
        shutil.copy(path, data / "resolutions" / path.name)
    return folder


@dataclass(frozen=True)
class Run:
    """What one configuration gives: its findings, and the resolutions each theme rests on."""

    findings: list[Finding]
    themes: dict[str, set[str]]
    conference: dict[str, str]


def run(themes: bool, min_score: float = DEFAULT_MIN_SCORE) -> Run:
    """`res191 overlaps` on the evaluation's repository, every kind."""
    with repository(themes) as folder:
        loaded = _load(Path(folder))
        found = find_overlaps(loaded, min_score=min_score)
        recorded = {t.id: set(t.record.resolutions) for t in entries(loaded.of_kind("theme"), Theme)}
        conference = {
            r.id: r.record.conference.value for r in entries(loaded.of_kind("resolution"), Resolution)
        }
    return Run(found, recorded, conference)


def finding_pairs(result: Run) -> set[Pair]:
    """Pairs of resolutions of different conferences that one finding brings together, leaving out those
    already under one theme.

    A theme in a finding brings in its resolutions, those recorded and those the run proposes for it,
    only where the pair is a known one: the records may hold several subjects under one theme ("WSIS,
    the digital divide, statistics"), and proposing a resolution for the theme is not proposing it alike
    to each of them."""
    known = known_pairs(result)
    under = {theme: set(members) for theme, members in result.themes.items()}
    for f in result.findings:
        if f.kind == "mapping":
            theme = next(m.id for m in f.members if m.kind == "theme")
            under.setdefault(theme, set()).update(m.id for m in f.members if m.kind == "resolution")
    found: set[Pair] = set()
    for f in result.findings:
        if f.kind in STRUCTURAL:
            continue
        ids = sorted({m.id for m in f.members if m.kind == "resolution"})
        found |= {frozenset(p) for p in itertools.combinations(ids, 2)}
        for m in f.members:
            if m.kind == "theme":
                brought = {frozenset((a, b)) for a in ids for b in under.get(m.id, set()) if a != b}
                found |= brought & known
    return {p for p in found if _counts(p, result)}


def _counts(pair: Pair, result: Run) -> bool:
    a, b = sorted(pair)
    if result.conference.get(a) == result.conference.get(b) or pair in either():
        return False
    return not any(pair <= members for members in result.themes.values())


def known_pairs(result: Run) -> set[Pair]:
    """Every pair of resolutions of different conferences in one group, not already under one theme."""
    return {
        frozenset(pair)
        for members in groups().values()
        for pair in itertools.combinations(members, 2)
        if _counts(frozenset(pair), result)
    }


def figures(proposed: Iterable[Pair], known: Iterable[Pair], which: str) -> Figures:
    """Proposed pairs among the evaluation's resolutions touching a half, against the known ones."""
    where = group_of()
    mine = {p for p in proposed if p <= where.keys() and any(half(where[r]) == which for r in p)}
    truth = {p for p in known if half(where[next(iter(p))]) == which}
    return Figures(len(mine), len(mine & truth), len(truth))


def similarity_pairs(min_score: float = DEFAULT_MIN_SCORE) -> set[Pair]:
    """Pairs of resolutions of different conferences scoring min_score or more, read with the glossary."""
    with repository(themes=False) as folder:
        loaded = _load(Path(folder))
    resolutions = entries(loaded.of_kind("resolution"), Resolution)
    glossary = [e for g in entries(loaded.of_kind("glossary"), Glossary) for e in g.record.entries]
    as_of = AsOf(default_day(None), loaded.sessions())
    _, pairs = similar_pairs(resolutions, min_score, as_of, Reader(glossary))
    return {
        frozenset((resolutions[a].id, resolutions[b].id))
        for a, b in pairs
        if resolutions[a].record.conference is not resolutions[b].record.conference
    }


def duplicate_figures(result: Run) -> dict[str, Figures]:
    """Pairs in one `duplicate` finding against the pairs of each known set, by half: a resolution is in
    the half of its set, or else of its group."""
    found = {
        frozenset(p)
        for f in result.findings
        if f.kind == "duplicate"
        for p in itertools.combinations(sorted(m.id for m in f.members if m.kind == "resolution"), 2)
    }
    known = {frozenset(p) for s in duplicate_sets().values() for p in itertools.combinations(s, 2)}
    where = {rid: half(name) for name, members in groups().items() for rid in members}
    where |= {rid: half(name) for name, members in duplicate_sets().items() for rid in members}
    figures = {}
    for which in HALVES:
        mine = {p for p in found if p <= where.keys() and any(where[r] == which for r in p)}
        truth = {p for p in known if any(where[r] == which for r in p)}
        figures[which] = Figures(len(mine), len(mine & truth), len(truth))
    return figures


def measure(min_score: float = DEFAULT_MIN_SCORE) -> dict[str, dict[str, Figures]]:
    """Figures by measure (each configuration, and the likeness alone) and by half."""
    measured: dict[str, dict[str, Figures]] = {}
    for configuration in CONFIGURATIONS:
        result = run(configuration == "recorded themes", min_score)
        proposed, known = finding_pairs(result), known_pairs(result)
        measured[configuration] = {h: figures(proposed, known, h) for h in HALVES}
        if configuration == "no themes":
            likeness = similarity_pairs(min_score) - either()
            measured["pairs"] = {h: figures(likeness, known, h) for h in HALVES}
        else:
            measured["duplicates"] = duplicate_figures(result)
    return {name: measured[name] for name in (*CONFIGURATIONS, "pairs", "duplicates")}


def table(measured: dict[str, dict[str, Figures]]) -> str:
    """The Markdown table of the README: each measure on each half."""
    lines = [
        "| measure | half | proposed | right | known | precision | recall |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, by_half in measured.items():
        for which in ("test", "tuning", *BLINDS):
            if which not in by_half:
                continue
            f = by_half[which]
            cells = [name, which, str(f.proposed), str(f.right), str(f.known)]
            cells += [f"{f.precision:.2f}", f"{f.recall:.2f}"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(table(measure()))
