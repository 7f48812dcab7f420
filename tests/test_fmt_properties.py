"""Property tests of `res191 fmt`: over generated records, written in any layout with comments in every
position, formatting twice changes nothing, the record read back is the same, and every comment is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from res191.editing.fmt import format_record
from res191.loading.yaml12 import parse_yaml
from res191.models import KINDS

MODELINE = "# yaml-language-server: $schema=../../schemas/theme.schema.json"
COMMENT = re.compile(r"#\s*(cmt\d+)")

words = st.text(alphabet="abdefghijklnopqrsuvwyz", min_size=1, max_size=8)
# Texts that need quotes, or look like something else unquoted.
awkward = st.sampled_from(
    ["191", "2024-01-24", "a: b", "yes", "x # y", "-1", "[x]", "true", "null", "é ü", "o'k"]
)
texts = st.one_of(words, awkward, st.lists(words, min_size=2, max_size=4).map(" ".join))


@dataclass
class Writer:
    """Writes values as YAML text in a layout chosen by hypothesis, with numbered comments."""

    draw: Any
    lines: list[str] = field(default_factory=list)
    comments: int = 0

    def comment(self) -> str:
        self.comments += 1
        return f"cmt{self.comments}"

    def maybe_comment_lines(self, indent: int) -> None:
        for _ in range(self.draw(st.integers(0, 2))):
            self.lines.append(" " * indent + f"# {self.comment()}")
        if self.draw(st.booleans()) and self.draw(st.booleans()):
            self.lines.append("")

    def eol(self) -> str:
        return f"  # {self.comment()}" if self.draw(st.booleans()) else ""

    def scalar(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        text = str(value)
        plain_ok = re.fullmatch(r"[a-z ]+", text) is not None
        style = self.draw(
            st.sampled_from(["plain", "single", "double"] if plain_ok else ["single", "double"])
        )
        if style == "plain":
            return text
        if style == "single":
            return "'" + text.replace("'", "''") + "'"
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    def mapping(self, data: dict[str, Any], indent: int, first_prefix: str = "") -> None:
        for position, (key, value) in enumerate(data.items()):
            if position > 0 or not first_prefix:
                self.maybe_comment_lines(indent)
            lead = first_prefix if position == 0 and first_prefix else " " * indent
            if isinstance(value, list) and value and isinstance(value[0], dict):
                self.lines.append(f"{lead}{key}:{self.eol()}")
                for item in value:
                    self.maybe_comment_lines(indent + 2)
                    if self.draw(st.booleans()):
                        self.mapping(item, indent + 4, " " * (indent + 2) + "- ")
                    else:
                        inner = ", ".join(f"{k}: {self.scalar(v)}" for k, v in item.items())
                        self.lines.append(" " * (indent + 2) + f"- {{{inner}}}{self.eol()}")
            elif isinstance(value, list):
                if self.draw(st.booleans()):
                    self.lines.append(
                        f"{lead}{key}: [{', '.join(self.scalar(v) for v in value)}]{self.eol()}"
                    )
                else:
                    self.lines.append(f"{lead}{key}:{self.eol()}")
                    for item in value:
                        self.lines.append(" " * (indent + 2) + f"- {self.scalar(item)}{self.eol()}")
            else:
                self.lines.append(f"{lead}{key}: {self.scalar(value)}{self.eol()}")


activities = st.fixed_dictionaries(
    {"year": st.integers(2000, 2030), "sector": st.sampled_from(["ITU-R", "ITU-T", "GS"]), "title": texts},
    optional={"status": st.sampled_from(["planned", "ongoing"]), "description": texts},
)
focal_points = st.fixed_dictionaries(
    {"sector": st.sampled_from(["ITU-D", "GS"])}, optional={"unit": words, "name": texts}
)
themes = st.fixed_dictionaries(
    {"id": words, "title": texts},
    optional={
        "description": texts,
        "status": st.sampled_from(["active", "proposed"]),
        "resolutions": st.lists(words, min_size=1, max_size=3),
        "iscg_topic_years": st.lists(st.integers(2020, 2026), min_size=1, max_size=2),
        "focal_points": st.lists(focal_points, min_size=1, max_size=2),
        "tracker": st.lists(activities, min_size=1, max_size=3),
        "sources": st.lists(texts, min_size=1, max_size=2),
    },
)


@st.composite
def theme_files(draw: Any) -> str:
    data = draw(themes)
    keys = draw(st.permutations(list(data)))  # any key order: fmt puts them in the schema's
    writer = Writer(draw)
    if draw(st.booleans()):
        writer.lines.append(f"# {writer.comment()}")  # a header comment
    writer.mapping({k: data[k] for k in keys}, 0)
    if draw(st.booleans()):
        writer.lines.append(f"# {writer.comment()}")  # a trailing comment
    return "\n".join(writer.lines) + "\n"


THEME = KINDS["theme"]


def comments(text: str) -> list[str]:
    return sorted(COMMENT.findall(text))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(theme_files())
def test_formatting_keeps_values_and_comments_and_is_stable(text: str) -> None:
    once = format_record(text, THEME, MODELINE)
    assert format_record(once, THEME, MODELINE) == once
    assert parse_yaml(once).value == parse_yaml(text).value
    assert comments(once) == comments(text)
    assert once.startswith(MODELINE + "\n")
    keys = [k for k in parse_yaml(once).value]
    assert keys == [k for k in THEME.model.model_fields if k in keys]


@st.composite
def meeting_files(draw: Any) -> tuple[str, str]:
    data = draw(
        st.fixed_dictionaries(
            {"id": words, "body": words, "start": st.dates().map(lambda d: d.isoformat())},
            optional={
                "venue": texts,
                "topics": st.lists(words, min_size=1, max_size=2),
                "captioning": st.booleans(),
            },
        )
    )
    writer = Writer(draw)
    writer.mapping({k: data[k] for k in draw(st.permutations(list(data)))}, 0)
    body = draw(
        st.sampled_from(["", "Outcome.\n", "# Heading\n\n- a: b\n  id: x\n---\nmore\n", "\n\nText  \n"])
    )
    return "---\n" + "\n".join(writer.lines) + "\n---\n" + body, body


@settings(max_examples=100, deadline=None)
@given(meeting_files())
def test_front_matter_is_formatted_and_the_text_after_it_untouched(case: tuple[str, str]) -> None:
    text, body = case
    meeting = KINDS["meeting"]
    once = format_record(text, meeting)
    assert format_record(once, meeting) == once
    assert once.endswith("---\n" + body.lstrip("\n")) or once.endswith(body)
    front = once.split("---\n")[1]
    assert parse_yaml(front).value == parse_yaml(text.split("---\n")[1]).value
    assert comments(front) == comments(text.split("---\n")[1])
