"""The wording that Python writes into a document (dates, lists, counts, a body's name, a placeholder), in
one of ITU's six languages.

English is written by res191.wording, as every command writes it, so that an English document stays as it
was. The other languages take dates and lists from the Unicode CLDR (through Babel: `24 janvier 2024`,
`A, B et C`, `2024年1月24日`), which is data, not a guess; the words of phrases (`the %(name)s (%(acronym)s)`,
`twice`) come from the language's catalog, and stay English where the catalog has no translation, their values
English then too (rendering/bilingual.py).
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from res191 import wording
from res191.models.translations import ENGLISH
from res191.rendering import dates
from res191.rendering.bilingual import both, english_of, in_english


def N_(text: str) -> str:  # gettext's own name for it, which Babel's extractor looks for
    """Mark a wording for the catalogs where it is written; it is translated where it is used."""
    return text


# The words of the English `times` (res191.wording), each its own wording for translators.
_TIMES = {1: N_("once"), 2: N_("twice"), 3: N_("three times"), 4: N_("four times"), 5: N_("five times")}
# What a placeholder says is missing (the cover's keys), as the templates name it.
_MISSING = (N_("agenda item"), N_("document number"), N_("date"), N_("title"))


@dataclass(frozen=True)
class Wording:
    """How dates, lists, counts and names are written in one language, with its catalog's translations."""

    language: str
    catalog: gettext.NullTranslations

    @property
    def english(self) -> bool:
        """Whether this is English, the language of record (res191.wording's own forms)."""
        return self.language == ENGLISH

    @cached_property
    def _known(self) -> frozenset[object]:
        return translated_keys(self.catalog)

    def translates(self, message: str) -> bool:
        """Whether the catalog translates a wording (English is the templates' own)."""
        return self.english or message in self._known

    def gettext(self, text: str) -> str:
        """The catalog's translation of a wording, with its English form; or the wording itself."""
        return both(self.catalog.gettext(text), text) if self.translates(text) else text

    def fill(self, message: str, **values: Any) -> str:
        """A wording with its values: translated, its values as they are, with its English form; else
        English, its values in their English forms."""
        if not self.translates(message):
            return message % in_english(values)
        return both(self.catalog.gettext(message) % values, message % in_english(values))

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The catalog's form of a wording for a count, or English's."""
        return self.catalog.ngettext(singular, plural, count)

    def long_date(self, day: date) -> str:
        """`24 January 2024`; `24 janvier 2024`, `2024年1月24日` (rendering/dates.py)."""
        return dates.long_date(self.language, day)

    def date_range(self, start: date, end: date | None = None) -> str:
        """`4-14 June 2024`; in the other languages as CLDR writes an interval of days."""
        return dates.date_range(self.language, start, end)

    def month_year(self, text: str) -> str:
        """`March 2024` from `2024-03`; `mars 2024`; a bare year stays as it is."""
        return dates.month_year(self.language, text)

    def join_and(self, items: list[str]) -> str:
        """`A, B, and C`; `A, B et C`, `A、B和C`."""
        if self.english or not items:
            return wording.join_and(items)
        from babel.lists import format_list

        english = wording.join_and([english_of(item) for item in items])
        return both(format_list(items, locale=self.language), english)

    def times(self, count: int) -> str:
        """`once`, `twice`, `three times`..., as the catalog writes them."""
        if count in _TIMES:
            return self.gettext(_TIMES[count])
        if self.english or ("%(num)s time", 0) not in self._known:
            return wording.times(count)
        written = self.ngettext("%(num)s time", "%(num)s times", count) % {"num": count}
        return both(written, wording.times(count))

    def named(self, name: str, acronym: str) -> str:
        """A body's name spelt out, with its acronym: `the Radiocommunication Advisory Group (RAG)`."""
        return self.fill(N_("the %(name)s (%(acronym)s)"), name=name, acronym=acronym)

    def placeholder(self, what: str) -> str:
        """What a document shows where a record leaves something out: `[date not recorded]`."""
        return "[" + self.fill(N_("%(what)s not recorded"), what=self.gettext(what)) + "]"


def translated_keys(catalog: gettext.NullTranslations) -> frozenset[object]:
    """The wordings a catalog translates (Babel leaves out the untranslated and fuzzy ones): each singular
    as its text, each plural as (singular, form)."""
    return frozenset(getattr(catalog, "_catalog", {}))


def english() -> Wording:
    """The wording of English, the templates' own language."""
    return Wording(ENGLISH, gettext.NullTranslations())
