"""A conference's list of the resolutions in force after a session, landed in the records in one step.

After each session, ITU publishes every resolution then in force with its edition, one a line, as the
table of contents of the final acts or report does ("RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial
support for national spectrum-management programmes"). Such a list accounts for the session for every
resolution of the conference the records hold:

- a line whose edition is of the session: the session revised (or adopted) it; the edition is added where
  the record lacks it;
- a line whose edition is older: the session maintained it (history), and that edition is added where
  the record lacks it, since the list shows it in force;
- a resolution recorded, adopted before the session, that the list leaves out: the session suppressed it.

The changed records are written all together or not at all, each key changed in place (comments kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from res191.atomic import Planned, replace_all
from res191.editing.rewrite import rewritten
from res191.loading.record import LoadedRecords
from res191.models import Conference, Meeting, Resolution

# "RESOLUTION 10 (Rev. Hyderabad, 2010) - Title" (or with an en dash), "Resolution ITU-R 75 (Dubai,
# 2023) - Title", "RESOLUTION 646 (REV.WRC-19) Title": the word, the number, the edition, and the title.
_LINE = re.compile(
    r"^\s*(?:MOD\s+|ADD\s+)?(?P<word>RESOLUTION|DECISION)\s+(?P<number>(?:ITU-R\s+)?[0-9]+[A-Z]?(?:-[0-9]+)?)\s*"
    r"\((?P<rev>REV\.\s*)?(?:(?P<place>[^,()]+),\s*(?P<year>[0-9]{4})|WRC-(?P<wrc>[0-9]{2}))\)"
    r"\s*[\u2013\u2014-]?\s*(?P<title>.*?)\s*$",
    re.IGNORECASE,
)


class ListProblem(Exception):
    """The list cannot be read, or the session is not one of a conference."""


@dataclass(frozen=True)
class Listed:
    """A line of the list: the instrument, and the edition it shows in force."""

    line: int
    text: str
    decision: bool
    citation: str  # the line up to its edition: "RESOLUTION 10 (Rev. Hyderabad, 2010)"
    number: str  # as ITU writes it: "10", "ITU-R 6-2"
    revised: bool
    place: str | None
    year: int
    title: str | None


@dataclass
class SessionList:
    """What a list did to the records: the files it changes, and what it could not place."""

    changes: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, path, before, after)
    revised: list[str] = field(default_factory=list)
    maintained: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    not_recorded: list[str] = field(default_factory=list)  # lines for resolutions the records do not hold


def read_list(text: str) -> list[Listed]:
    """The lines of a list that name a resolution or decision; ListProblem if none does."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LINE.match(line)
        if match is None:
            continue
        year = int(match["year"]) if match["year"] else 2000 + int(match["wrc"])
        found.append(
            Listed(
                line=number,
                text=line.strip(),
                citation=line.strip()[: line.strip().index(")") + 1],
                decision=match["word"].upper() == "DECISION",
                number=re.sub(r"\s+", " ", match["number"]).replace("itu-r", "ITU-R"),
                revised=bool(match["rev"]),
                place=match["place"].strip() if match["place"] else None,
                year=year,
                title=match["title"] or None,
            )
        )
    if not found:
        raise ListProblem(
            "no line names a resolution as ITU's lists do, such as "
            "'RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial support for national spectrum-management "
            "programmes'"
        )
    return found


def _base(number: str) -> str:
    """The number without its revision suffix: ITU-R 6-2 is Resolution ITU-R 6."""
    return re.sub(r"-[0-9]+$", "", number) if number.startswith("ITU-R") else number


def apply_list(
    loaded: LoadedRecords,
    session_id: str,
    listed: list[Listed],
    source: str,
    dry_run: bool = False,
    complete: bool = True,
) -> SessionList:
    """Account for a session with its list of resolutions in force; write the records changed (unless
    dry_run). A complete list (ITU's are) shows what it leaves out suppressed; an excerpt (complete False)
    says nothing of them. ListProblem when the session is not a session of a conference."""
    conference, held = _session(loaded, session_id)
    found = SessionList()
    records = [r for r in loaded.all("resolution", Resolution).values() if r.conference is conference]
    by_number = {(r.kind == "decision", _base(r.number)): r for r in records}
    on_list: set[str] = set()
    planned: dict[str, dict[str, Any]] = {}
    for line in listed:
        resolution = by_number.get((line.decision, _base(line.number)))
        if resolution is None:
            found.not_recorded.append(line.text)
            continue
        on_list.add(resolution.id)
        values = planned.setdefault(resolution.id, resolution.model_dump(mode="json", exclude_unset=True))
        if not any(e["year"] == line.year for e in values["editions"]):
            edition = _edition(line, source, conference, resolution.number)
            values["editions"] = sorted([*values["editions"], edition], key=lambda e: e["year"])
        if line.year == held:  # the session revised it: its edition says so, not its history
            values["history"] = [h for h in values.get("history", []) if h["session"] != session_id]
            if not values["history"]:
                del values["history"]
            found.revised.append(resolution.id)
        else:
            _say(values, session_id, "maintained", source, line.citation)
            found.maintained.append(resolution.id)
    contradicted = [
        r.citation(e) for r in records if r.id not in on_list for e in r.editions if e.year == held
    ]
    if complete and contradicted:
        raise ListProblem(
            f"the list leaves out {', '.join(contradicted)}, which the records hold as adopted at this "
            "session: give the whole list, or --partial for an excerpt"
        )
    for resolution in records if complete else []:
        adopted_before = any(e.year < held for e in resolution.editions)
        if resolution.id not in on_list and adopted_before:
            values = planned.setdefault(resolution.id, resolution.model_dump(mode="json", exclude_unset=True))
            _say(values, session_id, "suppressed", source, None)
            found.suppressed.append(resolution.id)
    found.changes = _changes(loaded, planned)
    if not dry_run and found.changes:
        replace_all(
            [Planned(Path(path), before.encode(), after.encode()) for _, path, before, after in found.changes]
        )
    return found


def _session(loaded: LoadedRecords, session_id: str) -> tuple[Conference, int]:
    """The conference a session is of, and the year it ended; ListProblem for another meeting."""
    session = loaded.get("meeting", session_id, Meeting)
    conferences = {c.body_id: c for c in Conference}
    if session is None or session.body not in conferences:
        raise ListProblem(
            f"'{session_id}' is not a session of a conference: give the meeting record of the session "
            "(its body pp, wtsa, wtdc, ra, wrc or council), such as wtdc-2022"
        )
    return conferences[session.body], (session.end or session.start).year


def _edition(line: Listed, source: str, conference: Conference, number: str) -> dict[str, Any]:
    """The edition a line of the list names, as a record holds it (WRC's editions have no place)."""
    edition: dict[str, Any] = {"year": line.year, "revised": line.revised, "sources": [source]}
    if line.place and conference is not Conference.WRC:
        edition = {"place": line.place, **edition}
    if line.number != number:
        edition["number"] = line.number
    if line.title:
        edition["title"] = line.title
    return edition


def _changes(loaded: LoadedRecords, planned: dict[str, dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(id, path, text before, text after) of each record the list changes, its comments kept."""
    changes = []
    for record_id, values in sorted(planned.items()):
        file = loaded.find("resolution", record_id)
        assert file is not None and file.record is not None
        old = file.record.model_dump(mode="json", exclude_unset=True)
        if values == old:
            continue
        try:
            Resolution.model_validate(values)
        except ValueError as error:  # pydantic's ValidationError: the list and the record disagree
            raise ListProblem(f"{file.shown}: the list would make it invalid: {error}") from None
        before = file.path.read_text(encoding="utf-8")
        after = rewritten(before, "resolution", values, old, file.path, loaded.root)
        changes.append((record_id, str(file.path), before, after))
    return changes


def _say(values: dict[str, Any], session_id: str, outcome: str, source: str, listed_as: str | None) -> None:
    """Put the session's outcome in a record's history (in place of what it said of that session)."""
    entry: dict[str, Any] = {"session": session_id, "outcome": outcome}
    if listed_as:
        entry["listed_as"] = listed_as
    entry["source"] = source
    history = [h for h in values.get("history", []) if h["session"] != session_id]
    values["history"] = [*history, entry]
