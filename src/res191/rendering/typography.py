"""Typographic quotes and apostrophes, as ITU prints them: “One ITU”, and the membership\u2019s needs.

The report's Markdown gets them once, after its template has run, so that every part (the records' text,
the narrative of the report record, the template's own wording, the annexes) and every format (the .md
file, and the HTML and Word made from it) has the same style. markdown-it's typographer would do it only on
the tokens it renders to HTML and Word, never in the .md file; SmartyPants works on HTML and knows nothing of
Markdown's code spans or link destinations. So this small function works on the Markdown text itself, and
leaves alone what is not prose: fenced code blocks, code spans, link destinations and titles, link
reference definitions, autolinks and tags, attribute braces ({.missing}) and quotes escaped with a
backslash.
"""

from __future__ import annotations

import bisect
import re

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NOT_PROSE = re.compile(
    r"(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)"  # a code span
    r"|\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"  # a link's destination
    r"|^ {0,3}\[[^\]\n]+\]:[^\n]*"  # a link reference definition
    r"|<[^<>\n]*>"  # an autolink, <br> or a tag
    r"|\{[.#][^{}\n]*\}"  # a class or id: {.missing}
    r"|\\[\"']",  # a quote escaped to stay straight
    re.MULTILINE,
)
# After these, a quote opens; an isolate's start too (an Arabic report's values: rendering/dates.py).
_OPENS = set("([{<\u2014\u2013-/\u201c\u2018\u2066\u2067\u2068")
_EMPHASIS = "*_~"  # looked through: **"One ITU"** opens with the quote
_DECADE = re.compile(r"\d0s\b")  # '90s: an elision (an apostrophe), not an opening quote


def _not_prose(markdown: str) -> list[tuple[int, int]]:
    """The spans of the text that are code, addresses or markup, in order."""
    spans: list[tuple[int, int]] = []
    offset, fence_start, fence = 0, 0, ""
    for line in markdown.splitlines(keepends=True):
        opened = _FENCE.match(line)
        if fence and opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
            spans.append((fence_start, offset + len(line)))
            fence = ""
        elif not fence and opened:
            fence, fence_start = opened.group(1), offset
        offset += len(line)
    if fence:  # a fence left open runs to the end of the text
        spans.append((fence_start, offset))
    fences = list(spans)
    for found in _NOT_PROSE.finditer(markdown):
        if not any(start <= found.start() < end for start, end in fences):
            spans.append(found.span())
    return sorted(spans)


def _curly(text: str, at: int) -> str:
    """The typographic form of the straight quote at `at`, from what is around it."""
    back = at - 1
    while back >= 0 and text[back] in _EMPHASIS:
        back -= 1
    before = text[back] if back >= 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    opens = before.isspace() or before in _OPENS
    if text[at] == "'":
        if not opens or _DECADE.match(text, at + 1):
            return "\u2019"  # an apostrophe (membership's, '90s) or a closing quote
        return "\u2018" if not after.isspace() else "\u2019"
    return "\u201c" if opens and not after.isspace() else "\u201d"


def typographic(markdown: str) -> str:
    """The Markdown with typographic quotes and apostrophes in its prose, and code and markup unchanged."""
    spans = _not_prose(markdown)
    starts = [start for start, _ in spans]
    out = list(markdown)
    for quote in re.finditer(r"[\"']", markdown):
        at = quote.start()
        index = bisect.bisect_right(starts, at) - 1
        if index >= 0 and spans[index][0] <= at < spans[index][1]:
            continue
        out[at] = _curly(markdown, at)
    return "".join(out)
