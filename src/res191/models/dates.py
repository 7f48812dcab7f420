"""Dates as ITU's English texts write them: `24 January 2024`.

Here, below every other layer, because a record's own wording needs it too (a citation's note says "no
edition recorded as adopted by 1 January 2023"); wording.py gives it to the rest.
"""

from __future__ import annotations

from datetime import date

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


def long_date(day: date) -> str:
    """`24 January 2024`, as ITU documents write a date."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
