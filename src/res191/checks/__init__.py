"""Checks across files: ids, references, ITU's rules for themes and for reports to Council."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from res191.checks.facts import RecordFacts
from res191.checks.histories import check_histories
from res191.checks.ids import check_ids
from res191.checks.references import check_references
from res191.checks.reports import check_reports
from res191.checks.repository import Place, Repository
from res191.checks.themes import check_themes
from res191.diagnostics import Diagnostic
from res191.loading.key_places import LineColumn

Check = Callable[[Repository, list[RecordFacts]], Iterator[Diagnostic]]

# Each family of checks, in the order its diagnostics are worked out (the output is sorted anyway).
FAMILIES: list[Check] = [check_ids, check_references, check_themes, check_histories, check_reports]


@dataclass(frozen=True)
class Across:
    """What the checks across files found."""

    diagnostics: list[Diagnostic]
    omitted: Counter[str]  # how many more problems were found but not listed, by file as shown
    placed: dict[str, dict[Place, LineColumn]]  # where the problems are, by file: for the cache


def check_across(
    records: Iterable[RecordFacts],
    cwd: str,
    scope: set[str] | None = None,
    remembered: dict[str, dict[Place, LineColumn]] | None = None,
) -> Across:
    """Every problem across files, for the records in scope (their absolute paths), or all. Places
    remembered from an earlier run (by file, for files unchanged since) are not worked out again."""
    repository = Repository(records, cwd, remembered)
    checked = [f for f in repository.records if scope is None or f.path in scope]
    found = [found for family in FAMILIES for found in family(repository, checked)]
    return Across(found, repository.omitted, dict(repository.placed))
