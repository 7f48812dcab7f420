"""A record's file changed from its old values to new ones, key by key: comments, and every value that did not
change, stay as they were; the result is in the canonical layout of `res191 fmt`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from res191.editing.fmt import format_record, normal_line_endings
from res191.editing.list_items import paired, without_deleted
from res191.editing.yaml_text import canonical_scalar, dump, load
from res191.json_schemas import modeline
from res191.loading.frontmatter import split_front_matter
from res191.loading.yaml_problems import YamlProblem
from res191.models import KINDS


def _merge(
    target: CommentedMap, new: dict[str, Any], old: dict[str, Any], order: list[str], column: int = 0
) -> None:
    """Change target (read with its comments) from old to new, key by key, touching nothing else (column:
    where its keys are written, in the layout of yaml_text.round_trip)."""
    for key in [k for k in old if k not in new]:
        del target[key]
    for key, value in new.items():
        if key in old and old[key] == value:
            continue
        current = target.get(key)
        if isinstance(value, list) and isinstance(current, CommentedSeq) and value and current:
            _merge_list(current, value, old.get(key) or [], column + 2)
        elif isinstance(value, dict) and isinstance(current, CommentedMap):
            _merge(current, value, old.get(key) or {}, list(value), column + 2)
        elif key in target:
            target[key] = _written(value)
        else:
            position = (
                sum(1 for k in target if k in order and order.index(k) < order.index(key))
                if key in order
                else len(target)
            )
            target.insert(position, key, _written(value))


def _merge_list(target: CommentedSeq, new: list[Any], old: list[Any], column: int) -> None:
    """Change a list in place, item by item: an item that stays keeps its comments and layout, one that
    changed is changed key by key, and only a deleted or added item goes or comes (column: where its
    dashes are written)."""
    if len(old) != len(target):  # not the list old describes: each item written anew
        old = [None] * len(target)
    if target.fa.flow_style() and target.ca.items:
        _as_block_with_comments(target, column)
    pairs = paired(old, new)
    for before, after in reversed(pairs):
        if after is None and before is not None:
            del target[before]
    position = 0
    for before, after in pairs:
        if after is None:
            continue
        item = new[after]
        if before is None:
            target.insert(position, _written(item))
        elif isinstance(item, dict) and isinstance(target[position], CommentedMap):
            _merge(target[position], item, old[before], list(item), column + 2)
        elif item != old[before]:
            target[position] = _written(item)
        position += 1


def _as_block_with_comments(target: CommentedSeq, column: int) -> None:
    """A [flow] list with comments inside it, as a block list that keeps them: ruamel.yaml writes a flow
    list without its comments. It holds a comment written after an item (`[a,  # on a`) as one above the
    next item, which would go with that item: it goes back beside its own, at the end of its line; a comment
    on a line of its own stays above the item below it, at the dashes' column."""
    target.fa.set_block_style()
    for index, comments in list(target.ca.items.items()):
        above = comments[1] if len(comments) > 1 and isinstance(comments[1], list) else []
        for token in list(above):
            mark = getattr(token, "start_mark", None)
            one_line = token.value.count("\n") <= 1
            if index > 0 and one_line and mark is not None and mark.line == target.lc.item(index - 1)[0]:
                target.yaml_add_eol_comment(token.value.rstrip("\n"), index - 1)
                above.remove(token)
            else:
                token.column = column


def _written(value: Any) -> Any:
    """A value as ruamel.yaml writes it in a record: ids on one line, records as blocks."""
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            seq = CommentedSeq([canonical_scalar(v) for v in value])
            seq.fa.set_flow_style()
            return seq
        return CommentedSeq([_written(v) for v in value])
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, inner in value.items():
            mapping[key] = _written(inner)
        return mapping
    return canonical_scalar(value)


def file_text(path: Path) -> str:
    """A record file's text exactly as it holds it, CR LF line endings and all, so that it encodes back
    to the bytes read: what `replace_all` checks the file still holds before it writes. (Python's text
    mode would read CR LF as LF, and every file saved on Windows would seem changed meanwhile.)"""
    return path.read_bytes().decode("utf-8")


def rewritten(
    text: str, kind_name: str, new: dict[str, Any], old: dict[str, Any], path: Path, root: Path
) -> str:
    """The text of a record file whose values go from old to new (as model_dump gives them), with LF
    line endings throughout, as `res191 fmt` writes every file."""
    kind = KINDS[kind_name]
    text = normal_line_endings(text)
    if kind.markdown:
        front = split_front_matter(text)
        yaml, old = without_deleted(front.yaml, new, old)
        try:
            data = load(yaml)
        except YamlProblem as problem:  # placed in the file, below its opening ---
            if problem.line:
                problem.line += front.first_line
            raise
        _merge(data, new, old, list(kind.model.model_fields))
        return format_record("---\n" + dump(data) + text[front.closing :], kind)
    text, old = without_deleted(text, new, old)
    data = load(text)
    _merge(data, new, old, list(kind.model.model_fields))
    return format_record(dump(data), kind, modeline(path, root, kind))
