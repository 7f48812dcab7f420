"""What goes wrong in a YAML text, said in the editors' words: each problem with its catalogue code, a
1-based line and column (in characters, not bytes) and a hint; PyYAML's and libyaml's complaints
translated, since theirs name neither the character nor the fix.
"""

from __future__ import annotations

import re

import yaml

# Records are at most five or six levels deep; a generous limit still keeps hostile files cheap.
MAX_DEPTH = 64


class YamlProblem(Exception):
    """The text cannot become a record: a catalogue code, a message and a 1-based position."""

    def __init__(self, code: str, message: str, line: int, column: int, hint: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
        self.related: list[tuple[int, int]] = []


def too_deep(line: int, column: int) -> YamlProblem:
    """Collections nested past MAX_DEPTH, at the first one too deep."""
    return YamlProblem("Y107", f"collections are nested more than {MAX_DEPTH} levels deep", line, column)


def from_yaml_error(error: yaml.YAMLError, text: str) -> YamlProblem:
    """What PyYAML (or libyaml under it) could not parse, at its 1-based place, with a hint."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(getattr(error, "problem", "") or error)
    context = getattr(error, "context", None)
    # libyaml's C messages do not name the character; look at the text where it stopped.
    lines = text.splitlines()
    at_error = lines[line - 1][col - 1 : col] if line <= len(lines) else ""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_problem(error, text)
    if "maximum nesting depth" in problem:  # libyaml 0.2.5+ has a limit of its own
        return too_deep(line, col)
    if at_error == "\t":
        return YamlProblem(
            "Y103",
            "a tab character is used where YAML needs spaces",
            line,
            col,
            hint="indent with spaces only (two per level); set your editor to insert spaces for Tab",
        )
    if "expected a single document" in (context or "") + problem:
        return YamlProblem(
            "Y109",
            "a second YAML document starts here (after ---)",
            line,
            col,
            hint="keep one record per file; move this one to a file of its own",
        )
    opened = _OPENED.get(context or "")
    start = getattr(error, "context_mark", None)
    if opened and start is not None and (start.line + 1, start.column + 1) != (line, col):
        # Where the parser stops (often the end of the file) is far from the cause: the bracket or quote
        # never closed. The problem names both places, the opening one as a related place.
        where = (start.line + 1, start.column + 1)
        message = f"{opened[0]} at line {where[0]}, column {where[1]} is not closed ({problem})"
        found = YamlProblem("Y101", message, line, col, hint=f"close it with {opened[1]} where it ends")
        found.related.append(where)
        return found
    message = problem if not context else f"{problem} ({context})"
    return YamlProblem("Y101", message, line, col, hint=_syntax_hint(problem))


# What libyaml was reading when it stopped, said as what the editor opened and did not close.
_OPENED = {
    "while parsing a flow sequence": ("the list opened with [", "]"),
    "while parsing a flow mapping": ("the mapping opened with {", "}"),
    "while scanning a quoted scalar": ("the text opened with a quote", "the same quote"),
}


def _reader_problem(error: yaml.reader.ReaderError, text: str) -> YamlProblem:
    # libyaml counts the position in bytes of UTF-8; editors count characters.
    position = error.position
    if getattr(yaml, "__with_libyaml__", False) and not isinstance(error.character, str):
        position = len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))
    position = min(position, len(text))
    before = text[:position]
    line, col = before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1
    character = error.character if isinstance(error.character, str) else chr(error.character)
    return YamlProblem(
        "Y101",
        f"the character U+{ord(character):04X} is not allowed in YAML (a control character)",
        line,
        col,
        hint="delete it; it is usually pasted in by accident and invisible in most editors",
    )


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return (
            "either this line is indented more than the key above it, or a value holding "
            '": " needs quotes, e.g. title: "Resolution 191: strategy"'
        )
    if "could not find expected ':'" in problem:
        return "each line of a mapping is `key: value`; check the indentation of the lines above"
    if "did not find expected" in problem or "while parsing" in problem:
        return "check the indentation and that every [, { and quote is closed"
    return ""


# Control characters other than tab and the line ends (LF, CR): no Word file, spreadsheet cell or web page
# can carry them (XML 1.0 forbids them), so a value holding one would break every output made from it.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(text: str, line: int, col: int) -> YamlProblem:
    """Y123: a text holds a control character, named by its code."""
    found = CONTROL.search(text)
    code = f"U+{ord(found.group()):04X}" if found else "a control character"
    return YamlProblem(
        "Y123",
        f"the text holds a control character ({code}), which no Word file, spreadsheet or web page can carry",
        line,
        col,
        hint="delete it (it often comes pasted from Word as an escape such as \\v or \\f); for a new "
        "line, write the text with | and line breaks",
    )
