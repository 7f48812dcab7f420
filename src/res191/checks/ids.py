"""Ids: each must match its file name, and no two records of a kind may share one."""

from __future__ import annotations

from collections.abc import Iterator

from res191.checks.facts import RecordFacts
from res191.checks.repository import Repository
from res191.diagnostics import Diagnostic, Location, problem
from res191.models.vocabulary import ID, id_from_name, reserved_name


def check_ids(repository: Repository, records: list[RecordFacts]) -> Iterator[Diagnostic]:
    """X301 for an id that is not its file name, X302 for files of one kind sharing an id, X304 for an
    id that Windows cannot have as a file name."""
    for facts in records:
        if not facts.parsed:
            continue
        declared = facts.declared_id
        if declared is not None and declared != facts.id:
            yield _mismatch(repository, facts, declared)
        if reserved_name(facts.id):
            yield Diagnostic(
                problem("X304"),
                repository.at(facts, ("id",)),
                f"'{facts.id}' is a name Windows keeps for a device: this file cannot be checked out there",
                f"rename the file and its id, for example to {facts.id}-1",
                f"id: {facts.id}-1",
            )
        others = [f for f in repository.by_id[facts.kind].get(facts.id, []) if f.path != facts.path]
        if others:
            yield Diagnostic(
                problem("X302"),
                repository.at(facts, ("id",)),
                f"another {facts.kind} has the id '{facts.id}': {others[0].shown}",
                "ids must be unique within a kind of record; rename one of the files and its id",
                related=tuple(Location(f.shown) for f in others),
            )


def _mismatch(repository: Repository, facts: RecordFacts, declared: str) -> Diagnostic:
    name = facts.path.rpartition("/")[2]
    if ID.fullmatch(facts.id):
        hint = "other records refer to this one by its file name; make the two the same"
        example = f"id: {facts.id}"
    else:  # the file name cannot be an id (`pp 191 copy.yaml`): the file is what to rename
        wanted = declared if ID.fullmatch(declared) else id_from_name(facts.id) or "pp-191"
        ending = name[len(facts.id) :]
        hint = f"'{facts.id}' cannot be an id; rename the file to {wanted}{ending} and give it id: {wanted}"
        example = f"id: {wanted}"
    return Diagnostic(
        problem("X301"),
        repository.at(facts, ("id",)),
        f"the id '{declared}' does not match the file name '{name}'",
        hint,
        example,
    )
