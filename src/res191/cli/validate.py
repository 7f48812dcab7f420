"""`res191 validate`: check every record and the references between them; never writes a file."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from res191.cli.common import EXIT_PROBLEMS, ROOT_OPTION, fail, repository_root


def validate_command(
    paths: list[Path] = typer.Argument(
        None, help="Files or folders to check (default: all of data/). References are checked against all."
    ),
    root: Path | None = ROOT_OPTION,
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text, json, github or sarif. Default: github under GitHub Actions, text elsewhere.",
    ),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    ignore: list[str] = typer.Option(
        [], "--ignore", "-i", help="A code (S201) or name (unknown-key) to leave out; repeat for more."
    ),
) -> None:
    """Check the data repository: YAML, schemas, ids, references and ITU's rules for themes.

    Exit code 0: no problems (warnings allowed unless --strict); 1: problems; 2: usage or I/O error.
    """
    from res191.diagnostics import CATALOGUE, resolve_code
    from res191.reporters import FORMATS, default_format, reporter
    from res191.validation import validate

    name = output_format or default_format()
    if name not in FORMATS:
        raise fail(f"unknown --format {name!r}; use one of: {', '.join(FORMATS)}")
    ignored: set[str] = set()
    for code in ignore:
        entry = resolve_code(code)
        if entry is None:
            raise fail(f"--ignore {code!r} is not a diagnostic code; codes are: {', '.join(CATALOGUE)}")
        ignored.add(entry.code)

    given = list(paths or [])
    base = repository_root(root, given)
    data = base / "data"
    checked: list[Path] | None = None
    if given:
        checked = []
        for path in given:
            full = path.resolve() if not path.is_symlink() else path.absolute()
            if not full.exists() and not full.is_symlink():
                raise fail(f"{path}: no such file or folder")
            if not full.is_relative_to(data) and full != base:
                raise fail(f"{path} is not inside {data}; res191 checks the records under data/")
            checked.append(data if full == base else full)

    result = validate(base, Path.cwd(), checked, ignored)
    reporter(name)(result, sys.stdout)
    if result.failed(strict):
        raise typer.Exit(EXIT_PROBLEMS)
