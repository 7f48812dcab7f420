"""`res191 show ID`: one record, its citation, what it refers to and what refers to it, with places."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from res191.loading.of_day import records_of_day
from res191.loading.record import LoadedRecord, LoadedRecords
from res191.models import Body, Resolution, iter_references
from res191.views.listing import place
from res191.wording import printable


class NotFound(Exception):
    """No record has the id, or several kinds do and the kind was not given."""


@dataclass
class Link:
    """A reference between two records: which key holds it, and where."""

    key: str  # e.g. resolutions[2]
    kind: str
    id: str
    place: str  # the file and line of the record at the other end, or of the reference
    of_day: bool = True  # False: the reference is not one of the day shown (a later record, a later fact)


@dataclass
class Shown:
    """A record as `show` presents it."""

    kind: str
    id: str
    place: str
    label: str
    fields: dict[str, Any]
    refers_to: list[Link] = field(default_factory=list)
    referred_by: list[Link] = field(default_factory=list)
    on: date | None = None
    sessions: list[str] = field(default_factory=list)  # a resolution's later sessions, and what each did
    later_editions: list[str] = field(default_factory=list)  # a resolution's editions adopted after the day
    of_day: bool = True  # False: not yet a record on the day (a theme since later, a report written later...)
    left_out: list[str] = field(default_factory=list)  # keys holding facts of a later day, shown without them


def _sessions(resolution: Resolution, loaded: LoadedRecords, on: date) -> list[str]:
    """Each recorded session of the resolution's conference from its first edition up to the day, and what
    it did, as the records account for it (models/in_force.py, the rule the citation above follows)."""
    lines = []
    history = {h.session: h for h in resolution.history}
    for found in resolution.sessions_accounted(on, loaded.sessions()):
        name = found.session.name
        said = history.get(found.session.id)
        if found.edition is not None:
            lines.append(f"{name}: adopted {resolution.citation(resolution.editions[found.edition])}")
        elif found.outcome is not None and said is not None:
            lines.append(f"{name}: {found.outcome} (source: {said.source})")
        elif found.by is not None:
            # The records as they stand now: a later session's "maintained" may be after the day shown.
            after = f" (held after {on.isoformat()})" if found.by.start > on else ""
            lines.append(
                f"{name}: accounted for by {found.by.name}{after}, which maintained the edition then in force"
            )
        else:
            lines.append(f"{name}: not accounted for")
    return lines


def _label(record: LoadedRecord, loaded: LoadedRecords, on: date) -> str:
    model = record.record
    if isinstance(model, Resolution):
        found = model.cited(on, loaded.sessions())
        title = found.title
        standing = f" ({found.note})" if found.note else f" (in force on {on.isoformat()})"
        return f"{found.text} of {model.conference.value}" + (f": {title}" if title else "") + standing
    if isinstance(model, Body):
        return f"{model.name} ({model.acronym})"
    for name in ("title", "name", "number", "text"):
        value = getattr(model, name, None)
        if isinstance(value, str):
            return value
    return record.id


def _key(loc: tuple[str | int, ...]) -> str:
    return "".join(
        f"[{step}]" if isinstance(step, int) else (f".{step}" if i else step) for i, step in enumerate(loc)
    )


def show(loaded: LoadedRecords, record_id: str, kind: str | None, on: date) -> Shown:
    """The record of that id (of that kind, where ids of several kinds clash), with its links both ways, as
    of a day (a resolution is cited as the records stand on it)."""
    matches = [r for r in loaded.records if r.id == record_id and (kind is None or r.kind.name == kind)]
    if not matches:
        raise NotFound(f"no record has the id '{record_id}'" + (f" among the {kind} records" if kind else ""))
    kinds = sorted({r.kind.name for r in matches})
    if len(kinds) > 1:
        raise NotFound(f"'{record_id}' is the id of a {' and a '.join(kinds)}; say which with --kind")
    record = matches[0]
    model = record.record
    label = _label(record, loaded, on) if model else ""
    shown = Shown(record.kind.name, record.id, place(record), label, {}, on=on)
    if isinstance(model, Resolution):
        shown.sessions = _sessions(model, loaded, on)
    if model is None:
        shown.fields = {"problem": "this record does not pass its schema; run `res191 validate` on it"}
        return shown
    # Its keys as the records stood on the day (loading/of_day.py, the rule of every output of a day): the
    # facts of a later day left out and named; a record that is not yet one then is shown as its file is.
    of_day = records_of_day(loaded, on)
    found = of_day.find(record.kind.name, record.id)
    kept = found.record if found is not None else None
    as_filed = model.model_dump(mode="json", exclude_defaults=True)
    shown.fields = kept.model_dump(mode="json", exclude_defaults=True) if kept is not None else as_filed
    shown.of_day = kept is not None
    shown.left_out = [
        key for key, value in as_filed.items() if shown.of_day and shown.fields.get(key) != value
    ]
    if isinstance(model, Resolution) and isinstance(kept, Resolution):
        held = {e.model_dump_json() for e in kept.editions}
        shown.later_editions = [model.citation(e) for e in model.editions if e.model_dump_json() not in held]
    day_references = {(k, t) for _, k, t in iter_references(record.kind.model, kept)} if kept else set()
    for loc, target_kind, target in iter_references(record.kind.model, model):
        other = loaded.find(target_kind, target)
        where = place(other) if other else "(no such record)"
        of_the_day = (target_kind, target) in day_references
        shown.refers_to.append(Link(_key(loc), target_kind, target, where, of_the_day))
    for other in loaded.records:
        if other.record is None:
            continue
        for loc, target_kind, target in iter_references(other.kind.model, other.record):
            if target_kind == record.kind.name and target == record.id:
                line = other.locate(loc)[0]
                link = Link(_key(loc), other.kind.name, other.id, f"{other.shown}:{line}")
                link.of_day = _refers_on_the_day(of_day, other, record)
                shown.referred_by.append(link)
    return shown


def _refers_on_the_day(of_day: LoadedRecords, other: LoadedRecord, record: LoadedRecord) -> bool:
    """Whether a record still refers to another as the records stood on the day (it may not exist yet, or
    its reference may be to a fact of a later day)."""
    found = of_day.find(other.kind.name, other.id)
    if found is None or found.record is None:
        return False
    wanted = (record.kind.name, record.id)
    return any(
        (kind, target) == wanted for _, kind, target in iter_references(other.kind.model, found.record)
    )


def write_text(shown: Shown, out: TextIO) -> None:
    """The record for people: a heading, its keys, and its links."""
    day = shown.on.isoformat() if shown.on else "the day"
    lines = [f"{shown.kind} {shown.id}  {shown.place}", f"  {shown.label}"]
    if not shown.of_day:
        lines.append(f"  not yet a record on {day} (outputs of that day leave it out); its file's keys:")
    lines.append("")
    for key, value in shown.fields.items():
        if key == "id":
            continue
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        lines.append(f"  {key}: {text}")
    if shown.later_editions:
        lines.append(f"  adopted after {day}, not shown: {'; '.join(shown.later_editions)}")
    others = [key for key in shown.left_out if not (key == "editions" and shown.later_editions)]
    if others:
        lines.append(f"  facts of a later day left out of: {', '.join(others)}")
    if shown.sessions:
        heading = f"sessions of its conference recorded up to {shown.on.isoformat()}:" if shown.on else ""
        lines += [
            "",
            heading or "sessions of its conference recorded:",
            *(f"  {line}" for line in shown.sessions),
        ]
    if shown.refers_to:
        lines += ["", "refers to:"]
        lines += [
            f"  {link.key} -> {link.kind} {link.id}  {link.place}{_later(link, day)}"
            for link in shown.refers_to
        ]
    if shown.referred_by:
        lines += ["", "referred to by:"] + [
            f"  {link.kind} {link.id} ({link.key})  {link.place}{_later(link, day)}"
            for link in shown.referred_by
        ]
    else:
        lines += ["", "referred to by: no record"]
    out.write("".join(printable(line) + "\n" for line in lines))


def _later(link: Link, day: str) -> str:
    return "" if link.of_day else f"  (not a fact of {day})"


def write_json(shown: Shown, out: TextIO) -> None:
    """The record as JSON, for scripts."""
    document = {
        "kind": shown.kind,
        "id": shown.id,
        "place": shown.place,
        "label": shown.label,
        "as_of": shown.on.isoformat() if shown.on else None,
        "sessions": shown.sessions,
        "later_editions": shown.later_editions,
        "of_day": shown.of_day,
        "left_out": shown.left_out,
        "fields": shown.fields,
        "refers_to": [link.__dict__ for link in shown.refers_to],
        "referred_by": [link.__dict__ for link in shown.referred_by],
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
