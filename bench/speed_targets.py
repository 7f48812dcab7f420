"""The speed targets of issue 12, each beside its baseline, in one run.

    python bench/speed_targets.py [--size 10000] [--repeat 3]

1. the result cache: `validate` on an unchanged repository, with the cache filled, against `--no-cache`;
2. start-up: `validate` on the bundled data (cache filled) against `python -c 'import typer, pydantic'`;
3. the error cliff: `validate --no-cache` with 10 % of the themes' references broken (each a near miss,
   so that every one asks for a "did you mean") against the same repository intact;
4. one core: `validate --no-cache` pinned to one core (`taskset -c 0`) against a bare PyYAML C parse of
   the same files, pinned too;
5. overlaps: the peak memory (largest resident set of any of its processes) and the time of
   `res191 overlaps`.

Every figure is the best of --repeat runs, the two commands of a pair run in turn; the machine is shared
and noisy: read the ratios.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from validate_speed import BENCH, REPO, compile_res191

RES191 = [sys.executable, "-m", "res191"]
Run = tuple[list[str], Path]  # a command and the folder it runs in


def break_references(root: Path, share: float = 0.1) -> int:
    """Make every tenth reference of the themes to a resolution a near miss (`pp-12` -> `pp-12x`)."""
    broken = seen = 0
    for path in sorted((root / "data" / "themes").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"^resolutions: \[(.*)\]$", text, re.MULTILINE)
        if match is None:
            continue
        refs = match.group(1).split(", ")
        for n, ref in enumerate(refs):
            seen += 1
            if seen % round(1 / share) == 0:
                refs[n] = ref + "x"
                broken += 1
        path.write_text(text.replace(match.group(0), f"resolutions: [{', '.join(refs)}]"), encoding="utf-8")
    return broken


def peak_memory(command: list[str], cwd: Path) -> tuple[float, float]:
    """The largest resident set of the command or any process it waited for (MiB), and its time (s)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "elapsed = time.perf_counter() - start\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, elapsed)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *command], cwd=cwd, capture_output=True, text=True, check=True
    )
    kib, seconds = done.stdout.split()
    return int(kib) / 1024, float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    compile_res191()
    repeat, size = arguments.repeat, arguments.size
    validate = [*RES191, "validate", "--format", "json"]
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="res191-targets-") as folder:
        os.environ["RES191_CACHE_DIR"] = str(Path(folder) / "cache")
        root = Path(folder) / "clean"
        generate(root, size)

        # 1. The cache.
        subprocess.run(validate, cwd=root, check=True, stdout=subprocess.DEVNULL)  # fills it
        cached, uncached = paired((validate, root), ([*validate, "--no-cache"], root), repeat)
        rows.append(
            (
                f"unchanged {size:,} records, cache filled",
                f"{cached:.2f} s",
                f"{uncached:.2f} s (--no-cache)",
                f"{uncached / cached:.1f}x faster (target >= 3x)",
            )
        )

        # 2. Start-up on the bundled data.
        subprocess.run([*RES191, "validate"], cwd=REPO, stdout=subprocess.DEVNULL)  # fills the cache
        bundled, imports = paired(
            ([*RES191, "validate", "--format", "json"], REPO),
            ([sys.executable, "-c", "import typer, pydantic"], REPO),
            repeat * 3,
        )
        rows.append(
            (
                "bundled data, cache filled",
                f"{bundled:.3f} s",
                f"{imports:.3f} s (import typer, pydantic)",
                f"{bundled / imports:.2f}x (target <= 1.5x)",
            )
        )

        # 3. The error cliff.
        broken_root = Path(folder) / "broken"
        shutil.copytree(root, broken_root)
        broken = break_references(broken_root)
        check = [*validate, "--no-cache"]
        cliff, clean = paired((check, broken_root), (check, root), repeat)
        rows.append(
            (
                f"{broken:,} broken references (10 %)",
                f"{cliff:.2f} s",
                f"{clean:.2f} s (intact)",
                f"{cliff / clean:.2f}x (target <= 1.5x)",
            )
        )

        # 4. One core.
        if shutil.which("taskset"):
            one = ["taskset", "-c", "0"]
            bare_parse = [*one, sys.executable, str(BENCH / "bare_parse.py"), "data"]
            # The noisiest pair (one core, whose speed drifts from minute to minute): twice the rounds,
            # and the median of the rounds' ratios beside the ratio of the best times.
            rounds: list[float] = []
            ours, bare = paired(([*one, *check], root), (bare_parse, root), 2 * repeat, rounds)
            rows.append(
                (
                    f"{size:,} records on one core",
                    f"{ours:.2f} s",
                    f"{bare:.2f} s (bare C parse)",
                    f"{ours / bare:.2f}x; median of {len(rounds)} rounds {statistics.median(rounds):.2f}x "
                    "(target <= 1.0x)",
                )
            )

        # 5. Overlaps.
        memory, seconds = peak_memory([*RES191, "overlaps", "--format", "json"], root)
        rows.append(
            (
                f"overlaps, {size:,} records",
                f"{memory:.0f} MiB",
                f"{seconds:.1f} s",
                f"{memory:.0f} MiB peak (target <= 150 MiB)",
            )
        )

    print("| measure | res191 | baseline | ratio |")
    print("|---|---:|---:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def paired(first: Run, second: Run, repeat: int, ratios: list[float] | None = None) -> tuple[float, float]:
    """The best time of each of two commands, run in turn (first, second, first, second...): on a shared
    machine whose speed drifts over minutes, both then meet the same conditions. ratios, if given,
    gets first / second of each round."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        times = []
        for n, (command, cwd) in enumerate((first, second)):
            start = time.perf_counter()
            subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL)  # exit 1 is fine: problems found
            times.append(time.perf_counter() - start)
            best[n] = min(best[n], times[-1])
        if ratios is not None:
            ratios.append(times[0] / times[1])
    return best[0], best[1]


if __name__ == "__main__":
    main()
