"""Diagnostics for people at a terminal: location, problem, hint and example, in colour with rich."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from res191.diagnostics import Diagnostic, Severity
from res191.validation import ValidationResult

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def _one(diagnostic: Diagnostic) -> Text:
    text = Text()
    text.append(str(diagnostic.location), style="bold")
    text.append(": ")
    text.append(diagnostic.severity.value, style=_STYLE[diagnostic.severity])
    text.append(f" {diagnostic.code} ", style="bold")
    text.append(f"[{diagnostic.problem.name}]", style="dim")
    text.append(f"\n  {diagnostic.message}")
    if diagnostic.hint:
        text.append("\n  hint: ", style="cyan")
        text.append(diagnostic.hint)
    if diagnostic.example:
        text.append("\n  for example:", style="cyan")
        for line in diagnostic.example.splitlines():
            text.append(f"\n    {line}", style="green")
    for place in diagnostic.related:
        text.append("\n  see also: ", style="cyan")
        text.append(str(place))
    return text


def report(result: ValidationResult, out: TextIO) -> None:
    """Print every diagnostic, then a one-line summary."""
    console = Console(file=out, highlight=False, soft_wrap=True)
    for diagnostic in result.diagnostics:
        console.print(_one(diagnostic))
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    files = f"{result.files} record file{'s' if result.files != 1 else ''}"
    if not result.diagnostics:
        console.print(Text(f"{files} checked: no problems", style="green"))
        return
    summary = Text(f"{files} checked: ")
    summary.append(
        f"{errors} error{'s' if errors != 1 else ''}", style=_STYLE[Severity.ERROR] if errors else ""
    )
    summary.append(", ")
    summary.append(f"{warnings} warning{'s' if warnings != 1 else ''}", style="yellow" if warnings else "")
    console.print(summary)
