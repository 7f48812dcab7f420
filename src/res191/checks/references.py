"""References: every id a record refers to must name a record of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from res191.checks.facts import RecordFacts
from res191.checks.repository import Repository
from res191.diagnostics import MOST_PROBLEMS, Diagnostic, problem
from res191.models.kinds import KINDS
from res191.models.vocabulary import ID


def check_references(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """X303 for each reference to a record that does not exist, valid record or not.

    A file with very many broken references gets a diagnostic for the first MOST_PROBLEMS only (each
    costs a position and a suggestion); the others are counted.
    """
    is_broken: dict[tuple[str, str], bool] = {}
    for facts in records:
        broken: list[tuple[tuple[str | int, ...], str, str]] = []
        more = 0
        for loc, kind, ref in facts.refs:
            key = (kind, ref)
            if key not in is_broken:  # a malformed id is a schema error, not a broken reference
                is_broken[key] = not repository.exists(kind, ref) and bool(ID.fullmatch(ref))
            if is_broken[key]:
                if len(broken) < MOST_PROBLEMS:
                    broken.append((loc, kind, ref))
                else:
                    more += 1
        repository.omitted[facts.shown] += more
        for loc, kind, ref in broken:
            close = repository.closest_id(kind, ref)
            hint = f"did you mean '{close}'? " if close else ""
            hint += f"the {kind} must exist as data/{KINDS[kind].folder}/{ref}{KINDS[kind].suffixes[0]}"
            yield Diagnostic(
                problem("X303"), repository.at(facts, loc), f"no {kind} has the id '{ref}'", hint
            )
