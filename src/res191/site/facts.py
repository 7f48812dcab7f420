"""What every page of the site needs, worked out once from the records: references both ways, meetings by
theme and body, citations and overlaps as the records stand on the site's day (`Site`); the names of the
conferences and Sectors; where each kind of record's page is."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from res191.loading.of_day import position_expressed_by, records_of_day
from res191.loading.record import LoadedRecords
from res191.models import (
    Activity,
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
from res191.models.rested_on import rested_on
from res191.models.translations import ENGLISH, in_language
from res191.overlaps.common import AsOf, Entry, entries
from res191.overlaps.find import glossary_reader, theme_overlaps
from res191.overlaps.findings import Finding, sort_key
from res191.overlaps.reading import Reader
from res191.site.languages import N_, in_page_language, wording_of

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


@dataclass(frozen=True)
class Link:
    """A link to a page of the site, with the text it shows."""

    text: str
    href: str  # from the site's root, e.g. themes/accessibility.html; "" for a record with no page
    # On a page of another language: `en` where the text is English (a record not translated, a citation),
    # and whether to mark it visibly as such (a record's text; not a citation's standard form).
    lang: str = ""
    badge: bool = False
    # What follows the text, in the page's language: a meeting's dates after a name known in English only.
    rest: str = ""


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
    _labels: dict[tuple[str, str, str], tuple[str, bool | None, str]] = field(default_factory=dict)
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

    @functools.cached_property
    def themes(self) -> dict[str, Theme]:
        """The themes on the site's day as known then (Theme.as_known_on: no later year of its tracker nor
        of the ISCG's), by id, in file order: one that became a theme later (its `since`) has no page, no
        place in a list, the mapping, the search nor the overlaps."""
        every = self.loaded.all("theme", Theme)
        return {i: known for i, t in every.items() if (known := t.as_known_on(self.today)) is not None}

    @functools.cached_property
    def resolutions_adopted(self) -> list[Resolution]:
        """The resolutions with an edition adopted by the site's day (Cited.adopted), in the order of
        lists: what the lists, the search and the home page's figures hold. One adopted later is not known
        on the day; one suppressed since was, and its page says so."""
        every = sorted(self.loaded.all("resolution", Resolution).values(), key=self.order)
        return [r for r in every if self.cited(r).adopted]

    def position_known(self, position: Position) -> bool:
        """Whether a position was expressed by the site's day (Position.expressed_by)."""
        return position_expressed_by(self.loaded, position, self.today)

    def activities(self, theme: Theme) -> list[Activity]:
        """A theme's tracker as known on the site's day (Theme.activities_by)."""
        return theme.activities_by(self.today)

    def initiative_known(self, initiative: Initiative) -> bool:
        """Whether an initiative was worked on by the site's day (Initiative.begun_by)."""
        return initiative.begun_by(self.today)

    def initiatives_of(self, ids: list[str]) -> list[Initiative]:
        """The initiatives of some ids worked on by the site's day (initiative_known), in their order."""
        found = (self.loaded.get("initiative", i, Initiative) for i in ids)
        return [i for i in found if i is not None and self.initiative_known(i)]

    def positions_of(self, ids: list[str]) -> list[Position]:
        """The positions of some ids expressed by the site's day (position_known), in their order."""
        found = (self.loaded.get("position", i, Position) for i in ids)
        return [p for p in found if p is not None and self.position_known(p)]

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
        """The findings of the kinds the site shows, as `res191 overlaps` finds them on the day, once: each
        theme's, as its page shows them (theme_findings), in find_overlaps' order. Every kind the site
        shows is a theme's own (a joint work is of one theme and year), so the list is theirs together, and
        the process that makes it finds each theme's once for the list and the theme's page alike."""
        found = self._findings.get("")
        if found is None:
            every = [
                finding
                for theme_id, theme in self.themes.items()
                if (file := self.loaded.find("theme", theme_id)) is not None
                for finding in self.theme_findings(Entry(file, theme))
            ]
            found = self._findings[""] = sorted(every, key=sort_key)
        return found

    def order(self, resolution: Resolution) -> tuple[int, tuple[int, ...], str]:
        """Where a resolution stands in a list (Resolution.order), worked out once: the lists, the mapping
        and each theme's page sort by it."""
        found = self._orders.get(resolution.id)
        if found is None:
            found = self._orders[resolution.id] = resolution.order
        return found

    def rested_on(self, theme: Theme) -> dict[Conference, list[tuple[Resolution, Cited]]]:
        """The resolutions a theme rests on on the site's day, by conference (models/rested_on.py), cited and
        ordered with the site's caches."""
        return rested_on(
            theme, lambda ref: self.loaded.get("resolution", ref, Resolution), self.cited, self.order
        )

    def cite(self, resolution: Resolution) -> str:
        """The citation, marked with an asterisk where it is only the latest edition recorded; one that does
        not exist on the day (suppressed by then, or not adopted yet) says so, as its page does."""
        found = self.cited(resolution)
        if found.in_force:
            return found.text
        return f"{found.text}*" if found.stands else f"{found.text} ({found.note})"

    def citation(self, resolution: Resolution) -> Citation:
        """The citation with its page, the title of the edition cited and that edition's text at ITU."""
        found = self.cited(resolution)
        edition = found.edition
        # The title of the edition cited, in the site's language where translated; none where that edition's
        # is not recorded (another edition's title is not its own).
        title = in_page_language(edition, "title", self.language) if edition and edition.title else None
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
        text, _, rest = self._labelled(kind, record_id)
        return text + rest

    def _labelled(self, kind: str, record_id: str) -> tuple[str, bool | None, str]:
        key = (self.language, kind, record_id)
        if key not in self._labels:
            self._labels[key] = self._label(kind, record_id)
        return self._labels[key]

    def _label(self, kind: str, record_id: str) -> tuple[str, bool | None, str]:
        # With whether it is in the site's language (None where that does not arise: a number, a citation),
        # and what follows it in the site's language (a meeting's dates after a name known in English).
        if kind == "meeting" and (m := self.loaded.get("meeting", record_id, Meeting)):
            # A meeting with no name of its own is its body's acronym and its dates, in the site's language.
            name, translated = meeting_name(m, self.loaded, self.language)
            return name, translated, ", " + meeting_dates(m, self.language)
        return (*self._text(kind, record_id), "")

    def _text(self, kind: str, record_id: str) -> tuple[str, bool | None]:
        loaded, language = self.loaded, self.language
        if kind == "resolution" and (r := loaded.get("resolution", record_id, Resolution)):
            return f"{r.conference.value} {self.cite(r)}", None
        if kind == "theme" and (t := loaded.get("theme", record_id, Theme)):
            return _in(t, "title", language)
        if kind == "body" and (b := loaded.get("body", record_id, Body)):
            name, done = _in(b, "name", language)
            return f"{name} ({b.acronym})", done
        if kind == "document" and (d := loaded.get("document", record_id, Document)):
            return d.number, None
        if kind == "initiative" and (i := loaded.get("initiative", record_id, Initiative)):
            return _in(i, "title", language)
        if kind == "report" and (p := loaded.get("report", record_id, Report)):
            return report_title(p.year, language)
        return record_id, None

    def title(self, kind: str, record_id: str) -> tuple[str, bool | None, str]:
        """A record's page title, whether it is in the site's language (None: English in a standard form,
        a citation, not marked visibly), and what follows it in that language (Link.rest)."""
        text, translated, rest = self._labelled(kind, record_id)
        if self.language == ENGLISH or translated:
            return text + rest, True, ""
        return text, translated, rest

    def link(self, kind: str, record_id: str) -> Link:
        """A link to a record's page (no address for kinds that have no page), marked where its text is
        English on a page of another language."""
        text, translated, rest = self._labelled(kind, record_id)
        # A theme not yet one on the day is named where a record names it, with no page to lead to.
        later = kind == "theme" and record_id not in self.themes
        href = "" if later else self.href(kind, record_id)
        if self.language == ENGLISH or translated:
            return Link(text + rest, href)
        return Link(text, href, ENGLISH, translated is False, rest)

    def documents(self, ids: list[str]) -> list[Document]:
        """The documents of a list of ids of the site's day (Document.dated_by: none of a later year)."""
        found = (self.loaded.get("document", i, Document) for i in ids)
        return [d for d in found if d is not None and d.dated_by(self.today)]

    def documents_of_day(self) -> list[Document]:
        """Every document of the site's day (Document.dated_by), in file order."""
        return [d for d in self.loaded.all("document", Document).values() if d.dated_by(self.today)]


def meeting_title(meeting: Meeting, loaded: LoadedRecords, language: str = ENGLISH) -> str:
    """`ISCG, 24 January 2024`, or a conference's name and its days: `PP-26, 9-27 November 2026`; the dates
    in the language, the name too where the record translates it."""
    return f"{meeting_name(meeting, loaded, language)[0]}, {meeting_dates(meeting, language)}"


def meeting_name(meeting: Meeting, loaded: LoadedRecords, language: str) -> tuple[str, bool]:
    """A meeting's name in a language, and whether it is in it: its own name (`PP-22`) where the record
    gives one, translated where it is, else its body's acronym (`ISCG`, the same in every language)."""
    if meeting.name:
        name, translated = in_language(meeting, "name", language)
        return name or meeting.name, translated
    body = loaded.get("body", meeting.body, Body)
    return (body.acronym if body else meeting.body), True


def meeting_dates(meeting: Meeting, language: str) -> str:
    """A meeting's days, as the language writes them (the site's own words, whatever its name's)."""
    from res191.site.languages import date_range

    return date_range(language, meeting.start, meeting.end)


def report_title(year: int, language: str = ENGLISH) -> tuple[str, bool]:
    """`Report to Council 2024`, in a language where the catalog has it."""
    words = wording_of(language)
    message = N_("Report to Council %(year)s")
    return words.text(message, year=year), words.translated(message)


def _in(holder: Any, name: str, language: str) -> tuple[str, bool]:
    text, translated = in_language(holder, name, language)
    return text or "", translated


def make_site(loaded: LoadedRecords, today: date) -> Site:
    """The site's shared facts: references both ways, conference dates, meetings by theme and body. What
    refers to a record is what the records of the day hold (records_of_day): no report written later, no
    theme not yet one, no position, initiative or document not known on the day refers to anything."""
    referred: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for record in records_of_day(loaded, today).records:
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
