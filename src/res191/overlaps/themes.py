"""Themes that rest on resolutions of several conferences: what they rest on, and what to streamline.

Each finding says what is particular to its theme: the conferences and Sectors its resolutions come from,
the Sectors with none, the resolutions whose edition is older than the theme's latest, and which of them
cite another; the proposal follows from those facts (streamline under the PP resolution where there is
one; align the older editions when next revised).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from res191.models import Conference, Resolution, Sector, Theme
from res191.overlaps.common import AsOf, Entry, sector_of
from res191.overlaps.findings import Finding, finding_id
from res191.wording import join_and, long_date

_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
# "Resolution 191", "WTDC Resolution 59", "Resolution ITU-R 75": how one resolution's text cites another.
_CITED = re.compile(
    r"\b(?:(?P<conference>PP|WTSA|WTDC|RA|WRC|Council)\s+)?Resolution\s+(?P<itur>ITU-R\s+)?"
    r"(?P<number>[0-9]+[A-Z]?)(?P<rest>[^;]{0,60})"
)


def theme_findings(
    themes: list[Entry[Theme]], resolutions: dict[str, Entry[Resolution]], as_of: AsOf
) -> Iterator[Finding]:
    """One finding for each theme whose resolutions come from two conferences or more."""
    for theme in themes:
        cited = [resolutions[ref] for ref in dict.fromkeys(theme.record.resolutions) if ref in resolutions]
        conferences = sorted({r.record.conference for r in cited}, key=list(Conference).index)
        if len(conferences) < 2:
            continue
        sectors: list[Sector] = [
            s for s in Sector if s is not Sector.GS and any(_sector(r) is s for r in cited)
        ]
        kind = "streamline" if len(sectors) >= 2 else "several-conferences"
        older = _older(cited, as_of)
        facts = _facts(theme.record, cited, conferences, sectors, as_of, older)
        proposal = " ".join([*facts, _proposal(kind, cited, sectors, as_of, older=older is not None)])
        members = (
            theme.member(theme.record.title),
            *(r.member(as_of.cite(r.record), sector_of(r.record)) for r in cited),
        )
        evidence = tuple(as_of.cite(r.record) for r in cited)
        score = round(max(len(sectors), 1) / 3, 2)  # the share of the three Sectors involved
        yield Finding(finding_id(kind, [theme.id]), kind, members, score, evidence, proposal)


def _facts(
    theme: Theme,
    cited: list[Entry[Resolution]],
    conferences: list[Conference],
    sectors: list[Sector],
    as_of: AsOf,
    older: str | None,
) -> list[str]:
    """Sentences of what a theme rests on, particular to it (older: which editions predate which)."""
    count = _NUMBERS.get(len(cited), str(len(cited)))
    of = join_and([_name(c) for c in conferences])
    facts = [f"The theme “{theme.title}” rests on {count} resolutions recorded, of {of}."]
    missing = [s.value for s in Sector if s is not Sector.GS and s not in sectors]
    present = [s.value for s in sectors]
    # An absence is a fact only where the theme's list is declared complete, with a source; otherwise the
    # records simply hold none (ITU's Sectors have resolutions the records do not list).
    complete = theme.resolutions_complete
    if not present:
        facts.append("No resolution of a Sector's conference is recorded under it.")
    elif missing:
        verb = "has" if len(present) == 1 else "have"
        if complete is not None:
            absent = (
                f"{join_and(missing)} {'has' if len(missing) == 1 else 'have'} none (the theme's list is "
                f"complete as of {long_date(complete.as_of)}, according to {complete.source})"
            )
        else:
            absent = f"no {join_and(missing, 'or')} resolution is recorded"
        facts.append(f"{join_and(present)} {verb} a resolution recorded under it; {absent}.")
    else:
        facts.append("A resolution of each of the three Sectors is recorded under it.")
    if older:
        facts.append(older)
    citing = _citing(cited, as_of)
    if citing:
        facts.append("; ".join(citing) + ".")
    return facts


def _proposal(
    kind: str, cited: list[Entry[Resolution]], sectors: list[Sector], as_of: AsOf, older: bool
) -> str:
    """What to do about it, in one sentence."""
    anchor = _anchor(cited, as_of)
    if kind == "streamline":
        names = [s.value for s in sectors]
        lead = (
            f"{names[0]} or {names[1]} leading and the other"
            if len(names) == 2
            else f"one of {join_and(names)} leading and the others"
        )
        align = ", and aligning the older editions with it when they are next revised" if older else ""
        return (
            f"Consider streamlining them {anchor}, with {lead} contributing through the theme's focal "
            f"points{align}."
        )
    if sectors:
        of_sector = [as_of.cite(r.record) for r in cited if r.record.conference.sector]
        one = len(of_sector) == 1
        return (
            f"When {join_and(of_sector)} {'is' if one else 'are'} next revised, consider letting "
            f"{'it' if one else 'them'} refer to what is agreed {anchor} rather than repeat it, and "
            "inviting the other Sectors' focal points to contribute."
        )
    return (
        f"Consider keeping the theme's work {anchor}, and asking the Sectors' focal points to report on it."
    )


def _anchor(cited: list[Entry[Resolution]], as_of: AsOf) -> str:
    """Where the theme's work is best anchored: its PP resolution, where there is one."""
    pp = [as_of.cite(r.record) for r in cited if r.record.conference is Conference.PP]
    if len(pp) == 1:
        return f"under {pp[0]}"
    if pp:
        return f"under one of the theme's {_NUMBERS.get(len(pp), str(len(pp)))} PP resolutions"
    return "under one resolution, of the conference of the Sector that leads"


def _older(cited: list[Entry[Resolution]], as_of: AsOf) -> str | None:
    """Which resolutions' editions are older than the one they would be aligned with: the theme's PP
    resolution where it has one, else its latest edition."""
    editions = [(r, as_of.edition(r.record)) for r in cited]
    pp = [(r, e) for r, e in editions if r.record.conference is Conference.PP]
    if len(pp) == 1:
        reference, newest = as_of.cite(pp[0][0].record), pp[0][1].year
        older = [as_of.cite(r.record) for r, e in editions if e.year < newest]
    else:
        newest = max(e.year for _, e in editions)
        latest = [as_of.cite(r.record) for r, e in editions if e.year == newest]
        reference = (
            f"the theme's latest edition, {latest[0]}"
            if len(latest) == 1
            else f"the theme's latest editions, of {newest}"
        )
        older = [as_of.cite(r.record) for r, e in editions if e.year < newest]
    if not older:
        return None
    return f"{join_and(older)} {'predates' if len(older) == 1 else 'predate'} {reference}."


def _citing(cited: list[Entry[Resolution]], as_of: AsOf) -> list[str]:
    """`WTDC Resolution 59 (Rev. Kigali, 2022) cites PP Resolution 191 (...)`, from recorded texts."""
    found = []
    for resolution in cited:
        text = " ".join(
            filter(
                None,
                [
                    resolution.record.text,
                    *(i.action for e in resolution.record.editions for i in e.instructs),
                ],
            )
        )
        quoted = {
            as_of.cite(other.record)
            for match in _CITED.finditer(text)
            for other in cited
            if other is not resolution and _is_cited(match, resolution.record, other.record)
        }
        if quoted:
            found.append(f"{as_of.cite(resolution.record)} cites {join_and(sorted(quoted))}")
    return found


def _is_cited(match: re.Match[str], citing: Resolution, other: Resolution) -> bool:
    """Whether a citation in one resolution's text is of the other resolution."""
    if match.group("number") != other.number.removeprefix("ITU-R ").split("-")[0]:
        return False
    if match.group("itur"):
        conference = Conference.RA
    elif match.group("conference"):
        conference = Conference(match.group("conference"))
    elif "of the Plenipotentiary Conference" in match.group("rest").split("Resolution")[0]:
        conference = Conference.PP
    else:
        conference = citing.conference
    return conference is other.conference


def _sector(resolution: Entry[Resolution]) -> Sector | None:
    return resolution.record.conference.sector


def _name(conference: Conference) -> str:
    return "the Council" if conference is Conference.COUNCIL else conference.value
