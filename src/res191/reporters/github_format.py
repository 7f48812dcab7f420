"""Diagnostics as GitHub Actions workflow commands, which GitHub shows on the pull request's lines."""

from __future__ import annotations

from typing import TextIO

from res191.diagnostics import Severity
from res191.validation import ValidationResult


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(result: ValidationResult, out: TextIO) -> None:
    """One ::error or ::warning line per diagnostic, then a plain summary for the log."""
    for d in result.diagnostics:
        level = "error" if d.severity is Severity.ERROR else "warning"
        where = f"file={_property(d.location.path.as_posix())},line={d.location.line},col={d.location.column}"
        title = _property(f"{d.code} {d.problem.name}")
        body = (
            d.message
            + (f"\nhint: {d.hint}" if d.hint else "")
            + (f"\nfor example:\n{d.example}" if d.example else "")
        )
        out.write(f"::{level} {where},title={title}::{_data(body)}\n")
    out.write(
        f"{result.files} record files checked: {result.count(Severity.ERROR)} errors, "
        f"{result.count(Severity.WARNING)} warnings\n"
    )
