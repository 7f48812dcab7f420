"""Parse one YAML text into plain Python values, keeping every node's line and column.

Why not `yaml.safe_load` or ruamel's round-trip loader: libyaml's C parser builds the node tree,
marks included, at C speed; PyYAML's own constructor then costs more than the parse, and ruamel's
pure-Python loader about twenty times more. So we let libyaml compose the nodes and build the
values here, with the YAML 1.2 core schema (`yes`, `on` and `2024-01-24` stay strings, `0o17` is
octal), the meaning ruamel.yaml gives the same text. The node tree is kept beside the values, so a
problem found later can be pointed at its key or value without parsing again.

Records are plain data, so the builder also refuses what a record never needs and an attacker
would use: aliases (the "billion laughs"), tags other than the core ones, and deep nesting
(libyaml's composer recurses in C and crashes the process past some tens of thousands of levels).
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from res191.loading.yaml_problems import (
    CONTROL,
    MAX_DEPTH,
    YamlProblem,
    control_character,
    from_yaml_error,
    too_deep,
)

# libyaml's composer is safe well past this many levels (measured: 20,000 on an 8 MiB stack).
_SAFE_COMPOSE_DEPTH = 5_000

STR = "tag:yaml.org,2002:str"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
_PLAIN = "?plain"  # a plain scalar, to be resolved by the core schema below

_NULLS = {"", "~", "null", "Null", "NULL"}
_MAY_NOT_BE_TEXT = frozenset("tTfFnN~0123456789+-.")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+")
_OCT = re.compile(r"0o[0-7]+")
_HEX = re.compile(r"0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)")
_NAN = re.compile(r"\.(nan|NaN|NAN)")


@dataclass
class Document:
    """A parsed YAML document: its values and the node tree they came from."""

    value: Any
    node: Node | None
    line_offset: int = 0
    # Keys written twice in a mapping (Y102), where the parse was asked to go on past them: each
    # mapping then holds the last value of such a key, as YAML parsers read it.
    duplicates: list[YamlProblem] = field(default_factory=list)


def composer_class(base: type[yaml.SafeLoader] | type[yaml.CSafeLoader]) -> Any:
    """A PyYAML loader class that parses and composes, leaving tag resolution to the builder below."""

    class Composer(base):  # type: ignore[valid-type,misc]
        def resolve(self, kind: type[Node], value: Any, implicit: tuple[bool, bool]) -> str:
            if kind is ScalarNode:
                return _PLAIN if implicit[0] else STR
            return MAP if kind is MappingNode else SEQ

        # PyYAML calls these around every node for "path resolvers", which records never use. Functions
        # written in C that ignore what they get (`operator.is_` takes the parent and the index, `tuple`
        # nothing) cost less than methods doing nothing in Python: 5 % of composing 3,000 records.
        descend_resolver = staticmethod(operator.is_)
        ascend_resolver = staticmethod(tuple)

    return Composer


# PyYAML built without libyaml (rare: its wheels include it) has the same composer in pure Python,
# with the same nodes and marks: slower, and recursing in Python, so it is trusted with less depth.
if getattr(yaml, "__with_libyaml__", False):
    _Composer = composer_class(yaml.CSafeLoader)
else:  # pragma: no cover - exercised by tests/test_yaml12.py through composer_class
    _Composer = composer_class(yaml.SafeLoader)
    _SAFE_COMPOSE_DEPTH = 200


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if not text:
        return None
    first = text[0]
    if first not in _MAY_NOT_BE_TEXT:  # most scalars are words: decided on one character
        return text
    if first in "tTfF":
        return _BOOLS.get(text, text)
    if first in "nN~":
        return None if text in _NULLS else text
    if first in "0123456789+-.":
        if _INT.fullmatch(text):
            return int(text)
        if _OCT.fullmatch(text):
            return int(text[2:], 8)
        if _HEX.fullmatch(text):
            return int(text[2:], 16)
        if _FLOAT.fullmatch(text):
            return float(text)
        if _INF.fullmatch(text):
            return -math.inf if text[0] == "-" else math.inf
        if _NAN.fullmatch(text):
            return math.nan
    return text


_EXPLICIT: dict[str, Callable[[str], Any]] = {
    STR: str,
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
    "tag:yaml.org,2002:bool": lambda s: _BOOLS[s],
    "tag:yaml.org,2002:null": lambda s: None,
}


def _at(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Builder:
    """Turns a node tree into dicts, lists and scalars, refusing what records must not hold."""

    def __init__(
        self, watch_aliases: bool, watch_escapes: bool = False, duplicates: list[YamlProblem] | None = None
    ) -> None:
        # An alias makes libyaml hand us the same node twice; only worth tracking when the text
        # has a `*` at all, which records almost never do.
        self.seen: set[int] | None = set() if watch_aliases else None
        # A control character reaches a value only through an escape in double quotes ("\v" pasted
        # from Word): only worth looking for when the text has a backslash at all.
        self.escapes = watch_escapes
        # Where to put each key written twice, and go on; None: stop at the first.
        self.duplicates = duplicates

    def build(self, node: Node, depth: int = 0) -> Any:
        """Build the value of node, the root collection being at depth 0."""
        if self.seen is not None:
            if id(node) in self.seen:
                line, col = _at(node)
                raise YamlProblem(
                    "Y108",
                    "the value anchored here is used again through an alias (*name)",
                    line,
                    col,
                    hint="write the value out in full where it is needed; records do not use & and *",
                )
            self.seen.add(id(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if depth > MAX_DEPTH:
            line, col = _at(node)
            raise too_deep(line, col)
        if isinstance(node, MappingNode):
            return self._mapping(node, depth)
        assert isinstance(node, SequenceNode)
        return self._sequence(node, depth)

    def _scalar(self, node: ScalarNode) -> Any:
        tag = node.tag
        if tag is _PLAIN:
            return resolve_plain(node.value)
        if tag == STR:
            if self.escapes and CONTROL.search(node.value):
                raise control_character(node.value, *_at(node))
            return node.value
        convert = _EXPLICIT.get(tag)
        if convert is None:
            self._bad_tag(node)
        try:
            return convert(node.value)  # type: ignore[misc]
        except (ValueError, KeyError):
            line, col = _at(node)
            raise YamlProblem("Y114", f"{node.value!r} cannot be read as {tag}", line, col) from None

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        if node.tag != MAP:
            self._bad_tag(node)
        result: dict[str, Any] = {}
        firsts: dict[str, Node] | None = None  # each key's first node, once a key comes twice
        # Plain scalars, most of any record, are resolved here without a call to build().
        fast = self.seen is None
        for key_node, value_node in node.value:
            if fast and key_node.tag is _PLAIN:
                key = resolve_plain(key_node.value)
            else:
                key = self.build(key_node, depth + 1)
            if not isinstance(key, str):
                raise _non_string_key(key_node, key)
            if key in result:
                if firsts is None:
                    firsts = _first_keys(node)
                if self.duplicates is None:
                    raise _duplicate(firsts.get(key, key_node), key_node, key)
                self.duplicates.append(_duplicate(firsts.get(key, key_node), key_node, key))
            if fast and value_node.tag is _PLAIN:
                result[key] = resolve_plain(value_node.value)
            else:
                result[key] = self.build(value_node, depth + 1)
        return result

    def _sequence(self, node: SequenceNode, depth: int) -> list[Any]:
        if node.tag != SEQ:
            self._bad_tag(node)
        if self.seen is None:
            return [
                resolve_plain(item.value) if item.tag is _PLAIN else self.build(item, depth + 1)
                for item in node.value
            ]
        return [self.build(item, depth + 1) for item in node.value]

    @staticmethod
    def _bad_tag(node: Node) -> None:
        line, col = _at(node)
        raise YamlProblem(
            "Y114",
            f"the tag {node.tag} is not allowed in records",
            line,
            col,
            hint="remove the tag (the text after ! or !!); records hold plain values",
        )


_TYPE_NAMES = {int: "a number", float: "a number", bool: "true or false", list: "a list", dict: "a mapping"}


def _non_string_key(node: Node, key: Any) -> YamlProblem:
    line, col = _at(node)
    read_as = "an empty value" if key is None else _TYPE_NAMES.get(type(key), "not text")
    if isinstance(node, ScalarNode):
        shown = node.value
        hint = f'put the key in quotes: "{shown}":'
        message = f"the key '{shown}' is read as {read_as}, not as text"
    else:  # `? [a, b]` or `? {a: b}`: a collection used as a key
        message = f"a key here is {read_as}, not text"
        hint = "a key is a plain word, such as title:; write the collection as the key's value"
    return YamlProblem("Y119", message, line, col, hint=hint)


def _first_keys(mapping: MappingNode) -> dict[str, Node]:
    """The node of each text key's first occurrence in a mapping (looked for only when a key comes twice)."""
    firsts: dict[str, Node] = {}
    for k, _ in mapping.value:
        key = resolve_plain(k.value) if k.tag is _PLAIN else k.value
        if isinstance(key, str):
            firsts.setdefault(key, k)
    return firsts


def _duplicate(first: Node, again: Node, key: str) -> YamlProblem:
    """A duplicate key, with the place of its first occurrence."""
    line, col = _at(again)
    problem = YamlProblem(
        "Y102",
        f"the key '{key}' appears twice in this mapping",
        line,
        col,
        hint="keep one of the two; YAML would silently drop the first",
    )
    problem.related.append(_at(first))
    return problem


# What opens each line before its content: the spaces, dashes, question marks and colons of block
# collections (a line starts after a line feed or a carriage return, as libyaml reads them).
_LINE_START = re.compile(r"(?:\A|[\r\n])([ ?:\-]*)")


def _nesting_bound(text: str) -> int:
    """An upper bound on nesting depth that costs no parse.

    Flow collections nest at most once per bracket; block collections nest only by moving right, at
    most twice per column of indentation (a sequence may sit at its parent key's column).
    """
    if 3 * len(text) + 2 <= _SAFE_COMPOSE_DEPTH:
        return 3 * len(text) + 2  # what the sum below can reach at most: nothing to count
    deepest = max(map(len, _LINE_START.findall(text)), default=0)
    return text.count("[") + text.count("{") + 2 * deepest + 2


def _check_depth_by_events(text: str, composer: Any = None) -> None:
    """Walk libyaml's event stream (no recursion) and stop at the first level too deep."""
    parser = (composer or _Composer)(text)
    try:
        depth = -1  # the root collection is at depth 0, as in the builder
        while parser.check_event():
            event = parser.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
                    raise too_deep(line, col)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()


# YAML 1.1 (libyaml) ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR; YAML 1.2, git
# and editors do not. Pasted text carries them, so they are swapped for private-use characters
# before parsing (one character for one: columns stay right) and swapped back in the values.
_SEPARATORS = "\x85\u2028\u2029"
_STAND_INS = "\U0010fff0\U0010fff1\U0010fff2"
_TO_STAND_IN = str.maketrans(_SEPARATORS, _STAND_INS)
_FROM_STAND_IN = str.maketrans(_STAND_INS, _SEPARATORS)


def _restore(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_FROM_STAND_IN)
    if isinstance(value, list):
        return [_restore(item) for item in value]
    if isinstance(value, dict):
        return {_restore(k): _restore(v) for k, v in value.items()}
    return value


def _has_separators(text: str) -> bool:
    return any(c in text for c in _SEPARATORS) and not any(c in text for c in _STAND_INS)


def parse_yaml(text: str, line_offset: int = 0, past_duplicates: bool = False) -> Document:
    """Parse one YAML document; raise YamlProblem (positions 1-based, shifted by line_offset).

    past_duplicates: a key written twice in a mapping does not stop the parse; the document holds
    the problem (Y102) in its duplicates, and the mapping the key's last value, so that the record
    can still be checked for every other problem."""
    duplicates: list[YamlProblem] | None = [] if past_duplicates else None
    swapped = _has_separators(text)
    if swapped:
        text = text.translate(_TO_STAND_IN)
    try:
        try:
            if _nesting_bound(text) > _SAFE_COMPOSE_DEPTH:
                _check_depth_by_events(text)
            composer = _Composer(text)
            try:
                node = composer.get_single_node()
            finally:
                composer.dispose()
        except yaml.YAMLError as error:
            if "maximum nesting depth" in str(getattr(error, "problem", "")):
                # libyaml 0.2.5 and later (PyYAML 6.0.4's wheels) stop at a limit of their own,
                # scanning ahead to where it is reached: the place where nesting first went too
                # deep is found by PyYAML's own parser, which has no such limit.
                _check_depth_by_events(text, composer_class(yaml.SafeLoader))
            raise from_yaml_error(error, text) from None
        value = None if node is None else _Builder("*" in text, "\\" in text, duplicates).build(node)
        if swapped:
            value = _restore(value)
    except YamlProblem as problem:
        _shifted(problem, line_offset)
        raise
    for duplicate in duplicates or []:
        _shifted(duplicate, line_offset)
    return Document(value=value, node=node, line_offset=line_offset, duplicates=duplicates or [])


def _shifted(problem: YamlProblem, line_offset: int) -> None:
    problem.line += line_offset
    problem.related = [(line + line_offset, col) for line, col in problem.related]
