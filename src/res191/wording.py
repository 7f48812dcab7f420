"""How res191 writes things for people: lists, dates, counts, and text safe to print.

Shared by every command that writes for a reader (the report, the overlaps, the site, the
messages), so that a list or a date reads the same everywhere.
"""

from __future__ import annotations

import re
from datetime import date

# The English date is written where the records' own notes need it too (a citation's note, models/).
from res191.models.dates import MONTHS as MONTHS
from res191.models.dates import long_date as long_date

_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


def join_and(items: list[str], word: str = "and") -> str:
    """ITU's list style, with a serial comma: `A`, `A and B`, `A, B, and C`."""
    if len(items) <= 2:
        return f" {word} ".join(items)
    return ", ".join(items[:-1]) + f", {word} " + items[-1]


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 file`, `2 files`, `0 bodies` (with the plural given where it is not noun + s)."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def date_range(start: date, end: date | None = None) -> str:
    """`4-14 June 2024`, `30 June-2 July 2024`, `30 December 2024-2 January 2025`, or one day."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {MONTHS[start.month - 1]}-{long_date(end)}"
    return f"{long_date(start)}-{long_date(end)}"


def month_year(text: str) -> str:
    """`March 2024` from `2024-03`; a bare year stays as it is."""
    year, _, month = text.partition("-")
    return f"{MONTHS[int(month) - 1]} {year}" if month else year


def times(count: int) -> str:
    """`once`, `twice`, `three times`... as in "the ISCG has met twice"."""
    return _TIMES.get(count, f"{count} times")


def with_note(text: str, note: str | None) -> str:
    """`Update of the tracker (completed).`: a note in brackets before the sentence's full stop."""
    if not note:
        return text
    stem = text.rstrip()
    stop = stem[-1] if stem[-1:] in ".;:" else ""
    return f"{stem[: len(stem) - len(stop)]} ({note}){stop}"


def lower_first(text: str) -> str:
    """The text with its first letter in lower case, for a title inside a sentence.

    Acronyms and names that are capitalised throughout (`ITU`, `WSIS`) keep their case.
    """
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[1:] != first[1:].lower() else text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """The text with its first letter in upper case, to open a sentence."""
    return text[:1].upper() + text[1:]


# C0 and C1 control characters but tab and newline, DEL, and the Unicode marks that reorder or hide
# text: a file name or value holding them could move the cursor, recolour or rewrite a terminal.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def printable(text: str) -> str:
    """Text from a file, safe to print: control characters shown as escapes (`\\x1b`), not obeyed; a
    file name's byte that is not UTF-8 too (encodable)."""
    text = encodable(text)
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(
        lambda m: f"\\u{ord(m.group()):04x}" if ord(m.group()) > 0xFF else f"\\x{ord(m.group()):02x}", text
    )


# What Python makes of a byte that is not UTF-8 in a file name (surrogateescape): a lone surrogate, which no
# UTF-8 output (a terminal, a JSON or SARIF file) can carry.
_SURROGATE = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """Text that UTF-8 can carry: a byte of a file name that is not UTF-8 shown as an escape (`caf\\xe9`)."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(
        lambda m: (
            f"\\x{ord(m.group()) - 0xDC00:02x}"
            if 0xDC80 <= ord(m.group()) <= 0xDCFF
            else f"\\u{ord(m.group()):04x}"
        ),
        text,
    )
