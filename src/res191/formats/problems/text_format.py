"""Diagnostics for people at a terminal: location, problem, hint and example, coloured when it helps.

Colours are plain ANSI sequences, written only to a terminal (and never when NO_COLOR is set): a
validation run in a hook or in CI draws nothing, so it does not pay for a drawing library.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import TextIO

from res191.diagnostics import Diagnostic, Severity
from res191.validation import ValidationResult
from res191.wording import plural, printable

_CODES = {"bold": "1", "dim": "2", "red": "1;31", "yellow": "33", "cyan": "36", "green": "32"}


class _Painter:
    def __init__(self, out: TextIO) -> None:
        isatty = getattr(out, "isatty", None)
        self.on = bool(isatty and isatty()) and "NO_COLOR" not in os.environ

    def __call__(self, text: str, style: str) -> str:
        return f"\x1b[{_CODES[style]}m{text}\x1b[0m" if self.on and style else text


def _warnings_counted(diagnostics: list[Diagnostic], paint: _Painter) -> str:
    """`and 13 warnings: 10 focal-point-missing (I402), 3 theme-rule (I401)`, and how to list them."""
    counts = Counter((d.problem.name, d.code) for d in diagnostics if d.severity is Severity.WARNING)
    kinds = ", ".join(f"{count} {name} ({code})" for (name, code), count in counts.most_common())
    total = plural(sum(counts.values()), "warning")
    return (
        f"{paint('and', 'dim')} {paint(total, 'yellow')}: {kinds}; "
        "fix the errors first, or see them all with `res191 validate --all-warnings`\n"
    )


_SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def _one(d: Diagnostic, paint: _Painter) -> str:
    severity = paint(d.severity.value, _SEVERITY_STYLE[d.severity])
    lines = [
        f"{paint(printable(str(d.location)), 'bold')}: {severity} "
        f"{paint(d.code, 'bold')} {paint(f'[{d.problem.name}]', 'dim')}",
        f"  {printable(d.message)}",
    ]
    if d.hint:
        lines.append(f"  {paint('hint:', 'cyan')} {printable(d.hint)}")
    if d.example:
        lines.append(f"  {paint('for example:', 'cyan')}")
        lines.extend(f"    {paint(printable(line), 'green')}" for line in d.example.splitlines())
    lines.extend(f"  {paint('see also:', 'cyan')} {printable(str(place))}" for place in d.related)
    return "\n".join(lines) + "\n"


def report(result: ValidationResult, out: TextIO, every_warning: bool = False) -> None:
    """Print the errors, then the warnings, then a one-line summary.

    Where there are errors, the warnings are counted by kind rather than listed (unless every_warning):
    thirteen true warnings about focal points not yet recorded must not bury the one error that stops a
    pull request.
    """
    paint = _Painter(out)
    errors_first = sorted(result.diagnostics, key=lambda d: d.severity is not Severity.ERROR)
    shown = [
        d
        for d in errors_first
        if every_warning or d.severity is Severity.ERROR or not result.count(Severity.ERROR)
    ]
    out.write("".join(_one(d, paint) for d in shown))
    if len(shown) < len(result.diagnostics):
        out.write(_warnings_counted(result.diagnostics, paint))
    files = plural(result.files, "record file")
    if not result.diagnostics:
        out.write(paint(f"{files} checked: no problems", "green") + "\n")
        return
    errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
    out.write(
        f"{files} checked: {paint(plural(errors, 'error'), 'red' if errors else '')}, "
        f"{paint(plural(warnings, 'warning'), 'yellow' if warnings else '')}\n"
    )
