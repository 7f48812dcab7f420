"""The kinds of record: the folder under data/ each lives in, its file endings, and its model.

The model of a kind is imported when first asked for, so that listing files and naming kinds costs no
pydantic model.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import BaseModel


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its name, model (by module and class), folder under data/ and file endings."""

    name: str
    model_path: tuple[str, str]
    folder: str
    suffixes: tuple[str, ...]

    @functools.cached_property
    def model(self) -> type[BaseModel]:
        """The pydantic model of this kind of record (imported once, when first asked for)."""
        module, name = self.model_path
        model: type[BaseModel] = getattr(importlib.import_module(f"res191.models.{module}"), name)
        return model

    @property
    def markdown(self) -> bool:
        return ".md" in self.suffixes


_YAML = (".yaml", ".yml")

KINDS: dict[str, RecordKind] = {
    kind.name: kind
    for kind in [
        RecordKind("resolution", ("resolution", "Resolution"), "resolutions", _YAML),
        RecordKind("theme", ("theme", "Theme"), "themes", _YAML),
        RecordKind("meeting", ("meeting", "Meeting"), "meetings", (".md",)),
        RecordKind("body", ("body", "Body"), "bodies", _YAML),
        RecordKind("report", ("report", "Report"), "reports", (".md",)),
        RecordKind("initiative", ("initiative", "Initiative"), "initiatives", _YAML),
        RecordKind("position", ("position", "Position"), "positions", _YAML),
        RecordKind("document", ("document", "Document"), "documents", _YAML),
        RecordKind("glossary", ("glossary", "Glossary"), "glossary", _YAML),
    ]
}


def kind_named(text: str) -> RecordKind | None:
    """The kind a user names, by its name or its folder's (`resolution` or `resolutions`), in any case."""
    wanted = text.strip().lower()
    return next((k for k in KINDS.values() if wanted in (k.name, k.folder)), None)
