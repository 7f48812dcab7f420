"""`res191 site`: the inter-Sector coordination web pages, built from the records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from res191.cli.common import (
    ROOT_OPTION,
    check_output,
    fail,
    load_valid,
    output_target,
    repository_root,
    say,
)
from res191.memory import freeze_for_the_end

if TYPE_CHECKING:
    from res191.loading.record import LoadedRecords


def site_command(
    output: Path | None = typer.Option(
        None, "--output", "-o", help="The folder to write. Default: site/ here.", file_okay=False
    ),
    on: str | None = typer.Option(
        None, "--on", help="Cite the editions in force on this day (YYYY-MM-DD). Default: today."
    ),
    lang: str = typer.Option(
        "all",
        "--lang",
        help="The languages to build, among ar, zh, en, fr, ru, es, separated by commas (en,fr), or all. "
        "English is always built: its pages are the site's top; each other language has a folder (fr/).",
    ),
    root: Path | None = ROOT_OPTION,
) -> None:
    """Build the web pages of inter-Sector coordination from the records: the themes with their focal points,
    resolutions and tracker, the mapping of resolutions, the tracker and the overlaps of every theme, the
    resolutions, meetings, bodies, positions, initiatives, documents and reports to Council, a search and the
    records to download (as `res191 export` writes them). Plain HTML and CSS that work from files or from
    any web server."""
    from res191.report.from_records import ReportError
    from res191.report.render import markdown_and_word
    from res191.site.build import build_site
    from res191.site.folder import NotASite
    from res191.site.languages import parse_languages

    try:
        day = date.fromisoformat(on) if on else date.today()
    except ValueError:
        raise fail(f"--on takes a date such as 2024-06-04, not {on!r}") from None
    try:
        languages = parse_languages(lang)
    except ValueError as problem:
        raise fail(f"--lang: {problem}") from None
    base = repository_root(root)
    target = output or output_target(base, "site")
    check_output(target, base, str(base / "site"))  # refused before the work, not after it
    loaded = load_valid(base, "the site").loaded
    assert loaded is not None
    freeze_for_the_end()
    try:
        pages = build_site(
            loaded, target, day, lambda year: markdown_and_word(loaded, year), _open_data, languages
        )
    except NotASite as problem:
        raise fail(str(problem)) from None
    except ReportError as problem:
        raise fail(f"a report cannot be made: {problem}") from None
    except OSError as error:
        raise fail(f"cannot write {target}: {error.strerror or error}") from None
    say(f"wrote {pages} pages to {target}")
    typer.echo(str(target / "index.html"))


def _open_data(loaded: LoadedRecords, day: date) -> dict[str, bytes]:
    """`res191 export`'s files, for the site to publish: imported where the site writes them (a worker
    process, while the others make pages), not before the pages are handed out."""
    from res191.editing.exchange import open_data

    return open_data(loaded, day)
