"""What the pages that gather many records show: the home page's overview, the lists, the mapping, the
tracker, the overlaps, the positions and initiatives by year, the documents."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from res191.models import (
    MAPPED_CONFERENCES,
    SECTOR_COLUMNS,
    Body,
    Conference,
    Initiative,
    Meeting,
    Position,
    Resolution,
    Theme,
)
from res191.overlaps.findings import KINDS
from res191.site.facts import (
    CONFERENCE_NAMES,
    SECTOR_NAMES,
    THEME_OVERLAPS,
    Citation,
    Link,
    Site,
    meeting_title,
)
from res191.site.languages import N_, wording_of
from res191.site.pages import POSITION_KINDS, finding_shown

# A list page's groups: a heading (or none) and the records under it, each with a note.
Group = tuple[str, list[tuple[Link, str]]]


def home_page(site: Site, latest_report: tuple[Link, str, str] | None) -> dict[str, Any]:
    """What Resolution 191 asks, the overview in figures, the bodies and their chairs, the latest and next
    meetings (as of the site's day), the themes."""
    loaded = site.loaded
    resolution = loaded.get("resolution", "pp-191", Resolution)
    found = site.cited(resolution) if resolution else None
    edition = found.edition if found else None
    meetings = sorted(loaded.all("meeting", Meeting).values(), key=lambda m: (m.start, m.id))
    held = [m for m in meetings if m.start <= site.today]
    coming = [m for m in meetings if m.start > site.today]
    # The bodies with a chair on the site's day, each with that chair (a chair of another year is not
    # today's: the records name chairs for the days they cover).
    chaired = [(b, b.chair_on(site.today)) for b in loaded.all("body", Body).values()]
    themes = [t for t in site.themes.values() if t.reported_on(site.today)]
    return {
        "resolution": resolution,
        "cited": found,
        "as_of": site.today,
        "instructions": edition.instructs if edition else [],
        "bodies": [(b, chair) for b, chair in chaired if chair is not None],
        "meetings": [site.link("meeting", m.id) for m in reversed(held[-6:])],
        "coming": [site.link("meeting", m.id) for m in coming[:3]],
        "themes": [site.link("theme", t.id) for t in themes],
        "figures": overview(site, themes, meetings),
        "report": latest_report,
    }


def overview(site: Site, themes: list[Theme], meetings: list[Meeting]) -> dict[str, Any]:
    """The figures of the home page: themes, resolutions by conference and by Sector, meetings and tracker
    entries of the site's year."""
    resolutions = site.resolutions_adopted  # those the records hold on the day: none adopted later
    by_conference = Counter(r.conference for r in resolutions)
    by_sector = Counter(s for r in resolutions for s in r.concerned_sectors)
    year = site.today.year
    return {
        "themes": len(themes),
        "resolutions": len(resolutions),
        "by_conference": [
            (c.value, CONFERENCE_NAMES[c], by_conference[c]) for c in Conference if by_conference[c]
        ],
        "by_sector": [(SECTOR_NAMES[s.value], by_sector[s]) for s in SECTOR_COLUMNS],
        "year": year,
        "meetings": sum(1 for m in meetings if m.start.year == year),
        "tracker": sum(1 for t in site.themes.values() for a in site.activities(t) if a.year == year),
        "tracker_all": sum(len(site.activities(t)) for t in site.themes.values()),
    }


def no_groups(site: Site) -> list[Group]:
    """Nothing from the records: a list whose items are given otherwise (the reports made)."""
    return []


def themes_list(site: Site) -> list[Group]:
    """The themes, each with its status."""
    return [("", [(site.link("theme", t.id), t.status or "") for t in site.themes.values()])]


def resolutions_list(site: Site) -> list[Group]:
    """The resolutions under their conferences, in ITU's order of conferences, then by number."""
    groups: dict[str, list[tuple[Link, str]]] = {name: [] for name in CONFERENCE_NAMES.values()}
    for r in site.resolutions_adopted:
        groups[CONFERENCE_NAMES[r.conference]].append(
            (site.link("resolution", r.id), site.citation(r).title or "")
        )
    return [(name, items) for name, items in groups.items() if items]


def meetings_list(site: Site) -> list[Group]:
    """The meetings to come, then those held, the latest first (as of the site's day)."""
    meetings = sorted(
        site.loaded.all("meeting", Meeting).values(), key=lambda m: (m.start, m.id), reverse=True
    )
    coming = [(site.link("meeting", m.id), m.venue or "") for m in meetings if m.start > site.today]
    held = [(site.link("meeting", m.id), m.venue or "") for m in meetings if m.start <= site.today]
    return [(name, items) for name, items in ((N_("To come"), coming[::-1]), (N_("Held"), held)) if items]


def bodies_list(site: Site) -> list[Group]:
    """The bodies, each with its Sector."""
    bodies = site.loaded.all("body", Body).values()
    words = wording_of(site.language)
    return [
        (
            "",
            [
                (site.link("body", b.id), words.shown(SECTOR_NAMES[b.sector.value]) if b.sector else "")
                for b in bodies
            ],
        )
    ]


def search_list(site: Site) -> list[Group]:
    """Every record that has a page or a place: what the search page lists without JavaScript."""
    loaded = site.loaded
    return [
        (N_("Themes"), themes_list(site)[0][1]),
        (N_("Resolutions"), [item for _, items in resolutions_list(site) for item in items]),
        (N_("Meetings"), [item for _, items in meetings_list(site) for item in items]),
        (N_("Bodies"), bodies_list(site)[0][1]),
        (
            N_("Documents"),
            [(site.link("document", d.id), d.title or "") for d in site.documents_of_day()],
        ),
        (
            N_("Initiatives"),
            [
                (site.link("initiative", i.id), "")
                for i in loaded.all("initiative", Initiative).values()
                if site.initiative_known(i)  # as the initiatives page lists them on the day
            ],
        ),
    ]


def mapping_rows(site: Site) -> list[tuple[Link, list[list[Citation]]]]:
    """Themes against conferences (Council's resolutions too), each resolution cited as on the site's day."""
    rows = []
    for theme in site.themes.values():
        if not theme.reported_on(site.today):
            continue
        cells = site.rested_on(theme)  # as on the theme's page
        shown = [[site.citation(r) for r, _ in cells.get(c, [])] for c in MAPPED_CONFERENCES]
        rows.append((site.link("theme", theme.id), shown))
    return rows


def tracker_years(site: Site) -> list[tuple[int, list[dict[str, Any]]]]:
    """Every theme's tracker, by year (the latest first), then Sector and theme."""
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for theme in site.themes.values():
        link = site.link("theme", theme.id)
        for activity in site.activities(theme):
            years[activity.year].append(
                {"theme": link, "sector": SECTOR_NAMES[activity.sector.value], "a": activity}
            )
    order = {name: index for index, name in enumerate(SECTOR_NAMES.values())}
    return [
        (year, sorted(rows, key=lambda r: (order[r["sector"]], r["theme"].text, r["a"].title)))
        for year, rows in sorted(years.items(), reverse=True)
    ]


def overlap_groups(site: Site) -> list[tuple[str, list[dict[str, Any]]]]:
    """The findings of the kinds the site shows, by kind, as `res191 overlaps` finds them on the day."""
    findings = site.overlaps()
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        groups[finding.kind].append(finding_shown(site, finding))
    return [(KINDS[kind], groups[kind]) for kind in THEME_OVERLAPS if groups[kind]]


def positions_years(site: Site) -> list[tuple[int, list[dict[str, Any]]]]:
    """The positions of the bodies by year, the latest first."""
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for position in site.loaded.all("position", Position).values():
        if not site.position_known(position):
            continue  # expressed after the site's day
        years[position.year].append(
            {
                "p": position,
                "body": site.link("body", position.body),
                "kind": POSITION_KINDS[position.kind],
                "meeting": site.link("meeting", position.meeting) if position.meeting else None,
                "themes": [site.link("theme", t) for t in position.themes],
            }
        )
    return sorted(years.items(), reverse=True)


def initiatives_years(site: Site) -> list[tuple[int, list[dict[str, Any]]]]:
    """The secretariat's initiatives under each year they were worked on, with that year's status."""
    years: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for held in site.loaded.all("initiative", Initiative).values():
        # Begun by the site's day, with the years up to the day's: a later year's status is not known then.
        initiative = held.as_known_on(site.today)
        if initiative is None:
            continue
        known = initiative.years
        latest = max(worked.year for worked in known)  # links lead to its latest year
        for worked in known:
            years[worked.year].append(
                {
                    "i": initiative,
                    "anchor": initiative.id if worked.year == latest else f"{initiative.id}-{worked.year}",
                    "status": worked.status,
                    "body": site.link("body", initiative.body),
                    "themes": [site.link("theme", t) for t in initiative.themes],
                    "documents": site.documents(initiative.documents),
                }
            )
    return sorted(years.items(), reverse=True)


def documents_list(site: Site) -> list[dict[str, Any]]:
    """The documents, by year (the latest first) then number, each with what refers to it."""
    found = []
    for document in site.documents_of_day():  # none of a later year than the site's day
        referring = dict.fromkeys((k, i) for k, i, _ in site.referred_by.get(("document", document.id), []))
        found.append({"d": document, "referred_by": [site.link(k, i) for k, i in referring]})
    return sorted(found, key=lambda f: (-(f["d"].of_year or 0), f["d"].number))


__all__ = ["Group", "meeting_title"]
