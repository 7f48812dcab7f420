"""Options and helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path

import typer

ROOT_OPTION = typer.Option(
    None,
    "--root",
    help="The data repository (the folder holding data/). Default: found from the current folder.",
    file_okay=False,
)

# Exit codes, the same for every command: 0 fine, 1 problems in the data, 2 usage or I/O error,
# 3 a fault in res191 itself.
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print an error for the user on stderr and return the exit to raise."""
    typer.secho(f"res191: {message}", err=True, fg=typer.colors.RED)
    return typer.Exit(code)


def repository_root(root: Path | None, near: list[Path] | None = None) -> Path:
    """The repository to work on: --root, else the one around the current folder or the paths."""
    from res191.loading.files import find_root

    if root is not None:
        if not (root / "data").is_dir():
            raise fail(f"{root} has no data/ folder; --root takes the folder that holds data/")
        return root.resolve()
    for start in [Path.cwd(), *(p.resolve().parent for p in near or [])]:
        found = find_root(start)
        if found is not None:
            return found
    raise fail(
        "no res191 data repository here: no folder from this one up holds data/resolutions, "
        "data/themes, data/meetings or data/bodies. Run inside one, or pass --root PATH."
    )
