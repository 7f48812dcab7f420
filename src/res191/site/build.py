"""Build the site: every page rendered from the records, written into a folder in one go.

The pages are plain HTML and CSS with relative links, so they work from a web server and from files on
a disk alike; a little JavaScript only filters the lists. The same records give the same bytes: nothing
depends on the clock but the day the editions in force are cited for, which the caller gives.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from res191.loading.record import LoadedRecords
from res191.memory import collector_paused
from res191.models import MAPPED_CONFERENCES, Body, Meeting, Resolution, Theme
from res191.rendering.markdown import classes, parser
from res191.rendering.templates import builtin_folder, environment, render
from res191.site.pages import (
    CONFERENCE_NAMES,
    Link,
    Site,
    body_page,
    home_page,
    make_site,
    mapping_rows,
    meeting_page,
    meeting_title,
    reports,
    resolution_page,
    theme_page,
)
from res191.wording import long_date
from res191.workers import map_chunks

# Written into every site built: the list of its files with their digests, so that a rebuild replaces a
# folder only when every file in it is one the last build wrote, unchanged since.
MANIFEST = ".res191-site"
_SCRATCH = ".res191-site-"  # the folder a build is made in, beside the output, until it is whole


class NotASite(Exception):
    """The output folder holds what res191 did not write, or the records themselves: it is not replaced."""


_MARKDOWN = parser()


SECTIONS = [
    ("index.html", "Home"),
    ("themes/index.html", "Themes"),
    ("mapping.html", "Mapping of resolutions"),
    ("resolutions/index.html", "Resolutions"),
    ("meetings/index.html", "Meetings"),
    ("bodies/index.html", "Bodies"),
    ("reports/index.html", "Reports to Council"),
    ("search.html", "Search"),
]


_SECTION_PAGES = frozenset(href for href, _ in SECTIONS)


def _navigation(here: str, root: str) -> Markup:
    """The site's menu on a page, the page's own section marked."""
    return _menu(here if here in _SECTION_PAGES else None, root)


@functools.cache
def _menu(current: str | None, root: str) -> Markup:
    # Made once for each section and depth: every page of a site with 10,000 pages has the menu.
    items = []
    for href, text in SECTIONS:
        mark = ' aria-current="page"' if href == current else ""
        items.append(Markup('<li><a href="{}{}"{}>{}</a></li>').format(root, href, Markup(mark), text))
    return Markup("\n    ").join(items)


def _anchor(link: Link, root: str) -> Markup:
    """A link to a page of the site from a page `root` below the top; plain text for a record with no page."""
    # Put together from escaped parts rather than by Markup.format, which formats in Python: a site
    # of 10,000 pages has some 150,000 links.
    if not link.href:
        return Markup(f'<span dir="auto">{escape(link.text)}</span>')
    return Markup(f'<a href="{escape(root + link.href)}" dir="auto">{escape(link.text)}</a>')


def _outcome(markdown: str) -> Markup:
    """A meeting's outcome, Markdown from a record, as HTML with no raw HTML passed through."""
    tokens = _MARKDOWN.parse(markdown)
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):  # an outcome's headings come under the page's
            level = min(int(token.tag[1]) + 2, 6)
            token.tag = f"h{level}"
    return Markup(_MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {}))


def _report_body(markdown: str) -> Markup:
    """A report's HTML in a page: annex headings under the page's, layout tables marked as layout."""
    md = parser()
    tokens = md.parse(markdown)
    drop = False
    kept = []
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"  # the page has its own h1; the report's sections are h2 already
        if token.type == "table_open" and classes(token) & {"cover", "summary"}:
            token.attrs["role"] = "presentation"
        if token.type == "thead_open":
            drop = True
        if not drop:
            kept.append(token)
        if token.type == "thead_close":
            drop = False
    return Markup(md.renderer.render(kept, md.options, {}))


def build_site(
    loaded: LoadedRecords, output: Path, today: date, report: Callable[[int], tuple[str, bytes]] | None
) -> int:
    """Write the site into output (replacing a site built before); return how many pages it has.

    report(year) gives a year's report as Markdown and as a Word file.
    """
    output = Path(os.path.abspath(output))  # `-o .` has no name to put the old site's beside
    check_replaceable(output, loaded.root)
    _remove_abandoned(output.parent)
    site = make_site(loaded, today)
    env = environment()
    env.auto_reload = False  # the templates do not change during a build: no stat() of them for each page
    env.filters["a"] = _anchor
    env.filters["navigation"] = _navigation
    output.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=_SCRATCH, dir=output.parent))
    try:
        (scratch / f"{MANIFEST}-building").write_text(f"{os.getpid()}\n")
        # mkdtemp makes the folder private; a web server's user must read the site.
        os.chmod(scratch, 0o777 & ~_umask())
        jobs = _pages(site, scratch, report)
        for template in {template for _, template, _, _ in jobs}:
            env.get_template(f"site/{template}")  # compiled once here, not once in each worker
        # Pages are rendered and written in worker processes on a large site, as validate reads files.
        pages = sum(map_chunks(_render, (env, scratch, long_date(today)), jobs))
        for static in ("site.css", "filter.js"):
            shutil.copyfile(builtin_folder() / "site" / static, scratch / static)
        (scratch / f"{MANIFEST}-building").unlink()
        (scratch / MANIFEST).write_text(json.dumps({"files": _digests(scratch)}, indent=0, sort_keys=True))
        _replace(scratch, output)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return pages


def check_replaceable(output: Path, root: Path) -> None:
    """NotASite unless output is missing, empty, or a site an earlier build wrote, unchanged since.

    Never the repository, a folder holding it or its records, whatever marker a pull request plants.
    """
    if not output.exists() and not output.is_symlink():
        return
    if output.is_symlink() or not output.is_dir():
        raise NotASite(f"{output} is not a folder; give --output a folder to write the site in")
    real, repository = output.resolve(), root.resolve()
    if repository.is_relative_to(real) or real.is_relative_to(repository / "data"):
        raise NotASite(
            f"{output} holds the records themselves; give --output a folder of its own, such as site/"
        )
    if any((output / held).exists() for held in ("data", ".git")):
        raise NotASite(
            f"{output} holds a data/ or .git folder; give --output a folder of its own, such as site/"
        )
    if not any(output.iterdir()):
        return
    try:
        listed = json.loads((output / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        raise NotASite(
            f"{output} holds files that are not a site res191 built; give another --output"
        ) from None
    found = _digests(output)
    strange = sorted(set(found) - set(listed)) + sorted(
        p for p in found if p in listed and found[p] != listed[p]
    )
    if strange:
        raise NotASite(
            f"{output} holds {strange[0]}, which the last build of the site did not write (or which changed "
            "since); move it away, or give another --output"
        )


def _digests(folder: Path) -> dict[str, str]:
    """Every file under folder (but the manifest), by its path there, with the digest of its bytes."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, folder).replace(os.sep, "/")
            if relative == MANIFEST:
                continue
            if os.path.islink(path):
                found[relative] = "link"  # never written by a build: makes the folder another's
                continue
            with open(path, "rb") as handle:
                found[relative] = hashlib.file_digest(handle, "blake2b").hexdigest()[:32]
    return found


def _remove_abandoned(folder: Path) -> None:
    """Remove the scratch folders of builds that were killed (their process is gone)."""
    for scratch in folder.glob(f"{_SCRATCH}*"):
        mark = scratch / f"{MANIFEST}-building"
        try:
            owner = int(mark.read_text())
            os.kill(owner, 0)  # raises if that process is gone
        except ProcessLookupError:
            shutil.rmtree(scratch, ignore_errors=True)
        except (OSError, ValueError):
            continue  # not one of ours, or another user's running build


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _replace(new: Path, output: Path) -> None:
    # The old site goes only once the new one is whole: a failed build leaves the old site as it was.
    if output.exists():
        old = output.with_name(f".{output.name}.old-res191")
        shutil.rmtree(old, ignore_errors=True)
        os.replace(output, old)
        os.replace(new, output)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, output)


# A page to make: its path, its template, its title, and what works out the rest of its variables.
Job = tuple[str, str, str, Callable[[], dict[str, Any]]]


def _render(context: tuple[Any, Path, str], jobs: Sequence[Job]) -> int:
    """Render and write some pages; how many."""
    env, out, as_of = context
    made: set[Path] = set()  # folders made already: one call each, not one a page
    with collector_paused():  # rendering makes no cycles (measured): nothing for the collector to free
        for path, template, title, variables in jobs:
            values = variables()
            values.update(title=title, root="../" * path.count("/"), here=path, built=as_of)
            values.setdefault("search", False)
            target = out / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(render(env, f"site/{template}", values).encode("utf-8"))
    return len(jobs)


def _variables(make: Callable[[Site, Any], dict[str, Any]], site: Site, record: Any) -> dict[str, Any]:
    return {"page": make(site, record)}


def _pages(site: Site, out: Path, report: Callable[[int], tuple[str, bytes]] | None) -> list[Job]:
    """Every page of the site, as jobs; the Word files of the reports are written here.

    What each page shows is worked out when the page is made, in the processes that make them, so
    that this one (which hands the pages out) does little on its own while the others wait.
    """
    loaded = site.loaded
    # The pages that list every record come first: each takes as long as hundreds of a record's own
    # pages, and the worker that drew one at the end would finish long after the others.
    lists: list[Job] = []
    jobs: list[Job] = []

    def listing(
        path: str, title: str, what: str, groups: Callable[[], list[Group]], intro: str | None = None
    ) -> None:
        def variables() -> dict[str, Any]:
            found = {"what": what, "search": True, "groups": groups()}
            return found | {"intro": intro} if intro else found

        lists.append((path, "list.html.j2", title, variables))

    def lazy(path: str, template: str, title: str, variables: Callable[[], dict[str, Any]]) -> None:
        jobs.append((path, template, title, variables))

    themes = [t for t in loaded.all("theme", Theme).values()]
    resolutions = list(loaded.all("resolution", Resolution).values())
    meetings = sorted(loaded.all("meeting", Meeting).values(), key=lambda m: (m.start, m.id), reverse=True)
    bodies = list(loaded.all("body", Body).values())

    lists.append(
        ("index.html", "index.html.j2", "Inter-Sector coordination", lambda: {"page": home_page(site)})
    )
    listing(
        "themes/index.html",
        "Themes of mutual interest",
        "themes",
        lambda: [("", [(site.link("theme", t.id), t.status or "") for t in themes])],
        "The areas of mutual interest to the Sectors and the General Secretariat.",
    )
    for theme in themes:
        lazy(
            f"themes/{theme.id}.html",
            "theme.html.j2",
            theme.title,
            partial(_variables, theme_page, site, theme),
        )
    conferences = [{"short": c.value, "title": CONFERENCE_NAMES[c]} for c in MAPPED_CONFERENCES]
    lists.append(
        (
            "mapping.html",
            "mapping.html.j2",
            "Mapping of resolutions to themes",
            lambda: {"rows": mapping_rows(site), "conferences": conferences, "as_of": site.today},
        )
    )
    listing(
        "resolutions/index.html", "Resolutions", "resolutions", partial(_by_conference, site, resolutions)
    )
    for resolution in resolutions:
        lazy(
            f"resolutions/{resolution.id}.html",
            "resolution.html.j2",
            site.label("resolution", resolution.id),
            partial(_variables, resolution_page, site, resolution),
        )
    listing(
        "meetings/index.html",
        "Meetings",
        "meetings",
        lambda: [("", [(site.link("meeting", m.id), m.venue or "") for m in meetings])],
    )

    def meeting_variables(meeting: Meeting) -> dict[str, Any]:
        file = loaded.find("meeting", meeting.id)
        outcome = _outcome(file.body) if file is not None and file.body.strip() else Markup("")
        return {"page": meeting_page(site, meeting, outcome)}

    for meeting in meetings:
        lazy(
            f"meetings/{meeting.id}.html",
            "meeting.html.j2",
            meeting_title(meeting, loaded),
            partial(meeting_variables, meeting),
        )
    listing(
        "bodies/index.html",
        "Bodies",
        "bodies",
        lambda: [("", [(site.link("body", b.id), b.sector.value if b.sector else "") for b in bodies])],
    )
    for body in bodies:
        lazy(
            f"bodies/{body.id}.html",
            "body.html.j2",
            f"{body.name} ({body.acronym})",
            partial(_variables, body_page, site, body),
        )
    report_links: list[tuple[Link, str]] = []
    for held in reports(loaded):
        title = f"Report to Council {held.year}"
        if report is None:
            continue
        markdown, docx = report(held.year)
        name = f"report-{held.year}.docx"
        (out / "reports").mkdir(parents=True, exist_ok=True)
        (out / "reports" / name).write_bytes(docx)
        shown = {"body": _report_body(markdown), "docx": name, "docx_size": f"{len(docx) // 1024} KB"}
        lists.append((f"reports/{held.year}.html", "report.html.j2", title, partial(dict, shown)))
        report_links.append((Link(title, f"reports/{held.year}.html"), held.document or ""))
    listing(
        "reports/index.html",
        "Reports to Council",
        "reports",
        lambda: [("", report_links)],
        "The yearly report of the Secretary-General to Council on the implementation of Resolution 191.",
    )
    listing(
        "search.html",
        "Search",
        "themes, resolutions, meetings and bodies",
        lambda: [
            ("Themes", [(site.link("theme", t.id), "theme") for t in themes]),
            ("Resolutions", [(site.link("resolution", r.id), r.title or "") for r in resolutions]),
            ("Meetings", [(site.link("meeting", m.id), m.venue or "") for m in meetings]),
            ("Bodies", [(site.link("body", b.id), b.acronym) for b in bodies]),
        ],
        "Every theme, resolution, meeting and body. Type to narrow the list.",
    )
    return lists + jobs


# A list page's groups: a heading (or none) and the records under it, each with a note.
Group = tuple[str, list[tuple[Link, str]]]


def _by_conference(site: Site, resolutions: list[Resolution]) -> list[Group]:
    """The resolutions under their conferences, in ITU's order of conferences, then by number."""
    groups: dict[str, list[tuple[Link, str]]] = {name: [] for name in CONFERENCE_NAMES.values()}
    for r in sorted(resolutions, key=lambda r: (list(CONFERENCE_NAMES).index(r.conference), r.number)):
        groups[CONFERENCE_NAMES[r.conference]].append((site.link("resolution", r.id), r.title or ""))
    return [(name, items) for name, items in groups.items() if items]
