"""ruamel.yaml set up the way res191 writes records: round trip, comments kept, one layout.

ruamel.yaml is the library that reads YAML into data that still knows its comments and quoting and
writes it back the same; every command that writes a record goes through it.
"""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.scalarbool import ScalarBoolean
from ruamel.yaml.scalarint import ScalarInt
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
)

from res191.loading.yaml12 import resolve_plain
from res191.loading.yaml_problems import YamlProblem

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class _Emitter(RoundTripEmitter):
    """Where a value needs quotes, double ones: one way of quoting (ruamel.yaml would choose single)."""

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def round_trip() -> YAML:
    """A YAML 1.2 reader and writer that keeps comments, with res191's indentation, never wrapping lines."""
    yaml = YAML(typ="rt")
    yaml.Emitter = _Emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.brace_single_entry_mapping_in_flow_sequence = True  # [{year: 2025}], not [year: 2025]
    # An empty value is written `null`, which reads the same in every position (a bare `-` does not).
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    return yaml


def load(text: str) -> Any:
    """The document, as data that remembers its comments and layout; YamlProblem (Y124) where ruamel.yaml
    cannot read a text that YAML 1.2, and so validate, allows (a tab after a value, a `...` between keys)."""
    try:
        return round_trip().load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlProblem(
            "Y124",
            f"res191 cannot rewrite this file keeping its comments: ruamel.yaml, which writes it, stops here "
            f"({error.problem or error.context})",
            mark.line + 1 if mark else 0,
            mark.column + 1 if mark else 0,
            hint="a tab after a value or before a comment is the usual cause: write a space instead (YAML "
            "allows the tab, ruamel.yaml does not); take out a `...` line that ends the document",
        ) from None


def dump(data: Any) -> str:
    """The document written back as text."""
    out = io.StringIO()
    round_trip().dump(data, out)
    return out.getvalue()


def _plain_is_safe(text: str) -> bool:
    """Whether the string may be written without quotes and read back as the same string, by res191
    (YAML 1.2) and by ruamel.yaml alike."""
    if not text or resolve_plain(text) != text or text != text.strip() or "\n" in text:
        return False
    written = dump({"k": text})
    return written == f"k: {text}\n"


def canonical_scalar(value: Any) -> Any:
    """One way to write each value: quotes only where needed, and then double; decimal numbers; dates
    plain; true and false in lower case. Block text (| and >) is kept as written."""
    if isinstance(value, LiteralScalarString | FoldedScalarString):
        return value
    if isinstance(value, str):
        text = str(value)
        if _DATE.fullmatch(text):
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
        # A ScalarString either way: ruamel keeps an old value's quotes when given a plain str.
        return PlainScalarString(text) if _plain_is_safe(text) else DoubleQuotedScalarString(text)
    if isinstance(value, ScalarBoolean):
        return bool(value)
    if isinstance(value, ScalarInt):
        return int(value)
    return value


def canonical(data: Any) -> None:
    """Rewrite every scalar of a loaded document in its canonical form, in place, comments untouched."""
    if isinstance(data, CommentedMap):
        for key in list(data.keys()):
            value = data[key]
            if isinstance(value, CommentedMap | CommentedSeq):
                canonical(value)
            else:
                data[key] = canonical_scalar(value)
    elif isinstance(data, CommentedSeq):
        for index, value in enumerate(data):
            if isinstance(value, CommentedMap | CommentedSeq):
                canonical(value)
            else:
                data[index] = canonical_scalar(value)
