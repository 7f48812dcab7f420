"""Themes that rest on resolutions of several conferences: candidates to streamline."""

from __future__ import annotations

from collections.abc import Iterator

from res191.models import Conference, Resolution, Sector, Theme
from res191.overlaps.common import Entry, cite, sector_of
from res191.overlaps.findings import Finding, finding_id
from res191.wording import join_and


def theme_findings(
    themes: list[Entry[Theme]], resolutions: dict[str, Entry[Resolution]], year: int | None
) -> Iterator[Finding]:
    """One finding for each theme whose resolutions come from two conferences or more."""
    for theme in themes:
        cited = [resolutions[ref] for ref in theme.record.resolutions if ref in resolutions]
        conferences = sorted({r.record.conference for r in cited}, key=list(Conference).index)
        if len(conferences) < 2:
            continue
        sectors = sorted({s for r in cited if (s := r.record.conference.sector)}, key=list(Sector).index)
        names = join_and([c.value for c in conferences])
        under = "the PP resolution" if Conference.PP in conferences else "one resolution"
        title = theme.record.title
        if len(sectors) >= 2:
            kind = "streamline"
            names_of_sectors = [s.value for s in sectors]
            if len(names_of_sectors) == 2:
                lead = f"{names_of_sectors[0]} or {names_of_sectors[1]} leading and the other"
            else:
                listed = f"{', '.join(names_of_sectors[:-1])} and {names_of_sectors[-1]}"
                lead = f"one of {listed} leading and the others"
            proposal = (
                f"{title} rests on resolutions of {names}: consider streamlining them under {under}, "
                f"with {lead} contributing through their focal points."
            )
        else:
            kind = "several-conferences"
            proposal = (
                f"{title} rests on resolutions of {names}: when they are next revised, keep them aligned "
                f"with {under} and let them refer to it rather than repeat it."
            )
        members = (
            theme.member(title),
            *(r.member(cite(r.record, year), sector_of(r.record)) for r in cited),
        )
        evidence = tuple(cite(r.record, year) for r in cited)
        score = round(max(len(sectors), 1) / 3, 2)  # the share of the three Sectors involved
        yield Finding(finding_id(kind, [theme.id]), kind, members, score, evidence, proposal)
