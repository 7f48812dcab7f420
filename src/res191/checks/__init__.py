"""Checks across files: ids, references, ITU's rules for themes and for reports to Council."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from res191.checks.across import Repository
from res191.checks.facts import RecordFacts
from res191.checks.ids import check_ids
from res191.checks.references import check_references
from res191.checks.reports import check_reports
from res191.checks.themes import check_themes
from res191.diagnostics import Diagnostic

Check = Callable[[Repository, list[RecordFacts]], Iterator[Diagnostic]]

# Each family of checks, in the order its diagnostics are worked out (the output is sorted anyway).
FAMILIES: list[Check] = [check_ids, check_references, check_themes, check_reports]


def check_across(
    records: Iterable[RecordFacts], cwd: str, scope: set[str] | None = None
) -> tuple[list[Diagnostic], Counter[str]]:
    """Every problem across files, for the records in scope (their absolute paths), or all; and how many
    more were found but not listed, by file."""
    repository = Repository(records, cwd)
    checked = [f for f in repository.records if scope is None or f.path in scope]
    return [found for family in FAMILIES for found in family(repository, checked)], repository.omitted
