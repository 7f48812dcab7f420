"""Diagnostics as GitHub Actions workflow commands, which GitHub shows on the pull request's lines.

GitHub shows at most ten annotations of each kind per step, so under GitHub Actions every diagnostic
is also written to the job's summary page (GITHUB_STEP_SUMMARY), as a table.
"""

from __future__ import annotations

import os
from typing import TextIO

from res191.diagnostics import Diagnostic, Severity
from res191.validation import ValidationResult
from res191.wording import plural, printable


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped as GitHub's runner reads them.

    Other control characters are shown as escapes: the log is read in a terminal-like viewer.
    """
    text = "\r".join(printable(part) for part in text.split("\r"))  # CR is escaped below, not shown
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property (file, title): also `:` and `,`, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    """One ::error or ::warning line for a diagnostic."""
    level = "error" if d.severity is Severity.ERROR else "warning"
    where = f"file={escape_property(d.location.path)},line={d.location.line},col={d.location.column}"
    title = escape_property(f"{d.code} {d.problem.name}")
    body = (
        d.message
        + (f"\nhint: {d.hint}" if d.hint else "")
        + (f"\nfor example:\n{d.example}" if d.example else "")
    )
    return f"::{level} {where},title={title}::{escape_data(body)}\n"


def _counts(result: ValidationResult) -> str:
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    files = plural(result.files, "record file")
    return f"{files} checked: {plural(errors, 'error')}, {plural(warnings, 'warning')}"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;")


def summary(result: ValidationResult) -> str:
    """The job summary in Markdown: a count, then every diagnostic in a table."""
    lines = ["## res191 validate", "", f"{_counts(result)}."]
    if result.diagnostics:
        lines += ["", "| place | problem | message | hint |", "|---|---|---|---|"]
        lines += [
            f"| `{_cell(str(d.location))}` | {d.severity.value} {d.code} {d.problem.name} "
            f"| {_cell(d.message)} | {_cell(d.hint)} |"
            for d in result.diagnostics
        ]
    return "\n".join(lines) + "\n"


def report(result: ValidationResult, out: TextIO) -> None:
    """The job summary, then one workflow command per diagnostic and a plain summary for the log.

    The job summary is written first: a log reader that stops early must not cost the summary page.
    """
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    trouble = None
    if target:
        try:
            with open(target, "a", encoding="utf-8") as page:
                page.write(summary(result))
        except OSError as error:
            said = escape_data(f"cannot write the job summary: {error.strerror or error}")
            trouble = f"::warning::{said}\n"
    out.write("".join(annotation(d) for d in result.diagnostics))
    out.write(f"{_counts(result)}\n")
    if trouble:
        out.write(trouble)
