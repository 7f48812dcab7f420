"""Point a path inside a record (('editions', 0, 'year')) at a line and column of its file."""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, SequenceNode

from res191.loading.yaml12 import Document


def locate(document: Document, path: tuple[str | int, ...], at_key: bool = False) -> tuple[int, int]:
    """The 1-based line and column of the value at path (or of its key), or of the nearest parent.

    Steps that match no key are passed over: pydantic inserts names of union members and
    validators into its error paths, and a missing key points at the mapping that lacks it.
    """
    node = document.node
    if node is None:
        return 1 + document.line_offset, 1
    key_node: Node | None = None
    for step in path:
        if isinstance(node, MappingNode) and isinstance(step, str):
            for candidate_key, candidate_value in node.value:
                if candidate_key.value == step:
                    key_node, node = candidate_key, candidate_value
                    break
        elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
            key_node, node = None, node.value[step]
    target = key_node if at_key and key_node is not None else node
    return target.start_mark.line + 1 + document.line_offset, target.start_mark.column + 1


Position = tuple[int, int]


def shallow_positions(document: Document) -> dict[tuple[str | int, ...], tuple[Position, Position]]:
    """(key position, value position) of every top-level key and of the items of top-level lists.

    A small index kept instead of the node tree, so that a record can be pointed at many times
    (a theme's resolutions, its tracker's activities) after its tree is gone.
    """
    offset = document.line_offset + 1
    index: dict[tuple[str | int, ...], tuple[Position, Position]] = {}
    root = document.node
    if not isinstance(root, MappingNode):
        return index
    start = (root.start_mark.line + offset, root.start_mark.column + 1)
    index[()] = (start, start)
    for key_node, value_node in root.value:
        key_mark, value_mark = key_node.start_mark, value_node.start_mark
        index[(key_node.value,)] = (
            (key_mark.line + offset, key_mark.column + 1),
            (value_mark.line + offset, value_mark.column + 1),
        )
        if isinstance(value_node, SequenceNode):
            for i, item in enumerate(value_node.value):
                at = (item.start_mark.line + offset, item.start_mark.column + 1)
                index[(key_node.value, i)] = (at, at)
    return index
