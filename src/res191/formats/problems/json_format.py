"""Diagnostics as one JSON document, for scripts and editors."""

from __future__ import annotations

import json
from typing import Any, TextIO

from res191 import __version__
from res191.diagnostics import Diagnostic, Location, Severity
from res191.validation import ValidationResult
from res191.wording import encodable


def _place(location: Location) -> dict[str, Any]:
    return {"path": location.path, "line": location.line, "column": location.column}


def as_dict(diagnostic: Diagnostic) -> dict[str, Any]:
    """One diagnostic as plain data; the keys are part of res191's stable interface."""
    return {
        "code": diagnostic.code,
        "name": diagnostic.problem.name,
        "severity": diagnostic.severity.value,
        **_place(diagnostic.location),
        "message": diagnostic.message,
        "hint": diagnostic.hint,
        "example": diagnostic.example,
        "related": [_place(place) for place in diagnostic.related],
    }


def encodable_data(value: Any) -> Any:
    """Data whose texts UTF-8 can carry (wording.encodable): a file name that is not UTF-8 would make the
    document unwritable, or not JSON."""
    if isinstance(value, str):
        return encodable(value)
    if isinstance(value, dict):
        return {key: encodable_data(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [encodable_data(inner) for inner in value]
    return value


def report(result: ValidationResult, out: TextIO) -> None:
    """Write the result as a JSON object with a summary and the list of diagnostics."""
    document = {
        "tool": "res191",
        "version": __version__,
        "files": result.files,
        "errors": result.count(Severity.ERROR),
        "warnings": result.count(Severity.WARNING),
        "diagnostics": [as_dict(d) for d in result.diagnostics],
    }
    json.dump(encodable_data(document), out, indent=2, ensure_ascii=False)
    out.write("\n")
