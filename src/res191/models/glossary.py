"""ITU's words: acronyms with their expansions, and words that texts on one subject use for each other.

`res191 overlaps` reads every text through the glossary: each phrase of an entry's `same_as` is read as the
entry's `term`, so that "World Summit on the Information Society" and "WSIS", or "liaison" and
"coordination", meet. Only what an editor can justify belongs here: each entry may say where it comes from.
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
        seen = {_phrase_key(info.data["term"])} if isinstance(info.data.get("term"), str) else set()
        for phrase in same_as:
            if _phrase_key(phrase) in seen:
                raise ValueError(
                    f"'{phrase}' is twice in the entry '{info.data.get('term', '')}': keep it once"
                )
            seen.add(_phrase_key(phrase))
        return same_as


def _phrase_key(phrase: str) -> str:
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
        seen: dict[str, str] = {}
        for entry in entries:
            for phrase in (entry.term, *entry.same_as):
                key = _phrase_key(phrase)
                if key in seen:
                    raise ValueError(
                        f"'{phrase}' is in the entries '{seen[key]}' and '{entry.term}': keep it in one"
                        if seen[key] != entry.term
                        else f"'{phrase}' is twice in the entry '{entry.term}': keep it once"
                    )
                seen[key] = entry.term
        return entries
