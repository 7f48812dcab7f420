"""Time `res191 report --year 2024` as a whole command in each format, beside `res191 validate`.

python bench/report_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def best_time(command: list[str], repeat: int) -> float:
    """The fastest of `repeat` runs of a command, in seconds; the command must succeed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    res191 = [sys.executable, "-m", "res191"]
    print("| command | seconds |")
    print("|---|---:|")
    print(f"| python -c pass | {best_time([sys.executable, '-c', 'pass'], repeat):.3f} |")
    print(f"| res191 validate | {best_time([*res191, 'validate'], repeat):.3f} |")
    for output_format in ("md", "docx", "html"):
        command = [*res191, "report", "--year", "2024", "--format", output_format, "--output", "-"]
        print(f"| res191 report --format {output_format} | {best_time(command, repeat):.3f} |")


if __name__ == "__main__":
    main()
