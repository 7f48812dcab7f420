"""`res191 list KIND`: the records of a kind, one a row, filtered by Sector, conference, theme, year, status
or body; each row says where the record is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from res191.formats.tables import Table
from res191.loading.of_day import records_of_day
from res191.loading.record import LoadedRecord, LoadedRecords
from res191.models import (
    Body,
    Conference,
    Document,
    Glossary,
    Initiative,
    Meeting,
    Position,
    Report,
    Resolution,
    Sector,
    Theme,
)


@dataclass(frozen=True)
class Filters:
    """What to keep: each filter given must match; None means any."""

    sector: str | None = None
    conference: str | None = None
    theme: str | None = None
    year: int | None = None
    status: str | None = None
    body: str | None = None

    def given(self) -> dict[str, Any]:
        """The filters asked for, by name."""
        return {k: v for k, v in self.__dict__.items() if v is not None}


class FilterProblem(Exception):
    """A filter that does not apply to a kind of record."""


Match = Callable[[Any, Any, LoadedRecords], bool]


def _themes_of(kind: str, record_id: str, loaded: LoadedRecords) -> set[str]:
    themes = loaded.all("theme", Theme)
    if kind == "resolution":
        return {t.id for t in themes.values() if record_id in t.resolutions}
    return set()


def _resolution_sectors(r: Resolution, value: str, loaded: LoadedRecords) -> bool:
    return value in {s.value for s in r.concerned_sectors}


def _theme_sectors(t: Theme, value: str, loaded: LoadedRecords) -> bool:
    involved = {a.sector.value for a in t.tracker} | {f.sector.value for f in t.focal_points}
    involved |= {t.lead.value} if t.lead else set()
    for ref in t.resolutions:
        resolution = loaded.get("resolution", ref, Resolution)
        if resolution is not None:
            involved |= {s.value for s in resolution.concerned_sectors}
    return value in involved


@dataclass(frozen=True)
class Listing:
    """How one kind of record is listed: its columns, a row, and the filters that apply."""

    model: type[Any]
    columns: list[str]
    row: Callable[[Any, LoadedRecords, date], list[str]]
    filters: dict[str, Match]


def _cited(r: Resolution, loaded: LoadedRecords, on: date) -> list[str]:
    """The citation on the day (in force, or the latest recorded with what is not confirmed) and its title."""
    found = r.cited(on, loaded.sessions())
    title = found.title or ""
    return [f"{r.conference.value} {found}", title]


def _chair(body: Body, on: date) -> str:
    """Who the records show chairing a body on the day, or nothing."""
    chair = body.chair_on(on)
    return ", ".join(x for x in (chair.name, chair.role) if x) if chair else ""


LISTINGS: dict[str, Listing] = {
    "resolution": Listing(
        Resolution,
        ["id", "citation", "title"],
        lambda r, loaded, on: [r.id, *_cited(r, loaded, on)],
        {
            "sector": _resolution_sectors,
            "conference": lambda r, v, loaded: r.conference.value.lower() == str(v).lower(),
            "theme": lambda r, v, loaded: v in _themes_of("resolution", r.id, loaded),
            "year": lambda r, v, loaded: any(e.year == v for e in r.editions),
        },
    ),
    "theme": Listing(
        Theme,
        ["id", "title", "status", "resolutions", "ISCG topic in"],
        lambda t, loaded, on: [
            t.id,
            t.title,
            t.status or "",
            ", ".join(t.resolutions),
            ", ".join(str(y) for y in t.iscg_topic_years),
        ],
        {
            "sector": _theme_sectors,
            "conference": lambda t, v, loaded: any(
                (r := loaded.get("resolution", ref, Resolution)) is not None
                and r.conference.value.lower() == v.lower()
                for ref in t.resolutions
            ),
            "year": lambda t, v, loaded: v in t.iscg_topic_years or any(a.year == v for a in t.tracker),
            "status": lambda t, v, loaded: t.status == v,
        },
    ),
    "meeting": Listing(
        Meeting,
        ["id", "body", "dates", "venue", "topics"],
        lambda m, loaded, on: [
            m.id,
            m.body,
            m.start.isoformat() + (f" to {m.end.isoformat()}" if m.end and m.end != m.start else ""),
            m.venue or "",
            ", ".join(m.topics),
        ],
        {
            "body": lambda m, v, loaded: m.body == v,
            "theme": lambda m, v, loaded: v in m.topics,
            "year": lambda m, v, loaded: m.start.year == v,
        },
    ),
    "body": Listing(
        Body,
        ["id", "acronym", "name", "sector", "chair on the day"],
        lambda b, loaded, on: [
            b.id,
            b.acronym,
            b.name,
            b.sector.value if b.sector else "",
            _chair(b, on),
        ],
        {"sector": lambda b, v, loaded: b.sector is not None and b.sector.value == v},
    ),
    "report": Listing(
        Report,
        ["id", "year", "Council session", "document"],
        lambda r, loaded, on: [r.id, str(r.year), r.council_session, r.document or ""],
        {"year": lambda r, v, loaded: r.year == v},
    ),
    "initiative": Listing(
        Initiative,
        ["id", "body", "title", "years"],
        lambda i, loaded, on: [
            i.id,
            i.body,
            i.title,
            ", ".join(f"{y.year}" + (f" ({y.status})" if y.status else "") for y in i.years),
        ],
        {
            "body": lambda i, v, loaded: i.body == v,
            "theme": lambda i, v, loaded: v in i.themes,
            "year": lambda i, v, loaded: any(y.year == v for y in i.years),
            "status": lambda i, v, loaded: any(y.status == v for y in i.years),
        },
    ),
    "position": Listing(
        Position,
        ["id", "body", "year", "kind", "text"],
        lambda p, loaded, on: [p.id, p.body, str(p.year), p.kind, p.text],
        {
            "body": lambda p, v, loaded: p.body == v,
            "theme": lambda p, v, loaded: v in p.themes,
            "year": lambda p, v, loaded: p.year == v,
        },
    ),
    "document": Listing(
        Document,
        ["id", "number", "kind", "about"],
        lambda d, loaded, on: [d.id, d.number, d.kind, d.about or d.title or ""],
        {},
    ),
    "glossary": Listing(
        Glossary,
        ["id", "title", "entries"],
        lambda g, loaded, on: [g.id, g.title, ", ".join(e.term for e in g.entries)],
        {},
    ),
}


def list_records(loaded: LoadedRecords, kind: str, filters: Filters, on: date) -> Table:
    """The valid records of a kind that pass the filters, with where each is, as of a day: the records as
    they stood on it (loading/of_day.py, as the site's open data of the day holds them: no theme, report,
    position, initiative or document not known then, no edition adopted later, no later year), resolutions
    cited as the records stand on it."""
    listing = LISTINGS[kind]
    loaded = records_of_day(loaded, on)
    unknown = [name for name in filters.given() if name not in listing.filters]
    if unknown:
        usable = ", ".join(f"--{n}" for n in listing.filters) or "none"
        raise FilterProblem(f"--{unknown[0]} does not apply to {kind} records; the filters that do: {usable}")
    if filters.conference is not None and filters.conference.upper() not in {
        c.value.upper() for c in Conference
    }:
        raise FilterProblem(f"--conference takes one of: {', '.join(c.value for c in Conference)}")
    if filters.sector is not None:
        # As --conference: any case, and a Sector that is not one is refused, not an empty list.
        sector = next((s for s in Sector if s.value.upper() == filters.sector.upper()), None)
        if sector is None:
            raise FilterProblem(f"--sector takes one of: {', '.join(s.value for s in Sector)}")
        filters = replace(filters, sector=sector.value)
    rows = []
    for record in loaded.of_kind(kind):
        model = record.record
        if not isinstance(model, listing.model):
            continue
        if all(listing.filters[name](model, value, loaded) for name, value in filters.given().items()):
            rows.append([*listing.row(model, loaded, on), place(record)])
    count = len(rows)
    given = [f"{k} {v}" for k, v in filters.given().items()]
    title = f"{kind.capitalize()} records as of {on.isoformat()}"
    title += f" ({', '.join(given)})" if given else ""
    return Table(title, [*listing.columns, "file"], rows, f"{count} record{'s' if count != 1 else ''}")


def place(record: LoadedRecord) -> str:
    """Where a record is: `data/themes/accessibility.yaml:2`."""
    return f"{record.shown}:{record.locate(('id',))[0]}"
