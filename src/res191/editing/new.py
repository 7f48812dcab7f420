"""A new record from a few answers: its id, its file, and its text with comments for what is left to fill.

Each kind asks for the keys an editor must give (and offers those worth giving), with the choices the
repository allows: conferences and Sectors from the schema, bodies, themes, resolutions and Council
sessions from the records. The text written is in the canonical layout of `res191 fmt`, with the
modeline, and the keys not given are there as comments with an example, ready to be filled in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from res191.checks.local import item_at, repeated_items
from res191.editing.fmt import format_record
from res191.editing.order import model_in
from res191.editing.questions import QUESTIONS, Question
from res191.json_schemas import modeline
from res191.loading.explain import explain
from res191.loading.record import LoadedRecords
from res191.loading.yaml_problems import CONTROL
from res191.models import RecordKind, id_from_name
from res191.models.vocabulary import ID, reserved_name

# Words left out of a position's id: how it was put, and the small words.
_NOT_IN_IDS = frozenset(
    "the a an of to and in on for expressed interest being involved highlighted requested".split()
)
# Keys asked of a resolution that belong to its first edition.
_EDITION_KEYS = ("place", "year", "revised", "title")


class NewRecordProblem(Exception):
    """The answers cannot make a record: what is wrong with which option."""


class WrongAnswer(NewRecordProblem):
    """An answer of the wrong form: `--year takes a year such as 2025, not 'next'`."""

    def __init__(self, question: Question, expected: str, answer: object) -> None:
        super().__init__(f"{question.option} takes {expected}, not {answer!r}")
        self.expected = expected


def record_id(kind: str, values: dict[str, Any]) -> str:
    """The id a new record gets from its answers, unless --id gives one; NewRecordProblem when the
    answers hold nothing an id can be made of."""
    made = _made_id(kind, values)
    if not made:
        raise NewRecordProblem(f"no id can be made from these answers; give one with --id, such as {kind}-1")
    return made


def check_id(record_id: str) -> None:
    """NewRecordProblem for an id that cannot name a record's file."""
    if not ID.fullmatch(record_id):
        raise NewRecordProblem(
            f"--id {record_id!r} is not an id: lower-case words and digits joined by hyphens, such as pp-191"
        )
    if reserved_name(record_id):
        raise NewRecordProblem(
            f"'{record_id}' is a name Windows keeps for a device, and cannot name a file there; give "
            f"another with --id, such as {record_id}-1"
        )


def _made_id(kind: str, values: dict[str, Any]) -> str:
    if kind == "resolution":
        return id_from_name(f"{values['conference']} {values['number']}")
    if kind == "meeting":
        return id_from_name(f"{values['body']} {values['start']}")
    if kind == "report":
        return str(values["year"])
    if kind == "body":
        return id_from_name(values["acronym"])
    if kind == "position":
        words = re.findall(r"[a-z0-9]+", values["text"].lower())
        # The words of what it was about, not those of how it was put ("expressed interest in ...").
        meaningful = [w for w in words if w not in _NOT_IN_IDS][:3]
        return id_from_name(f"{values['body']} {values['year']} {' '.join(meaningful)}")
    if kind == "document":
        return id_from_name(values["number"])
    return id_from_name(values["title"])


def convert(question: Question, answer: Any) -> Any:
    """An answer as the record holds it: a year as a number, a date checked, yes/no as true/false."""
    if question.many:
        items = answer if isinstance(answer, list | tuple) else [answer]
        parts = [p.strip() for item in items for p in str(item).split(",") if p.strip()]
        return [convert(Question(question.key, question.prompt, kind=question.kind), p) for p in parts]
    text = str(answer).strip() if not isinstance(answer, bool) else answer
    if isinstance(text, str) and (control := CONTROL.search(text)):
        # As validate's Y123: no Word file, spreadsheet or web page made from the record could carry it. A
        # wrong answer, so that a terminal asks again.
        expected = (
            f"a text without a control character (U+{ord(control.group()):04X} here, which no Word file, "
            "spreadsheet or web page can carry; it often comes pasted from Word)"
        )
        raise WrongAnswer(question, expected, text)
    if question.kind == "year":
        if not str(text).isdigit():
            raise WrongAnswer(question, "a year such as 2025", text)
        return int(text)
    if question.kind == "date":
        try:
            return date.fromisoformat(str(text)).isoformat()
        except ValueError:
            raise WrongAnswer(question, "a date such as 2025-01-20 (YYYY-MM-DD)", text) from None
    if question.kind == "bool":
        if isinstance(text, bool):
            return text
        if str(text).lower() in ("yes", "y", "true"):
            return True
        if str(text).lower() in ("no", "n", "false"):
            return False
        raise WrongAnswer(question, "yes or no", text)
    return text


def record_values(kind: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The record's keys and values from the answers, in the layout of its kind."""
    values = {k: v for k, v in answers.items() if v not in (None, [], "")}
    if kind == "resolution":
        edition = {k: values.pop(k) for k in _EDITION_KEYS if k in values}
        values["editions"] = [edition]
    if kind == "initiative":
        year = {"year": values.pop("year")}
        if "status" in values:
            year["status"] = values.pop("status")
        values["years"] = [year]
    return values


def check_choices(kind: str, values: dict[str, Any], loaded: LoadedRecords) -> None:
    """Every answer that names a record names one that exists."""
    for question in QUESTIONS[kind]:
        if question.choices is None or question.key not in values:
            continue
        allowed = question.choices(loaded)
        given = values[question.key] if question.many else [values[question.key]]
        for answer in given:
            if answer not in allowed:
                listed = ", ".join(allowed[:12]) + (", ..." if len(allowed) > 12 else "")
                raise NewRecordProblem(f"{question.option} {answer!r} is not one of: {listed}")


def _example(model: type[BaseModel], key: str) -> str:
    info = model.model_fields[key]
    example = info.examples[0] if info.examples else None
    if example is None:
        for item in info.metadata:
            found = getattr(item, "examples", None)
            if found:
                example = found[0]
    if isinstance(example, bool):
        return "true" if example else "false"
    if isinstance(example, list):
        return "[" + ", ".join(str(e) for e in example if not isinstance(e, dict)) + "]"
    return "..." if example is None or isinstance(example, dict) else str(example)


def record_text(
    kind: RecordKind, values: dict[str, Any], path: Path, root: Path, text_given: bool = False
) -> str:
    """The new file's text: the record, and each key left out as a comment with what it is for; for a
    meeting, a comment on what follows the front matter, unless text_given (an import brings the text)."""
    from ruamel.yaml.comments import CommentedSeq

    from res191.editing.yaml_text import dump

    model = kind.model
    lines: list[str] = []
    for key, info in model.model_fields.items():
        if key in values:
            value = values[key]
            if isinstance(value, list) and not any(isinstance(v, dict) for v in value):
                value = CommentedSeq(value)
                value.fa.set_flow_style()  # a list of ids on one line: [pp-175, wtsa-70]
            lines.append(dump({key: value}).rstrip("\n"))
        elif model_in(info.annotation) is None and key != "sources":
            note = (info.description or "").rstrip(".")
            lines.append(f"# {key}: {_example(model, key)}" + (f"  ({note})" if note else ""))
    yaml = "\n".join(lines) + "\n"
    if kind.markdown:
        text = "---\n" + yaml + ("" if text_given else _body_hint(kind.name)) + "---\n"
        return format_record(text, kind)
    return format_record(f"{modeline(path, root, kind)}\n{yaml}", kind, modeline(path, root, kind))


def _body_hint(kind: str) -> str:
    """What goes after the front matter, said in a comment inside it: a hint written as the text itself
    would be published (the site shows a meeting's text as its outcome), and validate could not tell it
    from an outcome."""
    if kind == "meeting":
        return "# After the closing --- line: the outcome of the meeting, in Markdown (the site shows it).\n"
    return ""


def validate_values(kind: RecordKind, values: dict[str, Any]) -> None:
    """The values make a record of the kind; NewRecordProblem naming the option otherwise."""
    try:
        record = kind.model.model_validate(values)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        # Said as validate says it of the same key in a file: the form it takes, in words.
        why = explain(kind.model, kind.name, first)
        raise NewRecordProblem(f"--{_option(kind, first['loc'])}: {why.message}") from None
    for where, _ in repeated_items(record):  # as validate would refuse the file (S207)
        raise NewRecordProblem(
            f"--{_option(kind, where)}: {item_at(record, where)!r} is given twice; give it once"
        )


def _option(kind: RecordKind, loc: Sequence[str | int]) -> str:
    """The option of a key (an edition's year is --year, though the record writes it under editions)."""
    asked = {question.key for question in QUESTIONS[kind.name]}
    steps = [str(step) for step in loc if isinstance(step, str)]
    key = next((step for step in reversed(steps) if step in asked), steps[0] if steps else "")
    return key.replace("_", "-")


def new_record_path(root: Path, kind: RecordKind, record_id: str) -> Path:
    """Where a record of a kind with this id lives: data/<folder>/<id><ending>."""
    return root / "data" / kind.folder / f"{record_id}{kind.suffixes[0]}"


def missing(kind: str, answers: dict[str, Any]) -> Sequence[Question]:
    """The questions a record cannot do without that have no answer."""
    return [q for q in to_ask(kind, answers) if q.required]


def to_ask(kind: str, answers: dict[str, Any]) -> Sequence[Question]:
    """The questions with no answer yet, those a record cannot do without first: what a terminal asks."""
    unanswered = [q for q in QUESTIONS[kind] if answers.get(q.key) in (None, [], "")]
    return [q for q in unanswered if q.required] + [q for q in unanswered if not q.required]
