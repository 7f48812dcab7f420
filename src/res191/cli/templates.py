"""`res191 templates`: copy the built-in report templates out, to change them."""

from __future__ import annotations

from pathlib import Path

import typer

from res191.cli.common import check_output, fail


def templates_command(
    folder: Path = typer.Argument(..., help="Where to copy the templates.", file_okay=False),
    force: bool = typer.Option(False, "--force", help="Replace templates already there."),
) -> None:
    """Copy the report templates into FOLDER; use them with `res191 report --template-dir FOLDER`."""
    from res191.loading.files import find_root
    from res191.rendering.templates import copy_builtin

    here = find_root(Path.cwd())  # the repository here, if any: its records are never replaced
    check_output(
        folder, here, str(here / "my-templates") if here else "a folder of its own, such as my-templates/"
    )
    try:
        copied = copy_builtin(folder, overwrite=force)
    except (FileExistsError, OSError) as error:
        raise fail(str(error)) from None
    for path in copied:
        typer.echo(f"wrote {path}")
