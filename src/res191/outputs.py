"""Where a command may write what it makes (a report, an export, a site, schemas, templates): never inside
a repository's data/ folder, where only records belong, and never over a record, wherever it lies (the file
a link in data/ points to). Every command that writes an output asks here first.
"""

from __future__ import annotations

import os
from pathlib import Path


class IntoTheRecords(Exception):
    """An output would land among the records, or over one of them: nothing is written."""


def refuse_records(output: Path, root: Path, instead: str) -> None:
    """IntoTheRecords if writing output (a file, or a folder to write files in) would put it inside root's
    data/ folder or over a record; instead says where to write instead, for the message.

    The path is checked as given, through any linked folder it passes (a link outside data/ that points
    into it), and as the file it finally names; and against the files and folders that links in data/
    point to, which are records as much as those in data/ itself.
    """
    data = Path(os.path.abspath(root / "data"))
    real_data = Path(os.path.realpath(data))
    given = Path(os.path.abspath(output))
    # Resolved as given, each part in turn: `lnk/../x.md`, where lnk links into data/, names data/x.md, which
    # the path normalised as text first (data/../x.md gone) would not show.
    # Its last part joined as written, then normalised: `data/..` is the folder data/ is in.
    through = Path(os.path.normpath(os.path.join(os.path.realpath(Path(output).parent), Path(output).name)))
    real = Path(os.path.realpath(output))
    inside = [p for p in (given, through, real) if p.is_relative_to(data) or p.is_relative_to(real_data)]
    if inside:
        where = "is" if inside[0] in (data, real_data) else "lies inside"
        raise IntoTheRecords(
            f"{output} {where} {data}, the folder of the records, where only records belong; write it "
            f"outside data/, such as {instead}"
        )
    files, folders = _linked(data)
    for path in (through, real):
        named = files.get(path) or next(
            (f for target, f in folders.items() if path.is_relative_to(target)), None
        )
        if named is not None:
            raise IntoTheRecords(
                f"{output} is a record: {named} links to it, so it is never replaced by an output; write "
                f"it outside data/ and the files its links point to, such as {instead}"
            )


def _linked(data: Path) -> tuple[dict[Path, Path], dict[Path, Path]]:
    """The files and folders that links under data/ point to, each with the link that names it."""
    files: dict[Path, Path] = {}
    folders: dict[Path, Path] = {}
    for folder, subfolders, names in os.walk(data):
        for name in names + subfolders:
            link = Path(folder, name)
            if not link.is_symlink():
                continue
            target = Path(os.path.realpath(link))
            (folders if target.is_dir() else files)[target] = link
    return files, folders
