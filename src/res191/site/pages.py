"""What each record's page of the site shows, gathered from the records: one function a kind of page.

The facts every page needs (references both ways, meetings by theme and body, citations on the site's day)
are worked out once, in `Site`; the lists, the tracker, the overlaps and the home page are in lists.py.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from res191.loading.record import LoadedRecords
from res191.models import (
    SECTOR_COLUMNS,
    Body,
    Cited,
    Conference,
    Document,
    Initiative,
    Meeting,
    Position,
    Report,
    Resolution,
    Sessions,
    Theme,
    iter_references,
)
from res191.models.translations import ENGLISH, in_language
from res191.overlaps.common import AsOf, Entry, entries
from res191.overlaps.find import find_overlaps, glossary_reader, theme_overlaps
from res191.overlaps.findings import Finding
from res191.overlaps.similarity import Reader
from res191.site.languages import N_, English, in_page_language, wording_of

CONFERENCE_NAMES = {
    Conference.PP: N_("Plenipotentiary Conference"),
    Conference.WTSA: N_("World Telecommunication Standardization Assembly"),
    Conference.WTDC: N_("World Telecommunication Development Conference"),
    Conference.RA: N_("Radiocommunication Assembly"),
    Conference.WRC: N_("World Radiocommunication Conference"),
    Conference.COUNCIL: N_("Council"),
}
# The kinds of overlap the site shows: found from the records' structure, at no cost that grows with the
# square of the records (the text similarity of every resolution is for `res191 overlaps`).
THEME_OVERLAPS = ("streamline", "several-conferences", "joint-work")
SECTOR_NAMES = {
    "ITU-R": N_("ITU-R"),
    "ITU-T": N_("ITU-T"),
    "ITU-D": N_("ITU-D"),
    "GS": N_("General Secretariat"),
}
# Where the pages of each kind of record are; kinds shown on one page have an anchor there.
FOLDERS = {"resolution": "resolutions", "theme": "themes", "meeting": "meetings", "body": "bodies",
           "report": "reports"}  # fmt: skip
ANCHORED = {"document": "documents.html", "position": "positions.html", "initiative": "initiatives.html"}
# What a record that refers to a resolution is to it, in words ("What refers to it").
REFERRING = {
    ("theme", "resolutions"): N_("a theme that rests on it"),
    ("body", "resolutions"): N_("a body it sets up or guides"),
    ("report", "resolution"): N_("the report to Council on its implementation"),
    ("report", "references"): N_("a report to Council that cites it"),
}
POSITION_KINDS = {
    "involvement": N_("Interest in being involved"), "emphasis": N_("Emphasis"), "request": N_("Request")
}  # fmt: skip


@dataclass(frozen=True)
class Link:
    """A link to a page of the site, with the text it shows."""

    text: str
    href: str  # from the site's root, e.g. themes/accessibility.html; "" for a record with no page
    # On a page of another language: `en` where the text is English (a record not translated, a citation),
    # and whether to mark it visibly as such (a record's text; not a citation's standard form).
    lang: str = ""
    badge: bool = False


@dataclass(frozen=True)
class Citation:
    """A resolution as a page cites it: its page, its title and, where recorded, its text at ITU."""

    link: Link
    title: str | None
    itu: str | None  # the cited edition's `link`
    in_force: bool
    note: str | None


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
    _labels: dict[tuple[str, str, str], tuple[str, bool | None]] = field(default_factory=dict)
    _citations: dict[str, Cited] = field(default_factory=dict)  # by resolution id
    _orders: dict[str, tuple[int, tuple[int, ...], str]] = field(default_factory=dict)  # by resolution id
    # The overlaps are the same in every language (their proposals are English): found once a process,
    # by theme id ("" for the whole site's), for the six languages' pages.
    _findings: dict[str, list[Finding]] = field(default_factory=dict)
    # The glossary's reader, made once a process: the themes' pages read their activities through it, as
    # the overlaps page does, so that the two never disagree.
    _readers: dict[str, Reader] = field(default_factory=dict)
    language: str = ENGLISH  # the language of the pages made from it (speaking() gives one in another)

    def speaking(self, language: str) -> Site:
        """The same site for pages in another language (the facts and caches shared)."""
        return self if language == self.language else replace(self, language=language)

    def href(self, kind: str, record_id: str) -> str:
        """The page of a record (or its place on the page of its kind)."""
        if kind in FOLDERS:
            return f"{FOLDERS[kind]}/{record_id}.html"
        return f"{ANCHORED[kind]}#{record_id}" if kind in ANCHORED else ""

    def cited(self, resolution: Resolution) -> Cited:
        """A resolution as ITU cites it, as the records stand on the site's day: the edition in force, or
        the latest recorded with what the records do not confirm."""
        found = self._citations.get(resolution.id)
        if found is None:  # a resolution is cited on every page of a theme that rests on it
            found = self._citations[resolution.id] = self.as_of.cited(resolution)
        return found

    def theme_findings(self, theme: Entry[Theme]) -> list[Finding]:
        """The overlaps of one theme, as its page shows them (each theme's findings are its own: another
        theme resting on one of its resolutions has its own), worked out once for every language."""
        found = self._findings.get(theme.record.id)
        if found is None:
            found = theme_overlaps(theme, self.resolutions, THEME_OVERLAPS, self.as_of, self.reader())
            self._findings[theme.record.id] = found
        return found

    def reader(self) -> Reader:
        """How the overlaps read texts: through the records' glossary."""
        found = self._readers.get("")
        if found is None:
            found = self._readers[""] = glossary_reader(self.loaded)
        return found

    def overlaps(self) -> list[Finding]:
        """The findings of the kinds the site shows, as `res191 overlaps` finds them on the day, once."""
        found = self._findings.get("")
        if found is None:
            found = self._findings[""] = find_overlaps(self.loaded, None, THEME_OVERLAPS, on=self.today)
        return found

    def order(self, resolution: Resolution) -> tuple[int, tuple[int, ...], str]:
        """Where a resolution stands in a list (Resolution.order), worked out once: the lists, the mapping
        and each theme's page sort by it."""
        found = self._orders.get(resolution.id)
        if found is None:
            found = self._orders[resolution.id] = resolution.order
        return found

    def cite(self, resolution: Resolution) -> str:
        """The citation, marked with an asterisk where it is only the latest edition recorded."""
        found = self.cited(resolution)
        return found.text if found.in_force else f"{found.text}*"

    def citation(self, resolution: Resolution) -> Citation:
        """The citation with its page, the title of the edition cited and that edition's text at ITU."""
        found = self.cited(resolution)
        edition = found.edition
        if edition is not None and edition.title:  # in the site's language where translated
            title = in_page_language(edition, "title", self.language)
        else:
            title = (
                resolution.title
                if self.language == ENGLISH or not resolution.title
                else English(resolution.title)
            )
        return Citation(
            self.link("resolution", resolution.id), title, edition.link if edition else None,
            found.in_force, found.note,
        )  # fmt: skip

    @functools.cached_property
    def as_of(self) -> AsOf:
        """The day and sessions the pages and the overlaps cite as of, with the citations worked out."""
        return AsOf(self.today, self.sessions)

    def label(self, kind: str, record_id: str) -> str:
        """What a link to a record says, in the site's language where the record is translated."""
        return self._labelled(kind, record_id)[0]

    def _labelled(self, kind: str, record_id: str) -> tuple[str, bool | None]:
        key = (self.language, kind, record_id)
        if key not in self._labels:
            self._labels[key] = self._label(kind, record_id)
        return self._labels[key]

    def _label(self, kind: str, record_id: str) -> tuple[str, bool | None]:
        # With whether it is in the site's language: None where that does not arise (a number, a citation).
        loaded, language = self.loaded, self.language
        if kind == "resolution" and (r := loaded.get("resolution", record_id, Resolution)):
            return f"{r.conference.value} {self.cite(r)}", None
        if kind == "theme" and (t := loaded.get("theme", record_id, Theme)):
            return _in(t, "title", language)
        if kind == "body" and (b := loaded.get("body", record_id, Body)):
            name, done = _in(b, "name", language)
            return f"{name} ({b.acronym})", done
        if kind == "meeting" and (m := loaded.get("meeting", record_id, Meeting)):
            title = meeting_title(m, loaded, language)
            return title, (None if not m.name else in_language(m, "name", language)[1])
        if kind == "document" and (d := loaded.get("document", record_id, Document)):
            return d.number, None
        if kind == "initiative" and (i := loaded.get("initiative", record_id, Initiative)):
            return _in(i, "title", language)
        if kind == "report" and (p := loaded.get("report", record_id, Report)):
            return report_title(p.year, language)
        return record_id, None

    def title(self, kind: str, record_id: str) -> tuple[str, bool]:
        """A record's page title, and whether it is in the site's language."""
        text, translated = self._labelled(kind, record_id)
        return text, translated is not False

    def link(self, kind: str, record_id: str) -> Link:
        """A link to a record's page (no address for kinds that have no page), marked where its text is
        English on a page of another language."""
        text, translated = self._labelled(kind, record_id)
        href = self.href(kind, record_id)
        if self.language == ENGLISH or translated:
            return Link(text, href)
        return Link(text, href, ENGLISH, translated is False)

    def documents(self, ids: list[str]) -> list[Document]:
        """The documents of a list of ids, as recorded."""
        found = (self.loaded.get("document", i, Document) for i in ids)
        return [d for d in found if d is not None]


def meeting_title(meeting: Meeting, loaded: LoadedRecords, language: str = ENGLISH) -> str:
    """`ISCG, 24 January 2024`, or a conference's name: `PP-22`; the name and dates in a language."""
    from res191.site.languages import date_range

    body = loaded.get("body", meeting.body, Body)
    name = in_language(meeting, "name", language)[0] if meeting.name else None
    who = name or (body.acronym if body else meeting.body)
    return f"{who}, {date_range(language, meeting.start, meeting.end)}"


def report_title(year: int, language: str = ENGLISH) -> tuple[str, bool]:
    """`Report to Council 2024`, in a language where the catalog has it."""
    words = wording_of(language)
    message = N_("Report to Council %(year)s")
    return words.text(message, year=year), words.translated(message)


def _in(holder: Any, name: str, language: str) -> tuple[str, bool]:
    text, translated = in_language(holder, name, language)
    return text or "", translated


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


def _referring(site: Site, kind: str, record_id: str, of_kind: str) -> list[str]:
    """The ids of the records of a kind that refer to a record, in file order, once each."""
    found = (i for k, i, _ in site.referred_by.get((kind, record_id), []) if k == of_kind)
    return list(dict.fromkeys(found))


def theme_page(site: Site, theme: Theme) -> dict[str, Any]:
    """A theme: focal points per Sector, resolutions by conference, tracker by year, meetings, positions
    and initiatives concerning it, overlaps."""
    loaded = site.loaded
    by_conference: dict[Conference, list[Resolution]] = defaultdict(list)
    for ref in dict.fromkeys(theme.resolutions):
        resolution = loaded.get("resolution", ref, Resolution)
        if resolution is not None:
            by_conference[resolution.conference].append(resolution)
    cited = {
        c: [site.citation(r) for r in sorted(found, key=site.order)] for c, found in by_conference.items()
    }
    years: dict[int, list[Any]] = defaultdict(list)
    for activity in sorted(theme.tracker, key=lambda a: (-a.year, a.sector.value, a.title)):
        years[activity.year].append(activity)
    file = loaded.find("theme", theme.id)
    overlaps = site.theme_findings(Entry(file, theme)) if file else []
    positions = [loaded.get("position", i, Position) for i in _referring(site, "theme", theme.id, "position")]
    initiatives = _referring(site, "theme", theme.id, "initiative")
    return {
        "theme": theme,
        "focal": [
            (SECTOR_NAMES[s.value], [f for f in theme.focal_points if f.sector is s]) for s in SECTOR_COLUMNS
        ],
        "sectors": SECTOR_NAMES,
        "by_conference": [(CONFERENCE_NAMES[c], cited[c]) for c in Conference if c in cited],
        "without": [c.value for c in Conference if c not in cited] if theme.resolutions_complete else [],
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
    return {"id": finding.id, "title": finding.title, "members": members, "proposal": finding.proposal}


def resolution_page(site: Site, resolution: Resolution) -> dict[str, Any]:
    """A resolution: its editions, how it stands on the site's day, its history and what refers to it."""
    found = site.cited(resolution)
    history = [(site.link("meeting", h.session), h) for h in resolution.history]
    return {
        "resolution": resolution,
        "cited": found,
        "as_of": site.today,
        "conference": CONFERENCE_NAMES[resolution.conference],
        "title": site.citation(resolution).title,
        "sectors": [SECTOR_NAMES[s.value] for s in SECTOR_COLUMNS if s in resolution.concerned_sectors],
        "editions": sorted(resolution.editions, key=lambda e: e.year, reverse=True),
        "history": history,
        "referred_by": referred_in_words(site, "resolution", resolution.id),
    }


def referred_in_words(site: Site, kind: str, record_id: str) -> list[tuple[Link, str]]:
    """The records that refer to one, each with what it is to it in words."""
    found = []
    for other_kind, other_id, key in sorted(set(site.referred_by.get((kind, record_id), []))):
        how = REFERRING.get((other_kind, key), f"a {other_kind} that refers to it")
        found.append((site.link(other_kind, other_id), how))
    return found


def meeting_page(site: Site, meeting: Meeting, outcome: str) -> dict[str, Any]:
    """A meeting: when, where, its chair, with whom, its topics and documents, its outcome and calls."""
    body = site.loaded.get("body", meeting.body, Body)
    chair = body.chair_on(meeting.start) if body and not meeting.chair else None
    positions = [
        site.loaded.get("position", i, Position) for i in _referring(site, "meeting", meeting.id, "position")
    ]
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
    positions = [loaded.get("position", i, Position) for i in _referring(site, "body", body.id, "position")]
    initiatives = [
        loaded.get("initiative", i, Initiative) for i in _referring(site, "body", body.id, "initiative")
    ]
    members = [b for b in loaded.all("body", Body).values() if b.parent == body.id]
    resolutions = (loaded.get("resolution", r, Resolution) for r in dict.fromkeys(body.resolutions))
    return {
        "body": body,
        "chair": body.chair_on(site.today),
        "as_of": site.today,
        "parent": site.link("body", body.parent) if body.parent else None,
        "members": [site.link("body", b.id) for b in members],
        "reports_to": [site.link("body", b) for b in body.reports_to],
        "resolutions": [site.citation(r) for r in sorted((r for r in resolutions if r), key=site.order)],
        "documents": site.documents(body.documents),
        "past": [site.link("meeting", m.id) for m in reversed(meetings) if m.start <= site.today],
        "coming": [site.link("meeting", m.id) for m in meetings if m.start > site.today],
        "positions": sorted((p for p in positions if p), key=lambda p: -p.year),
        "initiatives": [(site.link("initiative", i.id), i) for i in initiatives if i],
    }


def reports(loaded: LoadedRecords) -> list[Report]:
    """The reports to Council, the latest first."""
    return sorted(loaded.all("report", Report).values(), key=lambda r: r.year, reverse=True)
