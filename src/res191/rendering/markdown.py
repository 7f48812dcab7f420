"""The report's Markdown: parsed once by markdown-it for Word and HTML, with layout classes and no raw HTML.

The template marks the blocks that a Council document lays out in its own way (the cover, the summary
box, the annexes) with a class on the line before them, `{.cover}`, as Pandoc and markdown-it's attrs
plugin write it. The Word and HTML writers lay out a block by its class; the Markdown file leaves the
class lines out, so that it stays plain CommonMark.

What a record leaves out is shown by a placeholder marked the same way, `[\\[date not recorded\\]]{.missing}`
(markdown-it's attrs plugin on a span): Word highlights it, HTML shows it in `<mark>`, and the .md file as
the bracketed text alone.

Raw HTML is not passed on: the one tag the template uses, `<br>` to break a line inside a table cell,
is kept as a line break; any other tag is shown as the text it is.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

_CLASS_LINE = re.compile(r"^\{\.[a-z][a-z0-9-]*\}[ \t]*\n", re.MULTILINE)
_MISSING = re.compile(r"\[\\\[([^\[\]\n]*)\\\]\]\{\.missing\}")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def is_break(token: Token) -> bool:
    """Whether an inline token is the `<br>` that breaks a line in a table cell."""
    return token.type == "html_inline" and bool(_BREAK.fullmatch(token.content.strip()))


def _no_raw_html(state: StateCore) -> None:
    tokens: list[Token] = []
    for token in state.tokens:
        if token.type == "html_block":
            # A block of HTML becomes a paragraph of its text, escaped when rendered.
            text = Token("text", "", 0, content=token.content.rstrip("\n"))
            inline = Token("inline", "", 0, content=text.content, children=[text], map=token.map)
            tokens += [Token("paragraph_open", "p", 1), inline, Token("paragraph_close", "p", -1)]
            continue
        for child in token.children or []:
            if child.type == "html_inline" and not is_break(child):
                child.type = "text"
        tokens.append(token)
    state.tokens = tokens


def _marked(state: StateCore) -> None:
    """A placeholder's span becomes <mark>, what HTML has for text to be noticed; a record text shown in
    English in a report of another language (`{.untranslated lang=en}`) is marked for Word to set so."""
    for token in state.tokens:
        opened: list[str] = []  # for each span open, whether it is a placeholder's or an English text's
        for child in token.children or []:
            if child.type == "span_open":
                marks = classes(child)
                opened.append(
                    "missing" if "missing" in marks else "untranslated" if "untranslated" in marks else ""
                )
            if child.type not in ("span_open", "span_close") or not opened:
                continue
            kind = opened.pop() if child.type == "span_close" else opened[-1]
            if kind == "missing":
                child.tag = "mark"
                child.meta["placeholder"] = True
            elif kind == "untranslated":
                child.meta["untranslated"] = True


def parser() -> MarkdownIt:
    """CommonMark with tables, block classes and placeholders; raw HTML kept only as `<br>`."""
    md = MarkdownIt("commonmark", {"html": True}).enable("table").use(attrs_block_plugin)
    md.use(attrs_plugin, spans=True, after=())  # classes on [spans] only, not on links or code
    md.core.ruler.push("no_raw_html", _no_raw_html)
    md.core.ruler.push("marked", _marked)
    return md


def plain(markdown: str) -> str:
    """The Markdown without its class lines, placeholders as their bracketed text: what the .md file holds."""
    return _MISSING.sub(r"[\1]", _CLASS_LINE.sub("", markdown))


def is_untranslated(token: Token) -> bool:
    """Whether an inline token opens or closes a record text shown in English, untranslated."""
    return bool(token.meta.get("untranslated"))


def is_placeholder(token: Token) -> bool:
    """Whether an inline token opens or closes the mark of a placeholder."""
    return bool(token.meta.get("placeholder"))


def classes(token: Token) -> set[str]:
    """The classes a block was given in the template."""
    return set(str(token.attrs.get("class", "")).split())


def all_bold(inline: Token) -> bool:
    """Whether a paragraph's text is all in bold (empty text aside): a label, such as the summary box's."""
    kinds = [c.type for c in inline.children or [] if c.type != "text" or c.content.strip()]
    return (
        len(kinds) >= 3
        and kinds[0] == "strong_open"
        and kinds[-1] == "strong_close"
        and ("strong_open" not in kinds[1:])
    )
