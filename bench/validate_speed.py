"""Time `res191 validate` as a whole command beside a bare C parse of the same files, in one run.

    python bench/validate_speed.py [--sizes 100 1000 10000] [--repeat 5]

Each figure is the best of --repeat runs of a whole command (interpreter start included), so the
ratio between the two columns is what to compare across machines: this one is shared and noisy.
"""

from __future__ import annotations

import argparse
import compileall
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

REPO = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent


def compile_res191() -> None:
    """Compile res191's modules before timing it, as installing a package does. A machine that sets
    PYTHONDONTWRITEBYTECODE (this one does) never keeps them compiled, and every run of a command
    would otherwise compile again each module changed since the last compiled copy."""
    import res191

    compileall.compile_dir(Path(res191.__file__).parent, quiet=1)


def best_time(command: list[str], cwd: Path, repeat: int) -> float:
    """The fastest of `repeat` runs of a command, in seconds; the command must succeed."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def validate_command() -> list[str]:
    """validate reading every file: the result cache off, so that each run does the whole work (the
    cache is measured on its own, in speed_targets.py)."""
    return [sys.executable, "-m", "res191", "validate", "--format", "json", "--no-cache"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    compile_res191()

    print("| records | res191 validate | bare C parse | validate / parse |")
    print("|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="res191-bench-") as folder:
        for size in arguments.sizes:
            root = Path(folder) / str(size)
            generate(root, size)
            ours = best_time(validate_command(), root, arguments.repeat)
            bare = best_time([sys.executable, str(BENCH / "bare_parse.py"), "data"], root, arguments.repeat)
            print(f"| {size:,} | {ours:.3f} s | {bare:.3f} s | {ours / bare:.2f} |")

    startup = best_time([sys.executable, "-c", "pass"], REPO, arguments.repeat)
    real = best_time(validate_command(), REPO, arguments.repeat)
    real_bare = best_time([sys.executable, str(BENCH / "bare_parse.py"), "data"], REPO, arguments.repeat)
    print()
    print(f"bundled data set: res191 validate {real:.3f} s, bare C parse {real_bare:.3f} s, ", end="")
    print(f"python -c pass {startup:.3f} s")


if __name__ == "__main__":
    main()
