"""The report in one of ITU's six languages: the record texts it shows in that language, and those it shows
in English, marked.

A record's texts in another language are its `translations` (models/translations.py). Where a text the
report shows has none, the report shows the English, marked as English: in the Markdown a span
`[text]{.untranslated lang=en}` (Pandoc reads it as English text), in Word a run in English highlighted in
grey, in HTML a `<span lang="en">` underlined. `report` warns once, listing each text so shown.

The records are read in the language before the report is made, so that every part of the report (and a
template of the user's) sees the texts it would see in English. An English text is wrapped in two marks of
Unicode's private use area, with its number between, which survive the templates' filters (escaping,
joining, a name spelt out); after the template has run they become the span, and their numbers say which
texts the report really shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from res191.loading.record import LoadedRecords
from res191.models.translations import ENGLISH, LANGUAGES, Translations, texts_model
from res191.rendering.bilingual import both
from res191.rendering.localized import N_

# ITU's letter for each language, as its documents carry it: C24/35-E, -F, -S, -A, -C, -R.
LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}
# The language tag of each (HTML's lang, Word's proofing language and the file's properties).
TAGS = {"ar": "ar", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}

# The words of res191 and of the records' fixed vocabularies that a report prints, marked for the catalogs:
# the languages a report's `original` names, the Sectors and conferences heading the annexes' columns, and
# the statuses of initiatives and activities.
VOCABULARY = (
    N_("Arabic"), N_("Chinese"), N_("English"), N_("French"), N_("Russian"), N_("Spanish"),
    N_("ITU-R"), N_("ITU-T"), N_("ITU-D"),
    N_("PP"), N_("WTSA"), N_("WTDC"), N_("RA"), N_("WRC"),
    N_("planned"), N_("ongoing"), N_("completed"),
)  # fmt: skip

_OPEN, _CLOSE = "\ue000", "\ue001"
# A text's number, as two digits of base 65,534 written in Unicode's supplementary private use area A: four
# thousand million texts, more than any repository holds.
_FIRST, _BASE = 0xF0000, 0xFFFE
_MARKED = re.compile(f"{_OPEN}([\U000f0000-\U000ffffd]{{2}})(.*?){_CLOSE}", re.DOTALL)


def check_language(code: str) -> str:
    """The language code, or ValueError naming the six."""
    if code not in LANGUAGES:
        known = ", ".join(f"{c} ({english})" for c, (english, _) in LANGUAGES.items())
        raise ValueError(f"'{code}' is not one of ITU's six languages: {known}")
    return code


@dataclass(frozen=True)
class EnglishText:
    """A record's text that has no translation in the report's language: where it is, and what it says."""

    kind: str
    record: str
    field: str
    text: str

    def __str__(self) -> str:
        return f"{self.kind} {self.record} {self.field}"


@dataclass
class InLanguage:
    """The records of a repository read in one language: each text in it where translated, else the English
    wrapped in marks, numbered; `english` lists the texts so wrapped."""

    language: str
    english: list[EnglishText] = field(default_factory=list)

    def record(self, kind: str, record: BaseModel) -> BaseModel:
        """A record with each text that it translates in the language, or in English, marked."""
        translations: Translations[BaseModel] | None = getattr(record, "translations", None)
        if self.language == ENGLISH or "translations" not in type(record).model_fields:
            return record
        texts = translations.into(self.language) if translations is not None else None
        changes: dict[str, Any] = {}
        for name in texts_model(type(record)).model_fields:
            english = getattr(record, name, None)
            translated = getattr(texts, name, None) if texts is not None else None
            if isinstance(translated, str):
                # With its English, for a sentence left in English (rendering/bilingual.py).
                changes[name] = both(translated, english) if isinstance(english, str) else translated
            elif isinstance(english, str) and english.strip():
                changes[name] = self._mark(EnglishText(kind, str(getattr(record, "id", "")), name, english))
        return record.model_copy(update=changes) if changes else record

    def _mark(self, text: EnglishText) -> str:
        number = len(self.english)
        self.english.append(text)
        high, low = divmod(number, _BASE)
        return f"{_OPEN}{chr(_FIRST + high)}{chr(_FIRST + low)}{text.text}{_CLOSE}"

    def records(self, loaded: LoadedRecords) -> LoadedRecords:
        """The same records, every valid one read in the language; the conference sessions as they are."""
        return loaded if self.language == ENGLISH else loaded.read_as(self.record)

    def spans(self, markdown: str) -> tuple[str, list[EnglishText]]:
        """The Markdown with each English text as a span marked English, and the texts it shows so, in the
        order they first appear."""
        shown: dict[int, None] = {}

        def span(match: re.Match[str]) -> str:
            high, low = (ord(digit) - _FIRST for digit in match[1])
            shown[high * _BASE + low] = None
            return f"[{match[2]}]{{.untranslated lang=en}}"

        return _MARKED.sub(span, markdown), [self.english[number] for number in shown]


def unmarked(text: str) -> str:
    """A text without the marks of English (for a file's properties and a page's title)."""
    return _MARKED.sub(lambda match: match[2], text)
