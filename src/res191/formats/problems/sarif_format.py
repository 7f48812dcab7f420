"""Diagnostics as SARIF 2.1.0, the format code-scanning dashboards read."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from res191 import __version__
from res191.diagnostics import CATALOGUE, Location, Severity
from res191.formats.problems.json_format import encodable_data
from res191.validation import ValidationResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def uri(path: str) -> str:
    """A file path as a SARIF URI reference: forward slashes, spaces and the like percent-encoded (a byte of
    a name that is not UTF-8 too, as the byte it is)."""
    return quote(path.replace("\\", "/").encode("utf-8", "surrogateescape"), safe="/")


def _location(place: Location, number: int | None = None) -> dict[str, Any]:
    found: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri(place.path), "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": place.line, "startColumn": place.column},
        }
    }
    if number is not None:
        found["id"] = number
        found["message"] = {"text": "the other place"}
    return found


def _level(severity: Severity) -> str:
    return "error" if severity is Severity.ERROR else "warning"


def report(result: ValidationResult, out: TextIO) -> None:
    """Write one SARIF run with every catalogue code as a rule and every diagnostic as a result."""
    codes = list(CATALOGUE)
    rules = [
        {
            "id": p.code,
            "name": p.name,
            "shortDescription": {"text": p.title},
            "defaultConfiguration": {"level": _level(p.severity)},
        }
        for p in CATALOGUE.values()
    ]
    results = []
    for d in result.diagnostics:
        text = d.message + (f" (hint: {d.hint})" if d.hint else "")
        found: dict[str, Any] = {
            "ruleId": d.code,
            "ruleIndex": codes.index(d.code),
            "level": _level(d.severity),
            "message": {"text": text},
            "locations": [_location(d.location)],
        }
        if d.related:
            found["relatedLocations"] = [_location(p, i) for i, p in enumerate(d.related, 1)]
        results.append(found)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "res191",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the folder res191 ran in"}}},
                "results": results,
            }
        ],
    }
    json.dump(encodable_data(log), out, indent=2, ensure_ascii=False)
    out.write("\n")
