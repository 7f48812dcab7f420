"""`res191 matrix`: the themes against the conferences (the mapping of resolutions, editions in force) and
against the Sectors and the General Secretariat (the focal points), with the gaps marked."""

from __future__ import annotations

from datetime import date

from res191.loading.record import LoadedRecords
from res191.models import MAPPED_CONFERENCES, SECTOR_COLUMNS, Meeting, Resolution, Theme, conference_ends
from res191.views.tables import Table

NONE = "-"
GAP = "MISSING"


def _involved(theme: Theme, loaded: LoadedRecords) -> set[str]:
    involved = {a.sector.value for a in theme.tracker} | ({theme.lead.value} if theme.lead else set())
    for ref in theme.resolutions:
        resolution = loaded.get("resolution", ref, Resolution)
        if resolution is not None:
            involved |= {s.value for s in resolution.concerned_sectors}
    return involved


def mapping(loaded: LoadedRecords, on: date) -> Table:
    """Themes x conferences: each theme's resolutions, cited in the edition in force on a day."""
    ends = conference_ends((m.body, m.end or m.start) for m in loaded.all("meeting", Meeting).values())
    table = Table(f"Mapping of resolutions to themes (editions in force on {on.isoformat()})",
                  ["theme", *(c.value for c in MAPPED_CONFERENCES)])  # fmt: skip
    for theme in loaded.all("theme", Theme).values():
        if theme.status == "retired":
            continue
        cells: dict[str, list[str]] = {c.value: [] for c in MAPPED_CONFERENCES}
        for ref in theme.resolutions:
            resolution = loaded.get("resolution", ref, Resolution)
            if resolution is not None and resolution.conference.value in cells:
                cells[resolution.conference.value].append(resolution.citation_on(on, ends))
        table.rows.append([theme.title, *("; ".join(cells[c.value]) or NONE for c in MAPPED_CONFERENCES)])
    table.note = f"{NONE}: no resolution of that conference recorded under the theme"
    return table


def focal_points(loaded: LoadedRecords) -> Table:
    """Themes x Sectors and the General Secretariat: the focal points, and where one is missing."""
    table = Table("Focal points by theme", ["theme", *(s.value for s in SECTOR_COLUMNS)])
    for theme in loaded.all("theme", Theme).values():
        if theme.status == "retired":
            continue
        involved = _involved(theme, loaded)
        row = [theme.title]
        for sector in SECTOR_COLUMNS:
            named = [
                ", ".join(x for x in (f.name, f.role, f.unit) if x) or "appointed"
                for f in theme.focal_points
                if f.sector is sector
            ]
            row.append("; ".join(named) if named else GAP if sector.value in involved else NONE)
        table.rows.append(row)
    table.note = (
        f"{GAP}: the theme involves that Sector but records no focal point for it; {NONE}: not involved"
    )
    return table


def matrix(loaded: LoadedRecords, on: date) -> list[Table]:
    """Both tables."""
    return [mapping(loaded, on), focal_points(loaded)]
