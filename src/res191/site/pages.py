"""What each page of the site shows, gathered from the records: one function a kind of page."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from res191.loading.record import LoadedRecords
from res191.models import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Body,
    Cited,
    Conference,
    Meeting,
    Report,
    Resolution,
    Sessions,
    Theme,
    iter_references,
)
from res191.models.reporting import reported
from res191.overlaps.common import AsOf, Entry, entries
from res191.overlaps.find import theme_overlaps

CONFERENCE_NAMES = {
    Conference.PP: "Plenipotentiary Conference",
    Conference.WTSA: "World Telecommunication Standardization Assembly",
    Conference.WTDC: "World Telecommunication Development Conference",
    Conference.RA: "Radiocommunication Assembly",
    Conference.WRC: "World Radiocommunication Conference",
    Conference.COUNCIL: "Council",
}
# The kinds of overlap the theme pages show: found from the records' structure, at no cost that grows
# with the square of the records (the text similarity of every resolution is for `res191 overlaps`).
THEME_OVERLAPS = ("streamline", "several-conferences", "joint-work")
SECTOR_NAMES = {"ITU-R": "ITU-R", "ITU-T": "ITU-T", "ITU-D": "ITU-D", "GS": "General Secretariat"}


@dataclass(frozen=True)
class Link:
    """A link to a page of the site, with the text it shows."""

    text: str
    href: str  # from the site's root, e.g. themes/accessibility.html


@dataclass
class Site:
    """Everything the pages need, worked out once."""

    loaded: LoadedRecords
    today: date  # the day the site speaks of (--on): resolutions are cited as the records stand on it
    sessions: Sessions
    referred_by: dict[tuple[str, str], list[tuple[str, str, str]]]  # (kind, id) -> [(kind, id, key)]
    resolutions: dict[str, Entry[Resolution]] = field(default_factory=dict)  # what theme findings cite
    # Looked up once for every page, so that the build grows with the records, not with their square.
    meetings_on: dict[str, list[Meeting]] = field(default_factory=dict)  # by theme id
    meetings_of: dict[str, list[Meeting]] = field(default_factory=dict)  # by body id
    _labels: dict[tuple[str, str], str] = field(default_factory=dict)
    _citations: dict[str, Cited] = field(default_factory=dict)  # by resolution id

    def href(self, kind: str, record_id: str) -> str:
        """The page of a record."""
        folder = {"resolution": "resolutions", "theme": "themes", "meeting": "meetings", "body": "bodies",
                  "report": "reports"}.get(kind)  # fmt: skip
        return f"{folder}/{record_id}.html" if folder else ""

    def cited(self, resolution: Resolution) -> Cited:
        """A resolution as ITU cites it, as the records stand on the site's day: the edition in force, or
        the latest recorded with what the records do not confirm."""
        found = self._citations.get(resolution.id)
        if found is None:  # a resolution is cited on every page of a theme that rests on it
            found = self._citations[resolution.id] = resolution.cited(self.today, self.sessions)
        return found

    def cite(self, resolution: Resolution) -> str:
        """The citation, marked with an asterisk where it is only the latest edition recorded."""
        found = self.cited(resolution)
        return found.text if found.in_force else f"{found.text}*"

    @property
    def as_of(self) -> AsOf:
        """The day and sessions the overlaps of a theme page cite as of."""
        return AsOf(self.today, self.sessions)

    def label(self, kind: str, record_id: str) -> str:
        """What a link to a record says."""
        key = (kind, record_id)
        if key not in self._labels:
            self._labels[key] = self._label(kind, record_id)
        return self._labels[key]

    def _label(self, kind: str, record_id: str) -> str:
        loaded = self.loaded
        if kind == "resolution" and (r := loaded.get("resolution", record_id, Resolution)):
            return f"{r.conference.value} {self.cite(r)}"
        if kind == "theme" and (t := loaded.get("theme", record_id, Theme)):
            return t.title
        if kind == "body" and (b := loaded.get("body", record_id, Body)):
            return f"{b.name} ({b.acronym})"
        if kind == "meeting" and (m := loaded.get("meeting", record_id, Meeting)):
            return meeting_title(m, loaded)
        return record_id

    def link(self, kind: str, record_id: str) -> Link:
        """A link to a record's page (no address for kinds that have no page)."""
        return Link(self.label(kind, record_id), self.href(kind, record_id))


def meeting_title(meeting: Meeting, loaded: LoadedRecords) -> str:
    """`ISCG, 24 January 2024`, or a conference's name: `PP-22`."""
    from res191.wording import date_range

    body = loaded.get("body", meeting.body, Body)
    who = meeting.name or (body.acronym if body else meeting.body)
    return f"{who}, {date_range(meeting.start, meeting.end)}"


def make_site(loaded: LoadedRecords, today: date) -> Site:
    """The site's shared facts: references both ways, conference dates, meetings by theme and body."""
    referred: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for record in loaded.records:
        if record.record is None:
            continue
        for loc, kind, ref in iter_references(record.kind.model, record.record):
            key = ".".join(str(step) for step in loc if isinstance(step, str))
            referred[(kind, ref)].append((record.kind.name, record.id, key))
    meetings = sorted(loaded.all("meeting", Meeting).values(), key=lambda m: (m.start, m.id))
    on_theme: dict[str, list[Meeting]] = defaultdict(list)
    of_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        of_body[meeting.body].append(meeting)
        for topic in meeting.topics:
            on_theme[topic].append(meeting)
    resolutions = {r.id: r for r in entries(loaded.of_kind("resolution"), Resolution)}
    return Site(loaded, today, loaded.sessions(), referred, resolutions, on_theme, of_body)


def theme_page(site: Site, theme: Theme) -> dict[str, Any]:
    """A theme: focal points per Sector, resolutions by conference, tracker by year, meetings, overlaps."""
    loaded = site.loaded
    focal = {s.value: [f for f in theme.focal_points if f.sector is s] for s in SECTOR_COLUMNS}
    by_conference: dict[str, list[Link]] = defaultdict(list)
    for ref in theme.resolutions:
        resolution = loaded.get("resolution", ref, Resolution)
        if resolution is not None:
            by_conference[CONFERENCE_NAMES[resolution.conference]].append(site.link("resolution", ref))
    years: dict[int, list[Any]] = defaultdict(list)
    for activity in sorted(theme.tracker, key=lambda a: (-a.year, a.sector.value, a.title)):
        years[activity.year].append(activity)
    meetings = site.meetings_on.get(theme.id, [])
    # Each theme's findings are its own (another theme resting on one of its resolutions has its
    # own), so they are found here, page by page, in the processes that make the pages.
    file = loaded.find("theme", theme.id)
    overlaps = (
        theme_overlaps(Entry(file, theme), site.resolutions, THEME_OVERLAPS, site.as_of) if file else []
    )
    return {
        "theme": theme,
        "focal": focal,
        "sectors": SECTOR_NAMES,
        "by_conference": [
            (name, by_conference[name]) for name in CONFERENCE_NAMES.values() if by_conference[name]
        ],
        "years": sorted(years.items(), reverse=True),
        "meetings": [site.link("meeting", m.id) for m in meetings],
        "overlaps": overlaps,
        "as_of": site.today,
        "proposed_by": site.link("body", theme.proposed_by) if theme.proposed_by else None,
    }


def resolution_page(site: Site, resolution: Resolution) -> dict[str, Any]:
    """A resolution: its editions, how it stands on the site's day, and what refers to it."""
    found = site.cited(resolution)
    return {
        "resolution": resolution,
        "cited": found,
        "as_of": site.today,
        "conference": CONFERENCE_NAMES[resolution.conference],
        "editions": sorted(resolution.editions, key=lambda e: e.year, reverse=True),
        "referred_by": _referred(site, "resolution", resolution.id),
    }


def _referred(site: Site, kind: str, record_id: str) -> list[tuple[Link, str]]:
    found = []
    for other_kind, other_id, key in sorted(set(site.referred_by.get((kind, record_id), []))):
        found.append((site.link(other_kind, other_id), f"{other_kind}, {key.replace('_', ' ')}"))
    return found


def meeting_page(site: Site, meeting: Meeting, outcome: str) -> dict[str, Any]:
    """A meeting: when, where, with whom, its topics, its outcome and its calls for action."""
    return {
        "meeting": meeting,
        "title": meeting_title(meeting, site.loaded),
        "body": site.link("body", meeting.body),
        "held_with": site.link("body", meeting.in_conjunction_with) if meeting.in_conjunction_with else None,
        "topics": [site.link("theme", t) for t in meeting.topics],
        "calls": [([site.link("body", b) for b in c.to], c) for c in meeting.calls_for_action],
        "outcome": outcome,
    }


def body_page(site: Site, body: Body) -> dict[str, Any]:
    """A body: its chairs, composition, terms of reference, meetings and what refers to it."""
    meetings = site.meetings_of.get(body.id, [])
    return {
        "body": body,
        "chair": body.chair_on(site.today),
        "as_of": site.today,
        "parent": site.link("body", body.parent) if body.parent else None,
        "reports_to": [site.link("body", b) for b in body.reports_to],
        "resolutions": [site.link("resolution", r) for r in body.resolutions],
        "meetings": [site.link("meeting", m.id) for m in reversed(meetings)],
    }


def mapping_rows(site: Site) -> list[tuple[Link, list[list[Link]]]]:
    """Themes against conferences, each resolution cited in the edition in force."""
    rows = []
    for theme in site.loaded.all("theme", Theme).values():
        if not reported(theme.status):
            continue
        cells: dict[Conference, list[Link]] = defaultdict(list)
        for ref in theme.resolutions:
            resolution = site.loaded.get("resolution", ref, Resolution)
            if resolution is not None and resolution.conference in MAPPED_CONFERENCES:
                cells[resolution.conference].append(Link(site.cite(resolution), site.href("resolution", ref)))
        rows.append((site.link("theme", theme.id), [cells[c] for c in MAPPED_CONFERENCES]))
    return rows


def home_page(site: Site) -> dict[str, Any]:
    """What Resolution 191 asks, the bodies and their chairs, the latest meetings, the themes."""
    loaded = site.loaded
    resolution = loaded.get("resolution", "pp-191", Resolution)
    found = site.cited(resolution) if resolution else None
    edition = found.edition if found else None
    meetings = sorted(loaded.all("meeting", Meeting).values(), key=lambda m: m.start, reverse=True)
    # The bodies with a chair on the site's day, each with that chair (a chair of another year is not
    # today's: the records name chairs for the days they cover).
    chaired = [(b, b.chair_on(site.today)) for b in loaded.all("body", Body).values()]
    return {
        "resolution": resolution,
        "cited": found,
        "as_of": site.today,
        "instructions": edition.instructs if edition else [],
        "bodies": [(b, chair) for b, chair in chaired if chair is not None],
        "meetings": [site.link("meeting", m.id) for m in meetings[:6]],
        "themes": [
            site.link("theme", t.id) for t in loaded.all("theme", Theme).values() if reported(t.status)
        ],
    }


def reports(loaded: LoadedRecords) -> list[Report]:
    """The reports to Council, the latest first."""
    return sorted(loaded.all("report", Report).values(), key=lambda r: r.year, reverse=True)
