"""How facts are written in the Markdown of a report: names of bodies, and escaping."""

from __future__ import annotations

import re
from collections.abc import Callable

from jinja2 import pass_context
from jinja2.runtime import Context

from res191.models import Body
from res191.rendering.bilingual import passed_on
from res191.rendering.localized import Wording, english


def named_in(words: Wording) -> Callable[[Context, Body], str]:
    """The `named` filter of a language: `the Telecommunication Standardization Advisory Group (TSAG)` the
    first time a document names the body, `TSAG` after that: an acronym is spelt out once. The bodies named
    so far are kept in the render's `spelt_out` set; a template rendered without one spells every name out."""

    @pass_context
    def named(context: Context, body: Body) -> str:
        spelt_out = context.get("spelt_out")
        if not isinstance(spelt_out, set):
            return words.named(body.name, body.acronym)
        if body.id in spelt_out:
            return body.acronym
        spelt_out.add(body.id)
        return words.named(body.name, body.acronym)

    return named


def placeholder(what: str, words: Wording | None = None) -> str:
    """What a document shows where a record leaves something out: `[date not recorded]`."""
    return (words or english()).placeholder(what)


def not_recorded_in(words: Wording) -> Callable[[str], str]:
    """The `not_recorded` filter of a language: the placeholder in Markdown, marked as one: Word highlights
    it, HTML shows it in <mark>, the .md file as the bracketed text."""

    def not_recorded(what: str) -> str:
        shown = words.placeholder(what)[1:-1]
        return f"[\\[{shown}\\]]{{.missing}}"

    return not_recorded


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|&~])")
_STARTS_BLOCK = re.compile(r"^(\d{1,9})([.)])|^([-+=>])")


def md(text: str) -> str:
    """Text from a record made safe inside Markdown, on one line: no heading, list, emphasis, link,
    HTML or table can come out of a title or a name, whatever line breaks it holds. A text with an English
    form (rendering/bilingual.py) keeps it, made safe the same way.
    """
    return passed_on(text, _md)


def _md(text: str) -> str:
    one_line = " ".join(text.split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
    return _STARTS_BLOCK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def cell(text: str) -> str:
    """Text from a record made safe inside a Markdown table cell."""
    return md(text)
