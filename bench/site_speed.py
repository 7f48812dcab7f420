"""Time `res191 site` as a whole command beside `res191 validate` on the same records, in one run.

    python bench/site_speed.py [--sizes 1000 10000] [--repeat 3]

Each figure is the best of --repeat runs; the site is built into a fresh folder each time (a rebuild
also removes the old site). Compare the ratio: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from validate_speed import best_time, validate_command


def site_time(root: Path, repeat: int) -> float:
    """The fastest of `repeat` fresh builds of the site, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        out = root.parent / f"{root.name}-site"
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "res191", "site", "--output", str(out), "--on", "2025-01-01"],
            cwd=root,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    print("| records | res191 site | res191 validate | site / validate | pages |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="res191-bench-") as folder:
        for size in arguments.sizes:
            root = Path(folder) / str(size)
            generate(root, size)
            site = site_time(root, arguments.repeat)
            check = best_time(validate_command(), root, arguments.repeat)
            pages = sum(1 for _ in (root.parent / f"{root.name}-site").rglob("*.html"))
            print(f"| {size:,} | {site:.2f} s | {check:.2f} s | {site / check:.1f} | {pages:,} |")


if __name__ == "__main__":
    main()
