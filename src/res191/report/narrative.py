"""The narrative of a report record: its Markdown, cut into sections by their `## ` headings."""

from __future__ import annotations

import re

_HEADING = re.compile(r"^## +(.+?)\s*$", re.MULTILINE)


def section_key(heading: str) -> str:
    """The name a template uses for a section: `## Background` is `background`."""
    return re.sub(r"[^a-z0-9]+", "_", heading.lower()).strip("_")


def split_sections(markdown: str) -> dict[str, str]:
    """Each `## Heading` section's text (without its heading), keyed by section_key(heading)."""
    parts = _HEADING.split(markdown)
    # parts: [text before the first heading, heading, text, heading, text, ...]
    return {section_key(parts[i]): parts[i + 1].strip() for i in range(1, len(parts), 2)}
