"""The records as they stood on a day: what an output that speaks of the day (`--on`) may hold.

Each rule is the record's own (models/): a theme from its `since` (Theme.as_known_on), an edition from the
session that adopted it (Resolution.editions_by), a report from the day it speaks as of
(models/reporting.written_by), a position from its meeting or year (Position.expressed_by), an initiative
from its first year (Initiative.as_known_on), a chair from their term or years (Chair.as_known_on), a
document from its year (Document.dated_by). Here they are applied to the records together, once, for the
site's open data and `res191 list` alike; the site's pages ask the same rules of one record at a time.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pydantic import BaseModel

from res191.loading.record import LoadedRecords
from res191.models import Body, Document, Initiative, Meeting, Position, Report, Resolution, Theme
from res191.models.reporting import written_by


def report_written_by(loaded: LoadedRecords, report: Report, day: date) -> bool:
    """written_by for a report record, its Council session looked up in the records."""
    council = loaded.get("meeting", report.council_session, Meeting)
    return written_by(report.date, report.written_before, council.start if council else None, day)


def position_expressed_by(loaded: LoadedRecords, position: Position, day: date) -> bool:
    """Position.expressed_by, its meeting (where the record names one) looked up in the records."""
    meeting = loaded.get("meeting", position.meeting, Meeting) if position.meeting else None
    return position.expressed_by(day, meeting.start if meeting is not None else None)


def records_of_day(loaded: LoadedRecords, day: date) -> LoadedRecords:
    """The records as they stood on a day: no theme that became one later, no report written after the day,
    no position expressed after it, no initiative begun in a later year (nor a later year of one), no
    document of a later year; each resolution with the editions adopted by the day (none adopted yet: left
    out), each body with the chairs known by then and its description as given for a year up to the
    day's, each theme with its tracker's activities and the ISCG's
    years up to the day's; no record refers to a resolution, a document or a theme left out (an id the
    records of the day do not hold). Meetings after the day are kept: they are planned on it, as the records
    hold them, without what comes of them (their outcome, their calls for action: Meeting.as_known_on)."""
    editions = {
        rid: held.editions_by(day, loaded.sessions())
        for rid, held in loaded.all("resolution", Resolution).items()
    }
    adopted = {rid for rid, held in editions.items() if held}
    dated = {i for i, d in loaded.all("document", Document).items() if d.dated_by(day)}
    themes = {i for i, t in loaded.all("theme", Theme).items() if t.exists_on(day)}
    kept = []
    for record in loaded.records:
        if record.record is None:  # a record with an error: as the records hold it
            kept.append(record)
            continue
        held = _as_known_on(loaded, record.record, day, editions)
        if held is None:
            continue
        of_day = {"resolutions": adopted, "documents": dated, "themes": themes, "topics": themes}
        changed = _refs_of_day(held, of_day)
        held = held.model_copy(update=changed) if changed else held
        if isinstance(held, Meeting) and not held.held_by(day) and record.body.strip():
            record = replace(record, body="")  # its outcome: not known before it is over
        kept.append(record if held is record.record else replace(record, record=held))
    same = len(kept) == len(loaded.records) and all(a is b for a, b in zip(kept, loaded.records, strict=True))
    return loaded if same else LoadedRecords(loaded.root, kept, _sessions=loaded.sessions())


def _as_known_on(
    loaded: LoadedRecords, held: BaseModel, day: date, editions: dict[str, list[Any]]
) -> BaseModel | None:
    """One record as known on a day, by its own rule; None where it is not a record of the day."""
    if isinstance(held, Theme):
        return held.as_known_on(day)
    if isinstance(held, Report):
        if loaded.get("meeting", held.council_session, Meeting) is None:
            return held  # its session unknown (validate's X303): as the records hold it, on no day's rule
        return held if report_written_by(loaded, held, day) else None
    if isinstance(held, Position):
        return held if position_expressed_by(loaded, held, day) else None
    if isinstance(held, Initiative):
        return held.as_known_on(day)
    if isinstance(held, Document):
        return held if held.dated_by(day) else None
    if isinstance(held, Resolution):
        found = editions[held.id]
        if not found:
            return None
        return held if found == held.editions else held.model_copy(update={"editions": found})
    if isinstance(held, Meeting):
        return held.as_known_on(day)
    if isinstance(held, Body):
        # Its description as a source gave it for a year up to the day's, its chairs as known then.
        described = held.as_described_by(day)
        chairs = [known for chair in described.chairs if (known := chair.as_known_on(day))]
        return described if chairs == described.chairs else described.model_copy(update={"chairs": chairs})
    return held


def _refs_of_day(held: BaseModel, of_day: dict[str, set[str]]) -> dict[str, list[str]]:
    """The lists of ids a record holds (by key: `resolutions`, `documents`, a meeting's `topics`...) that
    name a record not of the day, without them; only those that change (an unset list stays unset)."""
    changed = {}
    for key, kept in of_day.items():
        ids = getattr(held, key, None)
        if isinstance(ids, list) and all(isinstance(i, str) for i in ids):
            found = [i for i in ids if i in kept]
            if found != ids:
                changed[key] = found
    return changed
