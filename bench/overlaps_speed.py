"""Time `res191 overlaps` as a whole command on synthetic repositories, beside `res191 validate`.

    python bench/overlaps_speed.py [--sizes 1000 10000 30000] [--repeat 3]

The repositories come from generate.py: 60% of the records are resolutions whose titles are ITU
boilerplate plus subject words drawn by Zipf's law from a vocabulary that grows with the repository.
Each is timed without a glossary, then with the bundled one (data/glossary/) copied in: the cost of
reading every text through it. The last columns say how `res191 overlaps` grows, in the same run: its time
over the first size's, beside the records' ratio, and the exponent k of time ~ records^k between the
first size and this one (1 is linear, 2 is quadratic).
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from validate_speed import best_time, compile_res191

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    compile_res191()
    res191 = [sys.executable, "-m", "res191"]
    print(
        "| records | resolutions | res191 validate | res191 overlaps | overlaps / validate "
        "| with the glossary | glossary / without | findings | records / first | overlaps / first | k |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    first: tuple[int, float] | None = None
    with tempfile.TemporaryDirectory(prefix="res191-overlaps-") as folder:
        for size in arguments.sizes:
            root = Path(folder) / str(size)
            generate(root, size)
            resolutions = len(list((root / "data" / "resolutions").iterdir()))
            validate = best_time([*res191, "validate", "--format", "json"], root, arguments.repeat)
            overlaps = best_time([*res191, "overlaps", "--format", "json"], root, arguments.repeat)
            shutil.copytree(REPO / "data" / "glossary", root / "data" / "glossary")
            glossary = best_time([*res191, "overlaps", "--format", "json"], root, arguments.repeat)
            output = subprocess.run(
                [*res191, "overlaps", "--format", "json"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            found = len(json.loads(output))
            first = first or (size, glossary)
            grown, slower = size / first[0], glossary / first[1]
            exponent = f"{math.log(slower) / math.log(grown):.2f}" if grown > 1 else "-"
            print(
                f"| {size:,} | {resolutions:,} | {validate:.2f} s | {overlaps:.2f} s | "
                f"{overlaps / validate:.1f} | {glossary:.2f} s | {glossary / overlaps:.2f} | {found:,} | "
                f"{grown:.0f} | {slower:.1f} | {exponent} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
