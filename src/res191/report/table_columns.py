"""Column widths from a table's content, so that no word of an annex is broken across two lines.

Word and LibreOffice break a line in a cell at spaces (and after a hyphen or a slash); a word longer than
its column is cut wherever the column ends ("Resolu-tion"). So each column gets at least the width of its
longest word, as browsers lay out tables: the rest of the page's width goes to the columns whose text
would otherwise wrap most, in proportion to how much longer their longest line is than their longest word.
Only where the longest words alone are wider than the page are words broken, after hyphens and slashes
first ("Telecommunication/" "information").

The widths are estimated from the characters, not measured from a font: Calibri where Word has it, and
the wider fonts LibreOffice falls back on where Calibri and Carlito are not installed (Noto Sans, DejaVu
Sans). The estimate is for the wider ones, so that a word fitting it fits in Calibri too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Advance widths in ems, of Noto Sans rounded up (Calibri's are about 12 % narrower): "meetings/remote",
# estimated at 7.7 ems with r, t and / as narrow as i and l, is 8.1 in Noto Sans, and LibreOffice broke it.
_NARROW, _WIDE, _SPACE = set("fijlI.,;:'!|()[]\u2019\u2018"), set("mwMW@%"), 0.26
_SLIM = set("rt/")
_LOWER, _UPPER = 0.6, 0.68
BOLD = 1.07  # bold text is this much wider
CELL_PADDING = 13.0  # points: Word's cell margins (5.4 pt each side) and the borders


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The estimated width of a text on one line, in points."""
    ems = 0.0
    for char in text:
        if char.isspace():
            ems += _SPACE
        elif char in _NARROW:
            ems += 0.3
        elif char in _SLIM:
            ems += 0.42
        elif char in _WIDE:
            ems += 0.93
        elif char.isupper() or char.isdigit():
            ems += _UPPER
        else:
            ems += _LOWER
    return ems * size * (BOLD if bold else 1.0)


def _words(line: str, finer: bool) -> list[str]:
    """The pieces a line may be broken into: words, or with `finer` also after hyphens and slashes."""
    pieces = line.split()
    if finer:
        pieces = [p for word in pieces for p in re.findall(r"[^-/]*[-/]?", word) if p]
    return pieces


def _extent(
    cells: Sequence[str], size: float, bold: Sequence[bool], finer: bool
) -> tuple[float, float, float]:
    """A column's narrowest width that breaks no word, its width with no line wrapped, and the length of
    all its text on one line (how much it has to hold)."""
    narrowest = widest = length = 0.0
    for text, strong in zip(cells, bold, strict=True):
        for line in text.split("\n"):
            width = text_width(line, size, strong)
            widest, length = max(widest, width), length + width
            for word in _words(line, finer):
                narrowest = max(narrowest, text_width(word, size, strong))
    return narrowest + CELL_PADDING, widest + CELL_PADDING, length


def _columns(rows: Sequence[Sequence[str]], header_rows: int) -> tuple[list[list[str]], list[bool]]:
    """A table's text by column (a short row's missing cells empty), and which rows are bold (the header)."""
    columns = max((len(row) for row in rows), default=0)
    texts = [[row[c] if c < len(row) else "" for row in rows] for c in range(columns)]
    return texts, [index < header_rows for index in range(len(rows))]


def content_widths(rows: Sequence[Sequence[str]], header_rows: int, total: float, size: float) -> list[float]:
    """Widths in points for each column of a table `total` points wide, from the text of its cells (a
    line break as "\\n"; the header rows in bold), so that no word is broken where that can be helped."""
    texts, bold = _columns(rows, header_rows)
    columns = len(texts)
    for finer in (False, True):
        extents = [_extent(cells, size, bold, finer) for cells in texts]
        widths = [narrowest for narrowest, _, _ in extents]
        if sum(widths) <= total:
            break
    else:  # even broken after hyphens and slashes, the words are wider than the page
        return [total * w / sum(widths) for w in widths]
    widest = [max(w, n) for n, w, _ in extents]
    if sum(widest) <= total:  # nothing need wrap: the room left is shared as the text is
        return [total * w / sum(widest) for w in widest]
    # The room beyond the longest words goes to the columns with the most text, none wider than its
    # longest line; what one cannot take goes to the others.
    while (room := total - sum(widths)) > 0.01:
        growing = [c for c in range(columns) if widths[c] < widest[c] - 0.01]
        held = sum(extents[c][2] for c in growing) or len(growing)
        for c in growing:
            share = room * (extents[c][2] or 1) / held
            widths[c] = min(widest[c], widths[c] + share)
    return widths


# The type sizes an annex's table may take, largest first: a table of many columns (the mapping, with a
# column for each conference and Council's) is set smaller rather than have its words broken.
TABLE_SIZES = (11.0, 10.0, 9.0, 8.0)


def fitting_size(rows: Sequence[Sequence[str]], header_rows: int, total: float) -> float:
    """The largest of TABLE_SIZES at which every word of a table fits its column on a line `total`
    points wide (the smallest, where none does)."""
    texts, bold = _columns(rows, header_rows)
    for size in TABLE_SIZES:
        if sum(_extent(cells, size, bold, False)[0] for cells in texts) <= total:
            return size
    return TABLE_SIZES[-1]
