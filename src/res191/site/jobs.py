"""The pages of the site as jobs: plain data (a path, a template, a title, what makes its variables and for
which record), so that the processes that make the pages can be handed them under any start method.

What each page shows is worked out when the page is made, in the processes that make them, so that the
process handing them out does little on its own while the others wait.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from res191.loading.record import LoadedRecords
from res191.models import MAPPED_CONFERENCES, Body, Meeting, Resolution
from res191.models.translations import ENGLISH
from res191.site import lists
from res191.site.facts import CONFERENCE_NAMES, Link, Site, meeting_title, report_title
from res191.site.languages import N_, wording_of
from res191.site.markdown import outcome_html
from res191.site.pages import body_page, meeting_page, resolution_page, theme_page


@dataclass(frozen=True)
class Job:
    """A page to make (template given), or files to write (no template): maker names what does it."""

    path: str
    template: str
    title: str
    maker: str
    key: str = ""  # the record's id, for a record's page
    language: str = ENGLISH  # the page's language: English at the site's top, another in its folder


@dataclass(frozen=True)
class Extra:
    """What the pages need besides the records, worked out before the pages are handed out."""

    reports: list[tuple[Link, str]] = field(default_factory=list)  # the report pages made, with numbers
    report_pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # by path
    latest_report: str = ""  # the path of the latest report written by the site's day ("" if none)
    # `res191 export`'s files, given by the command (the site does not know the editing layer): what to
    # publish as open data on a day. Absent: no open data.
    open_data: Callable[[LoadedRecords, date], dict[str, bytes]] | None = None
    languages: tuple[str, ...] = (ENGLISH,)  # the languages the site is built in


# The lists: their path, title, what they list (for the filter's label), their groups, an introduction,
# and the open data that holds them (the CSV file of their kind).
LISTS: dict[str, tuple[str, str, Callable[[Site], list[lists.Group]], str, str]] = {
    "themes/index.html": (
        N_("Themes of mutual interest"), N_("Filter the themes"), lists.themes_list,
        N_("The areas of mutual interest to the Sectors and the General Secretariat."), "themes",
    ),
    "resolutions/index.html": (
        N_("Resolutions"), N_("Filter the resolutions"), lists.resolutions_list,
        N_("The resolutions and decisions the themes rest on, by conference and in the order of their "
           "numbers."),
        "resolutions",
    ),
    "meetings/index.html": (
        N_("Meetings"), N_("Filter the meetings"), lists.meetings_list,
        N_("The meetings of the coordination bodies and the sessions of the conferences."), "meetings",
    ),
    "bodies/index.html": (
        N_("Bodies"), N_("Filter the bodies"), lists.bodies_list,
        N_("The groups, task forces, advisory groups and conferences that coordinate."), "bodies",
    ),
    "reports/index.html": (
        N_("Reports to Council"), N_("Filter the reports"), lists.no_groups,
        N_("The yearly report of the Secretary-General to Council on the implementation of Resolution 191."),
        "reports",
    ),
}  # fmt: skip


def _reports(site: Site, extra: Extra) -> list[tuple[Link, str]]:
    """The links to the reports to Council (made once for every language) as the page's language names
    them, marked English where its catalog has no wording."""
    found = []
    for link, number in extra.reports:
        year = int(link.href.removeprefix("reports/").removesuffix(".html"))
        text, translated = report_title(year, site.language)
        lang = "" if translated or site.language == ENGLISH else ENGLISH
        found.append((replace(link, text=text, lang=lang), number))
    return found


def _list(site: Site, path: str, extra: Extra) -> dict[str, Any]:
    _, what, groups, intro, data = LISTS[path]
    # No report written by the day: "None recorded.", not an empty list.
    reports = [("", _reports(site, extra))] if extra.reports else []
    found = reports if path == "reports/index.html" else groups(site)
    return {
        "filter_label": what,
        "search": True,
        "groups": found,
        "intro": intro,
        "data": data,
        "as_of": site.today,
    }


def _home(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    latest = None
    # The latest report written by the site's day: not one dated after it.
    for link, number in _reports(site, extra):
        if link.href == extra.latest_report:
            docx = extra.report_pages.get(link.href, {})
            latest = (link, number, docx.get("docx", ""))
    return {"page": lists.home_page(site, latest)}


def _theme(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    theme = site.themes.get(key)  # as known on the site's day
    assert theme is not None
    return {"page": theme_page(site, theme)}


def _resolution(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    resolution = site.loaded.get("resolution", key, Resolution)
    assert resolution is not None
    return {"page": resolution_page(site, resolution)}


def _meeting(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    found = site.loaded.get("meeting", key, Meeting)
    assert found is not None
    meeting = found.as_known_on(site.today)  # not over by the site's day: no outcome, no calls for action
    file = site.loaded.find("meeting", key)
    held = file is not None and file.body.strip() and meeting.held_by(site.today)
    outcome = outcome_html(file.body) if file is not None and held else ""
    return {"page": meeting_page(site, meeting, outcome)}


def _body(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    body = site.loaded.get("body", key, Body)
    assert body is not None
    return {"page": body_page(site, body)}


def _mapping(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    conferences = [{"short": c.value, "title": CONFERENCE_NAMES[c]} for c in MAPPED_CONFERENCES]
    return {"rows": lists.mapping_rows(site), "conferences": conferences, "as_of": site.today}


def _tracker(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    return {"years": lists.tracker_years(site), "search": True, "as_of": site.today}


def _overlaps(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    return {"groups": lists.overlap_groups(site), "as_of": site.today}


def _positions(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    return {"years": lists.positions_years(site)}


def _initiatives(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    return {"years": lists.initiatives_years(site)}


def _documents(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    return {"documents": lists.documents_list(site)}


def _search(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    groups = lists.search_list(site)
    groups.insert(4, (N_("Reports to Council"), _reports(site, extra)))
    return {"groups": [(name, items) for name, items in groups if items], "search": True, "index": True}


def _report(site: Site, key: str, extra: Extra) -> dict[str, Any]:
    page = dict(extra.report_pages[key])
    if site.language != ENGLISH and page.get("docx"):  # the Word file is written once, beside the English
        page["docx"] = f"../../reports/{page['docx']}"
    return page


# What makes each kind of page's variables: module-level functions, named in the jobs.
MAKERS: dict[str, Callable[[Site, str, Extra], dict[str, Any]]] = {
    "home": _home,
    "list": _list,
    "theme": _theme,
    "resolution": _resolution,
    "meeting": _meeting,
    "body": _body,
    "mapping": _mapping,
    "tracker": _tracker,
    "overlaps": _overlaps,
    "positions": _positions,
    "initiatives": _initiatives,
    "documents": _documents,
    "search": _search,
    "report": _report,
}


def jobs(site: Site, extra: Extra) -> list[Job]:
    """Every page of the site, and the files beside them, as jobs: the long ones (each as long as
    hundreds of a record's own pages) spread among the first chunks handed out, so that no process draws
    several of them and finishes long after the others."""
    loaded = site.loaded
    heavy = [
        Job("search-index.js", "", "", "search-index"),
        *(
            [Job("open-data.html", "open-data.html.j2", N_("Open data"), "open-data")]
            if extra.open_data
            else []
        ),
        Job("index.html", "index.html.j2", N_("Inter-Sector coordination"), "home"),
        *(Job(path, "list.html.j2", spec[0], "list", path) for path, spec in LISTS.items()),
        Job("mapping.html", "mapping.html.j2", N_("Mapping of resolutions to themes"), "mapping"),
        Job("tracker.html", "tracker.html.j2", N_("Intersectoral Coordination Tracker"), "tracker"),
        Job("overlaps.html", "overlaps.html.j2", N_("Overlaps and proposals"), "overlaps"),
        Job("positions.html", "positions.html.j2", N_("Positions of the bodies"), "positions"),
        Job("initiatives.html", "initiatives.html.j2", N_("Initiatives of the secretariat"), "initiatives"),
        Job("documents.html", "documents.html.j2", N_("Documents"), "documents"),
        Job("search.html", "search.html.j2", N_("Search"), "search"),
        *(
            Job(path, "report.html.j2", page["title"], "report", path)
            for path, page in extra.report_pages.items()
        ),
    ]
    light = [
        *(Job(site.href("theme", i), "theme.html.j2", t.title, "theme", i) for i, t in site.themes.items()),
        *(
            Job(
                site.href("resolution", i), "resolution.html.j2", site.label("resolution", i), "resolution", i
            )
            for i in loaded.all("resolution", Resolution)
        ),
        *(
            Job(site.href("meeting", i), "meeting.html.j2", meeting_title(m, loaded), "meeting", i)
            for i, m in loaded.all("meeting", Meeting).items()
        ),
        *(
            Job(site.href("body", i), "body.html.j2", f"{b.name} ({b.acronym})", "body", i)
            for i, b in loaded.all("body", Body).items()
        ),
    ]
    gap = max(1, len(light) // (2 * len(heavy)))
    spread: list[Job] = []
    for index, job in enumerate(heavy):
        spread += [job, *light[index * gap : (index + 1) * gap]]
    return spread + light[len(heavy) * gap :]


# The kinds of page whose title is their record's label (in the page's language where translated).
RECORD_PAGES = frozenset({"theme", "resolution", "meeting", "body"})


def in_languages(english: list[Job], languages: tuple[str, ...]) -> tuple[list[Job], list[Job]]:
    """The jobs of every language: each English page (and the search index) again in each other language,
    at the same path in its folder, the heavy pages of every language spread first as jobs() spreads them;
    and the jobs to do once the others are done (the open data pages of the other languages list the files
    the English one writes)."""
    others = [code for code in languages if code != ENGLISH]
    later = [replace(j, language=code) for code in others for j in english if j.maker == "open-data"]
    work = [
        job if language == ENGLISH else replace(job, language=language)
        for job in english
        for language in languages
        if language == ENGLISH or job.maker != "open-data"
    ]
    return work, later


def page_title(site: Site, job: Job) -> tuple[str, bool | None, str]:
    """A page's title in its language, whether it is in that language (a record's title may not be; None
    for a citation, English in its standard form), and what follows it in the page's language (a meeting's
    dates after a name known in English only)."""
    if job.maker in RECORD_PAGES:
        return site.title(job.maker, job.key)
    if job.maker == "report":
        year = int(job.key.removeprefix("reports/").removesuffix(".html"))
        return (*report_title(year, site.language), "")
    words = wording_of(site.language)
    return words.text(job.title), words.translated(job.title), ""
