"""Diagnostics as SARIF 2.1.0, the format code-scanning dashboards read."""

from __future__ import annotations

import json
from typing import Any, TextIO

from res191 import __version__
from res191.diagnostics import CATALOGUE, Location, Severity
from res191.validation import ValidationResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _location(place: Location) -> dict[str, Any]:
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": place.path.as_posix()},
            "region": {"startLine": place.line, "startColumn": place.column},
        }
    }


def report(result: ValidationResult, out: TextIO) -> None:
    """Write one SARIF run with every catalogue code as a rule and every diagnostic as a result."""
    rules = [
        {
            "id": p.code,
            "name": p.name,
            "shortDescription": {"text": p.title},
            "defaultConfiguration": {"level": "error" if p.severity is Severity.ERROR else "warning"},
        }
        for p in CATALOGUE.values()
    ]
    results = [
        {
            "ruleId": d.code,
            "level": "error" if d.severity is Severity.ERROR else "warning",
            "message": {"text": d.message + (f" (hint: {d.hint})" if d.hint else "")},
            "locations": [_location(d.location)],
            **({"relatedLocations": [_location(p) for p in d.related]} if d.related else {}),
        }
        for d in result.diagnostics
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "res191", "version": __version__, "rules": rules}},
                "results": results,
            }
        ],
    }
    json.dump(log, out, indent=2, ensure_ascii=False)
    out.write("\n")
