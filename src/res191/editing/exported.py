"""What `res191 export` last wrote at each place, so that a later export can tell an export left as it was
written (replaced freely, even where the records changed since) from one edited in a spreadsheet since.

Kept in the user's cache folder (cache.cache_folder), as a digest of each export's files by its path;
where it cannot be kept, an export is judged by its values alone (cli/exchange.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from res191.atomic import write_bytes
from res191.cache import cache_folder

# The places remembered, the latest kept: an editor exports to a few places, not hundreds.
MOST_PLACES = 64


def _marks() -> Path:
    return cache_folder() / "exports.json"


def digest(target: Path) -> str | None:
    """The digest of an export's files: the workbook or JSON file, or a folder's CSV files by name."""
    hashed = hashlib.sha256()
    try:
        if target.is_dir():
            for path in sorted(target.glob("*.csv")):
                hashed.update(path.name.encode("utf-8", "surrogateescape") + b"\0" + path.read_bytes())
        elif target.is_file():
            hashed.update(target.read_bytes())
        else:
            return None
    except OSError:
        return None
    return hashed.hexdigest()


def _read() -> dict[str, str]:
    try:
        held = json.loads(_marks().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(held, dict):
        return {}
    return {k: v for k, v in held.items() if isinstance(k, str) and isinstance(v, str)}


def remember(target: Path) -> None:
    """Keep the digest of what an export just wrote at target; nothing where the cache cannot be written."""
    found = digest(target)
    if found is None:
        return
    place = os.path.realpath(target)
    held = {k: v for k, v in _read().items() if k != place}
    held[place] = found
    kept = dict(list(held.items())[-MOST_PLACES:])
    with contextlib.suppress(OSError):
        _marks().parent.mkdir(parents=True, exist_ok=True)
        write_bytes(_marks(), json.dumps(kept, indent=0).encode("utf-8"))


def as_written(target: Path) -> bool | None:
    """Whether target holds what an export last wrote there, unchanged since: None where no export is
    remembered there (another machine's, a cache cleared), so that it cannot be told."""
    kept = _read().get(os.path.realpath(target))
    if kept is None:
        return None
    return digest(target) == kept
