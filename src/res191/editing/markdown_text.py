"""The Markdown text of a meeting or a report (what its file holds after the front matter: a meeting's
outcome, a report's narrative), as export and import carry it: one more value of the record, `text`,
beside the keys of its front matter.

Export gives the text as the file holds it, so that importing an export unedited changes no byte. An
import that changes the text replaces what follows the front matter and nothing else: the front matter,
its comments and the blank lines after it stay as they are.
"""

from __future__ import annotations

from res191.loading.frontmatter import split_front_matter

TEXT = "text"  # its name in the workbook's heading, the CSV's and the JSON's key


def text_of(body: str) -> str | None:
    """The text after a record's front matter as export gives it; None where there is none (blank
    lines only)."""
    return body if body.strip() else None


def as_written(text: str | None) -> str | None:
    """A text as an import writes it after the front matter: LF line endings, no blank line before it,
    a line ending after it; None for no text (blanks only)."""
    if text is None:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n")
    if not text.strip():
        return None
    return text if text.endswith("\n") else text + "\n"


def is_unchanged(given: str | None, held: str | None) -> bool:
    """Whether a text an import brings is the one the file holds (as exported, or as it would write it)."""
    return given == held or as_written(given) == held


def with_text(file_text: str, text: str | None) -> str:
    """A Markdown record's file with text (as_written) after its front matter in place of what was there.

    Everything before the old text is kept byte for byte: the front matter, its comments, and the blank
    lines between it and the text. A file that had no text gets one blank line before it; no text leaves
    the file ending at the closing --- line.
    """
    front = split_front_matter(file_text)
    closing_line = file_text[front.closing :].split("\n", 1)[0]
    newline = "\r\n" if closing_line.endswith("\r") else "\n"
    closed = file_text[: front.closing] + closing_line.rstrip("\r") + newline
    if text is None:
        return closed
    if text_of(front.body) is not None:
        head = file_text[: len(file_text) - len(front.body)]
    else:
        head = closed + newline
    return head + (text.replace("\n", newline) if newline != "\n" else text)
