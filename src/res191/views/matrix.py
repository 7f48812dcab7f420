"""`res191 matrix`: the themes against the conferences (the mapping of resolutions, cited as the records stand
on a day) and against the Sectors and the General Secretariat (the focal points), with the gaps marked."""

from __future__ import annotations

from datetime import date

from res191.checks.facts import resolution_facts, theme_facts
from res191.checks.themes import involved_sectors, standing_on
from res191.formats.tables import Table
from res191.loading.record import LoadedRecords
from res191.models import MAPPED_CONFERENCES, SECTOR_COLUMNS, Resolution, Theme
from res191.models.rested_on import rested_on

NONE = "-"
GAP = "MISSING"
UNCONFIRMED = "*"  # after a citation: the latest edition recorded, not confirmed in force on the day


def _involved(theme: Theme, loaded: LoadedRecords, on: date) -> set[str]:
    """The Sectors a theme involves on a day, as validate's I402 judges them (checks/themes.py): from the
    resolutions that stand then only."""
    cited = (loaded.get("resolution", ref, Resolution) for ref in theme.resolutions)
    resolutions = [resolution_facts(r) for r in cited if r is not None]
    return involved_sectors(theme_facts(theme), standing_on(resolutions, loaded.sessions(), on))


def _themes(loaded: LoadedRecords, on: date) -> list[Theme]:
    """The themes the tables show on a day: reported ones (not retired) that are themes by then."""
    return [t for t in loaded.all("theme", Theme).values() if t.reported_on(on)]


def mapping(loaded: LoadedRecords, on: date) -> Table:
    """Themes x conferences: each theme's resolutions, cited as the records stand on a day."""
    sessions = loaded.sessions()
    table = Table(f"Mapping of resolutions to themes as of {on.isoformat()}",
                  ["theme", *(c.value for c in MAPPED_CONFERENCES)])  # fmt: skip
    for theme in _themes(loaded, on):
        grouped = rested_on(
            theme, lambda ref: loaded.get("resolution", ref, Resolution), lambda r: r.cited(on, sessions)
        )
        cells = [
            "; ".join(f"{c.text}{'' if c.in_force else UNCONFIRMED}" for _, c in grouped.get(conference, []))
            for conference in MAPPED_CONFERENCES
        ]
        table.rows.append([theme.title, *(cell or NONE for cell in cells)])
    table.note = (
        f"{NONE}: no resolution of that conference recorded under the theme (none may exist, or none is "
        "recorded); "
        f"{UNCONFIRMED}: the latest edition recorded, not confirmed in force on {on.isoformat()} (the "
        "records do not account for every session of its conference up to that day: `res191 show ID` says "
        "which)"
    )
    return table


def focal_points(loaded: LoadedRecords, on: date) -> Table:
    """Themes x Sectors and the General Secretariat: the focal points, and where one is missing."""
    table = Table("Focal points by theme", ["theme", *(s.value for s in SECTOR_COLUMNS)])
    for theme in _themes(loaded, on):
        involved = _involved(theme, loaded, on)
        row = [theme.title]
        for sector in SECTOR_COLUMNS:
            named = [
                ", ".join(x for x in (f.name, f.role, f.unit) if x) or "appointed"
                for f in theme.focal_points
                if f.sector is sector
            ]
            row.append("; ".join(named) if named else GAP if sector.value in involved else NONE)
        table.rows.append(row)
    # "-" is not "not involved": the records show a Sector involved only through the resolutions, the
    # tracker and the lead recorded under the theme, which may be incomplete.
    table.note = (
        f"{GAP}: the theme involves that Sector but records no focal point for it; {NONE}: no focal point "
        "recorded, and nothing recorded under the theme (a resolution, an activity, its lead) involves that "
        "Sector"
    )
    return table


def matrix(loaded: LoadedRecords, on: date) -> list[Table]:
    """Both tables."""
    return [mapping(loaded, on), focal_points(loaded, on)]
