"""`res191 schema`: write the JSON Schema of every record kind, or check the written ones are current."""

from __future__ import annotations

from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, check_output, fail, repository_root
from res191.models.kinds import KINDS


def schema_command(
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Folder to write to. Default: schemas/ in the repository.",
        file_okay=False,
    ),
    check: bool = typer.Option(
        False, "--check", help="Write nothing; exit 1 if a written schema is out of date."
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Write <kind>.schema.json for every kind of record ({kinds}), for editors' completion and checks as
    they type."""
    from res191.atomic import write_text
    from res191.json_schemas import SCHEMA_FOLDER, render, schema_file_name
    from res191.loading.files import find_root
    from res191.models import KINDS

    if output is None:
        here = repository_root(root)
        base: Path | None = here
        folder = here / SCHEMA_FOLDER
    else:  # checked against the records of the repository here, if any
        base, folder = repository_root(root) if root is not None else find_root(Path.cwd()), output
    if not check:  # --check only reads
        check_output(
            folder, base, str(base / SCHEMA_FOLDER) if base else "a folder of its own, such as schemas/"
        )
    stale: list[Path] = []
    for kind in KINDS:
        path = folder / schema_file_name(kind)
        text = render(kind)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                write_text(path, text)
            except OSError as error:
                raise fail(f"cannot write {path}: {error.strerror or error}") from None
            typer.echo(f"wrote {path}")
    if check and stale:
        for path in stale:
            typer.echo(f"out of date: {path}", err=True)
        typer.echo("run `res191 schema` to update them", err=True)
        raise typer.Exit(EXIT_PROBLEMS)
    if not stale:
        typer.echo(f"schemas in {folder} are up to date")


# The kinds named from the registry, so that the help cannot fall behind it.
schema_command.__doc__ = (schema_command.__doc__ or "").format(kinds=", ".join(KINDS))
