"""JSON Schemas of the record kinds, for editors' completion and checking (yaml-language-server).

The schemas are written in JSON Schema draft-07, the draft yaml-language-server (and so VS Code's YAML
extension) supports fully. Each carries snippets for a new record (`defaultSnippets`, which the YAML
extension offers in an empty file), made from the model's required keys and their examples.
"""

from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from res191.models import KINDS, RecordKind

SCHEMA_FOLDER = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"
# What YAML would read as a number, a boolean or nothing rather than as text.
_NOT_TEXT = re.compile(r"[-+.0-9][-+.0-9eExXoO_a-fA-F]*|true|false|True|False|null|~")
MODELINE = re.compile(r"^#\s*yaml-language-server:\s*\$schema=(\S*)\s*$")


def schema_file_name(kind: str) -> str:
    """The file a kind's schema is written to, e.g. `theme.schema.json`."""
    return f"{kind}.schema.json"


def schema_reference(path: Path | str, root: Path | str, kind: RecordKind) -> str:
    """The modeline's path from a record file to its kind's JSON Schema: `../../schemas/theme.schema.json`."""
    return _reference(os.path.dirname(path), os.fspath(root), kind.name)


@functools.lru_cache(maxsize=256)
def _reference(folder: str, root: str, kind: str) -> str:
    # Worked out once a folder: validate asks it of every record file.
    relative = os.path.relpath(os.path.join(root, SCHEMA_FOLDER, schema_file_name(kind)), folder)
    return relative.replace(os.sep, "/")


def modeline(path: Path, root: Path, kind: RecordKind) -> str:
    """The first line of a YAML record, which tells editors which schema it follows."""
    return f"# yaml-language-server: $schema={schema_reference(path, root, kind)}"


def declared_schema(text: str) -> str | None:
    """The schema a record's modeline names, among its first comment lines; None without one."""
    for line in text.splitlines():
        if not line.startswith("#"):
            return None
        found = MODELINE.match(line)
        if found:
            return found.group(1)
    return None


def _placeholders(example: Any, counter: list[int]) -> Any:
    """The example with a numbered tab stop (`${1:...}`) in each text; numbers and booleans as they are.

    A text that YAML would read as something else (`191`) keeps its quotes once inserted.
    """
    if isinstance(example, dict):
        return {k: _placeholders(v, counter) for k, v in example.items()}
    if isinstance(example, list):
        return [_placeholders(v, counter) for v in example]
    if isinstance(example, bool | int | float):
        return example
    counter[0] += 1
    stop = f"${{{counter[0]}:{example}}}"
    return f'"{stop}"' if _NOT_TEXT.fullmatch(str(example)) else stop


def snippet(model: type[BaseModel], name: str) -> dict[str, Any]:
    """A new record of a kind, with its required keys to fill in: what the editor inserts."""
    counter = [0]
    body = {}
    for key, info in model.model_fields.items():
        if info.is_required():
            example = info.examples[0] if info.examples else "..."
            body[key] = _placeholders(example, counter)
    return {
        "label": f"New {name}",
        "description": f"A new {name} record, with its required keys",
        "body": body,
    }


def _lift_docs(prop: dict[str, Any], definitions: dict[str, Any]) -> None:
    """Give a property the description and examples its type carries (inside `anyOf`, `items` or a
    `$ref`), so that an editor shows them on the key itself."""
    inner = [p for p in prop.get("anyOf", []) if p.get("type") != "null"] or [prop]
    for part in inner:
        if "$ref" in part:
            target = definitions.get(part["$ref"].rsplit("/", 1)[1], {})
            part = {**target, **part}
        if "items" in part and "examples" not in prop:
            items = part["items"]
            if "$ref" in items:
                items = {**definitions.get(items["$ref"].rsplit("/", 1)[1], {}), **items}
            if "examples" in items:
                prop["examples"] = [[items["examples"][0]]]
            elif "enum" in items:
                prop["examples"] = [[items["enum"][0]]]
            prop.setdefault("description", items.get("description", ""))
        if "examples" not in prop:
            if "examples" in part:
                prop["examples"] = part["examples"][:1]
            elif "enum" in part:
                prop["examples"] = part["enum"][:1]
        if not prop.get("description") and part.get("description"):
            prop["description"] = part["description"]


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one record kind, as the model defines it."""
    model = KINDS[kind].model
    schema = model.model_json_schema(ref_template="#/definitions/{model}")
    if "$defs" in schema:
        schema["definitions"] = schema.pop("$defs")
    definitions = schema.get("definitions", {})
    for part in [schema, *definitions.values()]:
        for prop in part.get("properties", {}).values():
            _lift_docs(prop, definitions)
    schema["defaultSnippets"] = [snippet(model, kind)]
    return {"$schema": DRAFT, **schema}


def render(kind: str) -> str:
    """The schema file's exact text, so that regenerating it gives no diff."""
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
