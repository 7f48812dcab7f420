"""How ITU's texts are read into terms: through the glossary, past the boilerplate every ITU title shares.

Each phrase of the glossary becomes its entry's term ("young people" is read as "youth", "World Summit on the
Information Society" as "WSIS"); phrases that say which Sector a text is from, or that every ITU title
uses, are left out; the other words are stemmed (Snowball's English stemmer: "improving" and "improved"
meet), and each pair of neighbouring words is a term too. Each term remembers the words it was read from, so
that evidence is shown in the texts' own words, never as stems. How alike texts are is similarity.py's.
"""

from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from res191.models import GlossaryEntry
from res191.models.glossary import phrase_key

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

# Phrases that say which Sector or conference a text is from, or that every ITU text uses, not what it is
# about: the Sectors' names and their bodies' ("assemblies" too), the Plenipotentiary Conference's, and
# "telecommunication/information and communication technology".
_BOILERPLATE = (
    r"(?:itu )?(?:telecommunication development|telecommunication standardization|radiocommunication)"
    r" (?:sectors?|bureaux?|advisory groups?|assembly|assemblies|conferences?)"
    r"|plenipotentiary conferences?"
    r"|itu (?:telecommunication development|telecommunication standardization|radiocommunication)"
    r"|(?:telecommunications?[ /]+)?information and communications?(?: technolog(?:y|ies))?"
)
# The word by which one of those names says which conference it is, or whose Sector: "world
# telecommunication standardization assemblies" is WTSA's, "the ITU Radiocommunication Sector" RA's and WRC's.
OWN_NAME = {
    "PP": "plenipotentiary",
    "WTSA": "standardization",
    "WTDC": "development",
    "RA": "radiocommunication",
    "WRC": "radiocommunication",
}
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_BREAK = re.compile(r"[.;:]")
# How a glossary entry's term is told apart from a word: "=wsis".
GLOSSARY_MARK = "="
# Words ITU's titles use for what is done about a subject, not for the subject: they weigh in the score
# like any word, but two texts sharing only such words are not linked ("support" and "protection" do not
# make consumer protection a matter of the environment). Stemmed when first needed.
GENERIC_WORDS = frozenset(
    """
    support supporting protection protecting promotion promoting strengthening strengthen enhancing
    enhanced enhancement improving improved improvement facilitating facilitate assisting assistance use
    using implementation implementing contribution development services service cooperation
    collaboration participation access building capacity mechanisms measures programmes
    combating countering
    """.split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Imported when a text is first read: the site's pages use the findings that need no stemming,
    # and importing Snowball's stemmers costs some 40 ms of every start of `res191 site`.
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A word's stem, by Snowball's English stemmer."""
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=1)
def generic_stems() -> frozenset[str]:
    return frozenset(stem(word) for word in GENERIC_WORDS)


@dataclass(frozen=True)
class Term:
    """A term of a text: its stemmed form, and where in the text it was read from."""

    key: str  # "coordin", or "child onlin" for a pair of words
    start: int
    end: int
    # Read from inside a glossary phrase: it scores, but is not shown as evidence (the entry's term is),
    # so that no fragment such as "Summit on the Information" is quoted.
    inside: bool = False


class Reader:
    """Reads texts into terms, through a glossary."""

    def __init__(self, glossary: Iterable[GlossaryEntry] = ()) -> None:
        self.meaning: dict[str, str] = {}
        self.shown: dict[str, str] = {}  # a glossary term as its entry writes it
        # Phrases on an entry's subject rather than the same thing (its `same_subject`): duplicates.py
        # does not take them for the term's own words.
        self.on_subject: set[str] = set()
        for entry in glossary:
            key = GLOSSARY_MARK + "_".join(entry.term.lower().split())
            self.shown[key] = entry.term
            for phrase in entry.phrases:
                self.meaning[phrase_key(phrase)] = key  # as the glossary tells phrases apart
            self.on_subject |= {phrase_key(phrase) for phrase in entry.same_subject}
        # A phrase matches across any spacing and line breaks of the text.
        alternatives = [
            r"\s+".join(map(re.escape, p.split())) for p in sorted(self.meaning, key=len, reverse=True)
        ]
        self._inside: dict[str, list[tuple[str, int, int]]] = {}  # _inner_phrases, by phrase
        # Longest phrase first: at each place the longest glossary phrase wins, then the boilerplate.
        self.pattern = re.compile(
            r"(?<![a-z0-9])(?:(?P<glossary>"
            + ("|".join(alternatives) or "(?!)")
            + r")|(?P<boilerplate>"
            + _BOILERPLATE
            + r"))(?![a-z0-9])"
        )

    def words(self, text: str) -> list[Term]:
        """The text's distinctive words, stemmed, each with where it was read from; a glossary phrase is
        read as its entry's term, and a phrase of several words keeps its own words too, so that two
        texts writing it out meet on them as well."""
        lowered = _lower(text)
        found: list[Term] = []
        position = 0
        for match in self.pattern.finditer(lowered):
            found += self._plain(lowered, position, match.start())
            phrase = match.group("glossary")
            if phrase is not None:
                key = self.meaning[" ".join(phrase.split())]
                found.append(Term(key, match.start(), match.end()))
                if " " in phrase:
                    found += self._nested(phrase, key, match.start())
                    found += self._plain(lowered, match.start(), match.end(), inside=True)
            position = match.end()
        return found + self._plain(lowered, position, len(lowered))

    def _nested(self, phrase: str, key: str, start: int) -> list[Term]:
        """The other entries' phrases inside a glossary phrase, read as their terms too, as its words are:
        "public protection and disaster relief" is also "disaster relief"."""
        return [
            Term(inner, start + offset, start + end, inside=True)
            for inner, offset, end in self._inner_phrases(" ".join(phrase.split()), phrase)
            if inner != key
        ]

    def _inner_phrases(self, normal: str, phrase: str) -> list[tuple[str, int, int]]:
        found = self._inside.get(phrase)  # by the phrase as written: the places are in it
        if found is None:
            found = []
            for other, meaning in self.meaning.items():
                if other == normal or len(other) >= len(normal):
                    continue
                words = r"\s+".join(map(re.escape, other.split()))
                found += [
                    (meaning, m.start(), m.end())
                    for m in re.finditer(rf"(?<![a-z0-9]){words}(?![a-z0-9])", phrase)
                ]
            self._inside[phrase] = found
        return found

    def names_only_itself(self, text: str, conference: str) -> bool:
        """Whether a text names a conference or Sector, and only the one it is of (OWN_NAME: "Rules of
        procedure of the ITU Telecommunication Development Sector", of WTDC), as a text a conference has for
        itself does; not one that names another too ("cooperation between ITU-D and ITU-T")."""
        own = OWN_NAME.get(conference)
        boilerplate = [m.group("boilerplate") or "" for m in self.pattern.finditer(_lower(text))]
        # The names of Sectors and conferences among it, not "information and communication technologies".
        named = [name for name in boilerplate if any(word in name for word in OWN_NAME.values())]
        return own is not None and bool(named) and all(own in name for name in named)

    def wording(self, text: str) -> frozenset[str]:
        """The distinctive words of a wording, to tell whether two are the same: glossary terms as their
        entry's term, not the words inside them; a phrase on a term's subject (`same_subject`) as itself,
        since other words on one subject do not make two titles the same."""
        found = set()
        for term in self.words(text):
            if term.inside:
                continue
            phrase = " ".join(_lower(text[term.start : term.end]).split())
            found.add(f"{term.key}:{phrase}" if phrase in self.on_subject else term.key)
        return frozenset(found)

    @staticmethod
    def _plain(text: str, start: int, end: int, inside: bool = False) -> list[Term]:
        return [
            Term(stem(m.group()), m.start() + start, m.end() + start, inside)
            for m in _WORD.finditer(text[start:end])
            if _keep(m.group())
        ]

    def terms(self, text: str) -> list[Term]:
        """The words of a text and each pair of neighbouring words within a sentence."""
        words = self.words(text)
        pairs = [
            Term(sys.intern(f"{a.key} {b.key}"), a.start, b.end, a.inside and b.inside)
            for a, b in itertools.pairwise(words)
            if a.key != b.key
            and not is_glossary(a.key)
            and not is_glossary(b.key)
            and not _SENTENCE_BREAK.search(text, a.end, b.start)
        ]
        return words + pairs


# Where a quoted word continues: "e-health" is quoted whole, never as "health".
_COMPOUND_BEFORE = re.compile(r"[A-Za-z0-9]+-$")
_COMPOUND_AFTER = re.compile(r"^-[A-Za-z0-9]+")


def shown_as(text: str, start: int, end: int) -> str | None:
    """How a term read from text[start:end] is quoted as evidence, or None where it is no whole term: a
    pair of words across "and" or "or" ("Things and smart") is two subjects, not one."""
    before = _COMPOUND_BEFORE.search(text, 0, start)
    after = _COMPOUND_AFTER.match(text[end : end + 40])
    start = before.start() if before else start
    end = end + after.end() if after else end
    words = text[start:end].split()
    if len(words) > 1 and any(w.lower() in ("and", "or") for w in words):
        return None
    return in_a_sentence(text, start, end)


def in_a_sentence(text: str, start: int, end: int) -> str:
    """Words of a text to quote in a sentence: "Protection" opening a title is "protection" there;
    "Internet of Things" inside one stays as it is, and so does an acronym."""
    words = text[start:end]
    opens = not text[:start].strip() or text[:start].rstrip().endswith(".")
    if opens and words[:1].isupper() and not words[1:2].isupper():
        return words[:1].lower() + words[1:]
    return words


def _lower(text: str) -> str:
    """The text in lower case, each character in its place (a few lower to two: "İ" stays)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def is_glossary(term: str) -> bool:
    """Whether a term is a glossary entry's."""
    return term.startswith(GLOSSARY_MARK)


def _keep(word: str) -> bool:
    return word not in STOP_WORDS and not word.isdigit() and len(word) > 1


def is_generic(term: str) -> bool:
    """Whether a term is a word that says what is done rather than about what (GENERIC_WORDS)."""
    return term in generic_stems()
