"""Where the top-level keys and list items of a record are, kept small: no parser needed to read it."""

from __future__ import annotations

Position = tuple[int, int]
Loc = tuple[str | int, ...]

_BITS = 24  # a line or column below 16 million: records are at most MAX_BYTES long
_MASK = (1 << _BITS) - 1


class Shallow:
    """(key position, value position) of top-level keys and of the items of top-level lists.

    Kept for every record a command holds (10,000 of them for overlaps), so kept small: the four
    numbers of an entry packed into one integer, the key names interned.
    """

    __slots__ = ("_at",)

    def __init__(self) -> None:
        self._at: dict[Loc, int] = {}

    def add(self, loc: Loc, key: Position, value: Position) -> None:
        """Remember where the key and the value at loc are."""
        packed = (((key[0] << _BITS | key[1]) << _BITS | value[0]) << _BITS) | value[1]
        self._at[loc] = packed

    def __contains__(self, loc: object) -> bool:
        return loc in self._at

    def __getitem__(self, loc: Loc) -> tuple[Position, Position]:
        packed = self._at[loc]
        key = (packed >> 3 * _BITS, packed >> 2 * _BITS & _MASK)
        return key, (packed >> _BITS & _MASK, packed & _MASK)

    def get(self, loc: Loc, default: tuple[Position, Position]) -> tuple[Position, Position]:
        """The positions at loc, or default."""
        return self[loc] if loc in self._at else default

    def keeping(self, extra: set[Loc]) -> Shallow:
        """The positions of the top-level keys, and of the items at the locs given only."""
        kept = Shallow()
        kept._at = {loc: packed for loc, packed in self._at.items() if len(loc) <= 1 or loc in extra}
        return kept

    def __getstate__(self) -> dict[Loc, int]:
        return self._at

    def __setstate__(self, state: dict[Loc, int]) -> None:
        self._at = state
