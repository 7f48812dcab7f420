""" "Did you mean ...?": the id closest to a misspelt one, in time that does not grow with the ids.

Comparing a broken reference with every id (difflib over thousands of ids) made a repository with
many broken references many times slower to check than a clean one. Instead, every id is indexed
under the strings it gives with one character deleted; a misspelling one or two edits away (a
letter missing, added, changed, or two letters swapped) shares one of those strings, and is found
with a few dictionary lookups. The few candidates found are then ranked as difflib would.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

# Below this many ids, comparing with all of them is as cheap and also finds looser matches.
_COMPARE_ALL_BELOW = 200


def _edits(a: str, b: str) -> int:
    """How many letters to add, remove, change or swap with a neighbour to turn a into b."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            cost = 0 if char == other else 1
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                best = min(best, previous2[j - 2] + 1)
            current.append(best)
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))} | {word}


class Suggester:
    """Suggests the known id closest to an unknown one, or nothing when none is close."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = sorted(set(known))
        self._index: dict[str, list[str]] | None = None
        self._answers: dict[str, str | None] = {}

    def _neighbours(self) -> dict[str, list[str]]:
        if self._index is None:  # built on the first broken reference only: clean runs never pay
            index: dict[str, list[str]] = {}
            for word in self.known:
                for variant in _deletions(word):
                    index.setdefault(variant, []).append(word)
            self._index = index
        return self._index

    def closest(self, unknown: str) -> str | None:
        """The id most like unknown, if one is close enough to be the one meant."""
        if unknown not in self._answers:
            if len(self.known) < _COMPARE_ALL_BELOW:
                candidates = self.known
            else:
                index = self._neighbours()
                candidates = sorted({w for v in _deletions(unknown) for w in index.get(v, ())})
            close = difflib.get_close_matches(unknown, candidates, n=5, cutoff=0.7)
            # Of the close ones, the fewest edits away: `tsga` is `tsag` with two letters swapped.
            ranked = sorted(close, key=lambda word: _edits(unknown, word))
            self._answers[unknown] = ranked[0] if ranked else None
        return self._answers[unknown]
