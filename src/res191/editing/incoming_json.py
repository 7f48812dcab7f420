"""What an import of a JSON export brings: each key given is set (`null` empties it), each key left out is
kept, every value with the place in the file it came from (`meetings[0].text`)."""

from __future__ import annotations

import json
from typing import Any

from res191.diagnostics import Diagnostic
from res191.editing.incoming import DELETE, Incoming, Loc, cell_problem
from res191.loading.yaml_problems import CONTROL, control_character
from res191.models import KINDS


def from_json(text: str, name: str) -> tuple[list[Incoming], list[Diagnostic]]:
    """The records of a JSON export: each key given is set (null empties it), each left out is kept."""
    document, unread = _read(text, name)
    if unread:
        return [], unread
    folders = {kind.folder: kind_name for kind_name, kind in KINDS.items()}
    if not isinstance(document, dict):
        hint = "export one with res191 export --format json"
        return [], [cell_problem("Y115", name, "the file holds no mapping of kinds to records", hint)]
    records: dict[tuple[str, str], Incoming] = {}
    problems = []
    for folder, items in document.items():
        wrong = _not_records(name, folder, items, folders)
        if wrong is not None:
            problems.append(wrong)
            continue
        for index, item in enumerate(items):
            where = f"{folder}[{index}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(
                    cell_problem("S202", where, "this record has no id", "give each record its id")
                )
                continue
            key = (folders[folder], item["id"])
            if key in records:
                message = f"the id '{item['id']}' is on two records of {folder}"
                problems.append(cell_problem("X302", where, message, f"keep one ({records[key].row})"))
                continue
            incoming = Incoming(key[0], item["id"], where, json=True)
            for path, text in _texts(item, where):
                if CONTROL.search(text):
                    found = control_character(text, 0, 0)
                    problems.append(cell_problem("Y123", path, found.message, found.hint))
            for field_name, value in item.items():
                if field_name != "id":
                    incoming.set_values[(field_name,)] = DELETE if value is None else _without_nulls(value)
            _json_origins(item, (), where, incoming.origins)
            records[key] = incoming
    return list(records.values()), problems


def _without_nulls(value: Any) -> Any:
    """A value with each key set to null inside it left out: `null` empties a value at any depth (an
    edition's sources), as it does a record's own key and an emptied cell."""
    if isinstance(value, dict):
        return {key: _without_nulls(inner) for key, inner in value.items() if inner is not None}
    if isinstance(value, list):
        return [_without_nulls(inner) for inner in value]
    return value


def _read(text: str, name: str) -> tuple[Any, list[Diagnostic]]:
    """The JSON document, or why it cannot be read as records: where it is not JSON, or each key that
    comes twice in an object (which JSON readers would read as its last value, silently)."""
    twice: list[bool] = []
    try:
        document = json.loads(text, object_pairs_hook=lambda pairs: _mapping(pairs, twice))
    except json.JSONDecodeError as error:
        return None, [cell_problem("Y101", f"{name}:{error.lineno}:{error.colno}", f"not JSON: {error.msg}")]
    except RecursionError:
        return None, [cell_problem("Y107", name, "the JSON is nested too deeply to be records")]
    return document, _duplicate_keys(text, name) if twice else []


def _mapping(pairs: list[tuple[str, Any]], twice: list[bool]) -> dict[str, Any]:
    """A JSON object as a dict, noting in twice when a key comes twice in it (JSON readers keep the last)."""
    mapping = dict(pairs)
    if len(mapping) < len(pairs):
        twice.append(True)
    return mapping


def _duplicate_keys(text: str, name: str) -> list[Diagnostic]:
    """Each key written a second time in an object of a JSON text that reads, at its line and column.

    Looked for only when there is one: a walk of the text that reads each string whole, keeping the keys of
    each object it is in."""
    found = []
    objects: list[
        dict[str, int] | None
    ] = []  # the keys of each object we are in, at their offsets; None: a list
    expect_key = False
    index = 0
    while index < len(text):
        char = text[index]
        if char == '"':
            value, end = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
            keys = objects[-1] if objects else None
            if expect_key and keys is not None:
                if value in keys:
                    line, column = _place(text, index)
                    first_line, first_column = _place(text, keys[value])
                    found.append(
                        cell_problem(
                            "Y102",
                            f"{name}:{line}:{column}",
                            f"the key '{value}' appears twice in this object (first on line {first_line}, "
                            f"column {first_column})",
                            "keep one of the two; JSON readers would silently drop the first",
                        )
                    )
                keys.setdefault(value, index)
                expect_key = False
            index = end
            continue
        if char == "{":
            objects.append({})
            expect_key = True
        elif char == "[":
            objects.append(None)
        elif char in "]}":
            objects.pop()
        elif char == ",":
            expect_key = bool(objects) and objects[-1] is not None
        index += 1
    return found


def _place(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _not_records(name: str, folder: str, items: Any, folders: dict[str, str]) -> Diagnostic | None:
    """Why a key of the JSON document does not hold records of a kind, if it does not."""
    if folder not in folders:
        hint = "the kinds are: " + ", ".join(folders)
        return cell_problem("S201", f"{name}: {folder}", f"'{folder}' is not a kind of record", hint)
    if not isinstance(items, list):
        return cell_problem(
            "S203",
            f"{name}: {folder}",
            f"'{folder}' should be a list of records, not {_json_type(items)}",
            "write it as [...], one {...} a record, as res191 export writes it",
            f'"{folder}": [{{"id": "..."}}]',
        )
    return None


def _json_type(value: Any) -> str:
    """What a JSON value is, in JSON's words: "a text", "a number"..."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, str):
        return f"a text ({json.dumps(value)[:40]})"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dict):
        return "a single {...}"
    return "null"


def _texts(value: Any, where: str) -> list[tuple[str, str]]:
    """Every text in a JSON value, with its path in the file."""
    if isinstance(value, str):
        return [(where, value)]
    if isinstance(value, dict):
        return [found for key, inner in value.items() for found in _texts(inner, f"{where}.{key}")]
    if isinstance(value, list):
        return [found for index, inner in enumerate(value) for found in _texts(inner, f"{where}[{index}]")]
    return []


def _json_origins(value: Any, loc: Loc, where: str, origins: dict[Loc, str]) -> None:
    origins[loc] = where
    if isinstance(value, dict):
        for key, inner in value.items():
            _json_origins(inner, (*loc, key), f"{where}.{key}", origins)
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            _json_origins(inner, (*loc, index), f"{where}[{index}]", origins)
