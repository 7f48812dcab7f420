"""Build the site: every page rendered from the records, written into a folder in one go.

The pages are plain HTML and CSS with relative links, so they work from a web server and from files on
a disk alike; a little JavaScript filters the lists and searches the site. The same records give the same
bytes: nothing depends on the clock but the day the pages speak of, which the caller gives.
"""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from res191.loading.of_day import records_of_day
from res191.loading.record import LoadedRecords
from res191.memory import collector_paused
from res191.models import Meeting
from res191.models.translations import ENGLISH, LANGUAGES, RIGHT_TO_LEFT
from res191.rendering.compiled import CompiledTemplates
from res191.rendering.templates import builtin_folder, environment, install_wording, render
from res191.site import languages, search
from res191.site.facts import Link, Site, make_site, report_title
from res191.site.folder import check_replaceable, digest, put_in_place, scratch_beside
from res191.site.jobs import MAKERS, RECORD_PAGES, Extra, Job, in_languages, jobs, page_title
from res191.site.languages import N_, badge, wording_of
from res191.site.markdown import report_html
from res191.site.pages import reports
from res191.workers import map_chunks

STATIC = ("site.css", "filter.js", "search.js")
OPEN_DATA = "open-data"  # the folder of the downloads (not data/: a folder holding data/ is never replaced)


SECTIONS = [
    ("index.html", N_("Home")),
    ("themes/index.html", N_("Themes")),
    ("resolutions/index.html", N_("Resolutions")),
    ("mapping.html", N_("Mapping")),
    ("tracker.html", N_("Tracker")),
    ("overlaps.html", N_("Overlaps")),
    ("meetings/index.html", N_("Meetings")),
    ("bodies/index.html", N_("Bodies")),
    ("positions.html", N_("Positions")),
    ("initiatives.html", N_("Initiatives")),
    ("documents.html", N_("Documents")),
    ("reports/index.html", N_("Reports to Council")),
    ("open-data.html", N_("Open data")),
]


_SECTION_PAGES = frozenset(href for href, _ in SECTIONS)


@functools.cache
def _menu(current: str | None, root: str, language: str) -> Markup:
    # Made once for each section, depth and language: every page of a site with 10,000 pages has the menu.
    words = wording_of(language)
    items = []
    for href, text in SECTIONS:
        mark = ' aria-current="page"' if href == current else ""
        items.append(
            Markup('<li><a href="{}{}"{}>{}</a></li>').format(root, href, Markup(mark), words.html(text))
        )
    return Markup("\n    ").join(items)


def _anchor(link: Link, root: str, language: str = ENGLISH) -> Markup:
    """A link to a page of the site from a page `root` below the top; plain text for a record with no page.
    A text in English on a page of another language says so (`lang="en"`), with a visible mark for a
    record's text."""
    # Put together from escaped parts rather than by Markup.format, which formats in Python: a site
    # of 10,000 pages has some 150,000 links.
    lang = f' lang="{link.lang}"' if link.lang else ""
    mark = badge(language) if link.badge else ""
    if link.rest:
        # The English name marked as such, then the rest in the page's language (a meeting's dates).
        text = f'<span lang="{link.lang}" dir="ltr">{escape(link.text)}</span>{mark}{escape(link.rest)}'
        if not link.href:
            return Markup(f'<span dir="auto">{text}</span>')
        return Markup(f'<a href="{escape(root + link.href)}" dir="auto">{text}</a>')
    if not link.href:
        return Markup(f'<span dir="auto"{lang}>{escape(link.text)}</span>{mark}')
    return Markup(f'<a href="{escape(root + link.href)}" dir="auto"{lang}>{escape(link.text)}</a>{mark}')


def _size(count: int) -> str:
    """A file's size as a reader reads it: `37 KB`, `1.6 MB`."""
    if count < 1024 * 1024:
        return f"{max(1, round(count / 1024))} KB"
    return f"{count / 1024 / 1024:.1f} MB"


def build_site(
    loaded: LoadedRecords,
    output: Path,
    today: date,
    report: Callable[[int], tuple[str, bytes]] | None,
    open_data: Callable[[LoadedRecords, date], dict[str, bytes]] | None = None,
    languages: Sequence[str] = tuple(LANGUAGES),
) -> int:
    """Write the site into output (replacing a site built before); return how many pages it has.

    report(year) gives a year's report as Markdown and as a Word file; open_data(records, day) the files of
    `res191 export` to publish beside the pages. The pages are made in each of `languages` (languages.py):
    English at the top, each other language in its own folder.
    """
    output = Path(os.path.abspath(output))  # `-o .` has no name to put the old site's beside
    check_replaceable(output, loaded.root)
    site = make_site(loaded, today)
    scratch = scratch_beside(output)
    try:
        extra = Extra(open_data=open_data, languages=tuple(languages))
        if report is not None:
            extra = _reports(site, scratch, report, extra)
        work, later = in_languages(jobs(site, extra), extra.languages)
        for language in extra.languages:
            env = _environment(language)
            for template in {job.template for job in work if job.template} | {
                "base.html.j2",
                "macros.html.j2",
            }:
                env.get_template(f"site/{template}")  # compiled once here, not once in each worker
        # Pages are rendered and written in worker processes on a large site, as validate reads files.
        # The context holds plain data only (the environment is made again where it is missing), so that
        # the processes can be started by fork or by spawn (macOS, Windows).
        context = (scratch, today, site, extra)
        made = map_chunks(_render, context, work)
        made.append(_render(context, later))  # pages that list what the others wrote (the open data's files)
        pages = sum(count for count, _ in made)
        for static in STATIC:
            shutil.copyfile(builtin_folder() / "site" / static, scratch / static)
        # The pages' digests come from the processes that wrote them: read back here, the files of a
        # large site took half a second, with the other core idle.
        known = {path: taken for _, written in made for path, taken in written.items()}
        put_in_place(scratch, output, known)
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
    return pages


def _reports(site: Site, out: Path, report: Callable[[int], tuple[str, bytes]], extra: Extra) -> Extra:
    """Write the Word file of each report to Council; what its page and the lists show of it."""
    links: list[tuple[Link, str]] = []
    pages: dict[str, dict[str, Any]] = {}
    latest = ""
    for held in reports(site.loaded, site.today):
        markdown, docx = report(held.year)
        name = f"report-{held.year}.docx"
        (out / "reports").mkdir(parents=True, exist_ok=True)
        (out / "reports" / name).write_bytes(docx)
        path = f"reports/{held.year}.html"
        title = report_title(held.year)[0]  # in English: each page's language names it (jobs._reports)
        pages[path] = {
            "title": title,
            "body": report_html(markdown),
            "docx": name,
            "docx_size": _size(len(docx)),
        }
        links.append((Link(title, path), held.document or ""))
        latest = latest or path  # the first is the latest written
    return replace(extra, reports=links, report_pages=pages, latest_report=latest)


# Compiled once for every language, and kept for the next build (rendering/compiled.py).
_COMPILED = CompiledTemplates()


@functools.cache
def _environment(language: str = ENGLISH) -> jinja2.Environment:
    """The site's templates in a language, once a process: made and compiled before the pages are handed
    out, a forked process inherits them; a spawned one makes its own. The language is the environment's
    (its wording, its dates, its marks of English), so that macros imported without context have it too."""
    env = environment(language=language)
    env.auto_reload = False  # the templates do not change during a build: no stat() of them for each page
    env.bytecode_cache = _COMPILED
    words = wording_of(language)
    install_wording(env, words.gettext, words.ngettext, language, words.known)
    env.globals["language"] = language
    env.globals["english_badge"] = badge(language)  # after a record's title shown in English
    env.filters["a"] = functools.partial(_anchor, language=language)
    env.filters["navigation"] = functools.partial(_navigation_in, language=language)
    env.filters["size"] = _size
    env.filters["tr"] = functools.partial(_record_text_in, language=language)
    env.filters["marked"] = functools.partial(languages.marked, language=language)
    env.filters["en"] = functools.partial(languages.english, language=language)
    env.filters["long_date"] = functools.partial(languages.long_date, language)
    env.filters["date_range"] = functools.partial(languages.date_range, language)
    env.filters["month_year"] = functools.partial(languages.month_year, language)
    return env


def _navigation_in(here: str, root: str, language: str) -> Markup:
    """The site's menu on a page, the page's own section marked."""
    return _menu(here if here in _SECTION_PAGES else None, root, language)


def _record_text_in(holder: Any, field: str, language: str) -> Markup:
    """`{{ theme | tr("description") }}`: a record's text in the page's language, else English, marked."""
    return languages.record_text(holder, field, language) if holder is not None else Markup("")


def _render(context: tuple[Path, date, Site, Extra], work: Sequence[Job]) -> tuple[int, dict[str, str]]:
    """Make some pages and files; how many pages, and the digest of each page by its path."""
    out, today, english, extra = context
    made: set[Path] = set()  # folders made already: one call each, not one a page
    sites: dict[str, Site] = {}
    pages = 0
    digests: dict[str, str] = {}
    with collector_paused():  # rendering makes no cycles (measured): nothing for the collector to free
        for job in work:
            site = sites.get(job.language) or sites.setdefault(job.language, english.speaking(job.language))
            target = out / languages.folder(job.language) / job.path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            as_of = languages.long_date(job.language, today)
            if job.maker == "search-index":
                target.write_bytes(search.script(search.entries(site, _outcomes(site)), as_of))
                continue
            if job.maker == "open-data":
                values = _open_data(site, extra, out)
            else:
                values = MAKERS[job.maker](site, job.key, extra)
            values.update(_frame(site, job, extra))
            values.update(built=as_of)
            values.setdefault("search", False)
            values.setdefault("index", False)
            values.setdefault("downloads", extra.open_data is not None)
            values.setdefault("as_of", site.today)
            content = render(_environment(job.language), f"site/{job.template}", values).encode("utf-8")
            target.write_bytes(content)
            digests[target.relative_to(out).as_posix()] = digest(content)
            pages += 1
    return pages, digests


def _frame(site: Site, job: Job, extra: Extra) -> dict[str, Any]:
    """What every page's frame shows: its title in its language, the way back to the top of its language
    (root) and of the site (top), and the same page in the other languages."""
    root = "../" * job.path.count("/")
    top = root if job.language == ENGLISH else root + "../"
    title, translated, rest = page_title(site, job)
    alternates = languages.page_languages(job.language, top, job.path, extra.languages)
    return {
        "title": title,
        "title_rest": rest,
        "title_lang": "" if translated else ENGLISH,
        # Marked visibly for a record's title, not for standing wording nor a citation (English's form).
        "title_badge": translated is False and job.maker in RECORD_PAGES,
        "root": root,
        "top": top,
        "here": job.path,
        "rtl": job.language in RIGHT_TO_LEFT,
        "alternates": alternates if len(extra.languages) > 1 else [],
    }


def _outcomes(site: Site) -> dict[str, str]:
    """The text of each meeting's outcome, for the search index: of those over by the site's day."""
    found = {}
    for record in site.loaded.of_kind("meeting"):
        meeting = record.record
        if isinstance(meeting, Meeting) and record.body.strip() and meeting.held_by(site.today):
            found[record.id] = record.body
    return found


def _open_data(site: Site, extra: Extra, out: Path) -> dict[str, Any]:
    """Write `res191 export`'s files into the site (once, from the English page's job); the open data
    page's variables (the other languages' pages list the files written)."""
    assert extra.open_data is not None
    if site.language == ENGLISH:
        # The records as they stood on the day, as the pages show them (loading/of_day.py).
        files = extra.open_data(records_of_day(site.loaded, site.today), site.today)
        for name, content in files.items():
            target = out / OPEN_DATA / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        sizes = {name: len(content) for name, content in files.items()}
    else:
        found = (p for p in (out / OPEN_DATA).rglob("*") if p.is_file())
        sizes = {p.relative_to(out / OPEN_DATA).as_posix(): p.stat().st_size for p in found}
    shown = [(f"{OPEN_DATA}/{name}", name, _size(size)) for name, size in sorted(sizes.items())]
    return {"files": shown, "as_of": site.today}
