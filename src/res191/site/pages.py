"""What each record's page of the site shows, gathered from the records: one function a kind of page.

The facts every page needs are worked out once, in `Site` (facts.py); the lists, the tracker, the overlaps
and the home page are in lists.py.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from res191.loading.of_day import report_written_by
from res191.loading.record import LoadedRecords
from res191.models import (
    SECTOR_COLUMNS,
    Body,
    Conference,
    Meeting,
    Report,
    Resolution,
    Theme,
)
from res191.overlaps.common import Entry
from res191.rendering.typography import typographic
from res191.site.facts import CONFERENCE_NAMES, SECTOR_NAMES, Link, Site, meeting_title
from res191.site.languages import N_

# What a record that refers to a resolution is to it, in words ("What refers to it").
REFERRING = {
    ("theme", "resolutions"): N_("a theme that rests on it"),
    ("body", "resolutions"): N_("a body it sets up or guides"),
    ("report", "resolution"): N_("the report to Council on its implementation"),
    ("report", "references"): N_("a report to Council that cites it"),
}
# A theme whose list still holds a resolution suppressed (or not yet adopted) on the site's day does not
# rest on it then: it lists it.
NOT_RESTED_ON = N_("a theme that still lists it")
POSITION_KINDS = {
    "involvement": N_("Interest in being involved"), "emphasis": N_("Emphasis"), "request": N_("Request")
}  # fmt: skip


def _referring(site: Site, kind: str, record_id: str, of_kind: str) -> list[str]:
    """The ids of the records of a kind that refer to a record, in file order, once each."""
    found = (i for k, i, _ in site.referred_by.get((kind, record_id), []) if k == of_kind)
    return list(dict.fromkeys(found))


def theme_page(site: Site, theme: Theme) -> dict[str, Any]:
    """A theme: focal points per Sector, resolutions by conference, tracker by year, meetings, positions
    and initiatives concerning it, overlaps."""
    loaded = site.loaded
    cited = {c: [site.citation(r) for r, _ in found] for c, found in site.rested_on(theme).items()}
    years: dict[int, list[Any]] = defaultdict(list)
    # The Sectors in ITU's order (R, T, D, then the General Secretariat), as the tracker page has them.
    in_order = sorted(
        site.activities(theme), key=lambda a: (-a.year, SECTOR_COLUMNS.index(a.sector), a.title)
    )
    for activity in in_order:
        years[activity.year].append(activity)
    complete = theme.complete_on(site.today)
    file = loaded.find("theme", theme.id)
    overlaps = site.theme_findings(Entry(file, theme)) if file else []
    positions = site.positions_of(_referring(site, "theme", theme.id, "position"))
    initiatives = [i.id for i in site.initiatives_of(_referring(site, "theme", theme.id, "initiative"))]
    return {
        "theme": theme,
        "focal": [
            (SECTOR_NAMES[s.value], [f for f in theme.focal_points if f.sector is s]) for s in SECTOR_COLUMNS
        ],
        "sectors": SECTOR_NAMES,
        "by_conference": [(CONFERENCE_NAMES[c], cited[c]) for c in Conference if c in cited],
        # An absence is stated only from a list checked complete by the site's day, and for a conference
        # with no session since (Theme.has_none_of).
        "complete": complete,
        "without": [
            c.value for c in Conference if c not in cited and theme.has_none_of(c, site.today, site.sessions)
        ],
        "years": sorted(years.items(), reverse=True),
        "meetings": [site.link("meeting", m.id) for m in reversed(site.meetings_on.get(theme.id, []))],
        "positions": [(site.link("body", p.body), p) for p in positions if p is not None],
        "initiatives": [site.link("initiative", i) for i in initiatives],
        "overlaps": [finding_shown(site, f) for f in overlaps],
        "as_of": site.today,
        "proposed_by": site.link("body", theme.proposed_by) if theme.proposed_by else None,
    }


def finding_shown(site: Site, finding: Any) -> dict[str, Any]:
    """An overlap as a page shows it: its kind in words, its records linked, its evidence and proposal."""
    members = []
    for member in finding.members:
        href = site.href(member.kind, member.id)
        members.append(Link(member.label, href if member.kind != "activity" else ""))
    # Typographic quotes and apostrophes, as the site's own wording and the report have them (the command's
    # plain-text output keeps straight ones).
    return {
        "id": finding.id,
        "title": typographic(finding.title),
        "members": members,
        "proposal": typographic(finding.proposal),
    }


def resolution_page(site: Site, resolution: Resolution) -> dict[str, Any]:
    """A resolution: its editions, how it stands on the site's day, its history and what refers to it."""
    found = site.cited(resolution)
    # What the records hold by the site's day: no edition adopted, nor session held, after it.
    # Each entry's own session looked up (not every meeting recorded: this is one page of thousands).
    history = [
        (site.link("meeting", h.session), h)
        for h in resolution.history
        if (session := site.loaded.get("meeting", h.session, Meeting)) is not None
        and (session.end or session.start) <= site.today
    ]
    editions = resolution.editions_by(site.today, site.sessions)
    return {
        "resolution": resolution,
        "cited": found,
        "as_of": site.today,
        "conference": CONFERENCE_NAMES[resolution.conference],
        "title": site.citation(resolution).title,
        "sectors": [SECTOR_NAMES[s.value] for s in SECTOR_COLUMNS if s in resolution.concerned_sectors],
        "editions": sorted(editions, key=lambda e: e.year, reverse=True),
        "history": history,
        "referred_by": referred_in_words(site, "resolution", resolution.id, stands=found.stands),
    }


def referred_in_words(
    site: Site, kind: str, record_id: str, stands: bool = True
) -> list[tuple[Link, list[str]]]:
    """The records that refer to one, each once, with what it is to it in words (stands: whether the
    resolution referred to is adopted and not suppressed on the site's day). A record that refers to it in
    several places is listed once, with each thing it is to it; a report on its implementation that also
    cites it is said to be the report on it (its citing it goes without saying)."""
    found: dict[tuple[str, str], list[str]] = {}
    for other_kind, other_id, key in sorted(set(site.referred_by.get((kind, record_id), []))):
        if other_kind == "theme" and other_id not in site.themes:
            continue  # not a theme yet on the site's day
        how = REFERRING.get((other_kind, key), f"a {other_kind} that refers to it")
        if (other_kind, key) == ("theme", "resolutions") and not stands:
            how = NOT_RESTED_ON
        said = found.setdefault((other_kind, other_id), [])
        if how not in said:
            said.append(how)
    for said in found.values():
        if REFERRING[("report", "resolution")] in said and REFERRING[("report", "references")] in said:
            said.remove(REFERRING[("report", "references")])
    return [(site.link(other_kind, other_id), said) for (other_kind, other_id), said in found.items()]


def meeting_page(site: Site, meeting: Meeting, outcome: str) -> dict[str, Any]:
    """A meeting: when, where, its chair, with whom, its topics and documents, its outcome and calls."""
    body = site.loaded.get("body", meeting.body, Body)
    # The chair on the meeting's day as the records stood on the site's day (a source of a later year
    # names no chair of a site of an earlier day, be the meeting held or to come).
    chair = body.chair_on(meeting.start, site.today) if body and not meeting.chair else None
    positions = site.positions_of(_referring(site, "meeting", meeting.id, "position"))
    return {
        "meeting": meeting,
        "title": meeting_title(meeting, site.loaded),
        "body": site.link("body", meeting.body),
        "chair": meeting.chair or (chair_words(chair) if chair else None),
        "held_with": site.link("body", meeting.in_conjunction_with) if meeting.in_conjunction_with else None,
        "topics": [site.link("theme", t) for t in meeting.topics],
        "documents": site.documents(meeting.documents),
        "calls": [([site.link("body", b) for b in c.to], c) for c in meeting.calls_for_action],
        "positions": [p for p in positions if p is not None],
        "outcome": outcome,
        "upcoming": meeting.start > site.today,
    }


def chair_words(chair: Any) -> str:
    """`Mr Fabio Bigi (Italy)`, or the post: `the Deputy Secretary-General`."""
    if chair.name:
        return f"{chair.name} ({chair.country})" if chair.country else str(chair.name)
    return f"the {chair.role}" if chair.role else "not recorded"


def body_page(site: Site, body: Body) -> dict[str, Any]:
    """A body: its chairs with their terms, what it is and does, its documents, meetings, positions and
    initiatives."""
    loaded = site.loaded
    meetings = site.meetings_of.get(body.id, [])
    positions = site.positions_of(_referring(site, "body", body.id, "position"))
    initiatives = site.initiatives_of(_referring(site, "body", body.id, "initiative"))
    # As the records stood on the site's day: no chair named later (nor an end of term after it).
    chairs = [known for chair in body.chairs if (known := chair.as_known_on(site.today))]
    members = [b for b in loaded.all("body", Body).values() if b.parent == body.id]
    resolutions = (loaded.get("resolution", r, Resolution) for r in dict.fromkeys(body.resolutions))
    # Its description where a source gave it for a year up to the site's day, with those years.
    described = body.as_described_by(site.today)
    return {
        "body": described,
        "chair": body.chair_on(site.today),
        "chairs": chairs,
        "as_of": site.today,
        "parent": site.link("body", body.parent) if body.parent else None,
        "members": [site.link("body", b.id) for b in members],
        "reports_to": [site.link("body", b) for b in described.reports_to],
        # Those adopted by the site's day: a resolution not adopted yet sets up or guides nothing then.
        "resolutions": [
            site.citation(r)
            for r in sorted((r for r in resolutions if r and site.cited(r).adopted), key=site.order)
        ],
        "documents": site.documents(body.documents),
        "past": [site.link("meeting", m.id) for m in reversed(meetings) if m.start <= site.today],
        "coming": [site.link("meeting", m.id) for m in meetings if m.start > site.today],
        "positions": sorted((p for p in positions if p), key=lambda p: -p.year),
        "initiatives": [(site.link("initiative", i.id), i) for i in initiatives],
    }


def reports(loaded: LoadedRecords, day: date) -> list[Report]:
    """The reports to Council written by a day (models/reporting.written_by), the latest first: a site of a
    past day shows no report written after it."""
    found = (r for r in loaded.all("report", Report).values() if report_written_by(loaded, r, day))
    return sorted(found, key=lambda r: r.year, reverse=True)
