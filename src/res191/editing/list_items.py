"""The items of a list before and after an import, paired; and the items it no longer has taken out of
a record's text line by line, with the comments above them, so that every other item keeps its own.

ruamel.yaml stores a comment with the node before it, not the one it is about: the comment above the
second item of a list belongs, in its data, to the last value of the first. Deleting the first item in
its data would take that comment with it; rebuilding the list would lose every comment and layout in
it. An item taken out of the text goes alone, with the comment lines above it, and what ruamel.yaml
then reads holds every other item as it was written.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from res191.editing.yaml_text import load

Pairs = list[tuple[int | None, int | None]]  # (position before, position after); None: deleted, or new

_MOST_COMPARED = 250_000  # items compared two by two, at most: past it, items are paired by position


def paired(old: list[Any], new: list[Any]) -> Pairs:
    """Each item of old with the item of new it became, in order: the same item, or the one most like it
    (in the most values), else None on one side for an item deleted (old) or added (new)."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle = _best(old[start : len(old) - end], new[start : len(new) - end])
    return [
        *((i, i) for i in range(start)),
        *((None if i is None else start + i, None if j is None else start + j) for i, j in middle),
        *((len(old) - end + k, len(new) - end + k) for k in range(end)),
    ]


def _likeness(old: Any, new: Any) -> float:
    """2 for the same item; for two records, the share of their keys that hold the same value; else 0."""
    if old == new:
        return 2.0
    if isinstance(old, dict) and isinstance(new, dict):
        keys = set(old) | set(new)
        return sum(1 for key in keys if key in old and key in new and old[key] == new[key]) / len(keys)
    return 0.0


def _best(old: list[Any], new: list[Any]) -> Pairs:
    """The pairing, in order, whose items are most alike in all (a table of best scores from the end)."""
    if len(old) * len(new) > _MOST_COMPARED:
        common = min(len(old), len(new))
        return [
            *((i, i) for i in range(common)),
            *((i, None) for i in range(common, len(old))),
            *((None, j) for j in range(common, len(new))),
        ]
    like = [[_likeness(a, b) for b in new] for a in old]
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            both = like[i][j] + best[i + 1][j + 1] if like[i][j] > 0 else -1.0
            best[i][j] = max(both, best[i + 1][j], best[i][j + 1])
    pairs: Pairs = []
    i = j = 0
    while i < len(old) and j < len(new):
        if like[i][j] > 0 and best[i][j] == like[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            pairs.append((i, None))
            i += 1
        else:
            pairs.append((None, j))
            j += 1
    pairs += [(k, None) for k in range(i, len(old))] + [(None, k) for k in range(j, len(new))]
    return pairs


def without_deleted(text: str, new: dict[str, Any], old: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The YAML text of a record with the items of its lists that new no longer has taken out, each with
    the comment lines above it; and old without them. An item that cannot be taken out line by line (in
    a [flow, list]) is left in both, for the caller to delete in ruamel.yaml's data."""
    try:
        data = load(text)
    except Exception:  # not for this step to say why a record does not read
        return text, old
    if not isinstance(data, CommentedMap):
        return text, old
    lines = text.splitlines(keepends=True)
    regions: list[tuple[int, int]] = []
    kept = _in_record(data, new, old, lines, regions)
    if not regions:
        return text, old
    for start, end in sorted(regions, reverse=True):
        del lines[start:end]
    shorter = "".join(lines)
    try:
        same = _lengths(load(shorter), kept)
    except Exception:
        same = False
    return (shorter, kept) if same else (text, old)


def _in_record(
    node: CommentedMap,
    new: dict[str, Any],
    old: dict[str, Any],
    lines: list[str],
    regions: list[tuple[int, int]],
) -> dict[str, Any]:
    kept = dict(old)
    for key in [k for k in old if k not in new]:
        # A key emptied goes line by line too: ruamel.yaml would take with it the comment lines below its
        # value, which are the next key's (`res191 fmt` keeps a comment with the key below it).
        place = _key_lines(node, key, lines)
        if place is not None:
            regions.append(place)
            del kept[key]
    for key, before in old.items():
        if key not in kept:
            continue
        after, current = new.get(key), node.get(key)
        if before == after:
            continue
        if isinstance(before, dict) and isinstance(after, dict) and isinstance(current, CommentedMap):
            kept[key] = _in_record(current, after, before, lines, regions)
        elif (
            isinstance(before, list)
            and isinstance(after, list)
            and after
            and isinstance(current, CommentedSeq)
            and len(current) == len(before)
        ):
            kept[key] = _in_list(current, after, before, lines, regions)
    return kept


def _in_list(
    node: CommentedSeq, new: list[Any], old: list[Any], lines: list[str], regions: list[tuple[int, int]]
) -> list[Any]:
    pairs = paired(old, new)
    gone = [i for i, j in pairs if i is not None and j is None]
    places = {i: place for i in gone if (place := _item_lines(node, i, lines)) is not None}
    if len(gone) == len(old) or len(places) < len(gone):
        places = {}  # the whole list goes, or its layout is not one to cut line by line
    regions += places.values()
    kept = []
    for i, j in pairs:
        if i is None or i in places:
            continue
        item = old[i]
        if j is not None and isinstance(item, dict) and isinstance(node[i], CommentedMap):
            item = _in_record(node[i], new[j], item, lines, regions)
        kept.append(item)
    return kept


def _key_lines(node: CommentedMap, key: str, lines: list[str]) -> tuple[int, int] | None:
    """The lines of a block mapping's key and its value (from 0, end excluded): not the comment lines
    above it, nor those after its value."""
    if node.fa.flow_style() or key not in node:
        return None
    line, column = node.lc.key(key)
    if line >= len(lines) or lines[line][:column].strip():
        return None  # not the first thing on its line
    return line, _block_end(lines, line, column)


_DASH = re.compile(r"( *)- +")


def _item_lines(node: CommentedSeq, index: int, lines: list[str]) -> tuple[int, int] | None:
    """The lines of a block list's item (from 0, end excluded), with the comment lines above it."""
    if node.fa.flow_style():
        return None
    line, column = node.lc.item(index)
    dash = _DASH.fullmatch(lines[line][:column]) if line < len(lines) else None
    if dash is None:
        return None
    indent = len(dash.group(1))
    start = _lead(lines, line, indent)
    if index + 1 < len(node):
        after, _ = node.lc.item(index + 1)
        return start, _lead(lines, after, indent)
    return start, _block_end(lines, line, indent)


def _block_end(lines: list[str], line: int, indent: int) -> int:
    """Where what starts on a line at an indent ends (from 0, excluded): before the first line no deeper,
    the blank lines before it left out."""
    end = line + 1
    while end < len(lines) and (_blank(lines[end]) or _indent(lines[end]) > indent):
        end += 1
    while end > line + 1 and _blank(lines[end - 1]):
        end -= 1
    return end


def _lead(lines: list[str], line: int, indent: int) -> int:
    """The first of the comment lines right above an item's line, no deeper than its dash (blank lines
    before them are left to the item above)."""
    start = line
    while start > 0 and (
        _blank(lines[start - 1])
        or (lines[start - 1].lstrip().startswith("#") and _indent(lines[start - 1]) <= indent)
    ):
        start -= 1
    while start < line and _blank(lines[start]):
        start += 1
    return start


def _blank(line: str) -> bool:
    return not line.strip()


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _lengths(node: Any, value: Any) -> bool:
    """Whether every list of value has as many items in node, and every mapping the same keys, the text
    read back."""
    if isinstance(value, dict):
        return (
            isinstance(node, CommentedMap)
            and set(node) == set(value)
            and all(_lengths(node[key], inner) for key, inner in value.items())
        )
    if isinstance(value, list):
        return (
            isinstance(node, CommentedSeq)
            and len(node) == len(value)
            and all(_lengths(a, b) for a, b in zip(node, value, strict=True))
        )
    return True
