"""Time `res191 site` as a whole command beside `res191 validate` on the same records, in one run.

    python bench/site_speed.py [--sizes 1000 10000] [--repeat 3] [--folder DIR]
    python bench/site_speed.py --languages [--sizes 1000] [--repeat 1]

Each figure is the best of --repeat runs, the commands run in turn (site, validate, site...) so that
both meet the machine in the same mood; the site is built into a fresh folder each time (a rebuild
also removes the old site). validate runs without its cache, which would measure the cache.

The site is the English one (`--lang en`), as issue 23's target (at most 3x validate) was set for: the
six languages have their own comparison, below.

A site is files, and how long a file system takes to create one varies from machine to machine (on
the shared machine these figures come from, from 0.05 to 0.6 ms a file within an hour). So the run
also times a bare Python loop that creates the same pages, with the same bytes, in the same kind of
folders on the same file system: the last column is what res191 adds on top of creating the files.
--folder puts the repositories and sites elsewhere (a tmpfs such as /dev/shm, to see res191 alone).

--languages times instead the site in ITU's six languages (English at the top, five language folders beside
it) against the English site alone (`--lang en`), in turn on the same records: the target is at most six
times the one-language time.
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
from validate_speed import compile_res191, validate_command


def build(root: Path, out: Path, languages: str = "all") -> float:
    """One fresh build of the site (in the languages given: `en`, `all`), in seconds."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "res191", "site", "-o", str(out), "--on", "2025-01-01", "--lang", languages],
        cwd=root,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def check(root: Path) -> float:
    """One run of validate without its cache, in seconds."""
    start = time.perf_counter()
    subprocess.run(validate_command(), cwd=root, stdout=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def create(site: Path, out: Path) -> float:
    """Seconds a bare loop takes to create the pages of a built site again, byte for byte, in out."""
    pages = [(p.relative_to(site), p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()]
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    for folder in sorted({out / path.parent for path, _ in pages}):
        folder.mkdir(parents=True, exist_ok=True)
    for path, data in pages:
        (out / path).write_bytes(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--folder", type=Path, default=None, help="where to put repositories and sites")
    parser.add_argument("--languages", action="store_true", help="six languages against English alone")
    arguments = parser.parse_args()
    compile_res191()
    if arguments.languages:
        languages(arguments.sizes, arguments.repeat, arguments.folder)
        return
    print(
        "| records | pages | res191 site | res191 validate | site / validate "
        "| creating the pages alone | site less creating / validate |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="res191-bench-", dir=arguments.folder) as folder:
        for size in arguments.sizes:
            root = Path(folder) / str(size)
            generate(root, size)
            out, copy = Path(folder) / f"{size}-site", Path(folder) / f"{size}-copy"
            site = validate = bare = float("inf")
            for _ in range(arguments.repeat):
                site = min(site, build(root, out, "en"))
                validate = min(validate, check(root))
                bare = min(bare, create(out, copy))
            pages = sum(1 for _ in out.rglob("*.html"))
            print(
                f"| {size:,} | {pages:,} | {site:.2f} s | {validate:.2f} s | {site / validate:.1f} "
                f"| {bare:.2f} s | {(site - bare) / validate:.1f} |"
            )
            shutil.rmtree(copy, ignore_errors=True)


def languages(sizes: list[int], repeat: int, folder: Path | None) -> None:
    """The six-language site against the English one, built in turn on the same records."""
    print("| records | pages in English | pages in all | English alone | six languages | six / one |")
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory(prefix="res191-bench-", dir=folder) as work:
        for size in sizes:
            root = Path(work) / str(size)
            generate(root, size)
            one_out, six_out = Path(work) / f"{size}-en", Path(work) / f"{size}-all"
            one = six = float("inf")
            for _ in range(repeat):
                one = min(one, build(root, one_out, "en"))
                six = min(six, build(root, six_out, "all"))
            pages = [sum(1 for _ in out.rglob("*.html")) for out in (one_out, six_out)]
            print(f"| {size:,} | {pages[0]:,} | {pages[1]:,} | {one:.2f} s | {six:.2f} s | {six / one:.1f} |")


if __name__ == "__main__":
    main()
