"""Time `res191 report --year 2024` as a whole command in each format, beside `res191 validate`.

python bench/report_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from validate_speed import REPO, best_time, compile_res191


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    compile_res191()
    res191 = [sys.executable, "-m", "res191"]
    print("| command | seconds |")
    print("|---|---:|")
    print(f"| python -c pass | {best_time([sys.executable, '-c', 'pass'], REPO, repeat):.3f} |")
    print(f"| res191 validate | {best_time([*res191, 'validate'], REPO, repeat):.3f} |")
    for output_format in ("md", "docx", "html"):
        command = [*res191, "report", "--year", "2024", "--format", output_format, "--output", "-"]
        print(f"| res191 report --format {output_format} | {best_time(command, REPO, repeat):.3f} |")


if __name__ == "__main__":
    main()
