"""Diagnostics: one problem found in the data, where it is, and how to fix it.

Every diagnostic carries a stable code from the catalogue below. Codes never change meaning once
published: editors put them in `--ignore` lists and CI configurations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# The most problems worth listing for one file: past this, the file is better rewritten than read,
# and listing more only costs time (a pull request may add a file with 100,000 errors).
MOST_PROBLEMS = 100


class Severity(StrEnum):
    """How bad a problem is: errors fail validation, warnings only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """A kind of problem in the catalogue: its code, short name and what it means."""

    code: str
    name: str
    severity: Severity
    title: str


@dataclass(frozen=True)
class Location:
    """A place in a file; line and column count from 1, as editors show them."""

    path: str  # as the user sees it: relative to the current folder where possible
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        # A place that is not a line of a file (a cell of a workbook: themes!D5) has line 0.
        return f"{self.path}:{self.line}:{self.column}" if self.line else self.path


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place, with a hint and, where it helps, an example of the right form."""

    problem: Problem
    location: Location
    message: str
    hint: str = ""
    example: str = ""
    related: tuple[Location, ...] = field(default=())

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def severity(self) -> Severity:
        return self.problem.severity

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """File, line, column, code, message: the order of the output, the same on every run."""
        where = self.location
        return (where.path, where.line, where.column, self.code, self.message)


E, W = Severity.ERROR, Severity.WARNING

CATALOGUE: dict[str, Problem] = {
    p.code: p
    for p in [
        # Files and YAML: the file cannot be read as a record at all.
        Problem("Y101", "yaml-syntax", E, "The file is not valid YAML"),
        Problem("Y102", "duplicate-key", E, "A key appears twice in the same mapping"),
        Problem("Y103", "tab-indent", E, "A tab is used for indentation"),
        Problem("Y104", "not-utf8", E, "The file is not UTF-8 text"),
        Problem("Y105", "binary-file", E, "The file is binary, not text"),
        Problem("Y106", "file-too-large", E, "The file is larger than a record can be"),
        Problem("Y107", "too-deep", E, "Collections are nested too deeply"),
        Problem("Y108", "alias", E, "YAML anchors and aliases are not allowed in records"),
        Problem("Y109", "several-documents", E, "The file holds more than one YAML document"),
        Problem("Y110", "empty-file", E, "The file holds no record"),
        Problem("Y111", "front-matter-unclosed", E, "The front matter of a Markdown record never closes"),
        Problem("Y112", "front-matter-missing", E, "A Markdown record does not start with front matter"),
        Problem("Y113", "link-outside", E, "A symbolic link points outside the repository"),
        Problem("Y114", "unknown-tag", E, "A YAML tag is not allowed in records"),
        Problem("Y115", "not-a-mapping", E, "A record must be a mapping of keys to values"),
        Problem("Y116", "byte-order-mark", W, "The file starts with a byte-order mark"),
        Problem("Y117", "unreadable", E, "The file cannot be read"),
        Problem("Y118", "unexpected-file", W, "A file in the data folder is not a record"),
        Problem("Y119", "non-string-key", E, "A key is not a plain string"),
        Problem("Y120", "not-a-file", E, "An entry in the data folder is a pipe, device or socket"),
        Problem("Y121", "line-ends", E, "The lines of the file end in CR only"),
        Problem("Y122", "too-many-problems", E, "A file has more problems than are shown"),
        Problem("Y123", "control-character", E, "A text holds a control character no document can carry"),
        Problem("Y124", "not-rewritable", E, "A command that writes records cannot rewrite the file"),
        # Schema: the record is YAML but not of the right form.
        Problem("S201", "unknown-key", E, "A key is not part of this kind of record"),
        Problem("S202", "missing-key", E, "A required key is missing"),
        Problem("S203", "wrong-type", E, "A value is of the wrong type"),
        Problem("S204", "invalid-value", E, "A value is not one of those allowed"),
        Problem("S205", "modeline", W, "A YAML record does not name its JSON Schema for editors"),
        Problem("S206", "placeholder-text", W, "A meeting's text is still the placeholder of a new record"),
        Problem("S207", "repeated-item", E, "A list names the same value twice"),
        # Across files.
        Problem("X301", "id-mismatch", E, "A record's id does not match its file name"),
        Problem("X302", "duplicate-id", E, "Two records of the same kind have the same id"),
        Problem("X303", "unknown-reference", E, "A reference names a record that does not exist"),
        Problem("X304", "reserved-name", E, "An id is a name Windows keeps for a device (con, nul, com1...)"),
        Problem("X305", "history-session", E, "A history entry names a session that cannot be its own"),
        # ITU's rules for areas of mutual interest.
        Problem("I401", "theme-rule", W, "A theme does not meet ITU's rule for areas of mutual interest"),
        Problem("I402", "focal-point-missing", W, "A theme has no focal point for a Sector it involves"),
        Problem(
            "I403",
            "untitled-resolution",
            W,
            "No edition of a resolution has a title, so overlaps cannot see it",
        ),
        Problem(
            "I404",
            "history-incomplete",
            W,
            "A session since a resolution's edition is not accounted for: the edition in force is unknown",
        ),
        Problem("I405", "suppressed-resolution", W, "A theme rests on a resolution suppressed since"),
        Problem("I406", "undated-description", W, "A body's description names no year a source gives it for"),
        # Reports to Council.
        Problem("R501", "report-section", E, "A heading of a report's narrative is not one of its sections"),
        Problem("R502", "report-year", E, "A report's year is not the year of its Council session"),
        Problem("R503", "duplicate-report", E, "Two reports are for the same year"),
        Problem("R504", "empty-annex", W, "An annex of a report would be empty"),
        Problem(
            "R505", "not-a-council-session", E, "A report's Council session is a meeting of another body"
        ),
        Problem("R506", "edition-not-recorded", W, "The edition a report must cite is not recorded"),
        Problem("R507", "position-meeting-year", E, "A position's year is not the year of its meeting"),
        Problem("R508", "document-of-another-year", E, "A report cites a document of a later session"),
        Problem("R509", "later-citation", W, "A report's own text cites an edition adopted after its year"),
        Problem(
            "R510", "cover-incomplete", W, "A report's cover lacks its number, date, agenda item or title"
        ),
    ]
}

BY_NAME: dict[str, Problem] = {p.name: p for p in CATALOGUE.values()}


def problem(code: str) -> Problem:
    """The catalogue entry for a code; a KeyError here is a bug in res191, not in the data."""
    return CATALOGUE[code]


def resolve_code(code_or_name: str) -> Problem | None:
    """Find a catalogue entry by code (`S201`) or name (`unknown-key`), as users write them."""
    return CATALOGUE.get(code_or_name.upper()) or BY_NAME.get(code_or_name.lower())
