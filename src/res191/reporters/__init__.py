"""Output formats for diagnostics, chosen by name; each is one small module with one function."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import TextIO

from res191.validation import ValidationResult

Reporter = Callable[[ValidationResult, TextIO], None]

FORMATS = ("text", "json", "github", "sarif")


def default_format() -> str:
    """GitHub annotations under GitHub Actions, where they show on the pull request; text elsewhere."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def reporter(name: str) -> Reporter:
    """The report function of a format, imported only when it is used."""
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"res191.reporters.{name}_format")
    report: Reporter = module.report
    return report
