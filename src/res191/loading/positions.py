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
    """(key position, value position) of every top-level key and of the items one level below.

    A small index kept instead of the node tree, so that a record can be pointed at many times
    (a theme's resolutions, its tracker's activities) after its tree is gone.
    """

    def at(node: Node) -> Position:
        return node.start_mark.line + 1 + document.line_offset, node.start_mark.column + 1

    index: dict[tuple[str | int, ...], tuple[Position, Position]] = {}
    root = document.node
    if not isinstance(root, MappingNode):
        return index
    index[()] = (at(root), at(root))
    for key_node, value_node in root.value:
        key = key_node.value
        index[(key,)] = (at(key_node), at(value_node))
        if isinstance(value_node, SequenceNode):
            for i, item in enumerate(value_node.value):
                index[(key, i)] = (at(item), at(item))
        elif isinstance(value_node, MappingNode):
            for inner_key, inner_value in value_node.value:
                index[(key, inner_key.value)] = (at(inner_key), at(inner_value))
    return index
