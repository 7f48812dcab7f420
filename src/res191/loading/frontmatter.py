"""Split a Markdown record into its YAML front matter and its Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from res191.loading.files import FileProblem

_OPENING = re.compile(r"---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


@dataclass(frozen=True)
class FrontMatter:
    """The YAML between the --- lines, the line it starts on (0-based), the Markdown after it and the
    line (1-based) the Markdown starts on."""

    yaml: str
    first_line: int
    body: str
    body_line: int
    closing: int = 0  # where the closing --- line starts in the text


def split_front_matter(text: str) -> FrontMatter:
    """Split `---\\nyaml\\n---\\nmarkdown`; FileProblem when the front matter is missing or open."""
    opening = _OPENING.match(text)
    if opening is None:
        raise FileProblem(
            "Y112",
            "a Markdown record must start with YAML front matter between two --- lines",
            hint="start the file with a line ---, the record's keys, then another line ---",
        )
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise FileProblem(
            "Y111",
            "the front matter opened on this line never closes",
            hint="add a line with only --- after the last key, before the Markdown text",
        )
    after = text[closing.end() :]
    body = after.lstrip("\r\n")
    body_line = text.count("\n", 0, closing.end()) + 1 + after[: len(after) - len(body)].count("\n")
    return FrontMatter(text[opening.end() : closing.start()], 1, body, body_line, closing.start())
