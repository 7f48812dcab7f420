"""The paths a command is given, each checked to lie inside the repository's data/ folder."""

from __future__ import annotations

import os
from pathlib import Path

from res191.cli.common import fail


def record_paths(base: Path, given: list[Path]) -> list[Path]:
    """The paths to report on, each as a path under data/; a usage error for one that is not."""
    data = base / "data"
    real = data.resolve()
    checked = []
    for path in given:
        full = Path(os.path.abspath(path))  # a link given by name stays a link: it is what is checked
        if not full.exists() and not full.is_symlink():
            raise fail(f"{path}: no such file or folder")
        # Reached through a linked folder that points elsewhere: not a record of this repository.
        through = Path(os.path.realpath(full.parent)) / full.name
        if full.is_relative_to(data) and not through.is_relative_to(base.resolve()):
            raise fail(
                f"{path} lies outside the repository, through a linked folder (it is {through}); nothing "
                "was checked: res191 works on the records inside the repository"
            )
        if full == base:
            checked.append(data)
        elif full.is_relative_to(data):
            checked.append(full)
        elif full.resolve().is_relative_to(real):
            checked.append(data / full.resolve().relative_to(real))
        else:
            raise fail(f"{path} is not inside {data}; res191 checks the records under data/")
    return checked
