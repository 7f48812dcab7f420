"""Output formats for diagnostics, chosen by name; each is one small module with one function."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from enum import StrEnum
from typing import TextIO

from res191.validation import ValidationResult

Reporter = Callable[[ValidationResult, TextIO], None]


class DiagnosticFormat(StrEnum):
    """The formats `res191 validate --format` writes."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    SARIF = "sarif"


def default_format() -> DiagnosticFormat:
    """GitHub annotations under GitHub Actions, where they show on the pull request; text elsewhere."""
    return DiagnosticFormat.GITHUB if os.environ.get("GITHUB_ACTIONS") == "true" else DiagnosticFormat.TEXT


def reporter(name: DiagnosticFormat) -> Reporter:
    """The report function of a format, imported only when it is used."""
    module = importlib.import_module(f"res191.formats.problems.{DiagnosticFormat(name).value}_format")
    report: Reporter = module.report
    return report
