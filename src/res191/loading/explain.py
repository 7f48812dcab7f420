"""Check a parsed record against its pydantic model, and say each problem in the editors' words."""

from __future__ import annotations

import difflib
import enum
import re
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from res191.diagnostics import Diagnostic, Location, problem
from res191.loading.locator import Locator
from res191.loading.yaml12 import Document, resolve_plain
from res191.models import KINDS, RecordKind
from res191.models.translations import ENGLISH, LANGUAGES, TRANSLATED, Translations
from res191.models.vocabulary import WRITTEN

_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "float_type": "a number",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "date_type": "a date (YYYY-MM-DD)",
}


def validate_record(
    kind: RecordKind, shown: str, document: Document, most: int
) -> tuple[BaseModel | None, list[Diagnostic], int]:
    """The record as a model, or None with a diagnostic for each problem pydantic finds.

    At most `most` diagnostics are made (each costs a position and a hint); the third value is how
    many more problems there were.
    """
    try:
        return kind.model.model_validate(document.value), [], 0
    except ValidationError as error:
        details = error.errors(include_url=False)
        place = _Place(kind, shown, Locator(document))
        return None, [_diagnostic(place, d) for d in details[:most]], max(0, len(details) - most)


class _Place:
    """The record being checked: its kind, the path shown for it and where its values are."""

    def __init__(self, kind: RecordKind, shown: str, locator: Locator) -> None:
        self.kind, self.shown, self.locator = kind, shown, locator


@dataclass(frozen=True)
class Explanation:
    """A problem pydantic found, in the editors' words, and the path of the value (or key) it is about."""

    code: str
    message: str
    hint: str
    example: str
    loc: tuple[str | int, ...]
    at_key: bool = False


def _diagnostic(file: _Place, detail: ErrorDetails) -> Diagnostic:
    found = explain(file.kind.model, file.kind.name, detail, file.locator.written)
    line, col = file.locator.locate(found.loc, at_key=found.at_key)
    where = Location(file.shown, line, col)
    return Diagnostic(problem(found.code), where, found.message, found.hint, found.example)


def explain(
    root: type[BaseModel],
    noun: str,
    detail: ErrorDetails,
    written: Callable[[tuple[str | int, ...]], str | None] | None = None,
    sheet: bool = False,
    json: bool = False,
) -> Explanation:
    """What a pydantic error means for an editor: code, message, hint, example and where it points.

    written gives the text a value was written as, where it helps to say how YAML read it. With sheet,
    the problem is about a cell of a workbook: said in a spreadsheet's words, with no YAML in it; with
    json, about a value of a JSON file, in JSON's.
    """
    found = _explain(root, noun, detail, written)
    if json:
        return replace(found, hint=_JSON_HINTS.get(found.hint, found.hint))
    if not sheet:
        return found
    hint = _SHEET_HINTS.get(found.hint, found.hint)
    if found.hint.startswith("write true or false"):
        hint = "type true or false"
    example = found.example.split(": ", 1)[1] if ": " in found.example else found.example
    if example.startswith("[{"):  # a list of parts (editions, a tracker): rows of a sheet of its own
        path = [str(step) for step in detail["loc"] if isinstance(step, str)]
        kind = KINDS.get(noun)
        sheet_name = ".".join([kind.folder if kind else noun, *path])
        hint = f"give it rows in the sheet {sheet_name}, one row an item, its id in the first column"
        example = ""
    elif example.startswith("[") and example.endswith("]"):  # a list of plain values, as a cell holds it
        example = "\n".join(item.strip() for item in example[1:-1].split(","))
    message = found.message.replace("is missing from this", "has no value in this")
    return Explanation(found.code, message, hint, example, found.loc, found.at_key)


# Hints that speak of YAML, as a spreadsheet user reads them.
_SHEET_HINTS = {
    "add the key": "fill in its cell",
    "put the value in quotes to keep it as text": "format the cell as text, or start it with '",
    "write a list with one item per line, each starting with '- ', or as [a, b]": "write one item a line",
    "give a value after the colon, or remove the key": "fill in the cell",
}


# Hints that speak of YAML, as the reader of a JSON file reads them.
_JSON_HINTS = {
    "add the key": "give the key",
    "put the value in quotes to keep it as text": 'write it as a string, in double quotes ("1307")',
    "write a list with one item per line, each starting with '- ', or as [a, b]": 'write a list: ["a", "b"]',
    "give a value after the colon, or remove the key": "give it a value, or null to empty it",
}


def _explain(
    root: type[BaseModel],
    noun: str,
    detail: ErrorDetails,
    written: Callable[[tuple[str | int, ...]], str | None] | None,
) -> Explanation:
    loc = tuple(detail["loc"])
    kind = detail["type"]
    model, name, info = _field_at(root, loc)
    where = _noun(model, noun)
    key = str(loc[-1]) if loc else ""
    value = detail.get("input")

    if kind == "extra_forbidden" and model is not None and issubclass(model, Translations):
        message = (
            "English is the record's own text, not a translation: write it in the record's own keys"
            if key == ENGLISH
            else f"'{key}' is not the code of one of ITU's other official languages"
        )
        languages = ", ".join(f"{code} ({LANGUAGES[code][0]})" for code in TRANSLATED)
        hint = f"translations are given under the code of each language: {languages}"
        return Explanation("S201", message, hint, "translations:\n  fr:\n    title: Accessibilité", loc, True)
    if kind == "extra_forbidden":
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else _belongs_under(model, key)
        hint += (
            " " if hint else ""
        ) + f"{_article(where).capitalize()} {where} has the keys: {', '.join(allowed)}"
        return Explanation("S201", f"'{key}' is not a key of {_article(where)} {where}", hint, "", loc, True)

    if kind == "missing":
        message = f"'{key}' is missing from this {where}"
        return Explanation("S202", message, "add the key", _example(name, info), loc[:-1])

    field = f"'{name}'" if name else "the value"
    if kind in _EXPECTED:
        message = f"{field} should be {_EXPECTED[kind]}, not {_describe(value)}"
        as_written = written(loc) if written is not None and isinstance(value, int | float) else None
        if as_written is not None and as_written != str(value):
            message += f" (YAML reads {as_written} as {value})"
        return Explanation("S203", message, _type_hint(kind, value), _example(name, info), loc)
    if kind in ("enum", "literal_error"):
        expected = detail.get("ctx", {}).get("expected", "")
        message = f"{_describe(value)} is not allowed for {field}"
        return Explanation("S204", message, f"use one of: {expected}", _example(name, info), loc)
    if kind == "string_pattern_mismatch":
        example = _example(name, info)
        message = f"{_describe(value)} is not of the form {field} takes"
        pattern = detail.get("ctx", {}).get("pattern", "")
        form = FORMS.get(pattern)
        if form:
            hint = "write the text, or take out the key or the item where it may be left out"
            return Explanation("S204", f"{message}: {form}", hint if pattern == WRITTEN else "", example, loc)
        # An example shows the form better than a regular expression; the pattern only where none is.
        hint = _pattern_hint(name, detail) if not example or name in _ID_FIELDS else ""
        return Explanation("S204", message, hint, example, loc)
    if kind == "value_error":
        message = detail["msg"].removeprefix("Value error, ")
        return Explanation("S204", f"{field}: {message}", "", _example(name, info), loc)
    message = f"{field}: {detail['msg'][0].lower()}{detail['msg'][1:]}"
    return Explanation("S204", message, "", _example(name, info), loc)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The record models an annotation holds, through lists, unions and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif get_origin(annotation) in (list, Union, types.UnionType, Annotated):
        for arg in get_args(annotation):
            yield from _models_in(arg)


def _field_at(
    root: type[BaseModel], loc: tuple[Any, ...]
) -> tuple[type[BaseModel] | None, str, FieldInfo | None]:
    """The model that owns the last key of loc, that key's field name and its definition."""
    model: type[BaseModel] | None = root
    name, info = "", None
    for step in loc:
        if not isinstance(step, str) or model is None:
            continue
        info = model.model_fields.get(step)
        if info is None:
            # The step is a key the model does not know (extra_forbidden) or a union label.
            name = step
            continue
        name = step
        nested = next(_models_in(info.annotation), None)
        if nested is not None and step != loc[-1]:
            model = nested
    return model, name, info


def _belongs_under(model: type[BaseModel] | None, key: str) -> str:
    """Point at the nested record where a misplaced key belongs: `title` goes under editions."""
    for name, info in model.model_fields.items() if model else []:
        for nested in _models_in(info.annotation):
            close = difflib.get_close_matches(key, list(nested.model_fields), n=1, cutoff=0.8)
            if close:
                meant = "" if close[0] == key else f"did you mean '{close[0]}'? "
                return f"{meant}'{close[0]}' belongs inside each item of '{name}'."
    return ""


def _noun(model: type[BaseModel] | None, kind: str) -> str:
    if model is None:
        return kind
    if issubclass(model, Translations):
        return "translations"
    words = re.sub(r"(?<!^)([A-Z])", r" \1", model.__name__).lower()
    return words


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def _describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _type_hint(kind: str, value: Any) -> str:
    if kind == "bool_type" and isinstance(value, str):
        return f"write true or false; '{value}' is read as text in YAML 1.2"
    if kind == "string_type" and isinstance(value, int | float | bool):
        return "put the value in quotes to keep it as text"
    if kind == "list_type":
        return "write a list with one item per line, each starting with '- ', or as [a, b]"
    if kind == "string_type" and value is None:
        return "give a value after the colon, or remove the key"
    return ""


# Keys whose values are ids: a wrong one gets the rule for ids rather than a pattern.
_ID_FIELDS = frozenset(
    "id body proposed_by parent in_conjunction_with to resolutions topics reports_to council_session "
    "references".split()
)


# The forms the models' patterns stand for, in words, for every message that names one (validate's, an
# import's, `res191 new`'s).
FORMS = {
    WRITTEN: "a text with a character other than a space",
    r"^[0-9]{4}(-(0[1-9]|1[0-2]))?$": "a year (2024) or a year and month (2024-03)",
    r"^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$": "a year (2024) or a date written year-month-day (2024-01-24)",
    r"^https?://[^\s]+$": "a web address starting http:// or https://, without spaces",
    r"^[^@\s]+@[^@\s]+\.[^@\s]+$": "an e-mail address (name@itu.int)",
    r"^C[0-9]{2}/": "a Council document number (C24/35)",
    r"^(ITU-R )?[0-9]+[A-Z]?(-[0-9]+)?$": "a number as ITU writes it (191, ITU-R 75 or ITU-R 6-2)",
}


def _pattern_hint(name: str, detail: ErrorDetails) -> str:
    if name in _ID_FIELDS:
        return "an id is lower-case words and digits joined by hyphens, such as pp-191 or iscg"
    return f"it must match {detail.get('ctx', {}).get('pattern', '')}"


def _example(name: str, info: FieldInfo | None) -> str:
    """A line of YAML showing the right form of a key, when the model knows one."""
    if info is None or not name:
        return ""
    if info.examples:
        sample = info.examples[0]
        return f"{name}: {_yaml_scalar(sample)}"
    for arg in _flatten(info.annotation):
        if get_origin(arg) is Literal:
            return f"{name}: {get_args(arg)[0]}"
        if isinstance(arg, type) and issubclass(arg, enum.Enum):
            return f"{name}: {next(iter(arg)).value}"
        if arg is bool:
            return f"{name}: true"
    return ""


def _flatten(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in get_args(annotation):
        if get_origin(annotation) is not Literal:
            yield from _flatten(arg)


def _yaml_scalar(value: Any) -> str:
    """An example value as it is written in YAML, on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    # Quoted where YAML would read it otherwise: a number kept as text ("191"), or special characters.
    as_text = isinstance(value, str) and not isinstance(resolve_plain(text), str)
    return f'"{text}"' if as_text or ": " in text or text[:1] in "[{&*!|>%@`'\"" else text
