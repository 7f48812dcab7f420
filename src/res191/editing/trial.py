"""Changes tried before they are written: the records validated together with them, in a copy of the data.

A command that changes records (`import`, `import-list`) writes nothing that `validate` would then
reject: each tries its changes here first, and writes only where no error is found.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from res191.diagnostics import Diagnostic


def errors_after(root: Path, changed: Mapping[Path, str]) -> list[Diagnostic]:
    """The errors `validate` finds in the repository at root once each file in changed holds its new
    text (a new file is created), each placed as validate places it (data/resolutions/wtdc-10.yaml:3:5)."""
    from res191.diagnostics import Severity
    from res191.validation import validate

    if not changed:
        return []
    with tempfile.TemporaryDirectory(prefix="res191-trial-") as scratch:
        trial = Path(scratch)
        shutil.copytree(root / "data", trial / "data", symlinks=True)
        for path, text in changed.items():
            target = trial / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        tried = validate(trial, trial)
    return [d for d in tried.diagnostics if d.severity is Severity.ERROR]
