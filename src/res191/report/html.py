"""The report as one HTML page, laid out as the Word document is: the same cover, summary box and headings.

markdown-it renders the report's Markdown; before it does, the blocks that the Council document lays out
in its own way are given the HTML that says what they are. The cover (two texts side by side) and the
summary box are layout, not data: the cover becomes two <div>s, not a table with an empty header row; the
summary box a framed <div> whose labels and texts are a description list (<dt>Purpose</dt><dd>...</dd>),
with the References under a short rule, as in Word. Data tables get header cells with their scope (the
annexes' first column heads its row). The title is the page's one <h1>.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Literal

from jinja2 import Environment
from markdown_it.token import Token
from markupsafe import Markup

from res191.models.translations import RIGHT_TO_LEFT
from res191.rendering.markdown import all_bold, classes, parser
from res191.rendering.templates import render
from res191.rendering.typography import typographic
from res191.report.context import ReportContext


def _block(tag: str, nesting: Literal[1, -1], css: str = "") -> Token:
    """An HTML block's opening (1) or closing (-1) tag, with its class."""
    kind = f"{tag}_{'open' if nesting == 1 else 'close'}"
    return Token(kind, tag, nesting, attrs={"class": css} if css else {}, block=True)


def _summary(tokens: Sequence[Token]) -> Iterator[Token]:
    """The summary box's tokens (inside its blockquote) as a description list, then the rule and the
    References."""
    yield _block("div", 1, "summary")
    in_list = under_rule = False
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token.type == "paragraph_open" and not in_list and not under_rule:
            yield _block("dl", 1)
            in_list = True
        if token.type == "hr":
            if in_list:
                yield _block("dl", -1)
            in_list, under_rule = False, True
        if token.type == "paragraph_open" and in_list:
            inline = tokens[at + 1]
            label = all_bold(inline)
            if label:  # the <dt> is bold by its style
                inline.children = [
                    c for c in inline.children or [] if c.type not in ("strong_open", "strong_close")
                ]
            tag = "dt" if label else "dd"
            yield _block(tag, 1)
            yield inline
            yield _block(tag, -1)
            at += 3
            continue
        if token.type == "paragraph_open":
            token.attrs["class"] = "references"
        yield token
        at += 1
    if in_list:
        yield _block("dl", -1)
    yield _block("div", -1)


def _cover(tokens: Sequence[Token]) -> Iterator[Token]:
    """The cover table's cells as two blocks side by side: the session, and the document (the empty
    header row that Markdown requires of a table is no part of it)."""
    yield _block("div", 1, "cover")
    cells = [t for t in tokens if t.type == "inline"][-2:]
    for css, cell in zip(("session", "document"), cells, strict=False):
        yield _block("div", 1, css)
        yield cell
        yield _block("div", -1)
    yield _block("div", -1)


def _closing(tokens: list[Token], at: int, kind: str) -> int:
    """The index of the token closing the block opened at `at`."""
    depth = 0
    for index in range(at, len(tokens)):
        if tokens[index].type == f"{kind}_open":
            depth += 1
        elif tokens[index].type == f"{kind}_close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens) - 1


def laid_out(tokens: list[Token]) -> list[Token]:
    """The report's tokens with the cover and summary box as layout, and header cells with their scope."""
    out: list[Token] = []
    in_annexes = in_body = False
    at = 0
    while at < len(tokens):
        token = tokens[at]
        marks = classes(token)
        if token.type == "table_open" and "cover" in marks:
            end = _closing(tokens, at, "table")
            out += _cover(tokens[at:end])
            at = end + 1
            continue
        if token.type == "blockquote_open" and "summary" in marks:
            end = _closing(tokens, at, "blockquote")
            out += _summary(tokens[at + 1 : end])
            at = end + 1
            continue
        if token.type == "heading_open" and "annex" in marks:
            in_annexes = True
        elif token.type in ("tbody_open", "tbody_close"):
            in_body = token.type == "tbody_open"
        elif token.type == "th_open" and not in_body:
            token.attrs["scope"] = "col"
        elif token.type == "tr_open" and in_body and in_annexes:
            # In the annexes, the first column (the theme) heads its row.
            cell_open, cell_close = tokens[at + 1], _cell_close(tokens, at + 1)
            cell_open.type, cell_open.tag, cell_open.attrs["scope"] = "th_open", "th", "row"
            cell_close.type, cell_close.tag = "th_close", "th"
        out.append(token)
        at += 1
    return out


def _cell_close(tokens: list[Token], at: int) -> Token:
    return next(t for t in tokens[at:] if t.type == "td_close")


def render_html(env: Environment, context: ReportContext, markdown: str) -> str:
    """The report as one HTML page: the Markdown's HTML, laid out, inside the page template."""
    md = parser()
    tokens = laid_out(md.parse(markdown))
    # Our own rendered Markdown, whose raw HTML the parser has escaped: safe for the page template.
    body = Markup(md.renderer.render(tokens, md.options, {}))
    variables = {
        "body": body,
        "title": typographic(context.title),
        "year": context.year,
        "lang": context.language,
        "dir": "rtl" if context.words.language in RIGHT_TO_LEFT else "",
        "marked": not context.words.english,
    }
    return render(env, "report.html.j2", variables)
