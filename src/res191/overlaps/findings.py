"""A finding: records that overlap, why we think so, and what a Council document could propose."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# The similarity at which two texts are taken to be on the same subject: a quarter of their weight
# shared. Measured against real resolution groups (tests/overlaps/evaluation.yaml): see the README. Here,
# with the kinds, so that the command's option takes it without importing what finds the overlaps.
DEFAULT_MIN_SCORE = 0.25

# Kinds of finding, in the order they are listed, with the words a reader sees.
KINDS = {
    "streamline": "Theme with resolutions in several Sectors",
    "several-conferences": "Theme with resolutions of several conferences",
    "duplicate": "Resolutions of different conferences with the same or nearly the same title",
    "new-theme": "Similar resolutions under no common theme",
    "mapping": "Resolution similar to a theme's, not mapped to it",
    "partners": "Resolution close to others that are not all close to each other",
    "joint-work": "Activities of two Sectors on one subject, under one theme in one year",
    "similar-activities": "Similar activities under different themes",
    "similar-bodies": "Bodies whose terms of reference overlap",
}

# Kinds found from the records' structure (which theme holds what), not from the likeness of texts: they
# have no score, and --min-score does not apply to them.
STRUCTURAL = frozenset({"streamline", "several-conferences"})
# What the score of a finding is, wherever it is shown: one meaning for every kind that has one.
SCORE_MEANING = (
    "likeness of the resolutions' titles and recorded texts (cosine of their TF-IDF vectors, 0 to 1): a "
    "group's weakest link; for a mapping or partners, the strongest link named"
)


@dataclass(frozen=True)
class Member:
    """One record (or tracker activity) in a finding, and where it is."""

    kind: str  # resolution, theme, activity, body
    id: str
    label: str  # a citation, a title
    path: str  # as the user sees it
    line: int
    sector: str | None = None


@dataclass(frozen=True)
class Weight:
    """A term two texts share, as they write it, and its weight in each (their product adds to the score)."""

    term: str
    first: float
    second: float
    adds: float  # what it adds to the score: the product of the two, summed over terms written alike


@dataclass(frozen=True)
class Link:
    """Why two members of a finding were found alike: their score and the terms that made it."""

    first: str  # a member's id
    second: str
    score: float
    terms: tuple[Weight, ...]
    # For a pair that is no link (below the threshold, or with fewer than two distinctive words shared),
    # with a record that is not a member of the finding: that record's citation.
    # `partners` shows them: the members of a partner's group that keep a resolution out of it.
    short_of: str = ""


@dataclass(frozen=True)
class Action:
    """What a finding proposes, as an officer takes it to a meeting: what to do, with which instruments,
    by which body, and when."""

    do: str  # words that follow "could": "suppress it, or revise it to ..."
    instruments: tuple[str, ...]  # citations, the one acted on first
    body: str  # as a sentence names it: "WTDC", "the ISCG"
    when: str  # "at WTDC-25 (from 17 November 2025)", or that no later meeting is recorded
    # The text the others among the instruments would refer to, where the action says so: every finding of
    # a run asks a resolution to refer to one text at most (find.referred_to).
    refers_to: str | None = None
    # What to check before acting, where a session held since the edition cited may have acted already
    # (AsOf.check_first): "First check what WTDC-25 decided on it: the records do not hold that."
    check: str = ""

    @property
    def sentence(self) -> str:
        """`At WTDC-25 (from 17 November 2025), WTDC could suppress it.`, and what to check first."""
        sentence = f"{self.when[:1].upper()}{self.when[1:]}, {self.body} could {self.do}."
        return f"{sentence} {self.check}" if self.check else sentence


@dataclass(frozen=True)
class Finding:
    """An overlap found in the data, with its evidence and a proposal."""

    id: str
    kind: str
    members: tuple[Member, ...]
    score: float | None  # the likeness of the texts (SCORE_MEANING); None for a fact of the records
    evidence: tuple[str, ...]
    proposal: str
    links: tuple[Link, ...] = ()  # for findings from text similarity: what `--explain` shows
    actions: tuple[Action, ...] = ()  # who could do what, and when

    @property
    def title(self) -> str:
        """The kind of finding in the reader's words."""
        return KINDS[self.kind]

    @property
    def summary(self) -> str:
        """What was found, without the actions' sentences: the proposal's first part, for a table whose
        other column holds the actions."""
        found = self.proposal
        for action in self.actions:
            found = found.replace(action.sentence, "")
        return " ".join(found.split())


def finding_id(kind: str, keys: list[str]) -> str:
    """An id that stays the same while the same records overlap the same way: `OV-1a2b3c4d`."""
    digest = hashlib.sha1("\n".join([kind, *sorted(keys)]).encode("utf-8")).hexdigest()
    return f"OV-{digest[:8]}"


def sort_key(finding: Finding) -> tuple[int, float, str]:
    """Findings by kind, then the strongest first, then by id: the same data, the same order."""
    return (list(KINDS).index(finding.kind), -(finding.score or 0.0), finding.id)
