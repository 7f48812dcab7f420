"""A value written in a document's language that also carries its English form, so that no sentence mixes
two languages.

A sentence is either in the document's language, its wording translated by the catalog and its values
(dates, lists, counts, names, conferences) in that language too, or in English, its wording left untranslated
(never machine-translated), and then its values are English as well: `the Conférence de plénipotentiaires`
inside an English sentence, or `TSAG et the ...`, reads as neither language. So each text that Python or a
filter writes in a language other than English (a date, `A, B et C`, `deux fois`, a body's translated
name, a translated wording with its values) is a `Localized`, the same text as a str, with its English form
in `english`; where a wording is left untranslated (rendering/templates.py `translated`,
rendering/localized.py `Wording.fill`), each value goes in as its English form. A translated wording is
itself a `Localized`: inside a sentence left in English it goes in as its English.

The filters that pass a text on (`md`, `join_and`, `named`) keep its English form alongside; a plain str
operation gives a plain str back, as on any str subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup


class Localized(str):
    """A text in a document's language, and its English form (`english`)."""

    english: str

    def __new__(cls, text: str, english: str = "") -> Localized:
        made = super().__new__(cls, text)
        made.english = english
        return made


class LocalizedMarkup(Markup):
    """A Localized text that is HTML already (a translated wording on a page): its English form is too.

    Markup's own operations (`%`, `+`, `striptags`...) make their result with the class of the value they
    start from, so with no English form given: `english` is then None, and the value stands as it is (as a
    plain Markup would), rather than as an empty English form."""

    english: str | None

    def __new__(cls, text: str, english: str | None = None) -> LocalizedMarkup:
        # str's own constructor, as Markup's is for a text that is HTML already: MarkupSafe 2.1's
        # Markup.__new__ is typed to return a Markup, not the subclass.
        made = str.__new__(cls, text)
        made.english = english
        return made


def both(text: str, english: str) -> str:
    """A text with its English form; the text itself where the two are one (English, a number)."""
    if text == english:
        return text
    if isinstance(text, Markup):
        return LocalizedMarkup(text, english)
    return Localized(text, english)


def english_of(value: Any) -> Any:
    """A value's English form: a Localized's `english`, anything else as it is."""
    if isinstance(value, (Localized, LocalizedMarkup)) and value.english is not None:
        return value.english
    return value


def in_english(values: dict[str, Any]) -> dict[str, Any]:
    """The values of a sentence left in English, each in its English form."""
    return {name: english_of(value) for name, value in values.items()}


def passed_on(value: str, change: Callable[[str], str]) -> str:
    """`change(value)`, keeping the English form, changed the same way, of a Localized value."""
    if isinstance(value, (Localized, LocalizedMarkup)) and value.english is not None:
        return both(change(str(value)), change(value.english))
    return change(value)
