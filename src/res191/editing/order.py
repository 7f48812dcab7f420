"""Put the keys of a record in the schema's order, moving each key's lines whole, comments included.

Reordering is done on the text, by lines: a key's block is its own lines and the comment lines right
above it at its indentation, so a comment stays with the key it speaks of, and every character of a
value (folded text, flow lists, end-of-line comments) is moved untouched. Comments above a mapping's
first key (a file's header, the modeline) and after its last stay where they are. A sequence's items
keep their order; the keys inside each item are put in order.
"""

from __future__ import annotations

import itertools
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_comment(line: str) -> bool:
    return line.lstrip(" ").startswith("#")


def _is_blank(line: str) -> bool:
    return not line.strip()


def nested_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the records held under key (directly, in a list, or optional)."""
    if model is None or key not in model.model_fields:
        return None
    return model_in(model.model_fields[key].annotation)


def model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType, Annotated):
        for arg in get_args(annotation):
            found = model_in(arg)
            if found is not None:
                return found
    return None


class _Reorderer:
    def __init__(self, lines: list[str], offset: int) -> None:
        self.lines = lines
        self.offset = offset  # the document's first line in `lines` (front matter starts after ---)

    def line(self, node: Node) -> int:
        return node.start_mark.line + self.offset

    def render(self, node: Node, model: type[BaseModel] | None, start: int, end: int) -> list[str]:
        """The lines [start, end) holding node, with every block mapping inside put in order."""
        if isinstance(node, MappingNode) and not node.flow_style and model is not None:
            return self.mapping(node, model, start, end)
        if isinstance(node, SequenceNode) and not node.flow_style and model is not None and node.value:
            return self.sequence(node, model, start, end)
        return self.lines[start:end]

    def _last_content(self, start: int, end: int, column: int) -> int:
        """The last line in [start, end) of a block: not blank, not a comment at or left of column."""
        for index in range(end - 1, start - 1, -1):
            line = self.lines[index]
            if not _is_blank(line) and not (_is_comment(line) and _indent(line) <= column):
                return index
        return start

    def mapping(self, node: MappingNode, model: type[BaseModel], start: int, end: int) -> list[str]:
        keys = [k for k, _ in node.value]
        if not keys or not all(isinstance(k, ScalarNode) for k in keys):
            return self.lines[start:end]
        column = keys[0].start_mark.column
        key_lines = [self.line(k) for k in keys]
        if len(set(key_lines)) != len(key_lines) or any(
            self.line(v) < line for (_, v), line in zip(node.value, key_lines, strict=True)
        ):
            return self.lines[start:end]  # keys sharing a line: not a layout to move by lines
        starts = [key_lines[0]]
        for line in key_lines[1:]:
            first = line
            while (
                first - 1 > starts[-1]
                and _is_comment(self.lines[first - 1])
                and _indent(self.lines[first - 1]) == column
            ):
                first -= 1
            starts.append(first)
        last = self._last_content(starts[-1], end, column)
        bounds = [*starts, last + 1]
        blocks = []
        for index, ((key, value), (low, high)) in enumerate(
            zip(node.value, itertools.pairwise(bounds), strict=True)
        ):
            child = nested_model(model, str(key.value))
            blocks.append((index, str(key.value), self.render(value, child, low, high)))
        order = list(model.model_fields)
        ranked = sorted(blocks, key=lambda b: (order.index(b[1]) if b[1] in order else len(order), b[0]))
        head, tail = self.lines[start : starts[0]], self.lines[last + 1 : end]
        if [b[0] for b in ranked] == list(range(len(blocks))):
            return head + [line for _, _, block in blocks for line in block] + tail
        return head + self._joined(blocks, ranked, key_lines[0], column) + tail

    def _joined(
        self,
        blocks: list[tuple[int, str, list[str]]],
        ranked: list[tuple[int, str, list[str]]],
        first_line: int,
        column: int,
    ) -> list[str]:
        """The blocks in their new order; a first key sharing its line with `- ` keeps the dash first."""
        opening = self.lines[first_line]
        prefix = opening[:column]
        if not prefix.strip():  # the mapping starts on a line of its own: nothing to carry over
            return [line for _, _, block in ranked for line in block]
        # `  - place: x`: the dash belongs to the item, not to the key: it goes to the new first key's line.
        plain = " " * column
        out: list[str] = []
        for position, (_, _, block) in enumerate(ranked):
            block = list(block)
            key_at = next(i for i, line in enumerate(block) if not _is_comment(line))
            if block[key_at].startswith(prefix) and block[key_at][:column] == prefix:
                block[key_at] = plain + block[key_at][column:]
            if position == 0:
                comments, rest = block[:key_at], block[key_at:]
                dash_indent = " " * _indent(prefix)
                out += [dash_indent + c.lstrip(" ") for c in comments]
                out.append(prefix + rest[0][column:])
                out += rest[1:]
            else:
                out += block
        return out

    def sequence(self, node: SequenceNode, model: type[BaseModel], start: int, end: int) -> list[str]:
        items = node.value
        firsts = [self.line(item) for item in items]
        if len(set(firsts)) != len(firsts):
            return self.lines[start:end]
        column = items[0].start_mark.column
        dash = max(0, column - 2)
        last = self._last_content(firsts[-1], end, dash)
        bounds = [*firsts, last + 1]
        out = self.lines[start : firsts[0]]
        for item, low, high in zip(items, bounds, bounds[1:], strict=False):
            out += self.render(item, model, low, high)
        return out + self.lines[last + 1 : end]


def put_in_order(text: str, root: Node | None, model: type[BaseModel], offset: int = 0) -> str:
    """The YAML text with its block mappings' keys in the order of the model's fields."""
    if root is None:
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return "".join(_Reorderer(lines, offset).render(root, model, 0, len(lines)))
