"""Point a path inside a record (('editions', 0, 'year')) at a line and column of its file."""

from __future__ import annotations

import sys
from array import array
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from res191.loading.key_places import BITS, KeyPlaces, LineColumn, Loc
from res191.loading.yaml12 import Document


class Locator:
    """Finds where values are in one parsed document, in time linear in the document.

    Each mapping's keys are indexed the first time a path goes through it, so pointing at many
    keys of one large mapping (40,000 unknown keys) does not cost the square of its size.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._keys: dict[int, dict[str, tuple[Node, Node]]] = {}

    def _child(self, mapping: MappingNode, key: str) -> tuple[Node, Node] | None:
        index = self._keys.get(id(mapping))
        if index is None:
            index = {}
            for key_node, value_node in mapping.value:
                if isinstance(key_node.value, str):  # a key written twice: its last value, as read
                    index[key_node.value] = (key_node, value_node)
            self._keys[id(mapping)] = index
        return index.get(key)

    def written(self, path: Loc) -> str | None:
        """The text of the scalar at path as the file writes it (`0x46`), or None."""
        node = self._node(path)
        return node.value if isinstance(node, ScalarNode) else None

    def _node(self, path: Loc) -> Node | None:
        node = self.document.node
        for step in path:
            if isinstance(node, MappingNode) and isinstance(step, str):
                found = self._child(node, step)
                node = found[1] if found is not None else None
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
            else:
                return None
        return node

    def locate(self, path: Loc, at_key: bool = False) -> LineColumn:
        """The 1-based line and column of the value at path (or of its key), or of the nearest parent.

        Steps that match no key are passed over: pydantic inserts names of union members and
        validators into its error paths, and a missing key points at the mapping that lacks it.
        """
        node = self.document.node
        offset = self.document.line_offset
        if node is None:
            return 1 + offset, 1
        key_node: Node | None = None
        for step in path:
            if isinstance(node, MappingNode) and isinstance(step, str):
                found = self._child(node, step)
                if found is not None:
                    key_node, node = found
            elif isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                key_node, node = None, node.value[step]
        target = key_node if at_key and key_node is not None else node
        return target.start_mark.line + 1 + offset, target.start_mark.column + 1


def locate(document: Document, path: Loc, at_key: bool = False) -> LineColumn:
    """Where the value at path is (or its key): one question, no index kept."""
    return Locator(document).locate(path, at_key)


def find_key_places(document: Document, every_list: bool = True) -> KeyPlaces:
    """(key position, value position) of every top-level key and of the items of top-level lists (of
    every one, or only of those holding plain values, such as a theme's resolutions).

    A small index kept instead of the node tree, so that a record can be pointed at many times
    (a theme's resolutions, its tracker's activities) after its tree is gone.
    """
    offset = document.line_offset + 1
    root = document.node
    if not isinstance(root, MappingNode):
        return KeyPlaces()
    # Packed as KeyPlaces.packed says, in place: this runs for every record file.
    keys: dict[Any, int] = {}
    items: dict[Any, array[int]] = {}
    for key_node, value_node in root.value:
        key_mark, value_mark = key_node.start_mark, value_node.start_mark
        name = sys.intern(key_node.value) if isinstance(key_node.value, str) else key_node.value
        key = (key_mark.line + offset) << BITS | key_mark.column + 1
        keys[name] = key << 2 * BITS | (value_mark.line + offset) << BITS | value_mark.column + 1
        if isinstance(value_node, SequenceNode) and (
            every_list or all(type(item) is ScalarNode for item in value_node.value)
        ):
            marks = [item.start_mark for item in value_node.value]
            items[name] = array("Q", [(m.line + offset) << BITS | m.column + 1 for m in marks])
    start = root.start_mark
    return KeyPlaces.packed((start.line + offset) << BITS | start.column + 1, keys, items)
