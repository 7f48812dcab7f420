"""How facts are written in a Council document: dates, counts, lists; and Markdown escaping."""

from __future__ import annotations

import re
from datetime import date

from res191.models import Body

_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_TIMES = {1: "once", 2: "twice", 3: "three times", 4: "four times", 5: "five times"}


def long_date(day: date) -> str:
    """`24 January 2024`, as ITU documents write a date."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_range(start: date, end: date | None = None) -> str:
    """`4-14 June 2024`, `30 June-2 July 2024`, `30 December 2024-2 January 2025`, or one day."""
    if end is None or end == start:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}-{long_date(end)}"
    if start.year == end.year:
        return f"{start.day} {_MONTHS[start.month - 1]}-{long_date(end)}"
    return f"{long_date(start)}-{long_date(end)}"


def month_year(text: str) -> str:
    """`March 2024` from `2024-03`; a bare year stays as it is."""
    year, _, month = text.partition("-")
    return f"{_MONTHS[int(month) - 1]} {year}" if month else year


def times(count: int) -> str:
    """`once`, `twice`, `three times`... as in "the ISCG has met twice"."""
    return _TIMES.get(count, f"{count} times")


def lower_first(text: str) -> str:
    """The text with its first letter in lower case, for a title inside a sentence.

    Acronyms and names that are capitalised throughout (`ITU`, `WSIS`) keep their case.
    """
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[1:] != first[1:].lower() else text[:1].lower() + text[1:]


def join_and(items: list[str]) -> str:
    """ITU's list style with a serial comma: `A`, `A and B`, `A, B, and C`."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def named(body: Body) -> str:
    """`the Telecommunication Standardization Advisory Group (TSAG)`."""
    return f"the {body.name} ({body.acronym})"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Text from a record made safe inside Markdown: no stray emphasis, links or tables."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def cell(text: str) -> str:
    """Text from a record made safe inside a Markdown table cell, on one line."""
    return md(" ".join(text.split()))
