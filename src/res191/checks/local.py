"""Checks of one record on its own, after its schema: their results are cached with the file."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import Any, get_args, get_origin

from pydantic import BaseModel

from res191.diagnostics import MOST_PROBLEMS, Diagnostic, Location, problem
from res191.json_schemas import modeline, schema_reference
from res191.loading.key_places import Loc
from res191.loading.record import LoadedRecord
from res191.models import Body, Resolution
from res191.models.body import DESCRIPTION

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
# What `res191 new meeting` once wrote as a new meeting's text: a hint, which read as its outcome.
PLACEHOLDER = "The outcome of the meeting, in Markdown."


def check_record(loaded: LoadedRecord, root: Path) -> list[Diagnostic]:
    """Problems of a valid record that its schema cannot see."""
    record = loaded.record
    found = [] if loaded.kind.markdown else _modeline(loaded, root)
    if loaded.kind.name == "meeting" and loaded.body.strip() == PLACEHOLDER:
        found.append(_placeholder(loaded))
    if record is not None and loaded.kind.name == "report":  # by name: the report model is built
        found += _report_sections(loaded)  # only for a repository that has reports
    if isinstance(record, Resolution) and not record.text and not any(e.title for e in record.editions):
        found.append(_untitled(loaded))
    if isinstance(record, Body):
        if record.described() and not record.described_in:
            found.append(_undated(loaded, record))
        found += [_nameless(loaded, index) for index, c in enumerate(record.chairs) if not (c.name or c.role)]
    if record is not None:
        # The first MOST_PROBLEMS only, each placed in the file; the others counted (a list of 500,000
        # references to one body took 17 seconds to place, one at a time).
        repeats = repeated_items(record)
        found += [_repeated(loaded, where, first) for where, first in islice(repeats, MOST_PROBLEMS)]
        loaded.omitted += sum(1 for _ in repeats)
    return found


def repeated_items(model: BaseModel, at: Loc = ()) -> Iterator[tuple[Loc, Loc]]:
    """Each value of a list that repeats one before it, anywhere in a record: its path, and the first's.

    A list of plain values (ids, years, Sectors, sources): no such list of a record means anything by a
    repetition (a theme resting on `pp-175` twice, a source cited twice); a count or a list made from it
    would show it twice. A list of parts whose kind names the field each holds once (`ONE_EACH`: an
    initiative's years, a resolution's editions): that field's value, as two statuses of one year would
    contradict each other. Any other list of parts: a part the same as one before it in every field (where
    it names someone, for the kinds that may not: `NAMED_BY`)."""
    for name in _lists_and_parts(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from repeated_items(value, (*at, name))
        elif type(value) is list and value:
            if isinstance(value[0], BaseModel):  # a list of records' parts: a tracker, editions
                for index, item in enumerate(value):
                    yield from repeated_items(item, (*at, name, index))
                key = getattr(type(value[0]), "ONE_EACH", None)
                if key is not None:
                    yield from _repeats([getattr(item, key) for item in value], (*at, name), key)
                elif len(value) > 1:  # the same part twice (a chair, a focal point, an activity pasted again)
                    yield from _same_parts(value, (*at, name))
            elif len(set(value)) < len(value):  # a list of plain values, which nearly always repeats none
                yield from _repeats(value, (*at, name))


def _repeats(values: list[Any], at: Loc, key: str | None = None) -> Iterator[tuple[Loc, Loc]]:
    seen: dict[Any, int] = {}
    end = (key,) if key else ()
    for index, item in enumerate(values):
        first = seen.setdefault(item, index)
        if first != index:
            yield (*at, index, *end), (*at, first, *end)


def _same_parts(parts: list[BaseModel], at: Loc) -> Iterator[tuple[Loc, Loc]]:
    """Each part the same as one before it in every field, of those that name someone where their kind
    says so (`NAMED_BY`): told apart first by their plain values (a focal point's name and Sector), only
    parts alike in those compared whole."""
    named_by = getattr(type(parts[0]), "NAMED_BY", None)
    seen: dict[tuple[Any, ...], list[int]] = {}
    for index, part in enumerate(parts):
        if named_by is not None and getattr(part, named_by) is None:
            continue
        plain = tuple(v for v in part.__dict__.values() if not isinstance(v, (list, dict, BaseModel)))
        alike = seen.setdefault(plain, [])
        first = next((earlier for earlier in alike if parts[earlier] == part), None)
        if first is None:
            alike.append(index)
        else:
            yield (*at, index), (*at, first)


@functools.cache
def _lists_and_parts(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a kind of record that may hold a list or a part of the record (an edition, a
    tracker activity): found once a kind, not looked for in every field of every record."""
    return tuple(name for name, field in model.model_fields.items() if _may_hold(field.annotation))


def _may_hold(annotation: Any) -> bool:
    if get_origin(annotation) is list or (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
        return True
    return any(_may_hold(argument) for argument in get_args(annotation))


def repeated_hint(where: Loc) -> str:
    """What to do about a repeat (repeated_items): delete a value; keep one part of a year, since each
    holds more than its year (an edition's title and link, an initiative's status)."""
    if len(where) >= 3 and isinstance(where[-2], int):
        field = where[-1]
        return (
            f"keep one entry for the {field}, with what is right of both; or write the {field} that was meant"
        )
    return "delete this one; if another was meant, write that one instead"


def repeated_item(model: BaseModel, where: Loc) -> str:
    """What repeats at where (repeated_items), as the problem names it: `resolutions: 'pp-175'`, and for
    a part's field held once, the list of parts it is in: `editions: year 2022`."""
    if len(where) >= 3 and isinstance(where[-2], int):  # (..., "editions", 1, "year"): ONE_EACH's
        return f"{where[-3]}: {where[-1]} {item_at(model, where)!r}"
    key = next(str(part) for part in reversed(where) if isinstance(part, str))
    value = item_at(model, where)
    return f"{key}: the same entry" if isinstance(value, BaseModel) else f"{key}: {value!r}"


def _repeated(loaded: LoadedRecord, where: Loc, first: Loc) -> Diagnostic:
    assert loaded.record is not None
    line, column = loaded.locate(where)
    first_line, first_column = loaded.locate(first)
    return Diagnostic(
        problem("S207"),
        Location(loaded.shown, line, column),
        f"{repeated_item(loaded.record, where)} is listed again (first at line {first_line}, column "
        f"{first_column})",
        repeated_hint(where),
        related=(Location(loaded.shown, first_line, first_column),),
    )


def item_at(record: Any, where: Loc) -> Any:
    """The value at a path of a record (repeated_items'), as written: a Sector by its name."""
    for part in where:
        record = record[part] if isinstance(part, int) else getattr(record, part)
    return record.value if isinstance(record, Enum) else record


def _modeline(loaded: LoadedRecord, root: Path) -> list[Diagnostic]:
    wanted = schema_reference(loaded.file.path, root, loaded.kind)
    if loaded.schema == wanted:
        return []
    if loaded.schema is None:
        message = "the file does not start with the line that tells editors which schema it follows"
    else:
        message = f"the file's modeline points at {loaded.schema}, not at the {loaded.kind.name} schema"
    return [
        Diagnostic(
            problem("S205"),
            Location(loaded.shown, 1, 1),
            message,
            f"run `res191 fmt {loaded.shown}`, which puts it right; with it, editors complete keys and "
            "underline mistakes as you type",
            modeline(loaded.path, root, loaded.kind),
        )
    ]


def _placeholder(loaded: LoadedRecord) -> Diagnostic:
    return Diagnostic(
        problem("S206"),
        Location(loaded.shown, loaded.body_line, 1),
        "the meeting's text is still the placeholder that `res191 new` once wrote, and the site would "
        "publish it as the meeting's outcome",
        "replace it with the outcome of the meeting, or delete it where the outcome is not known",
        "<what the meeting concluded, as its report says, in Markdown>",
    )


def _untitled(loaded: LoadedRecord) -> Diagnostic:
    line, column = loaded.locate(("editions",), at_key=True)
    return Diagnostic(
        problem("I403"),
        Location(loaded.shown, line, column),
        f"no edition of '{loaded.id}' has a title, so `res191 overlaps` cannot compare it with others",
        "add the title of an edition whose title you have checked; or give the gist of its text under text:",
        "editions:\n  - place: Bucharest\n    year: 2022\n    title: <the title as adopted>",
    )


def _nameless(loaded: LoadedRecord, index: int) -> Diagnostic:
    """A chair with neither a name nor a post: nothing a page or a report could say of who chairs."""
    line, column = loaded.locate(("chairs", index))
    return Diagnostic(
        problem("S202"),
        Location(loaded.shown, line, column),
        "this chair has neither a name nor a role: say who chairs, or the post that does",
        "give the chair's name (with their country), or the role of the post that chairs it",
        "chairs:\n  - name: Mr Fabio Bigi\n    country: Italy\n    years: [2024]\n"
        "  - role: Deputy Secretary-General",
    )


def _undated(loaded: LoadedRecord, body: Body) -> Diagnostic:
    key = next(key for key in DESCRIPTION if getattr(body, key))
    line, column = loaded.locate((key,), at_key=True)
    return Diagnostic(
        problem("I406"),
        Location(loaded.shown, line, column),
        f"'{loaded.id}' has a {key.replace('_', ' ')} but names no year a source gives it for, so no report "
        "or page states it (a body's composition and terms change: another year's would be repeated)",
        "add the years whose sources give the description (a report to Council of that year, the service "
        "order in force then)",
        "described_in: [2024]",
    )


def _report_sections(loaded: LoadedRecord) -> list[Diagnostic]:
    """Every heading of the narrative must name one of the sections the template places."""
    from res191.models.report import SECTIONS

    found = []
    names = list(SECTIONS.values())
    fenced = False
    for number, line in enumerate(loaded.body.splitlines(), start=loaded.body_line):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading is None:
            continue
        level, title = heading.groups()
        if len(level) > 2 or (len(level) == 2 and title in names):
            continue  # a section, or a heading inside one
        close = difflib.get_close_matches(title.title(), names, n=1, cutoff=0.6)
        hint = f"did you mean '## {close[0]}'? " if close else ""
        hint += "the narrative's sections are " + ", ".join(f"## {n}" for n in names)
        hint += "; text under another heading would not appear in the report"
        found.append(
            Diagnostic(
                problem("R501"),
                Location(loaded.shown, number, 1),
                f"'{line.strip()}' is not a section of the report's narrative",
                hint,
                f"## {close[0] if close else names[0]}",
            )
        )
    return found
