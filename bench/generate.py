"""Write a synthetic, valid res191 data repository of N records, in the real schema.

The words are drawn from ITU-like vocabulary so that titles look like real ones; nothing here is
a real fact, and none of it belongs under data/. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

CONFERENCES = {"PP": None, "WTSA": "ITU-T", "WTDC": "ITU-D", "RA": "ITU-R", "WRC": "ITU-R"}
PLACES = ["Busan", "Dubai", "Bucharest", "Geneva", "Kigali", "Hammamet", "New Delhi", "Buenos Aires"]
SECTORS = ["ITU-R", "ITU-T", "ITU-D", "GS"]
WORDS = [
    "telecommunication",
    "information",
    "communication",
    "technology",
    "accessibility",
    "climate",
    "change",
    "environment",
    "cybersecurity",
    "child",
    "online",
    "protection",
    "gender",
    "equality",
    "youth",
    "conformance",
    "interoperability",
    "counterfeit",
    "device",
    "theft",
    "digital",
    "divide",
    "statistics",
    "spectrum",
    "management",
    "rural",
    "connectivity",
    "broadband",
    "emergency",
    "satellite",
    "standardization",
    "development",
    "developing",
    "countries",
    "strengthening",
    "coordination",
    "cooperation",
    "role",
]


BOILERPLATE = [
    "the role of telecommunication/information and communication technology in",
    "strengthening the role of ITU in",
    "assistance to developing countries for",
    "telecommunication/information and communication technologies for",
]


def _syllables(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfglmnprstv") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))


class Vocabulary:
    """Subject words drawn as in real text: a few common, most rare (Zipf's law).

    Its size grows with the number of records, as a real vocabulary does (Heaps' law): with a fixed
    vocabulary a large synthetic repository would be far more alike than any real one.
    """

    def __init__(self, rng: random.Random, size: int) -> None:
        self.words = sorted({_syllables(rng) for _ in range(size)})
        rng.shuffle(self.words)
        weights = [1 / rank for rank in range(1, len(self.words) + 1)]
        self.cumulative = list(itertools.accumulate(weights))

    def draw(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)


def _title(rng: random.Random, vocabulary: Vocabulary | None = None) -> str:
    if vocabulary is None:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 14))).capitalize()
    subject = " and ".join(vocabulary.draw(rng, rng.randint(2, 4)))
    return f"{rng.choice(BOILERPLATE)} {subject}".capitalize()


def _resolution(rng: random.Random, rid: str, conference: str, number: int, vocabulary: Vocabulary) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schemas/resolution.schema.json",
        f"id: {rid}",
        f"conference: {conference}",
        "kind: resolution",
        f'number: "{"ITU-R " if conference == "RA" else ""}{number}"',
        f"sectors: [{', '.join(rng.sample(SECTORS, rng.randint(1, 3)))}]",
        # PP texts call for coordination, so every theme that rests on one meets ITU's rule.
        f"calls_for_coordination: {'true' if conference == 'PP' else 'false'}",
        "editions:",
    ]
    year = rng.randint(1994, 2010)
    for index in range(rng.randint(1, 3)):
        lines += [
            f"  - place: {rng.choice(PLACES)}",
            f"    year: {year}",
            f"    revised: {'true' if index else 'false'}",
            f"    title: {_title(rng, vocabulary)}",
            "    sources: [C24/35]",
            f"    link: https://example.org/{rid}/{year}",
        ]
        year += rng.randint(2, 6)
    lines.append("sources: [C24/35]")
    return "\n".join(lines) + "\n"


def _theme(
    rng: random.Random, tid: str, resolutions: list[str], bodies: list[str], vocabulary: Vocabulary
) -> str:
    plenipotentiary = [r for r in resolutions if r.startswith("pp-")] or resolutions
    chosen = [rng.choice(plenipotentiary), *rng.sample(resolutions, min(len(resolutions), rng.randint(1, 5)))]
    lines = [
        "# yaml-language-server: $schema=../../schemas/theme.schema.json",
        f"id: {tid}",
        f"title: {_title(rng, vocabulary)}",
        f"description: {_title(rng, vocabulary)}.",
        "status: active",
        f'since: "{rng.randint(2015, 2024)}-0{rng.randint(1, 9)}"',
        f"proposed_by: {rng.choice(bodies)}",
        "focal_points:",
    ]
    for sector in SECTORS:
        lines += [f"  - sector: {sector}", "    role: Focal point", "    unit: Unit"]
    lines.append(f"resolutions: [{', '.join(dict.fromkeys(chosen))}]")
    lines.append(f"iscg_topic_years: [{rng.randint(2020, 2024)}]")
    lines.append("tracker:")
    for _ in range(rng.randint(1, 4)):
        lines += [
            f"  - year: {rng.randint(2022, 2025)}",
            f"    sector: {rng.choice(SECTORS)}",
            f"    title: {_title(rng, vocabulary)}",
            "    status: ongoing",
            f"    description: {_title(rng, vocabulary)}.",
        ]
    return "\n".join(lines) + "\n"


def _meeting(rng: random.Random, mid: str, day: str, themes: list[str], bodies: list[str]) -> str:
    front = [
        "---",
        f"id: {mid}",
        f"body: {rng.choice(bodies)}",
        f"start: {day}",
        "venue: Geneva",
        f"in_conjunction_with: {rng.choice(bodies)}",
        "remote_participation: true",
        "captioning: true",
        "platform: Zoom",
        f"topics: [{', '.join(rng.sample(themes, min(len(themes), 3)))}]",
        "documents: [doc-1, doc-2]",
        "calls_for_action:",
        f"  - to: [{rng.choice(bodies)}]",
        f"    action: {_title(rng)}.",
        "    status: open",
        "---",
        "",
        f"# Outcome of {mid}",
        "",
        f"{_title(rng)}. {_title(rng)}.",
    ]
    return "\n".join(front) + "\n"


def generate(root: Path, count: int, seed: int = 191) -> None:
    """Write about `count` records under root/data: 60% resolutions, 25% themes, 15% meetings."""
    rng = random.Random(seed)
    folders = {
        name: root / "data" / name for name in ("resolutions", "themes", "meetings", "bodies", "documents")
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    bodies = [f"group-{n}" for n in range(max(2, count // 100))]
    for body in bodies:
        (folders["bodies"] / f"{body}.yaml").write_text(
            "# yaml-language-server: $schema=../../schemas/body.schema.json\n"
            f"id: {body}\nacronym: G{body[6:]}\nname: Group {body[6:]}\n"
            f"sector: ITU-T\nreports_to: [{bodies[0]}]\n"
        )
    for number in (1, 2):
        (folders["documents"] / f"doc-{number}.yaml").write_text(
            "# yaml-language-server: $schema=../../schemas/document.schema.json\n"
            f"id: doc-{number}\nnumber: ISCG/{number}\nkind: other\n"
        )
    remaining = count - len(bodies)
    resolutions = []
    vocabulary = Vocabulary(rng, size=max(2000, count))
    for n in range(int(remaining * 0.6)):
        conference = rng.choice(list(CONFERENCES))
        rid = f"{conference.lower()}-{n}"
        resolutions.append(rid)
        (folders["resolutions"] / f"{rid}.yaml").write_text(_resolution(rng, rid, conference, n, vocabulary))
    themes = [f"theme-{n}" for n in range(int(remaining * 0.25))]
    for tid in themes:
        (folders["themes"] / f"{tid}.yaml").write_text(_theme(rng, tid, resolutions, bodies, vocabulary))
    for n in range(remaining - len(resolutions) - len(themes)):
        day = f"{2015 + n % 10}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        mid = f"meeting-{n}"
        (folders["meetings"] / f"{mid}.md").write_text(_meeting(rng, mid, day, themes, bodies))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("count", type=int)
    arguments = parser.parse_args()
    generate(arguments.root, arguments.count)


if __name__ == "__main__":
    main()
