"""How alike texts are: TF-IDF vectors of the terms reading.py reads them into, and the pairs among them.

A term few texts use weighs most; a term many use weighs nothing. Two texts are alike when they share at
least two distinctive words and their vectors' cosine is high enough. Pairs to compare come from an inverted
index of the terms, so the cost grows with the number of texts that really share something, not with the
square of the number of texts.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from res191.overlaps.reading import (
    Reader,
    generic_stems,
    in_a_sentence,
    is_glossary,
    shown_as,
)

# A glossary term names a subject an editor has recognised: it weighs, and counts, as two words.
GLOSSARY_WEIGHT = 2.0
# A pair of words confirms a match of single words; weighed less, so long titles are not diluted.
_PHRASE_WEIGHT = 0.5
# The most texts a term may be shared by before it counts as boilerplate (see Corpus.__init__).
TERM_LIMIT = 100
# How many distinctive words two texts must share before they are compared at all.
SHARED_WORDS = 2
# Up to how many texts a corpus compares every pair directly rather than through an index of its terms.
_FEW_TEXTS = 24


@dataclass(frozen=True)
class Match:
    """Two texts found alike: their positions in the input, the score and the terms they share."""

    first: int
    second: int
    score: float
    shared: tuple[str, ...]  # in the texts' own words


@dataclass
class Corpus:
    """TF-IDF vectors of a set of texts, and the pairs among them that are alike."""

    texts: Sequence[str]
    reader: Reader = field(default_factory=Reader)

    def __post_init__(self) -> None:
        # Each text's terms are counted and let go at once; how a text writes them is read again only for
        # the texts whose evidence is shown (_read_in).
        self._read: dict[int, tuple[dict[str, str], dict[str, str]]] = {}  # _read_in, by text
        counts = [Counter(t.key for t in self.reader.terms(text)) for text in self.texts]
        frequency = Counter(term for count in counts for term in count)
        total = len(self.texts)
        # A term that many texts of this corpus use is its boilerplate, whatever the word: it neither links
        # two texts nor adds to their score. Many: 2% of the texts, at least 12, at most TERM_LIMIT, which
        # keeps the pairs to compare bounded by the vocabulary rather than by the square of the texts.
        self.limit = min(max(12, int(0.02 * total)), TERM_LIMIT)
        self.idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in frequency.items()}
        # A glossary term found in one text only links it to nothing, and would only lower its score with
        # the texts that write the subject out in other words: it is left out.
        self.vectors = [
            self._vector(
                Counter(
                    {
                        t: n
                        for t, n in count.items()
                        if frequency[t] <= self.limit and (frequency[t] > 1 or not is_glossary(t))
                    }
                )
            )
            for count in counts
        ]

    def _vector(self, count: Counter[str]) -> dict[str, float]:
        weights = {term: (1 + math.log(n)) * self.idf[term] * _weight(term) for term, n in count.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}

    def similarity(self, first: int, second: int) -> float:
        """Cosine similarity of two texts' vectors, from 0 (nothing shared) to 1 (the same)."""
        a, b = self.vectors[first], self.vectors[second]
        return sum(a[t] * b[t] for t in a.keys() & b.keys())

    def label(self, term: str, first: int, second: int) -> str:
        """A term of two texts in their words, whole where one writes it so, else as first read in them
        (for `--explain`)."""
        for kind in (0, 1):  # written whole, then any way
            for index in (first, second):
                written = self._read_in(index)[kind].get(term)
                if written:
                    return written
        return self.reader.shown.get(term, term)

    def words(self, terms: Iterable[str], members: Sequence[int]) -> tuple[str, ...]:
        """Terms as the member texts write them: `Internet of Things`, not `internet thing`; never in the
        words of a text outside them ("Implementation of the Outcomes" where they write "implementing the
        outcomes"), and only a term two of them write whole. A glossary term they write differently is
        each of their phrases, with slashes: `COP / child online protection`."""
        terms = list(terms)
        shown = [w for w in dict.fromkeys(self._written(t, members) for t in terms) if w]
        if not shown:
            # No term shared is written whole by two of them (each is read inside a longer one somewhere:
            # "disaster relief" in "public protection and disaster relief"): as the first writing it does.
            every = [self._read_in(m)[1] for m in members]
            shown = list(dict.fromkeys(next(e[t] for e in every if t in e) for t in terms))
        # "Information Society" says nothing more beside "World Summit on the Information Society".
        return tuple(w for w in shown if not any(w != o and w.lower() in o.lower() for o in shown))

    def _written(self, term: str, members: Sequence[int]) -> str | None:
        phrases: dict[str, str] = {}  # by the phrase in lower case: "Protection" and "protection" are one
        writers = 0
        for index in members:
            written = self._read_in(index)[0].get(term)
            if written is not None:
                writers += 1
                phrases.setdefault(written.lower(), written)
        if writers < 2:
            return None  # shared, but written whole by one of them only: not shown as shared words
        if not is_glossary(term):
            # The same words, inflected alike or not ("service", "services"): as the first writes them.
            return next(iter(phrases.values()))
        return " / ".join(phrases.values())

    def _read_in(self, index: int) -> tuple[dict[str, str], dict[str, str]]:
        """Each term of one text as it writes it, at its first place: the terms written whole (a glossary
        phrase as the text writes it, "and" and all), and every term, fragments too. Read again when
        evidence is first asked of the text: only the texts of findings are, not every text of a corpus."""
        found = self._read.get(index)
        if found is None:
            text = self.texts[index]
            whole: dict[str, str] = {}
            every: dict[str, str] = {}
            for term in self.reader.terms(text):
                every.setdefault(term.key, in_a_sentence(text, term.start, term.end))
                if term.key in whole or term.inside:
                    continue
                # A glossary phrase is one subject, whatever words it holds ("emergency and disaster
                # situations"); other words across "and" are two subjects (shown_as).
                shown = (
                    in_a_sentence(text, term.start, term.end)
                    if is_glossary(term.key)
                    else shown_as(text, term.start, term.end)
                )
                if shown is not None:
                    whole[term.key] = shown
            found = self._read[index] = (whole, every)
        return found

    def shared_terms(self, members: Sequence[int], most: int = 5) -> tuple[str, ...]:
        """The terms two or more of the texts share, weighing most over them all, in the texts' words."""
        weight: dict[str, float] = defaultdict(float)
        seen: Counter[str] = Counter()
        for index in members:
            for term, w in self.vectors[index].items():
                weight[term] += w
                seen[term] += 1
        shown = [t for t in weight if seen[t] >= 2 and self._written(t, members)]
        if not shown:
            shown = [t for t in weight if seen[t] >= 2]
        return self.words(_evidence(shown, weight, most), members)

    def shared_with(self, text: int, others: Sequence[int], most: int = 5) -> tuple[str, ...]:
        """The terms of one text found in any of the others, weighing most in it, in the texts' words."""
        elsewhere = set().union(*(self.vectors[o] for o in others))
        vector = self.vectors[text]
        members = [text, *others]
        shown = [t for t in vector if t in elsewhere and self._written(t, members)]
        if not shown:
            shown = [t for t in vector if t in elsewhere]
        return self.words(_evidence(shown, vector, most), members)

    def contributions(self, first: int, second: int) -> list[tuple[str, float, float]]:
        """What makes two texts alike: each shared term, its weight in each text (the score is the sum
        of their products)."""
        a, b = self.vectors[first], self.vectors[second]
        return sorted(((t, a[t], b[t]) for t in a.keys() & b.keys()), key=lambda x: -x[1] * x[2])

    def scores(self, threshold: float = 0.0) -> dict[tuple[int, int], float]:
        """The cosine of each pair of texts sharing SHARED_WORDS words or more and scoring threshold or
        more, in one pass over the terms.

        Text by text: the texts after it that share a term are scored together, and only the pairs that
        pass are kept, so memory holds one text's candidates at a time, not every pair sharing a word.
        """
        # For each term, the texts holding it and its weight in each; for each text, the place of each of
        # its terms (in the order of its vector) in those lists. Arrays of numbers rather than a tuple an
        # entry: 12 bytes an entry instead of about 90.
        postings: dict[str, tuple[array[int], array[float]]] = {}
        places: list[array[int]] = []
        for index, vector in enumerate(self.vectors):
            own = array("q")
            for term, weight in vector.items():
                holders = postings.get(term)
                if holders is None:
                    holders = postings[term] = (array("q"), array("d"))
                own.append(len(holders[0]))
                holders[0].append(index)
                holders[1].append(weight)
            places.append(own)
        floor = threshold - 1e-9  # the sum of floats may fall a hair short of an exact score
        found: dict[tuple[int, int], float] = {}
        for first, own in enumerate(places):
            totals: dict[int, float] = defaultdict(float)
            words: Counter[int] = Counter()
            for (term, weight), place in zip(self.vectors[first].items(), own, strict=True):
                counts_as = _words_in(term)
                texts, weights = postings[term]
                for second, other in zip(texts[place + 1 :], weights[place + 1 :], strict=True):
                    totals[second] += weight * other
                    words[second] += counts_as
            for second, score in totals.items():
                if score >= floor and words[second] >= SHARED_WORDS:
                    found[(first, second)] = score
        return found

    def _pairwise(self, threshold: float) -> dict[tuple[int, int], float]:
        """scores() for a few texts (a theme's activities of a year): every pair compared directly, which
        is quicker than an index of their terms; the products summed in the same order, so the same
        scores to the last bit (the pairs in another order: for matches(), which sorts them)."""
        floor = threshold - 1e-9
        found: dict[tuple[int, int], float] = {}
        for first, vector in enumerate(self.vectors):
            for second in range(first + 1, len(self.vectors)):
                other = self.vectors[second]
                shared = [term for term in vector if term in other]
                if sum(_words_in(term) for term in shared) < SHARED_WORDS:
                    continue
                score = 0.0
                for term in shared:
                    score += vector[term] * other[term]
                if score >= floor:
                    found[(first, second)] = score
        return found

    def matches(self, threshold: float) -> list[Match]:
        """Every pair of texts at or above threshold, best first, with the terms they share."""
        found = [
            Match(first, second, score, self.shared_terms((first, second)))
            for (first, second), score in (
                self._pairwise(threshold) if len(self.vectors) <= _FEW_TEXTS else self.scores(threshold)
            ).items()
        ]
        return sorted(found, key=lambda m: (-m.score, m.first, m.second))


def _weight(term: str) -> float:
    if is_glossary(term):
        return GLOSSARY_WEIGHT
    return _PHRASE_WEIGHT if " " in term else 1.0


def _words_in(term: str) -> int:
    """How many distinctive words a shared term counts as: a pair of words adds nothing to its words, and
    a word that says what is done rather than about what (GENERIC_WORDS) counts for none."""
    if is_glossary(term):
        return int(GLOSSARY_WEIGHT)
    return 0 if " " in term or term in generic_stems() else 1


def _evidence(shared: list[str], weight: Mapping[str, float], most: int) -> list[str]:
    """The shared terms that weigh most; a phrase says more than its words, so it comes instead."""
    ranked = sorted(shared, key=lambda t: (-weight[t], t))
    phrases = [t for t in ranked if " " in t][:most]
    words = [t for t in ranked if " " not in t and not any(t in p.split() for p in phrases)]
    return sorted((phrases + words)[:most], key=lambda t: (-weight[t], t))
