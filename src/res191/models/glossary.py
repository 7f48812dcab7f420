"""ITU's words: acronyms with their expansions, and words that texts on one subject use for each other.

`res191 overlaps` reads every text through the glossary: each phrase of an entry's `same_as` is read as the
entry's `term`, so that "World Summit on the Information Society" and "WSIS", or "young people" and
"youth", meet. Only what an editor can justify belongs here: each entry says where it comes from.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from res191.models.common import Id, Source, StrictModel, Text


class GlossaryEntry(StrictModel):
    """A word or acronym, and the words and phrases read as it."""

    term: Text = Field(description="The word texts are read with.", examples=["WSIS"])
    same_as: list[Text] = Field(
        min_length=1,
        description="Phrases that mean the same in ITU's texts, or near enough that texts using them are "
        "on one subject.",
        examples=[["World Summit on the Information Society"]],
    )
    sources: list[Source] = Field(default_factory=list)

    @field_validator("same_as")
    @classmethod
    def _each_phrase_once_in_the_entry(cls, same_as: list[str], info: ValidationInfo) -> list[str]:
        # Said here rather than with the entries' check below, so that it points at this entry's phrases.
        term = info.data.get("term")
        seen = {phrase_key(term)} if isinstance(term, str) else set()
        for phrase in same_as:
            if phrase_key(phrase) in seen:
                entry = f"the entry '{term}'" if isinstance(term, str) and term else "this entry"
                raise ValueError(f"'{phrase}' is twice in {entry}: keep it once")
            seen.add(phrase_key(phrase))
        return same_as


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
            for phrase in (entry.term, *entry.same_as):
                first = seen.setdefault(phrase_key(phrase), entry)
                if first is entry:
                    continue  # twice in one entry: said at the entry (GlossaryEntry)
                if first.term == entry.term:
                    raise ValueError(f"two entries have the term '{entry.term}': make them one")
                raise ValueError(
                    f"'{phrase}' is in the entries '{first.term}' and '{entry.term}': keep it in one"
                )
        return entries
