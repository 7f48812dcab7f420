"""How alike two texts are, seen through the boilerplate that every ITU title shares.

Texts become TF-IDF vectors of words and word pairs. Words every ITU text uses ("telecommunication",
"developing countries", "the role of") weigh nothing; words that few texts use weigh most. Pairs to
compare come from an inverted index of the informative terms only, so the cost grows with the number of
texts that really share something, not with the square of the number of texts.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")

# English function words, and the words of ITU's titles that say nothing of their subject.
STOP_WORDS = frozenset(
    """
    a an and are as at be by for from in into its of on or the their them these this to with within
    among between including particular particularly regard regarding relating related such through
    itu union sector sectors telecommunication telecommunications
    ict icts developing developed country countries role resolution resolutions
    international global world member state states matter matters area areas activity activities
    """.split()
)


def _stem(word: str) -> str:
    # Plural and -ies endings only: enough for titles to meet ("persons"/"person", "emergencies").
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# Phrases that say which Sector a text is from, or that every ITU text uses, not what it is about:
# the Sectors' names, and "telecommunication/information and communication technology".
_BOILERPLATE = re.compile(
    r"\b(?:itu )?(?:telecommunication development|telecommunication standardization|radiocommunication)"
    r" (?:sector|bureau|advisory group|assembly|conference)\b"
    r"|\b(?:telecommunications? )?(?:information and communications? technolog(?:y|ies))\b"
)
# A pair of words confirms a match of single words; weighed less, so long titles are not diluted.
_PHRASE_WEIGHT = 0.5


def terms(text: str) -> list[str]:
    """The informative words of a text, lower-cased and stemmed, with each pair of neighbours."""
    text = _BOILERPLATE.sub(" ", text.lower().replace("/", " "))
    words = [_stem(w) for w in _WORD.findall(text)]
    words = [w for w in words if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


# The most texts a term may be shared by before it counts as boilerplate (see Corpus.__init__).
TERM_LIMIT = 100


@dataclass(frozen=True)
class Match:
    """Two texts found alike: their positions in the input, the score and the terms they share."""

    first: int
    second: int
    score: float
    shared: tuple[str, ...]


class Corpus:
    """TF-IDF vectors of a set of texts, and the pairs among them that are alike."""

    def __init__(self, texts: Sequence[str]) -> None:
        counts = [Counter(terms(text)) for text in texts]
        frequency = Counter(term for count in counts for term in count)
        total = len(texts)
        # A term that many texts of this corpus use is its boilerplate, whatever the word: it neither
        # links two texts nor adds to their score. Many: 2% of the texts, at least 12 (in the 40 real
        # resolutions no term reaches 12), at most TERM_LIMIT, which keeps the pairs to compare
        # bounded by the vocabulary rather than by the square of the number of texts.
        self.limit = min(max(12, int(0.02 * total)), TERM_LIMIT)
        # Smoothed IDF: a rare term weighs most, a common one at least log(2).
        self.idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in frequency.items()}
        self.vectors = [
            self._vector(Counter({t: n for t, n in count.items() if frequency[t] <= self.limit}))
            for count in counts
        ]

    def _vector(self, count: Counter[str]) -> dict[str, float]:
        weights = {
            term: (1 + math.log(n)) * self.idf[term] * (_PHRASE_WEIGHT if " " in term else 1.0)
            for term, n in count.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def similarity(self, first: int, second: int) -> float:
        """Cosine similarity of two texts' vectors, from 0 (nothing shared) to 1 (the same)."""
        a, b = self.vectors[first], self.vectors[second]
        return sum(a[t] * b[t] for t in a.keys() & b.keys())  # the intersection is done in C

    def shared_terms(self, members: Iterable[int], most: int = 5) -> tuple[str, ...]:
        """The terms two or more of the texts share, weighing most over them all: a match's evidence."""
        weight: dict[str, float] = defaultdict(float)
        seen: Counter[str] = Counter()
        for index in members:
            for term, w in self.vectors[index].items():
                weight[term] += w
                seen[term] += 1
        return _evidence([t for t in weight if seen[t] >= 2], weight, most)

    def shared_with(self, text: int, others: Iterable[int], most: int = 5) -> tuple[str, ...]:
        """The terms of one text found in any of the others, weighing most in it."""
        elsewhere = set().union(*(self.vectors[o] for o in others))
        vector = self.vectors[text]
        return _evidence([t for t in vector if t in elsewhere], vector, most)

    def scores(self) -> dict[tuple[int, int], float]:
        """The cosine similarity of every pair of texts sharing a term, in one pass over the terms."""
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for index, vector in enumerate(self.vectors):
            for term, weight in vector.items():
                postings[term].append((index, weight))
        totals: dict[tuple[int, int], float] = defaultdict(float)
        for holders in postings.values():
            for i, (first, weight) in enumerate(holders):
                for second, other in holders[i + 1 :]:
                    totals[(first, second)] += weight * other
        return totals

    def matches(self, threshold: float) -> list[Match]:
        """Every pair of texts at or above threshold, best first, with the terms they share."""
        found = [
            Match(first, second, score, self.shared_terms((first, second)))
            for (first, second), score in self.scores().items()
            if score >= threshold - 1e-9  # the sum of floats may fall a hair short of an exact score
        ]
        return sorted(found, key=lambda m: (-m.score, m.first, m.second))


def _evidence(shared: list[str], weight: Mapping[str, float], most: int) -> tuple[str, ...]:
    """The shared terms that weigh most; a phrase says more than its words, so it comes instead."""
    ranked = sorted(shared, key=lambda t: (-weight[t], t))
    phrases = [t for t in ranked if " " in t][:most]
    words = [t for t in ranked if " " not in t and not any(t in p.split() for p in phrases)]
    return tuple(sorted((phrases + words)[:most], key=lambda t: (-weight[t], t)))
