"""Markdown from records (meeting outcomes, the reports' text) as HTML inside a page of the site.

What a record writes may not reach beyond its own text: raw HTML is shown as text (rendering/markdown.py),
attribute blocks (`{#content style=... autofocus}`) are not read in outcomes and, in a report, give no
attribute but the classes of the report's template; headings are nested under the section that holds them;
every block reads in its own direction (`dir="auto"`), so that Arabic in an English outcome reads right to
left.
"""

from __future__ import annotations

from collections.abc import Iterable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from res191.rendering.markdown import classes, parser

# The attributes markdown-it itself gives (links, images, ordered lists, table alignment): nothing else.
_KEPT = frozenset({"href", "src", "alt", "title", "start"})
_ALIGNED = frozenset({"text-align:left", "text-align:right", "text-align:center"})
# The report template's layout classes (templates/report.md.j2): the site's stylesheet knows them.
_REPORT_CLASSES = frozenset({"cover", "summary", "by", "title", "references", "annex"})
_BLOCKS = frozenset(
    {"paragraph_open", "heading_open", "list_item_open", "blockquote_open", "th_open", "td_open"}
)


def _outcome_parser() -> MarkdownIt:
    """CommonMark with tables, raw HTML as text, and no attribute blocks: `{...}` stays text."""
    md = parser()
    md.core.ruler.disable("attrs_block", ignoreInvalid=True)
    md.block.ruler.disable("attrs_block", ignoreInvalid=True)
    return md


_OUTCOMES = _outcome_parser()


def outcome_html(markdown: str, section_level: int = 2) -> Markup:
    """A meeting's outcome, its headings one level below the page's section (section_level) and kept in
    order: the outcome's highest heading becomes h3, the next h4, whatever levels it wrote."""
    tokens = _OUTCOMES.parse(markdown)
    _nest(tokens, section_level)
    _clean(tokens, frozenset())
    return Markup(_OUTCOMES.renderer.render(tokens, _OUTCOMES.options, {}))


def report_html(markdown: str) -> Markup:
    """A report as a page's article: its sections under the page's title (the annexes' `#` become h2, as
    its sections are), the cover and summary tables marked as layout, no attribute but the template's
    classes."""
    md = parser()
    tokens = md.parse(markdown)
    kept: list[Token] = []
    layout = dropping = False
    for token in tokens:
        if token.type == "table_open":
            layout = bool(classes(token) & {"cover", "summary"})
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
        dropping = dropping or (layout and token.type == "thead_open")  # a layout table's empty header
        if not dropping:
            kept.append(token)
        dropping = dropping and token.type != "thead_close"
    _clean(kept, _REPORT_CLASSES)
    for token in kept:
        if token.type == "table_open" and classes(token) & {"cover", "summary"}:
            token.attrs["role"] = "presentation"
    return Markup(md.renderer.render(kept, md.options, {}))


def _nest(tokens: Iterable[Token], section_level: int) -> None:
    """Headings renumbered from one below section_level, each level used once in turn (no h2 then h4)."""
    headings = [t for t in tokens if t.type in ("heading_open", "heading_close")]
    levels = sorted({int(t.tag[1]) for t in headings})
    renumbered = {level: min(section_level + 1 + index, 6) for index, level in enumerate(levels)}
    for token in headings:
        token.tag = f"h{renumbered[int(token.tag[1])]}"


def _clean(tokens: Iterable[Token], allowed_classes: frozenset[str]) -> None:
    """Only the attributes markdown-it gives (and allowed classes); each block in its own direction."""
    for token in tokens:
        for child in [token, *(token.children or [])]:
            _keep_safe(child, allowed_classes)
        if token.type in _BLOCKS:
            token.attrs["dir"] = "auto"


def _keep_safe(token: Token, allowed_classes: frozenset[str]) -> None:
    if not token.attrs:
        return
    kept: dict[str, str | int | float] = {k: v for k, v in token.attrs.items() if k in _KEPT}
    style = str(token.attrs.get("style", "")).replace(" ", "")
    if style in _ALIGNED:
        kept["style"] = style
    wanted = classes(token) & allowed_classes
    if wanted:
        kept["class"] = " ".join(sorted(wanted))
    token.attrs = kept
