"""A conference's list against the records, line by line, before anything is written: a line that cannot
be (a resolution listed twice, an edition after the session), or that the records contradict (an older
edition than the one they hold as adopted at or before the session, another place for an edition), is
refused at its place, with the form to write; a resolution the list leaves out that the records show in
force after the session (alive_after) was not suppressed there. Left to go through, such a line would
write records that `validate` rejects (a "maintained" at the session that adopted an edition) or that
contradict each other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from res191.loading.record import LoadedRecords
from res191.models import Meeting, Resolution

if TYPE_CHECKING:
    from res191.editing.session_list import Listed


def base_number(number: str) -> str:
    """The number without its revision suffix: ITU-R 6-2 is Resolution ITU-R 6."""
    return re.sub(r"-[0-9]+$", "", number) if number.startswith("ITU-R") else number


@dataclass(frozen=True)
class ConferenceSessions:
    """What the records hold of a conference's sessions, for checking one session's list."""

    years: frozenset[int]  # the years its recorded sessions ended in
    before: frozenset[str]  # the ids of its sessions held before the one whose list this is


def conference_of(loaded: LoadedRecords, body_id: str, session_id: str) -> ConferenceSessions:
    """A conference's recorded sessions, as seen from one of them."""
    recorded = list(loaded.sessions().get(body_id, ()))
    this = next((s for s in recorded if s.id == session_id), None)
    before = {s.id for s in recorded if this is not None and s.end < this.start}
    return ConferenceSessions(frozenset(s.end.year for s in recorded), frozenset(before))


# A second entry on the same line (two columns of a page run together by pdftotext -layout): "RESOLUTION 10
# (...) Financial support ...   RESOLUTION 30 (Rev. Dubai, 2014) ...".
_SECOND_ENTRY = re.compile(r"\b(?:RESOLUTION|DECISION)\s*(?:ITU-R\s*)?\d+[A-Z]?\s*\(", re.IGNORECASE)


def refused_lines(
    listed: list[Listed],
    by_number: dict[tuple[bool, str], Resolution],
    session_id: str,
    held: int,
    shown: str,
    conference: ConferenceSessions | None = None,
) -> list[str]:
    """Each line that cannot be taken into the records, at its place, with why and the right form: a
    resolution listed twice, two entries on one line, an edition after the session, an edition the records
    contradict, an edition of a year no session of the conference is recorded in, a resolution the records
    hold suppressed at an earlier session."""
    refused = []
    first: dict[tuple[bool, str], Listed] = {}
    for line in listed:
        key = (line.decision, base_number(line.number))
        place = f"  {shown}:{line.line}:{line.column}: {line.text}"
        if key in first:
            refused.append(
                f"{place} (listed already at line {first[key].line}, as {first[key].citation}: a list shows "
                "each resolution once, in the edition in force; keep the line ITU's list gives)"
            )
            continue
        first[key] = line
        if line.year > held:
            refused.append(
                f"{place} (an edition of {line.year} cannot be in force after {session_id}, which ended in "
                f"{held}: give the session whose list this is with --session)"
            )
            continue
        if line.title and _SECOND_ENTRY.search(line.title):
            refused.append(f"{place} (two entries on one line: give each its own line, as ITU's list does)")
            continue
        resolution = by_number.get(key)
        why = contradiction(line, resolution, session_id, held) if resolution is not None else None
        if why is None and resolution is not None and conference is not None:
            why = _against_sessions(line, resolution, session_id, conference)
        if why:
            refused.append(f"{place} ({why})")
    return refused


def _against_sessions(
    line: Listed, resolution: Resolution, session_id: str, conference: ConferenceSessions
) -> str | None:
    """Why a line cannot be, as the conference's recorded sessions stand; None where it can: an edition the
    records do not hold, of a year no session is recorded in (a mistyped year would make one up); a
    resolution the records hold suppressed before the session (a later list cannot show it)."""
    known = any(e.year == line.year for e in resolution.editions)
    # Within the years the records hold the conference's sessions for: before them, a session may simply
    # not be recorded (a WRC-95 edition), so it is taken.
    covered = bool(conference.years) and min(conference.years) <= line.year
    if not known and covered and line.year not in conference.years:
        held = ", ".join(str(y) for y in sorted(conference.years)) or "none"
        return (
            f"no session of its conference is recorded in {line.year} (sessions recorded: {held}): check the "
            "year against ITU's list, or add the session's meeting record first"
        )
    suppressed = next(
        (h for h in resolution.history if h.outcome == "suppressed" and h.session in conference.before), None
    )
    if suppressed is not None:
        return (
            f"the records hold it suppressed at {suppressed.session} (source: {suppressed.source}), before "
            f"{session_id}: a later list cannot show it; check the line, or correct the record first"
        )
    return None


def contradiction(line: Listed, resolution: Resolution, session_id: str, held: int) -> str | None:
    """Why the edition a line shows in force after the session cannot be, as the records stand; None
    where it can."""
    adopted = [e for e in resolution.editions if e.year == held]
    if adopted and line.year != held:
        return (
            f"the records hold that {session_id} adopted {resolution.citation(adopted[0])}, so the list "
            f"after it shows that edition: write '{resolution.citation(adopted[0])}', or, if ITU's list "
            "gives this line, correct the record first"
        )
    later = [e for e in resolution.editions if line.year < e.year < held]
    if later:
        return (
            f"the records hold {resolution.citation(later[-1])}, a later edition adopted before "
            f"{session_id}: write '{resolution.citation(later[-1])}', or, if ITU's list gives this line, "
            "correct the record first"
        )
    same = next((e for e in resolution.editions if e.year == line.year), None)
    if same is not None and same.place and line.place and _spelt(same.place) != _spelt(line.place):
        return (
            f"the records hold its edition of {line.year} as adopted at {same.place}: write "
            f"'{resolution.citation(same)}', or, if ITU's list gives this line, correct the record first"
        )
    return None


def _spelt(place: str) -> str:
    """A place as compared: without accents, case or extra spaces ("Buenos  Aires" is "buenos aires")."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", place) if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def alive_after(
    loaded: LoadedRecords, resolutions: list[Resolution], session_id: str, held: int
) -> list[str]:
    """Of resolutions a list leaves out, those the records show alive after the session: an edition adopted
    in a later year, or an outcome at a later session (maintained there, or suppressed there: it was in
    force until then). Each as the records show it."""
    session = loaded.get("meeting", session_id, Meeting)
    assert session is not None, "_session found it"

    def later_session(other_id: str) -> bool:
        other = loaded.get("meeting", other_id, Meeting)
        return other is not None and other.start > session.start

    found = []
    for resolution in resolutions:
        later = [resolution.citation(e) for e in resolution.editions if e.year > held]
        later += [
            f"{resolution.id} ({entry.outcome} at {entry.session})"
            for entry in resolution.history
            if later_session(entry.session)
        ]
        found += later[:1]
    return found
