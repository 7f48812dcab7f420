"""Where the top-level keys and list items of a record are, kept small: no parser needed to read it."""

from __future__ import annotations

from array import array
from typing import Any

LineColumn = tuple[int, int]
Loc = tuple[str | int, ...]

BITS = 24  # a line or column below 16 million: records are at most MAX_BYTES long
_MASK = (1 << BITS) - 1


def _unpack(packed: int) -> LineColumn:
    return packed >> BITS, packed & _MASK


class KeyPlaces:
    """Where a record's mapping starts, (key position, value position) of its top-level keys, and
    where the items of its top-level lists start.

    Kept for every record a command holds (10,000 of them for overlaps), so kept small: a key's two
    positions packed into one integer, a list's items into one array of integers, the key names
    interned (shared by every record). Looked up by loc: () for the mapping, (key,) for a top-level
    key, (key, index) for an item of a top-level list (whose key and value positions are the same).
    """

    __slots__ = ("_items", "_keys", "_root")

    def __init__(self) -> None:
        self._root: int | None = None
        self._keys: dict[Any, int] = {}
        self._items: dict[Any, array[int]] = {}

    @classmethod
    def packed(cls, root: int, keys: dict[Any, int], items: dict[Any, array[int]]) -> KeyPlaces:
        """An index from positions packed already: a position as `line << BITS | column`, a key's two
        as `key << 2 * BITS | value`, a list's items in an array. key_places packs them so, for
        every record file, without a call per key."""
        made = cls()
        made._root, made._keys, made._items = root, keys, items
        return made

    def _find(self, loc: Loc) -> tuple[LineColumn, LineColumn] | None:
        if not loc:
            if self._root is None:
                return None
            start = _unpack(self._root)
            return start, start
        name = loc[0]
        if len(loc) == 1:
            packed = self._keys.get(name)
            if packed is None:
                return None
            return _unpack(packed >> 2 * BITS), _unpack(packed & (1 << 2 * BITS) - 1)
        items = self._items.get(name)
        index = loc[1]
        if len(loc) != 2 or items is None or not isinstance(index, int) or not 0 <= index < len(items):
            return None
        at = _unpack(items[index])
        return at, at

    def __contains__(self, loc: object) -> bool:
        return isinstance(loc, tuple) and self._find(loc) is not None

    def __getitem__(self, loc: Loc) -> tuple[LineColumn, LineColumn]:
        found = self._find(loc)
        if found is None:
            raise KeyError(loc)
        return found

    def get(self, loc: Loc, default: tuple[LineColumn, LineColumn]) -> tuple[LineColumn, LineColumn]:
        """The positions at loc, or default."""
        found = self._find(loc)
        return default if found is None else found

    def keeping(self, extra: set[Loc]) -> KeyPlaces:
        """The positions of the mapping and its top-level keys, and of the items at the locs given (and
        perhaps of a few more). An index is never changed once made: one with nothing to leave out is
        shared, not copied."""
        if all(any(len(loc) == 2 and loc[0] == name for loc in extra) for name in self._items):
            return self
        kept = KeyPlaces()
        kept._root, kept._keys = self._root, self._keys
        for loc in extra:
            if len(loc) == 2 and loc[0] in self._items and loc in self:
                # Items are kept up to the last one asked for: their index is their place in the array.
                name, index = loc
                assert isinstance(index, int)
                if len(kept._items.get(name, ())) <= index:
                    kept._items[name] = self._items[name][: index + 1]
        return kept

    def __getstate__(self) -> tuple[int | None, dict[Any, int], dict[Any, array[int]]]:
        return self._root, self._keys, self._items

    def __setstate__(self, state: tuple[int | None, dict[Any, int], dict[Any, array[int]]]) -> None:
        self._root, self._keys, self._items = state
