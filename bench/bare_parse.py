"""The baseline: parse every record file under a folder with PyYAML's C loader, and nothing else.

No positions, no schema, no checks: the least any validator of these files must do.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml


def parse_all(root: Path) -> int:
    """Parse every .yaml file and every .md file's front matter; return how many were parsed."""
    count = 0
    for path in sorted(root.rglob("*")):
        if path.suffix not in (".yaml", ".md"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            text = text.split("\n---\n", 1)[0].removeprefix("---\n")
        yaml.load(text, Loader=yaml.CSafeLoader)
        count += 1
    return count


if __name__ == "__main__":
    print(parse_all(Path(sys.argv[1])))
