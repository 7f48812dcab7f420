"""JSON Schemas of the record kinds, for editors' completion and checking (yaml-language-server)."""

from __future__ import annotations

import json
from typing import Any

from res191.models import KINDS

SCHEMA_FOLDER = "schemas"


def schema_file_name(kind: str) -> str:
    """The file a kind's schema is written to, e.g. `theme.schema.json`."""
    return f"{kind}.schema.json"


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of one record kind, as the model defines it."""
    schema = KINDS[kind].model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def render(kind: str) -> str:
    """The schema file's exact text, so that regenerating it gives no diff."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
