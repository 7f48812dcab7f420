"""Time `res191 overlaps` as a whole command on synthetic repositories, beside `res191 validate`.

    python bench/overlaps_speed.py [--sizes 100 1000 10000] [--repeat 3]

The repositories come from generate.py: 60% of the records are resolutions whose titles are ITU
boilerplate plus subject words drawn by Zipf's law from a vocabulary that grows with the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from validate_speed import best_time


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    res191 = [sys.executable, "-m", "res191"]
    print("| records | resolutions | res191 overlaps | res191 validate | overlaps / validate | findings |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="res191-overlaps-") as folder:
        for size in arguments.sizes:
            root = Path(folder) / str(size)
            generate(root, size)
            resolutions = len(list((root / "data" / "resolutions").iterdir()))
            overlaps = best_time([*res191, "overlaps", "--format", "json"], root, arguments.repeat)
            validate = best_time([*res191, "validate", "--format", "json"], root, arguments.repeat)
            output = subprocess.run(
                [*res191, "overlaps", "--format", "json"],
                cwd=root,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            found = len(json.loads(output))
            print(
                f"| {size:,} | {resolutions:,} | {overlaps:.2f} s | {validate:.2f} s | "
                f"{overlaps / validate:.1f} | {found:,} |"
            )


if __name__ == "__main__":
    main()
