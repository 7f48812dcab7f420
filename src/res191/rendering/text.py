"""How facts are written in the Markdown of a report: names of bodies, and escaping."""

from __future__ import annotations

import re

from res191.models import Body


def named(body: Body) -> str:
    """`the Telecommunication Standardization Advisory Group (TSAG)`."""
    return f"the {body.name} ({body.acronym})"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~])")
_STARTS_BLOCK = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")


def md(text: str) -> str:
    """Text from a record made safe inside Markdown, on one line: no heading, list, emphasis, link,
    HTML or table can come out of a title or a name, whatever line breaks it holds.
    """
    one_line = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
    return _STARTS_BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def cell(text: str) -> str:
    """Text from a record made safe inside a Markdown table cell."""
    return md(text)
