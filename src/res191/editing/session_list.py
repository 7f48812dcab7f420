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

A line that looks like an entry in any language but is not read stops the import (list_lines.py); a
recommendation, an article, an appendix or an annex is skipped. A line that contradicts the records, or
that cannot be (an edition after the session, a resolution listed twice), stops it too, as does an outcome
the records already hold for the session that the list would replace (unless the user says to replace it):
a list is often copied with a line lost or misread, and the records' outcome carries its own source. The
changed records are tried with `validate` first, then written all together or not at all, each key
changed in place (comments kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from res191.atomic import Planned
from res191.editing.list_checks import alive_after, base_number, conference_of, refused_lines
from res191.editing.list_lines import (
    lines_of,
    looks_like_an_entry,
    other_text,
    title_of,
    unfinished,
    what_is_wrong,
)
from res191.editing.rewrite import file_text, rewritten
from res191.editing.trial import errors_after, write_records
from res191.loading.record import LoadedRecords
from res191.loading.yaml_problems import YamlProblem
from res191.models import Conference, Meeting, Resolution

# "RESOLUTION 10 (Rev. Hyderabad, 2010) - Title" (or with an en dash), "Resolution ITU-R 75 (Dubai,
# 2023) - Title", "RESOLUTION 646 (REV.WRC-19) Title": the word, the number, the edition, and the title.
# ITU's own lists are not always regular: "RESOLUTION 10 (Rev. Hyderabad 2010)" (no comma before the year),
# "RESOLUTION10 (...)" (no space after the word) and "WRC-19" with a non-breaking hyphen are read too,
# since each can be read only one way. A WRC is cited by two digits of its year ("WRC-97", "WRC-19") but
# one: "WRC-2000".
_HYPHEN = "[-\u2010\u2011\u2012\u2013]"
_LINE = re.compile(
    r"^\s*(?:MOD\s+|ADD\s+)?(?P<word>RESOLUTION|DECISION)\s*(?P<number>(?:ITU-R\s+)?[0-9]+[A-Z]?(?:-[0-9]+)?)\s*"
    rf"\((?P<rev>REV(?:\.\s*|\s+))?(?:(?P<place>[^,()0-9]+?)(?:\s*,\s*|\s+)(?P<year>[0-9]{{4}})|WRC{_HYPHEN}(?P<wrc>[0-9]{{4}}|[0-9]{{2}}))\)"
    r"\s*[\u2013\u2014-]?\s*(?P<title>.*?)\s*$",
    re.IGNORECASE,
)
EXPECTED = (
    "RESOLUTION 10 (Rev. Hyderabad, 2010) - Financial support for national spectrum-management programmes"
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
    column: int = 1


@dataclass
class SessionList:
    """What a list did to the records: the files it changes, and what it could not place."""

    changes: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, path, before, after)
    revised: list[str] = field(default_factory=list)
    maintained: list[str] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)
    not_recorded: list[str] = field(default_factory=list)  # lines for resolutions the records do not hold
    replaced: list[str] = field(default_factory=list)  # outcomes recorded for the session, replaced


def read_list(text: str, shown: str = "the list", complete: bool = True) -> list[Listed]:
    """The lines of a list that name a resolution or decision. ListProblem if none does, or if a line
    looks like one but cannot be read (each such line named as shown:line:column, and what leaving it
    out would do: in a complete list, suppress its resolution; in an excerpt, leave it unaccounted for)."""
    found = []
    unread = []
    lines = lines_of(text)
    for number, line in enumerate(lines, start=1):
        match = _LINE.match(line)
        if match is None:
            if other_text(line):  # a recommendation...: not a resolution (other_texts counts them)
                continue
            if looks_like_an_entry(line):  # a line left unread would leave its resolution out
                column = len(line) - len(line.lstrip()) + 1
                unread.append(f"  {shown}:{number}:{column}: {line.strip()} ({what_is_wrong(line)})")
            continue
        found.append(
            Listed(
                line=number,
                text=line.strip(),
                citation=line.strip()[: line.strip().index(")") + 1],
                decision=match["word"].upper() == "DECISION",
                number=re.sub(r"\s+", " ", match["number"]).replace("itu-r", "ITU-R"),
                revised=bool(match["rev"]),
                place=match["place"].strip() if match["place"] else None,
                year=_year(match),
                title=" ".join(filter(None, [match["title"], *_continued(lines, number)])) or None,
                column=len(line) - len(line.lstrip()) + 1,
            )
        )
    if unread:
        some = "a line" if len(unread) == 1 else f"{len(unread)} lines"
        left_out = (
            "would be taken as suppressed"
            if complete
            else "would not be accounted for at this session (neither revised nor maintained)"
        )
        raise ListProblem(
            f"{some} of the list name{'s' if len(unread) == 1 else ''} a resolution in a form that cannot "
            f"be read, and a resolution left unread {left_out}:\n"
            + "\n".join(unread)
            + f"\nwrite each as ITU's lists do, one a line: the word, the number, the edition in brackets, "
            f"the title: '{EXPECTED}' (or '(Rev. WRC-19)' for WRC); delete a line that is not an entry"
        )
    if not found:
        raise ListProblem(f"no line names a resolution as ITU's lists do, such as '{EXPECTED}'")
    return found


def wrc_year(written: str) -> int:
    """The year of a WRC as ITU cites it: two digits of 50 or more are of the 1900s ("WRC-97" is 1997),
    below 50 of the 2000s ("WRC-19" is 2019); four digits are the year as written ("WRC-2000")."""
    year = int(written)
    if len(written) == 4:
        return year
    return 1900 + year if year >= 50 else 2000 + year


def _year(match: re.Match[str]) -> int:
    """The year of the edition a line of the list (a _LINE match) names."""
    return int(match["year"]) if match["year"] else wrc_year(match["wrc"])


def apply_list(
    loaded: LoadedRecords,
    session_id: str,
    listed: list[Listed],
    source: str,
    dry_run: bool = False,
    complete: bool = True,
    shown: str = "the list",
    replace_recorded: bool = False,
) -> SessionList:
    """Account for a session with its list of resolutions in force; write the records changed (unless
    dry_run). A complete list (ITU's are) shows what it leaves out suppressed; an excerpt (complete False)
    says nothing of them. ListProblem, and nothing written, when the session is not a session of a
    conference, when a line contradicts the records or cannot be (each named as shown:line:column), when
    the list would replace an outcome recorded for the session (unless replace_recorded), or when the
    records would not validate after it."""
    conference, held = _session(loaded, session_id)
    records = [r for r in loaded.all("resolution", Resolution).values() if r.conference is conference]
    by_number = {(r.kind == "decision", base_number(r.number)): r for r in records}
    sessions = conference_of(loaded, conference.body_id, session_id)
    refused = refused_lines(listed, by_number, session_id, held, shown, sessions)
    if refused:
        some = "a line" if len(refused) == 1 else f"{len(refused)} lines"
        raise ListProblem(f"{some} of the list cannot be taken into the records:\n" + "\n".join(refused))
    found = SessionList()
    planned: dict[str, dict[str, Any]] = {}
    for line in listed:
        resolution = by_number.get((line.decision, base_number(line.number)))
        if resolution is None:
            found.not_recorded.append(line.text)
        else:
            _listed(loaded, resolution, line, session_id, held, source, planned, found)
    on_list = {*found.revised, *found.maintained}
    contradicted = [
        r.citation(e) for r in records if r.id not in on_list for e in r.editions if e.year == held
    ]
    if complete and contradicted:
        raise ListProblem(
            f"the list leaves out {', '.join(contradicted)}, which the records hold as adopted at this "
            "session: give the whole list, or --partial for an excerpt"
        )
    # What a whole list's silence would suppress: each resolution the records hold from before the session
    # that the list leaves out (one adopted later could not be on it).
    leaving = [
        r
        for r in records
        if r.id not in on_list
        and any(e.year < held for e in r.editions)
        and not any(h.outcome == "suppressed" and h.session in sessions.before for h in r.history)
    ]  # one suppressed at an earlier session is not left out of this list: it was gone already
    alive = alive_after(loaded, leaving, session_id, held)
    if complete and alive:
        raise ListProblem(
            f"the list leaves out {', '.join(alive)}, which the records show in force after this session, "
            "so it was not suppressed there: give the whole list (a line may have been lost in the copy), "
            "or --partial for an excerpt"
        )
    for resolution in leaving if complete else []:
        values = planned.setdefault(resolution.id, resolution.model_dump(mode="json", exclude_unset=True))
        recorded = _say(values, session_id, "suppressed", source, None)
        if recorded is not None:
            found.replaced.append(_replacing(loaded, resolution.id, recorded, "suppressed (left out)"))
        found.suppressed.append(resolution.id)
    if found.replaced and not replace_recorded:
        raise ListProblem(
            f"the list would replace what the records say of {session_id}:\n"
            + "\n".join(f"  {each}" for each in found.replaced)
            + "\nthe records' outcome has its own source, and a list copied with a line lost or misread (a "
            "page break, a line in another language) would overturn it: give each such line as ITU's list "
            "does; where ITU's list does say otherwise, run again with --replace-recorded"
        )
    found.changes = _changes(loaded, planned)
    _write(loaded, found.changes, dry_run)
    return found


def _listed(
    loaded: LoadedRecords,
    resolution: Resolution,
    line: Listed,
    session_id: str,
    held: int,
    source: str,
    planned: dict[str, dict[str, Any]],
    found: SessionList,
) -> None:
    """What a line says of a recorded resolution, put in its planned values: revised at the session (its
    edition added where the record lacks it) or maintained there."""
    conference = resolution.conference
    values = planned.setdefault(resolution.id, resolution.model_dump(mode="json", exclude_unset=True))
    if not any(e["year"] == line.year for e in values["editions"]):
        edition = _edition(line, source, conference, resolution.number)
        values["editions"] = sorted([*values["editions"], edition], key=lambda e: e["year"])
    if line.year == held:  # the session revised it: its edition says so, not its history
        recorded = _recorded(values, session_id)
        if recorded is not None:
            now = f"revised (the list shows {line.citation})"
            found.replaced.append(_replacing(loaded, resolution.id, recorded, now))
        values["history"] = [h for h in values.get("history", []) if h["session"] != session_id]
        if not values["history"]:
            del values["history"]
        found.revised.append(resolution.id)
    else:
        recorded = _say(values, session_id, "maintained", source, line.citation)
        if recorded is not None:
            now = f"maintained, as {line.citation}"
            found.replaced.append(_replacing(loaded, resolution.id, recorded, now))
        found.maintained.append(resolution.id)


def _write(loaded: LoadedRecords, changes: list[tuple[str, str, str, str]], dry_run: bool) -> None:
    """Try the changes with validate, then write them all or none (unless dry_run); ListProblem where
    the records would not validate after them, a contradiction the checks of the lines did not foresee."""
    errors = errors_after(loaded.root, {Path(path): after for _, path, _, after in changes})
    if errors:
        raise ListProblem(
            "the records would not validate after this list, so nothing is written:\n"
            + "\n".join(f"  {e.location}: {e.code} {e.message}" for e in errors)
        )
    if not dry_run and changes:
        write_records(
            loaded.root,
            [Planned(Path(path), before.encode(), after.encode()) for _, path, before, after in changes],
        )


def _recorded(values: dict[str, Any], session_id: str) -> dict[str, Any] | None:
    """What a record's history says of the session, if anything."""
    return next((h for h in values.get("history", []) if h["session"] == session_id), None)


def _replacing(loaded: LoadedRecords, record_id: str, recorded: dict[str, Any], now: str) -> str:
    """An outcome recorded for a session and what the list would make of it, in a line."""
    file = loaded.find("resolution", record_id)
    where = f" ({file.shown})" if file is not None else ""
    listed = f", as {recorded['listed_as']}" if recorded.get("listed_as") else ""
    return (
        f"{record_id}{where}: recorded {recorded['outcome']}{listed} (source: {recorded['source']}) -> {now}"
    )


def _continued(lines: list[str], number: int) -> list[str]:
    """The lines after line `number` (counted from 1) that carry on its title, as a table of contents
    wraps a long one: each starting with a small letter, and none an entry or another text."""
    carried = []
    for line in lines[number:]:
        rest = line.strip()
        if not rest[:1].islower() or _LINE.match(line) or other_text(line) or looks_like_an_entry(line):
            break
        carried.append(rest)
    return carried


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
    title = title_of(line.title) if line.title else None
    if title and not unfinished(title):
        edition["title"] = title  # without a table of contents' leader dots and page, and only if whole
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
        before = file_text(file.path)
        try:
            after = rewritten(before, "resolution", values, old, file.path, loaded.root)
        except YamlProblem as problem:  # Y124: ruamel.yaml cannot read what YAML allows (a tab after a value)
            place = f"{file.shown}:{problem.line}:{problem.column}" if problem.line else file.shown
            raise ListProblem(f"{place}: {problem.message}; {problem.hint}") from None
        changes.append((record_id, str(file.path), before, after))
    return changes


def _say(
    values: dict[str, Any], session_id: str, outcome: str, source: str, listed_as: str | None
) -> dict[str, Any] | None:
    """Put the session's outcome in a record's history (in place of what it said of that session); the
    entry replaced, where the record said something else of the session.

    Where the record already says the same of the session (the same outcome, of the same edition), its
    entry is kept as it is: the source recorded (often ITU's own text) is not replaced by this list's."""
    history = values.get("history", [])
    recorded = next((h for h in history if h["session"] == session_id), None)
    if recorded is not None and _same_outcome(recorded, outcome, listed_as):
        return None
    entry: dict[str, Any] = {"session": session_id, "outcome": outcome}
    if listed_as:
        entry["listed_as"] = listed_as
    entry["source"] = source
    values["history"] = [*(h for h in history if h["session"] != session_id), entry]
    return recorded


def _same_outcome(recorded: dict[str, Any], outcome: str, listed_as: str | None) -> bool:
    """Whether a history entry already says this outcome, of the edition a line lists (written alike or
    not: "(Rev. Hyderabad 2010)" is "(Rev. Hyderabad, 2010)")."""
    if recorded["outcome"] != outcome:
        return False
    if listed_as is None:
        return True
    before = _LINE.match(recorded.get("listed_as") or "")
    now = _LINE.match(listed_as)
    if before is None or now is None:
        return recorded.get("listed_as") == listed_as
    return _edition_named(before) == _edition_named(now)


def _edition_named(match: re.Match[str]) -> tuple[str, int, str]:
    """The number and year a citation names, written alike however it is spaced or cased."""
    number = re.sub(r"\s+", " ", match["number"]).upper()
    return number, _year(match), match["word"].upper()
