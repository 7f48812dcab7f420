"""Tracker activities that overlap: activities of different Sectors on one subject, under one theme in a
year (joint work) or under different themes; compared on what they are about, not on their form."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from res191.models import Sector, Theme
from res191.models.theme import Activity
from res191.overlaps.common import AsOf, Entry, link, quoted
from res191.overlaps.findings import Action, Finding, Member, finding_id
from res191.overlaps.reading import Reader
from res191.overlaps.similarity import Corpus
from res191.overlaps.themes import Lead
from res191.overlaps.who import ISC_TF
from res191.wording import upper_first


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
    def sector_described(self) -> str:
        """`the ITU-T activity “Workshop”`, for a sentence."""
        sector = self.activity.sector
        whose = "the General Secretariat's" if sector is Sector.GS else f"the {sector.value}"
        return f"{whose} activity “{self.activity.title}”"

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


def tracked(themes: list[Entry[Theme]], year: int | None, on: date) -> list[TrackedActivity]:
    """Every activity of every theme's tracker, of one year if given, and none of a year after the day the
    findings speak of (not known then)."""
    return [
        TrackedActivity(theme, index, activity)
        for theme in themes
        for index, activity in enumerate(theme.record.tracker)
        if (year is None or activity.year == year) and activity.known_on(on)
    ]


# How the Sectors are named in a sentence: the General Secretariat by name, not by its code (GS).
_IN_A_SENTENCE = {Sector.GS.value: "the General Secretariat"}
# The words of activity titles that say what form an activity takes, not what it is about: two workshops
# on different subjects are not alike, a workshop and a report on captioning are.
_FORM = re.compile(
    r"\b(?:capacity[- ]building|workshops?|webinars?|seminars?|forums?|training|courses?|meetings?|"
    r"events?|sessions?|reports?|toolkits?|guidelines?|studies|study|symposi(?:um|a)|series|joint|"
    r"regional|annual|global|online|side|launch(?:ed)?|organi[sz]ed|held|programmes?|activit(?:y|ies))\b",
    re.IGNORECASE,
)


def subject(activity: Activity) -> str:
    """What an activity is about: its title and description without the words of its form."""
    return _FORM.sub(" ", f"{activity.title}. {activity.description or ''}")


def _alike(
    activities: list[TrackedActivity], min_score: float, reader: Reader
) -> Iterator[tuple[TrackedActivity, TrackedActivity, Corpus, int, int, float]]:
    """Pairs of activities of different Sectors (the General Secretariat counting as one) whose subjects
    are alike: never a Sector with itself."""
    if len({a.activity.sector for a in activities}) < 2:
        # One Sector's activities alone have no pair to propose: not read at all (most of a theme's years
        # hold one activity, or one Sector's).
        return
    corpus = Corpus([subject(a.activity) for a in activities], reader)
    for match in corpus.matches(min_score):
        first, second = activities[match.first], activities[match.second]
        if first.activity.sector != second.activity.sector:
            yield first, second, corpus, match.first, match.second, match.score


def joint_work(
    activities: list[TrackedActivity],
    min_score: float,
    reader: Reader,
    leads: Mapping[str, Lead],
    as_of: AsOf,
) -> Iterator[Finding]:
    """Activities of different Sectors under one theme in one year on one subject: one joint activity.
    Several Sectors working under one theme is what a theme is for; only alike subjects overlap."""
    by_theme_year: dict[tuple[str, int], list[TrackedActivity]] = defaultdict(list)
    for item in activities:
        by_theme_year[(item.theme.id, item.activity.year)].append(item)
    for (theme_id, year), items in sorted(by_theme_year.items()):
        for first, second, corpus, a, b, score in _alike(items, min_score, reader):
            lead = leads[theme_id]
            theme = first.theme.record.title
            shared = corpus.shared_terms((a, b))
            action = _for_the_isc_tf(
                f"plan them as one joint activity, led by {lead.name} ({lead.why}), and report on it once",
                first, second, as_of,
            )  # fmt: skip
            proposal = (
                f"Under the theme “{theme}” in {year}, {first.sector_described} and "
                f"{second.sector_described} are on one subject ({quoted(shared[:3])}). {action.sentence}"
            )
            yield _pair("joint-work", first, second, (corpus, a, b), score, proposal, action)


def similar_activities(
    activities: list[TrackedActivity],
    min_score: float,
    reader: Reader,
    leads: Mapping[str, Lead],
    as_of: AsOf,
) -> Iterator[Finding]:
    """Pairs of activities of different Sectors under different themes whose subjects are alike."""
    for first, second, corpus, a, b, score in _alike(activities, min_score, reader):
        if first.theme.id == second.theme.id:
            continue
        shared = corpus.shared_terms((a, b))
        lead = _lead_of_two(first, second, leads)
        do = (
            f"bring them together as one activity, led by {lead}"
            if lead
            else "bring them together as one activity and name its lead (neither Sector leads either theme)"
        )
        action = _for_the_isc_tf(do, first, second, as_of)
        proposal = (
            f"{upper_first(first.described)}, and {second.described}, are alike "
            f"({quoted(shared[:3])}). {action.sentence}"
        )
        yield _pair("similar-activities", first, second, (corpus, a, b), score, proposal, action)


def _for_the_isc_tf(do: str, first: TrackedActivity, second: TrackedActivity, as_of: AsOf) -> Action:
    """What to do with two activities: the ISC-TF, which coordinates the secretariat's work, can decide it
    at its next meeting recorded."""
    titles = (f"“{first.activity.title}”", f"“{second.activity.title}”")
    return Action(do, titles, as_of.calendar.name(ISC_TF), as_of.next(ISC_TF))


def _pair(
    kind: str,
    first: TrackedActivity,
    second: TrackedActivity,
    compared: tuple[Corpus, int, int],
    score: float,
    proposal: str,
    action: Action,
) -> Finding:
    """A finding on two activities found alike: compared is the corpus and their two places in it."""
    corpus, a, b = compared
    keys = [first.key, second.key]
    links = (link(corpus, a, b, first.key, second.key),)
    shared = corpus.shared_terms((a, b))
    return Finding(
        finding_id(kind, keys), kind, (first.member(), second.member()),
        round(score, 2), shared, proposal, links, (action,),
    )  # fmt: skip


def _lead_of_two(first: TrackedActivity, second: TrackedActivity, leads: Mapping[str, Lead]) -> str | None:
    """Which of two activities' Sectors leads: the one that leads its own activity's theme."""
    for item in (first, second):
        lead = leads[item.theme.id]
        if lead.name == _IN_A_SENTENCE.get(item.activity.sector.value, item.activity.sector.value):
            return f"{lead.name}, which leads the theme “{item.theme.record.title}” ({lead.why})"
    return None
