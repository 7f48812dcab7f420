"""Tracker activities that overlap: several Sectors on one theme in a year, or alike across themes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from res191.models import SECTOR_COLUMNS, Sector, Theme
from res191.models.theme import Activity
from res191.overlaps.common import Entry, link, quoted
from res191.overlaps.findings import Finding, Member, finding_id
from res191.overlaps.similarity import Corpus, Reader
from res191.wording import join_and, upper_first


@dataclass(frozen=True)
class TrackedActivity:
    """An activity of the tracker, with its theme and its place in the theme's file."""

    theme: Entry[Theme]
    index: int
    activity: Activity

    @property
    def key(self) -> str:
        return f"{self.theme.id}#{self.index}"

    @property
    def label(self) -> str:
        return f"{self.activity.sector.value}: {self.activity.title} ({self.activity.year})"

    @property
    def described(self) -> str:
        """`the ITU-T activity “Workshop” (2024), under the theme “Smart cities”`, for a sentence."""
        sector = self.activity.sector
        whose = (
            "the General Secretariat's activity" if sector is Sector.GS else f"the {sector.value} activity"
        )
        return (
            f"{whose} “{self.activity.title}” ({self.activity.year}), under the theme "
            f"“{self.theme.record.title}”"
        )

    def member(self) -> Member:
        member = self.theme.member(self.label, self.activity.sector.value, ("tracker", self.index))
        return Member("activity", self.key, member.label, member.path, member.line, member.sector)


def tracked(themes: list[Entry[Theme]], year: int | None) -> list[TrackedActivity]:
    """Every activity of every theme's tracker, of one year if given."""
    return [
        TrackedActivity(theme, index, activity)
        for theme in themes
        for index, activity in enumerate(theme.record.tracker)
        if year is None or activity.year == year
    ]


# How the Sectors are named in a sentence: the General Secretariat by name, not by its code (GS).
_IN_A_SENTENCE = {Sector.GS.value: "the General Secretariat"}


def joint_work(activities: list[TrackedActivity]) -> Iterator[Finding]:
    """Activities of two Sectors or more (the General Secretariat counting as one) on a theme in a year."""
    by_theme_year: dict[tuple[str, int], list[TrackedActivity]] = defaultdict(list)
    for item in activities:
        by_theme_year[(item.theme.id, item.activity.year)].append(item)
    for (_, year), items in sorted(by_theme_year.items()):
        sectors = [s.value for s in SECTOR_COLUMNS if any(i.activity.sector is s for i in items)]
        if len(sectors) < 2:
            continue
        theme = items[0].theme.record.title
        titles = tuple(i.activity.title for i in items)
        named = [_IN_A_SENTENCE.get(s, s) for s in sectors]
        proposal = (
            f"Under the theme “{theme}” in {year}, {join_and(named)} each have activities "
            f"({'; '.join(f'“{t}”' for t in titles)}): "
            "plan them as joint work with one lead Sector, and report on them once."
        )
        score = round(len(sectors) / 4, 2)  # the share of the three Sectors and the General Secretariat
        members = tuple(i.member() for i in items)
        yield Finding(
            finding_id("joint-work", [i.key for i in items]), "joint-work", members, score, titles, proposal
        )


def similar_activities(
    activities: list[TrackedActivity], min_score: float, reader: Reader
) -> Iterator[Finding]:
    """Pairs of activities under different themes whose titles and descriptions are alike."""
    corpus = Corpus([f"{a.activity.title} {a.activity.description or ''}" for a in activities], reader)
    for match in corpus.matches(min_score):
        first, second = activities[match.first], activities[match.second]
        if first.theme.id == second.theme.id:
            continue
        proposal = (
            f"{upper_first(first.described)}, and {second.described}, are alike "
            f"({quoted(match.shared[:3])}): consider one joint activity led by one Sector, or say which "
            "leads."
        )
        keys = [first.key, second.key]
        members = (first.member(), second.member())
        links = (link(corpus, match.first, match.second, first.key, second.key),)
        yield Finding(
            finding_id("similar-activities", keys), "similar-activities", members, round(match.score, 2),
            match.shared, proposal, links,
        )  # fmt: skip
