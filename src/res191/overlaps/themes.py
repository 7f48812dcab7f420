"""Themes that rest on resolutions of several conferences: what they rest on, and what to streamline.

Each finding says what is particular to its theme: the conferences and Sectors its resolutions come from,
the Sectors with none, the resolutions whose edition is older than the theme's latest, and which of them
cite another; the proposal follows from those facts (streamline under the PP resolution where there is
one; align the older editions when next revised).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from res191.models import Conference, Resolution, Sector, Theme
from res191.overlaps.common import AsOf, Entry, sector_of
from res191.overlaps.findings import Action, Finding, finding_id
from res191.overlaps.who import ISC_TF
from res191.wording import join_and, long_date

_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
# "Resolution 191", "WTDC Resolution 59", "Resolution ITU-R 75": how one resolution's text cites another.
_CITED = re.compile(
    r"\b(?:(?P<conference>PP|WTSA|WTDC|RA|WRC|Council)\s+)?Resolution\s+(?P<itur>ITU-R\s+)?"
    r"(?P<number>[0-9]+[A-Z]?)(?P<rest>[^;]{0,60})"
)


def cited_by(theme: Theme, resolutions: Mapping[str, Entry[Resolution]]) -> list[Entry[Resolution]]:
    """The resolutions a theme rests on, as recorded, once each."""
    return [resolutions[ref] for ref in dict.fromkeys(theme.resolutions) if ref in resolutions]


def theme_anchor(
    theme: Theme, resolutions: Mapping[str, Entry[Resolution]], as_of: AsOf
) -> Resolution | None:
    """The resolution a theme's work is anchored under, which its others would refer to (AsOf.keeper),
    where the theme rests on resolutions of two conferences or more; None otherwise."""
    return _anchor_of(cited_by(theme, resolutions), as_of)


def _anchor_of(cited: list[Entry[Resolution]], as_of: AsOf) -> Resolution | None:
    if len({r.record.conference for r in cited}) < 2:
        return None
    return as_of.keeper([r.record for r in cited])


def theme_findings(
    themes: list[Entry[Theme]],
    resolutions: dict[str, Entry[Resolution]],
    as_of: AsOf,
    proposed_for: Mapping[str, Sequence[str]] | None = None,
    alike: Callable[[str, str], bool] | None = None,
    referred: Mapping[str, str] | None = None,
) -> Iterator[Finding]:
    """One finding for each theme whose resolutions come from two conferences or more.

    proposed_for: the resolutions the same run proposes for each theme, by theme id, which the finding
    names. alike: whether two resolutions' texts are alike, by id, where the run reads them: only a
    resolution alike the one the theme's work is anchored under is asked to refer to it (a theme may hold
    several subjects: WTDC 38, on youth, is not asked to refer to PP 70, on gender). referred: the text
    each resolution is asked to refer to by the same run's duplicates, by citation: never asked to refer
    to another here."""
    for theme in themes:
        cited = cited_by(theme.record, resolutions)
        anchor = _anchor_of(cited, as_of)
        if anchor is None:
            continue
        conferences = sorted({r.record.conference for r in cited}, key=list(Conference).index)
        sectors: list[Sector] = [
            s for s in Sector if s is not Sector.GS and any(_sector(r) is s for r in cited)
        ]
        kind = "streamline" if len(sectors) >= 2 else "several-conferences"
        older = _older(cited, anchor, as_of, alike)
        facts = _facts(theme.record, cited, conferences, sectors, as_of, older)
        more = (proposed_for or {}).get(theme.id, [])
        if more:
            facts.append(f"This run also proposes adding {join_and(list(more))} to it (a mapping).")
        lead = theme_lead(theme.record.lead, [r.record for r in cited], as_of)
        actions = _actions(theme.record, cited, anchor, lead, as_of, alike, referred or {})
        words = _proposal(kind, as_of.cite(anchor), lead, older=older is not None)
        proposal = " ".join([*facts, words, *(a.sentence for a in actions)])
        members = (
            theme.member(theme.record.title),
            *(r.member(as_of.cite(r.record), sector_of(r.record)) for r in cited),
        )
        evidence = tuple(as_of.cite(r.record) for r in cited)
        # A fact of the records, not a likeness of texts: no score.
        yield Finding(finding_id(kind, [theme.id]), kind, members, None, evidence, proposal, (), actions)


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
    # An absence is a fact only where the theme's list is declared complete, with a source, and no session
    # of the Sector's conferences came since (Theme.has_none_of); otherwise the records simply hold none
    # (ITU's Sectors have resolutions the records do not list).
    complete = theme.complete_on(as_of.on)
    conferences_of = {s: [c for c in Conference if c.sector and c.sector.value == s] for s in missing}
    none = [
        s for s in missing if all(theme.has_none_of(c, as_of.on, as_of.sessions) for c in conferences_of[s])
    ]
    unknown = [s for s in missing if s not in none]
    if not present:
        facts.append("No resolution of a Sector's conference is recorded under it.")
    elif missing:
        # "ITU-D has a resolution" is one: with two of them, it has resolutions.
        many = max(sum(_sector(r) is s for r in cited) for s in sectors) > 1
        verb = ("have" if len(present) > 1 else "has") + (" resolutions" if many else " a resolution")
        absent = []
        if none and complete is not None:
            absent.append(
                f"{join_and(none)} {'has' if len(none) == 1 else 'have'} none (the theme's list is "
                f"complete as of {long_date(complete.as_of)}, according to {complete.source})"
            )
        if unknown:
            absent.append(f"no {join_and(unknown, 'or')} resolution is recorded")
        facts.append(f"{join_and(present)} {verb} recorded under it; {'; '.join(absent)}.")
    else:
        facts.append("A resolution of each of the three Sectors is recorded under it.")
    if older:
        facts.append(older)
    citing = _citing(cited, as_of)
    if citing:
        facts.append("; ".join(citing) + ".")
    return facts


@dataclass(frozen=True)
class Lead:
    """Who leads a theme's work, and why the records say so."""

    name: str  # ITU-D, or the General Secretariat
    why: str


def theme_lead(
    recorded: str | None, cited: Sequence[Resolution], as_of: AsOf, among: str = "recorded under it"
) -> Lead:
    """The one lead the records support: the lead recorded on the theme (recorded, a Sector's code, where
    there is a theme); else the General Secretariat where
    a PP resolution of the theme calls for coordination and names it or instructs the Secretary-General;
    else the Sector whose conferences adopted most of the theme's resolutions (the latest edition breaking
    a tie); else, with only PP and Council resolutions, the General Secretariat."""
    if recorded is not None:
        return Lead(_in_words(recorded), "the lead recorded on the theme")
    for resolution in cited:
        if resolution.conference is Conference.PP and resolution.calls_for_coordination:
            # What the edition cited instructs: a later edition's instructions are not yet given on the day.
            instructs = any(i.to == "Secretary-General" for i in as_of.edition(resolution).instructs)
            if Sector.GS in resolution.sectors or instructs:
                why = "instructs the Secretary-General" if instructs else "names the General Secretariat"
                return Lead(
                    "the General Secretariat",
                    f"{as_of.cite(resolution)} calls for coordination among the Sectors and {why}",
                )
    counted: dict[Sector, list[Resolution]] = {}
    for resolution in cited:
        if (sector := resolution.conference.sector) is not None:
            counted.setdefault(sector, []).append(resolution)
    if not counted:
        return Lead("the General Secretariat", f"only PP and Council resolutions are {among}")
    most = max(len(r) for r in counted.values())
    tied = [s for s in Sector if len(counted.get(s, [])) == most]
    if len(tied) == 1 and most == 1:
        (only,) = counted[tied[0]]
        why = f"{as_of.cite(only)} is the only resolution of a Sector's conference {among}"
        return Lead(tied[0].value, why)
    if len(tied) == 1:
        return Lead(
            tied[0].value,
            f"{_NUMBERS.get(most, str(most))} of the resolutions {among} are of its conferences, more than "
            "of any other Sector's",
        )
    compared = [r for s in tied for r in counted[s]]
    latest = max(compared, key=lambda r: (as_of.edition(r).year, r.order))
    sector = latest.conference.sector
    assert sector is not None
    return Lead(
        sector.value,
        f"{join_and([s.value for s in tied])} have as many resolutions {among}, and "
        f"{as_of.cite(latest)} is {as_of.latest(compared)} of them",
    )


def _in_words(sector: str) -> str:
    return "the General Secretariat" if sector == Sector.GS.value else sector


def _proposal(kind: str, anchor: str, lead: Lead, older: bool) -> str:
    """What to do about it, in one sentence."""
    align = ", aligning the older editions with it when they are next revised" if older else ""
    led = f"{lead.name} leading ({lead.why}) and the others contributing through the theme's focal points"
    if kind == "streamline":
        return f"Consider streamlining the theme's work under {anchor}, with {led}{align}."
    return f"Consider keeping the theme's work under {anchor}, with {led}{align}."


def _actions(
    theme: Theme,
    cited: list[Entry[Resolution]],
    anchor: Resolution,
    lead: Lead,
    as_of: AsOf,
    alike: Callable[[str, str], bool] | None,
    referred: Mapping[str, str],
) -> tuple[Action, ...]:
    """The ISC-TF, which keeps the themes and their focal points, for the lead; and each conference whose
    resolutions alike the anchor would refer to it, at its next session (none where texts are not read,
    nor for a resolution a duplicate finding asks to refer to another text)."""
    anchor_label = as_of.cite(anchor)
    anchor_id = next(r.id for r in cited if r.record is anchor)
    actions = [
        Action(
            f"name {lead.name} the lead of the theme “{theme.title}”",
            tuple(as_of.cite(r.record) for r in cited),
            as_of.calendar.name(ISC_TF),
            as_of.next(ISC_TF),
        )
    ]
    for conference in Conference:
        acted_on = [
            r.record
            for r in cited
            if r.record.conference is conference
            and r.record is not anchor
            and alike is not None
            and alike(r.id, anchor_id)
            and referred.get(as_of.cite(r.record), anchor_label) == anchor_label
        ]
        if acted_on:
            own = [as_of.cite(r) for r in acted_on]
            # A conference's own texts on one subject are merged, not made to refer to each other.
            them = "it" if len(own) == 1 else "them"
            do = (
                f"merge {join_and(own)} into {anchor_label}, or suppress {them}"
                if conference is anchor.conference
                else f"revise {join_and(own)} to refer to {anchor_label} rather than repeat {them}"
            )
            actions.append(
                Action(
                    do,
                    (*own, anchor_label),
                    as_of.calendar.name(conference.body_id),
                    as_of.next(conference.body_id),
                    anchor_label,
                    as_of.check_first([*acted_on, anchor]),
                )
            )
    return tuple(actions)


def _older(
    cited: list[Entry[Resolution]],
    anchor: Resolution,
    as_of: AsOf,
    alike: Callable[[str, str], bool] | None,
) -> str | None:
    """Which resolutions' editions are older than the one they would be aligned with, the anchor's: where
    the run reads the texts, only those alike it (a theme may hold several subjects: PP 123, on the
    standardization gap, is not aligned with PP 177, on conformance)."""
    anchor_id = next(r.id for r in cited if r.record is anchor)
    older = [
        as_of.cite(r.record)
        for r in cited
        if as_of.predates(r.record, anchor) and (alike is None or alike(r.id, anchor_id))
    ]
    if not older:
        return None
    return f"{join_and(older)} {'predates' if len(older) == 1 else 'predate'} {as_of.cite(anchor)}."


def _citing(cited: list[Entry[Resolution]], as_of: AsOf) -> list[str]:
    """`WTDC Resolution 59 (Rev. Kigali, 2022) cites PP Resolution 191 (...)`, from recorded texts."""
    found = []
    for resolution in cited:
        text = " ".join(
            filter(
                None,
                [
                    resolution.record.text,
                    # What the edition cited instructs, as theme_lead reads it: not a superseded one's.
                    *(i.action for i in as_of.edition(resolution.record).instructs),
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
