"""What a line of a conference's list is, whatever its language: an entry, another text than a resolution
(skipped), or neither; and an entry's title without the table of contents' leader dots and page number.

`session_list` reads entries in ITU's English form only. A line it does not read is left out, and a
resolution left out of a complete list is taken as suppressed: so any line that has the shape of an entry
in any language ("RÉSOLUTION 10 (Rév. Hyderabad, 2010)", the same in Russian, Arabic or Chinese, with
full-width brackets) must stop the import rather than be passed over. The shapes are
told by digits and brackets, not by words, so that a language nobody thought of is caught too.
"""

from __future__ import annotations

import re

_HYPHENS = "\\-\u2010\u2011\u2012\u2013"
# An edition in brackets: a year of four digits or "WRC-19" inside (round or full-width brackets); and
# before it, since the previous bracket, a number standing alone (not the "22" of "WTDC-22", nor the "8" of
# "8th"). Found bracket by bracket, so a long pasted line is read once, not again from each of its digits.
_EDITION_IN_BRACKETS = re.compile(
    rf"[(\uff08][^()\uff08\uff09]*(?:\d{{4}}|WRC[{_HYPHENS}]\s*\d\d)[^()\uff08\uff09]*[)\uff09]",
    re.IGNORECASE,
)
_NUMBER_ALONE = re.compile(rf"(?<![\d{_HYPHENS}])\d+(?:[A-Za-z](?![A-Za-z]))?(?=[\s{_HYPHENS}/]|$)")
# The word for a resolution or a decision in ITU's six languages (and the slips and abbreviations of
# English lists), then its number, ITU-R's too: "Résolution 10", "РЕЗОЛЮЦИЯ 10", "القرار 10", "SUP
# RESOLUTION 3", "Resolution ITU-R 1-9"; in Chinese the number comes first: "第10号决议". Only these words:
# a heading or a wrapped title ("Chapter 3", "Part 2", "COVID 19 pandemic") is no entry.
_ENTRY_WORD = re.compile(
    r"(?:^|[^\w])(?:MOD\s+|ADD\s+|SUP\s+)?"
    r"(?:RESOLU\w*|R\u00c9SOLU\w*|RESOLUCI\w*|\u0420\u0415\u0417\u041e\u041b\u042e\u0426\w*"
    r"|DECISI\w*|D\u00c9CISI\w*|\u0420\u0415\u0428\u0415\u041d\w*|RES|DEC"
    r"|\u0627\u0644\u0642\u0631\u0627\u0631|\u0642\u0631\u0627\u0631"
    r"|\u0627\u0644\u0645\u0642\u0631\u0631|\u0645\u0642\u0631\u0631)"
    rf"\.?\s*(?:No\.?\s*)?(?:(?:ITU|UIT|\u041c\u0421\u042d)[{_HYPHENS}]R\s*)?\d"
    r"|\u7b2c\s*\d+\s*\u53f7\s*(?:\u51b3\u8bae|\u51b3\u5b9a)",
    re.IGNORECASE,
)

# Texts a list of final acts or a report's table of contents gives beside resolutions and decisions
# ("Part IV - Resolutions and Recommendations"; a WRC's final acts list its articles and appendices):
# none is a resolution, so each is skipped, and counted. The word, in ITU's languages written in Latin
# or Cyrillic letters, then a number.
OTHER_TEXTS = {
    "recommendation": ("RECOMMENDATION", "RECOMMANDATION", "RECOMENDACIÓN", "RECOMENDACION", "РЕКОМЕНДАЦИЯ"),
    "article": ("ARTICLE", "ARTÍCULO", "ARTICULO", "СТАТЬЯ"),
    "appendix": ("APPENDIX", "APPENDICE", "APÉNDICE", "APENDICE", "ДОПОЛНЕНИЕ"),
    "annex": ("ANNEX", "ANNEXE", "ANEXO", "ПРИЛОЖЕНИЕ"),
}
_OTHER_TEXT = re.compile(
    r"^\s*(?:(?:MOD|ADD|SUP)\s+)?(?P<word>"
    + "|".join(w for words in OTHER_TEXTS.values() for w in words)
    + r")\s*(?:(?:ITU|UIT|МСЭ)-[RTD]\s*)?\d",
    re.IGNORECASE,
)

# The end of a title in a table of contents: leader dots (or an ellipsis, or middle dots), then the page
# number if any; or a tab, then the page number. "WSIS ........ 123" is "WSIS".
_LEADERS_AND_PAGE = re.compile(
    r"(?:\s*(?:[.\u2026\u00b7]\s*){3,}(?:\d+|[ivxlc]+)?|\s*\t+\d+)\s*$", re.IGNORECASE
)


# An edition revised, in brackets, which only an entry gives: "(Rev. Kigali, 2022)", "(Rév. ...)", even on
# a line whose number was lost in the copy.
_REVISED = re.compile(r"[(\uff08]\s*R[E\u00c9]V\b", re.IGNORECASE)


def looks_like_an_entry(line: str) -> bool:
    """Whether a line has the shape of an entry of a list in some language: the word for a resolution or a
    decision with its number; an edition revised, in brackets; or, in any script, a number then an edition
    in brackets."""
    if _ENTRY_WORD.search(line) or _REVISED.search(line):
        return True
    since = 0
    for edition in _EDITION_IN_BRACKETS.finditer(line):
        if _NUMBER_ALONE.search(line[since : edition.start()].rstrip()):
            return True
        since = edition.end()
    return False


def other_text(line: str) -> str | None:
    """What a line names where it names a text that is not a resolution ("recommendation", "article",
    "appendix", "annex"); None otherwise."""
    found = _OTHER_TEXT.match(line)
    if found is None:
        return None
    word = found["word"].upper()
    return next(kind for kind, words in OTHER_TEXTS.items() if word in words)


def title_of(written: str) -> str | None:
    """A title as a list writes it, without the leader dots and page number of a table of contents;
    None where nothing is left."""
    title = _LEADERS_AND_PAGE.sub("", written).strip()
    return title or None


def other_texts(text: str) -> list[tuple[int, str]]:
    """The lines of a list that name a text that is not a resolution: (line number, what it names)."""
    found = []
    for number, line in enumerate(lines_of(text), start=1):
        kind = other_text(line)
        if kind is not None:
            found.append((number, kind))
    return found


def skipped(texts: list[tuple[int, str]]) -> str:
    """What other_texts found, said in a line: "skipped 2 lines that are not resolutions: 1
    recommendation, 1 appendix (lines 12, 14)"."""
    counts: dict[str, int] = {}
    for _, kind in texts:
        counts[kind] = counts.get(kind, 0) + 1
    kinds = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items())
    numbers = [str(n) for n, _ in texts]
    shown = ", ".join(numbers[:10]) + (", ..." if len(numbers) > 10 else "")
    some = (
        "a line that is not a resolution"
        if len(texts) == 1
        else f"{len(texts)} lines that are not resolutions"
    )
    return f"skipped {some}: {kinds} (line{'s' if len(texts) != 1 else ''} {shown})"


def lines_of(text: str) -> list[str]:
    """A list's lines as an editor numbers them: split at line feeds only (pdftotext puts a form feed at
    each page break, which str.splitlines would count as a line of its own), a page break and a carriage
    return left out of the line."""
    return [line.replace("\f", "").rstrip("\r") for line in text.split("\n")]


# The end of a title cut where a line of a table of contents wrapped and the rest was not on a line of its
# own starting with a small letter: a comma, or a word that a title does not end on.
_UNFINISHED = re.compile(
    r"(?:[,;:\u2013-]|\b(?:and|or|of|to|for|the|in|on|with|by|a|an|at|from|its|their|between|among))\s*$",
    re.IGNORECASE,
)


def unfinished(title: str) -> bool:
    """Whether a title is cut short (recorded as no title rather than a part of one)."""
    return bool(_UNFINISHED.search(title))


_YEAR_IN_BRACKETS = re.compile(
    rf"\([^()]*(?:[0-9]{{4}}|WRC[{_HYPHENS}](?:[0-9]{{4}}|[0-9]{{2}}))\s*\)", re.IGNORECASE
)


def what_is_wrong(line: str) -> str:
    """Why a line that looks like an entry is not read, in a few words."""
    if not re.match(r"^\s*(?:MOD\s+|ADD\s+)?(?:RESOLUTION|DECISION)", line, re.IGNORECASE):
        return (
            "it does not start with RESOLUTION or DECISION; lists are read in English, as ITU publishes them"
        )
    if "(" not in line or ")" not in line:
        return "no edition in brackets"
    if not _YEAR_IN_BRACKETS.search(line):
        return "the edition in brackets has no year, such as 2010, or WRC-19"
    return "not in the form expected"
