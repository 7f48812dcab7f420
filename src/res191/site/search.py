"""The site's search index: one entry for every page and every place a record has on a page, written as a
script that the search page loads.

Why not Pagefind, which indexes a static site: its index is read with `fetch()` and an ES module imported
at run time, and browsers refuse both to a page opened from a file (`file://`), where these pages must
work (checked in Chromium: Pagefind's UI finds nothing from a folder, and works from a web server). A
classic `<script src>` is read from files as from a server, so the index is one: the words of each
record that a visitor searches by (titles, numbers, names, addresses, places), a few hundred bytes each.
"""

from __future__ import annotations

import json
from typing import Any

from res191.models import Body, Initiative, Meeting, Position, Resolution, Theme
from res191.models.translations import ENGLISH
from res191.site.facts import CONFERENCE_NAMES, SECTOR_NAMES, Site
from res191.site.languages import N_, wording_of
from res191.site.pages import chair_words, reports

# The pages that are not a record's, with the words that find them.
PAGES = [
    (N_("Mapping of resolutions to themes"), "mapping.html", "themes conferences resolutions table matrix"),
    (N_("Intersectoral Coordination Tracker"), "tracker.html", "activities priorities by year sector"),
    (N_("Overlaps and proposals"), "overlaps.html", "duplication streamline findings proposals"),
    (N_("Positions of the bodies"), "positions.html", "ISCG requests emphasis involvement"),
    (N_("Initiatives of the secretariat"), "initiatives.html", "ISC-TF efforts status"),
    (N_("Documents"), "documents.html", "Council documents service orders"),
    (N_("Open data"), "open-data.html", "download CSV JSON workbook Excel spreadsheet"),
    (N_("Reports to Council"), "reports/index.html", "yearly report Secretary-General"),
]
# What each kind of entry is, as the results say it.
WHAT = {
    "theme": N_("Theme"), "body": N_("Body"), "document": N_("Document"), "initiative": N_("Initiative"),
    "position": N_("Position"), "report": N_("Report"), "page": N_("Page"), "meeting": N_("Meeting"),
}  # fmt: skip
# What an entry keeps of a long text: enough to be found by its words, not the whole text twice.
_MOST = 600


def entries(site: Site, outcomes: dict[str, str]) -> list[list[str]]:
    """[title, address, what it is, its words, marks] for every page and place, in the site's language
    (titles translated where the records are, the English words kept too: either finds them); marks says
    which of the title (t) and what it is (w) are English on a page of another language, for the results
    to say so (lang="en"); outcomes by meeting id."""
    loaded = site.loaded
    what = {kind: wording_of(site.language).text(words) for kind, words in WHAT.items()}
    found: list[list[str]] = []
    for theme in site.themes.values():
        found += _theme(site, theme)
    for resolution in site.resolutions_adopted:
        found.append(_resolution(site, resolution))
    for meeting in loaded.all("meeting", Meeting).values():
        found.append(_meeting(site, meeting, outcomes.get(meeting.id, "")))
    for body in (b.as_described_by(site.today) for b in loaded.all("body", Body).values()):
        known = (chair.as_known_on(site.today) for chair in body.chairs)  # as the body's page names them
        chairs = " ".join(chair_words(c) for c in known if c)
        words = [body.acronym, body.name, chairs, body.composition, body.terms_of_reference]
        title = site.label("body", body.id)
        marks = _marks(site, _english(site, "body", body.id), _untranslated(site, "body"))
        found.append([title, site.href("body", body.id), what["body"], _words(words), marks])
    for document in site.documents_of_day():
        words = [document.number, document.title, document.about, document.kind.replace("-", " ")]
        marks = _marks(site, False, _untranslated(site, "document"))  # a number, the same in every language
        found.append(
            [document.number, site.href("document", document.id), what["document"], _words(words), marks]
        )
    for held in loaded.all("initiative", Initiative).values():
        initiative = held.as_known_on(site.today)  # begun by the day, with its years up to the day's
        if initiative is None:
            continue
        english = [initiative.title] if site.language != ENGLISH else []
        words = [*english, initiative.description, *(str(y.year) for y in initiative.years)]
        title = site.label("initiative", initiative.id)
        marks = _marks(site, _english(site, "initiative", initiative.id), _untranslated(site, "initiative"))
        found.append(
            [title, site.href("initiative", initiative.id), what["initiative"], _words(words), marks]
        )
    for position in loaded.all("position", Position).values():
        if not site.position_known(position):
            continue
        title = f"{site.label('body', position.body)}, {position.year}"
        marks = _marks(site, _english(site, "body", position.body), _untranslated(site, "position"))
        found.append(
            [title, site.href("position", position.id), what["position"], _words([position.text]), marks]
        )
    for report in reports(loaded, site.today):
        words = [report.document, report.title, "Council", str(report.year)]
        title = site.label("report", report.id)
        marks = _marks(site, _english(site, "report", report.id), _untranslated(site, "report"))
        found.append([title, f"reports/{report.year}.html", what["report"], _words(words), marks])
    words_of = wording_of(site.language)
    found += [
        [
            words_of.text(t),
            href,
            what["page"],
            words,
            _marks(site, not words_of.translated(t), _untranslated(site, "page")),
        ]
        for t, href, words in PAGES
    ]
    return found


def _marks(site: Site, title: bool, what: bool) -> str:
    """`t` where an entry's title is English on a page of another language, `w` where what it is is."""
    if site.language == ENGLISH:
        return ""
    return ("t" if title else "") + ("w" if what else "")


def _english(site: Site, kind: str, record_id: str) -> bool:
    """Whether a record's name is English on the site's pages (not translated, or a citation)."""
    return site.link(kind, record_id).lang == ENGLISH


def _untranslated(site: Site, kind: str) -> bool:
    """Whether the wording of what a kind of entry is has no translation in the site's language."""
    return not wording_of(site.language).translated(WHAT[kind])


def _theme(site: Site, theme: Theme) -> list[list[str]]:
    href = site.href("theme", theme.id)
    cited = [  # those it rests on on the day, as its page shows them
        f"{resolution.conference.value} {resolution.number}"
        for rested in site.rested_on(theme).values()
        for resolution, _ in rested
    ]
    focal = [" ".join(filter(None, (f.name, f.role, f.unit, f.email))) for f in theme.focal_points]
    english = [theme.title] if site.language != ENGLISH else []  # found by its English title too
    words = [
        *english,
        theme.description,
        theme.status,
        *cited,
        *focal,
        *(a.title for a in site.activities(theme)),
    ]
    marks = _marks(site, _english(site, "theme", theme.id), _untranslated(site, "theme"))
    found = [
        [
            site.label("theme", theme.id),
            href,
            wording_of(site.language).text(WHAT["theme"]),
            _words(words),
            marks,
        ]
    ]
    for point in theme.focal_points:
        if point.name or point.email:
            who = point.name or point.email or ""
            what = f"Focal point of {SECTOR_NAMES[point.sector.value]} for {theme.title}"
            marks = _marks(site, False, True)  # a name, and an English sentence
            found.append(
                [who, f"{href}#focal-points", what, _words([point.role, point.unit, point.email]), marks]
            )
    return found


def _resolution(site: Site, resolution: Resolution) -> list[str]:
    number = resolution.number
    editions = resolution.editions_by(site.today, site.sessions)
    words = [
        f"{resolution.conference.value} {number}",
        f"{resolution.conference.value} Resolution {number}",
        CONFERENCE_NAMES[resolution.conference],
        # The editions adopted by the site's day, as its page lists them: none adopted later.
        *(e.title for e in editions),
        *(resolution.citation(e) for e in editions),
        resolution.text,
    ]
    what = f"{resolution.kind.capitalize()} of the {CONFERENCE_NAMES[resolution.conference]}"
    title = site.label("resolution", resolution.id)
    named = site.citation(resolution).title  # the title of the edition cited on the site's day
    return [
        title + (f": {named}" if named else ""),
        site.href("resolution", resolution.id),
        what,
        _words(words),
        _marks(site, True, True),  # a citation, in English's standard form, and an English sentence
    ]


def _meeting(site: Site, meeting: Meeting, outcome: str) -> list[str]:
    topics = [site.label("theme", t) for t in meeting.topics]
    words = [meeting.venue, meeting.chair, site.label("body", meeting.body), *topics, outcome]
    title = site.label("meeting", meeting.id)
    # Its name may be English and its days the page's language: the title is not marked as one language.
    return [
        title,
        site.href("meeting", meeting.id),
        wording_of(site.language).text(WHAT["meeting"]),
        _words(words),
        _marks(site, False, _untranslated(site, "meeting")),
    ]


def _words(parts: list[Any]) -> str:
    text = " ".join(" ".join(str(p).split()) for p in parts if p)
    return text[:_MOST]


def script(found: list[list[str]], as_of: str) -> bytes:
    """The index as a script that sets `res191Search` (a script, not JSON: pages opened from files may
    load scripts but not fetch data)."""
    data = json.dumps({"as_of": as_of, "entries": found}, ensure_ascii=False, separators=(",", ":"))
    # U+2028 and U+2029 end a line in older JavaScript, not in JSON.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.res191Search = {data};\n".encode()
