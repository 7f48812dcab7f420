"""`res191 init`: a new data repository, with an example of each kind of record taken from ITU's own,
the JSON Schemas for editors, pre-commit hooks and a GitHub Actions workflow."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

from res191.atomic import write_text
from res191.json_schemas import SCHEMA_FOLDER, render, schema_file_name
from res191.models import KINDS


def starter_folder() -> Path:
    """The files a new repository starts with (installed with res191)."""
    return Path(str(resources.files("res191") / "starter"))


class NotEmpty(Exception):
    """The folder already holds files that init would write."""


def create_repository(target: Path) -> list[Path]:
    """Write a new data repository into target, a new or empty folder (a `.git` alone is allowed);
    NotEmpty if it holds anything else."""
    if target.is_dir():
        held = sorted(p.name for p in target.iterdir() if p.name != ".git")
        if held:
            shown = ", ".join(held[:3]) + (", ..." if len(held) > 3 else "")
            raise NotEmpty(
                f"{target} is not empty (it holds {shown}); init writes a new repository into a new or "
                "empty folder"
            )
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
    requirements = target / "requirements.txt"
    write_text(requirements, requirement_file())
    return [d for _, d in plan] + schemas + [requirements]


def requirement_file() -> str:
    """requirements.txt for the new repository's CI: res191 from where this copy was installed.

    pip records where a package came from (PEP 610, direct_url.json): a repository at a commit, or an
    archive's address, is written as the requirement CI installs. A copy installed from a folder on this
    machine cannot be reached from CI: the line is then left for the editor to fill in, and the
    workflow says so until it is.
    """
    source = _installed_from()
    header = "# Where CI installs res191 from (see .github/workflows/records.yml).\n"
    if source:
        return header + f"res191 @ {source}\n"
    return (
        header
        + "# res191 was installed here from a folder on this machine, which CI cannot reach: replace the\n"
        + "# line below with the address of your organisation's res191 repository and a tag or commit.\n"
        + "# res191 @ git+https://github.com/OWNER/res191@TAG\n"
    )


def _installed_from() -> str | None:
    """The address this copy of res191 was installed from, where CI can install it too."""
    import json
    from importlib import metadata

    try:
        text = metadata.distribution("res191").read_text("direct_url.json")
        found = json.loads(text) if text else None
    except (metadata.PackageNotFoundError, ValueError):
        return None
    if not isinstance(found, dict) or not str(found.get("url", "")).startswith(("https://", "http://")):
        return None
    vcs = found.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id"):
        return f"git+{found['url']}@{vcs['commit_id']}"
    if isinstance(found.get("archive_info"), dict):
        return str(found["url"])
    return None
