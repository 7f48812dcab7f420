"""One layout for every record: keys in the schema's order, two-space indentation, quotes only where
needed, the modeline present and right; every comment and every value kept.

`format_record` is pure (text in, text out); `res191 fmt` writes what changed, atomically.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from res191.editing.order import nested_model, put_in_order
from res191.editing.yaml_text import canonical, dump, load, round_trip
from res191.json_schemas import MODELINE, modeline
from res191.loading.files import FileProblem, FoundFile, check_link, decode, read_bytes, shown_path
from res191.loading.frontmatter import split_front_matter
from res191.loading.yaml12 import Document, parse_yaml
from res191.loading.yaml_problems import YamlProblem
from res191.models import RecordKind


def _flow_in_order(data: Any, model: type[BaseModel] | None) -> None:
    # Block mappings were put in order on the text; flow ones ({place: x, year: 2014}) are put in order here.
    if isinstance(data, CommentedMap):
        if model is not None and data.fa.flow_style():
            order = list(model.model_fields)
            for key in sorted(data, key=lambda k: order.index(k) if k in order else len(order)):
                data.move_to_end(key)
        for key, value in data.items():
            _flow_in_order(value, nested_model(model, str(key)))
    elif isinstance(data, CommentedSeq):
        for item in data:
            _flow_in_order(item, model)


def _comments(text: str) -> list[str]:
    """Every comment line of a YAML text, as ruamel.yaml's scanner sees them (its composer can drop some)."""
    found: list[str] = []
    for token in round_trip().scan(text):
        stack: list[Any] = [getattr(token, "_comment", None)]
        while stack:
            item = stack.pop()
            if isinstance(item, list | tuple):
                stack.extend(item)
            elif item is not None and hasattr(item, "value"):
                found += [line.strip() for line in item.value.splitlines() if line.strip().startswith("#")]
    return sorted(found)


def format_yaml(text: str, model: type[BaseModel], line_offset: int = 0) -> str:
    """YAML of a record in the canonical layout; YamlProblem if the text does not parse, or holds a
    date that is not in the calendar (positions shifted by line_offset, for front matter).

    The keys are put in order on the text; then ruamel.yaml writes it out in one layout. Its writer has
    known slips with some mixes of styles and comments (a line break lost after a {flow} item with a
    comment), so its output is checked: if it does not read back as the same values with the same
    comments, the keys are put in order and nothing else is changed.
    """
    document = parse_yaml(text, line_offset)
    if not isinstance(document.value, dict):
        return text  # not a record: validate says why, and there is nothing to put in order
    text = _without_end_marker(text, document.value)
    document = parse_yaml(text, line_offset)  # the places of the keys, as put_in_order moves them
    ordered = put_in_order(text, document.node, model)
    if ordered != text and not _same_record(ordered, document.value, text):
        ordered = text  # keys that cannot be moved as text (a `...` ending the document among them)
    try:
        written = _rewritten(ordered, model)
    except YamlProblem:
        # ruamel.yaml cannot read what YAML 1.2 allows (a tab after a value): the keys in order, no more.
        return ordered
    except ValueError as error:
        # ruamel.yaml reads 2024-02-30 as a date, and fails: validate says what is wrong, fmt says where.
        raise _not_a_date(document, error) from None
    try:
        same = parse_yaml(written).value == document.value and _comments(written) == _comments(ordered)
        same = same and _rewritten(written, model) == written  # and formatting it again changes nothing
    except Exception:  # any failure to read it back means the layout is not safe
        same = False
    return written if same else ordered


# A line that ends the YAML document (`...`), perhaps with a comment: a record file holds one document.
_END_MARKER = re.compile(r"^\.\.\.[ \t]*(#.*)?(\n|$)", re.MULTILINE)


def _without_end_marker(text: str, values: Any) -> str:
    """The text without its `...` line (a comment on it kept): keys moved past it would leave it between
    them; taken out only where the text then reads as the same values."""
    if not _END_MARKER.search(text):
        return text
    shorter = _END_MARKER.sub(lambda m: f"{m.group(1)}\n" if m.group(1) else "", text)
    try:
        return shorter if parse_yaml(shorter).value == values else text
    except YamlProblem:
        return text


def _same_record(text: str, values: Any, before: str) -> bool:
    """Whether a text reads as the same values with the same comments as the text it was made from."""
    try:
        return parse_yaml(text).value == values and _comments(text) == _comments(before)
    except Exception:  # not read back (ruamel.yaml's scanner too may stop): not known to be the same
        return False


_LIKE_A_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


def _not_a_date(document: Document, error: ValueError) -> YamlProblem:
    """The first plain value that ruamel.yaml takes for a date or time but cannot make one of
    (2024-02-30, 2024-13-01, 0000-01-01, 2024-01-01 25:00:00), as a problem at its place; where there
    is none, what ruamel.yaml said, at no place (line 0): fmt does not know which value it was."""
    stack = [document.node]
    while stack:
        node = stack.pop(0)
        if isinstance(node, MappingNode):
            stack[:0] = [part for pair in node.value for part in pair]
        elif isinstance(node, SequenceNode):
            stack[:0] = list(node.value)
        elif isinstance(node, ScalarNode) and not node.style and _LIKE_A_DATE.match(node.value):
            try:
                load(f"value: {node.value}\n")
            except ValueError:
                return YamlProblem(
                    "S204",
                    f"{node.value} is not a date in the calendar (a date is written YYYY-MM-DD: 2024-01-24)",
                    node.start_mark.line + 1 + document.line_offset,
                    node.start_mark.column + 1,
                )
    said = (
        f"ruamel.yaml, which writes the layout, stops at one of its values, fmt does not know where ({error})"
    )
    return YamlProblem("S204", said, 0, 0)


def _rewritten(text: str, model: type[BaseModel]) -> str:
    """The text written out by ruamel.yaml, in the canonical layout."""
    data = load(text)
    _flow_in_order(data, model)
    canonical(data)
    return dump(data)


def _with_modeline(text: str, line: str) -> str:
    lines = text.splitlines(keepends=True)
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    kept = [ln for ln in lines[:header] if not MODELINE.match(ln.rstrip("\n")) and ln.rstrip("\n") != line]
    return "".join([line + "\n", *kept, *lines[header:]])


def normal_line_endings(text: str) -> str:
    """Text with LF line endings only, as every record file is written: an editor on Windows may save
    some lines with CR LF, and git would then show every line it touches as changed."""
    return text.replace("\r\n", "\n")


def format_record(text: str, kind: RecordKind, schema_line: str | None = None) -> str:
    """A record file's text in the canonical layout; a Markdown record's text after its front matter is
    left as it is, but for its line endings. YamlProblem or FileProblem when the file cannot be read as
    a record."""
    text = normal_line_endings(text)  # one line ending, LF, in every file
    if kind.markdown:
        front = split_front_matter(text)
        formatted = (
            format_yaml(front.yaml, kind.model, front.first_line) if front.yaml.strip() else front.yaml
        )
        return "---\n" + formatted + text[front.closing :]
    formatted = format_yaml(text, kind.model)
    return _with_modeline(formatted, schema_line) if schema_line else formatted


@dataclass(frozen=True)
class Formatted:
    """A record file and its text, before and after formatting, and the bytes it held when read.

    path is where it is written: the file itself, or the file its link points to (a link inside the
    repository is kept, and what it points to formatted); shown is the file as the editor named it."""

    path: Path
    shown: str
    before: str
    after: str
    raw: bytes = b""
    read_only: bool = False  # by its mode (not os.access: root may write anything); fmt leaves it alone

    @property
    def changed(self) -> bool:
        """Whether formatting changes the file."""
        return self.before != self.after

    def diff(self) -> str:
        """A unified diff of the change, as git shows it."""
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                f"a/{self.shown}",
                f"b/{self.shown}",
            )
        )


_WHOLE_FILE = ("Y106", "Y117", "Y120")  # too large, unreadable, not a file: said of the file, at no line
_BOM = "\ufeff"  # kept in the text before formatting, so that a file whose one flaw is its mark is changed


def format_files(
    root: Path, files: Iterable[FoundFile], cwd: str
) -> tuple[list[Formatted], list[str], list[str]]:
    """Each record file formatted in memory (nothing is written; read-only files too: whether they may be
    written is the writer's question); why any could not be (unreadable, a link that leads outside the
    repository or nowhere); and the files left alone: those that lie outside the repository through a
    linked folder, and links to folders."""
    done: list[Formatted] = []
    problems: list[str] = []
    left: list[str] = []
    inside = os.path.realpath(root)
    files = list(files)
    listed = {f.path for f in files if f.is_record and not f.is_link}
    seen: set[str] = set()
    for file in files:
        if not file.is_record or file.kind is None or not file.is_regular:
            continue
        shown = shown_path(file.path, cwd)
        path = Path(file.path)
        real = os.path.realpath(path)
        if file.is_link:
            why = _link_problem(path, root)
            if why:
                problems.append(f"{shown}: {why}")
                continue
            if os.path.isdir(real):
                left.append(f"{shown}: it is a link to a folder, whose records are not followed")
                continue
            if real in listed or real in seen:
                continue  # formatted as the record file it points to
        elif not Path(real).is_relative_to(inside):
            left.append(f"{shown}: it lies outside the repository (through a linked folder)")
            continue
        seen.add(real)
        try:
            raw = read_bytes(file.path)
            text, bom = decode(raw)
            line = None if file.kind.markdown else modeline(path, root, file.kind)
            after = format_record(text, file.kind, line)
            written = Path(real) if file.is_link else path
            read_only = not os.stat(written).st_mode & 0o222
            done.append(Formatted(written, shown, _BOM + text if bom else text, after, raw, read_only))
        except (FileProblem, YamlProblem) as trouble:
            whole = trouble.code in _WHOLE_FILE or not trouble.line  # no place in it (0: not known)
            place = shown if whole else f"{shown}:{trouble.line}:{trouble.column}"
            problems.append(f"{place}: {trouble.message}")
    return done, problems, left


def _link_problem(link: Path, root: Path) -> str:
    """Why a record that is a link cannot be formatted (as validate sees it), or "" when it can."""
    try:
        check_link(link, root)
    except FileProblem as trouble:
        return f"{trouble.message}; {trouble.hint}"
    return ""
