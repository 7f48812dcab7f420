"""`res191 init`: a new data repository, with an example of each kind of record taken from ITU's own,
the JSON Schemas for editors, pre-commit hooks and a GitHub Actions workflow."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from res191.atomic import write_text
from res191.models import KINDS
from res191.schemas import SCHEMA_FOLDER, render, schema_file_name


def starter_folder() -> Path:
    """The files a new repository starts with (installed with res191)."""
    return Path(str(resources.files("res191") / "starter"))


class NotEmpty(Exception):
    """The folder already holds files that init would write."""


def create_repository(target: Path) -> list[Path]:
    """Write a new data repository into target; NotEmpty if it already holds any file init writes."""
    source = starter_folder()
    plan: list[tuple[Path, Path]] = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            relative = Path(
                *(
                    p.replace("dot-", ".", 1) if p.startswith("dot-") else p
                    for p in path.relative_to(source).parts
                )
            )
            plan.append((path, target / relative))
    schemas = [target / SCHEMA_FOLDER / schema_file_name(kind) for kind in KINDS]
    clashes = [t for _, t in plan if t.exists()] + [s for s in schemas if s.exists()]
    if clashes:
        raise NotEmpty(f"{clashes[0]} already exists; init writes a new repository into an empty folder")
    for path, destination in plan:
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
    for kind, schema in zip(KINDS, schemas, strict=True):
        schema.parent.mkdir(parents=True, exist_ok=True)
        write_text(schema, render(kind))
    for record_kind in KINDS.values():
        (target / "data" / record_kind.folder).mkdir(parents=True, exist_ok=True)
    return [d for _, d in plan] + schemas
