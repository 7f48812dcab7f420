"""ITU's words: acronyms with their expansions, and words that texts on one subject use for each other.

`res191 overlaps` reads every text through the glossary: each phrase of an entry's `same_as` is read as the
entry's `term`, so that "World Summit on the Information Society" and "WSIS", or "young people" and
"youth", meet. A phrase of `same_subject` is read as the term too, but is not the same words: it links
texts on the subject ("humanitarian assistance" and "disaster preparedness" are both emergency
telecommunications) without making two titles the same. Only what an editor can justify belongs here: each
entry says where it comes from.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator, model_validator

from res191.models.common import Id, Source, StrictModel, Text


class GlossaryEntry(StrictModel):
    """A word or acronym, and the words and phrases read as it."""

    term: Text = Field(description="The word texts are read with.", examples=["WSIS"])
    same_as: list[Text] = Field(
        default_factory=list,
        description="Phrases that mean the same in ITU's texts: an acronym's expansion, another spelling.",
        examples=[["World Summit on the Information Society"]],
    )
    same_subject: list[Text] = Field(
        default_factory=list,
        description="Phrases ITU's texts use on the same subject, not for the same thing: they link texts "
        "on the subject, but never make two titles the same.",
        examples=[["humanitarian assistance", "disaster preparedness"]],
    )
    sources: list[Source] = Field(default_factory=list)

    @field_validator("same_as", "same_subject")
    @classmethod
    def _each_phrase_once_in_the_entry(cls, phrases: list[str], info: ValidationInfo) -> list[str]:
        # Said here rather than with the entries' check below, so that it points at this entry's phrases.
        term = info.data.get("term")
        seen = {phrase_key(term)} if isinstance(term, str) else set()
        seen |= {phrase_key(p) for p in info.data.get("same_as", ()) if isinstance(p, str)}
        for phrase in phrases:
            if phrase_key(phrase) in seen:
                entry = f"the entry '{term}'" if isinstance(term, str) and term else "this entry"
                raise ValueError(f"'{phrase}' is twice in {entry}: keep it once")
            seen.add(phrase_key(phrase))
        return phrases

    @model_validator(mode="after")
    def _a_phrase_read_as_the_term(self) -> GlossaryEntry:
        if not self.same_as and not self.same_subject:
            raise ValueError(
                f"the entry '{self.term}' has no phrase to read as its term: give same_as (the same "
                "thing in other words) or same_subject (other words on the subject)"
            )
        return self

    @property
    def phrases(self) -> tuple[str, ...]:
        """Every phrase read as the term, the term first."""
        return (self.term, *self.same_as, *self.same_subject)


def phrase_key(phrase: str) -> str:
    """A phrase as the glossary compares phrases: in lower case, its spaces as one."""
    return " ".join(phrase.lower().split())


class Glossary(StrictModel):
    """A list of glossary entries (a repository may have several files: they are read together)."""

    id: Id = Field(examples=["itu"])
    title: Text = Field(description="What the list is.", examples=["ITU's acronyms and words"])
    entries: list[GlossaryEntry] = Field(
        min_length=1,
        description="The entries.",
        examples=[[{"term": "WSIS", "same_as": ["World Summit on the Information Society"]}]],
    )

    @field_validator("entries")
    @classmethod
    def _each_phrase_once(cls, entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
        # A phrase under two entries would be read as whichever comes first: say so instead.
        seen: dict[str, GlossaryEntry] = {}
        for entry in entries:
            for phrase in entry.phrases:
                first = seen.setdefault(phrase_key(phrase), entry)
                if first is entry:
                    continue  # twice in one entry: said at the entry (GlossaryEntry)
                if first.term == entry.term:
                    raise ValueError(f"two entries have the term '{entry.term}': make them one")
                raise ValueError(
                    f"'{phrase}' is in the entries '{first.term}' and '{entry.term}': keep it in one"
                )
        return entries
