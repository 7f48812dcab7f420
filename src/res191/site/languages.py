"""The site in ITU's six official languages: the folder of each, its standing wording, its dates, and the
record texts it shows, each marked where it falls back to English.

English stays at the site's top, where its pages have always been (links into the site keep working); each
other language has a folder of its own (`ar/`, `zh/`, `fr/`, `ru/`, `es/`) with the same pages at the same
paths inside it, so that the language switcher links a page to the same page in every language.

The standing wording comes from the gettext catalogs (rendering/catalogs.py), the templates' `{% trans %}`
and `_()` and the site's Python wording marked with `N_()`. A wording a catalog does not translate is shown
in English inside `<span lang="en">`, so that screen readers speak it in English; a record's text that has no
translation (models/translations.py) is shown in English with `lang="en"` and a visible mark.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from pydantic import BaseModel

from res191.models.translations import ENGLISH, LANGUAGES, RIGHT_TO_LEFT, in_language
from res191.rendering import dates
from res191.rendering.bilingual import english_of
from res191.rendering.catalogs import translations
from res191.rendering.localized import translated_keys
from res191.rendering.templates import builtin_folder


def N_(message: str) -> str:
    """Mark a wording of the site's Python for the catalogs; it is translated where a page is made."""
    return message


def folder(language: str) -> str:
    """Where a language's pages are, from the site's top: `` for English, `fr/` for French."""
    return "" if language == ENGLISH else f"{language}/"


def parse_languages(text: str) -> list[str]:
    """`fr,es` (or `all`) as the languages to build, in ITU's order, English always among them; ValueError
    names an unknown code."""
    if text.strip() == "all":
        return list(LANGUAGES)
    asked = [code.strip() for code in text.split(",") if code.strip()]
    unknown = [code for code in asked if code not in LANGUAGES]
    if unknown or not asked:
        raise ValueError(
            f"{', '.join(unknown) or 'nothing'} is not one of ITU's languages: give codes among "
            f"{', '.join(LANGUAGES)} separated by commas (--lang en,fr), or all"
        )
    # English, the language of record, is always built: its pages are the site's top, where links lead.
    return [code for code in LANGUAGES if code in asked or code == ENGLISH]


class PageWording:
    """The standing wording of one language: from its catalog, else English, marked as such in HTML."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._catalog = translations(builtin_folder(), language)
        # The wording the catalog does translate (Babel leaves out the untranslated and fuzzy ones).
        self.known = translated_keys(self._catalog)
        self._english = english_span(language)

    def translated(self, message: str) -> bool:
        """Whether the catalog translates this wording (English is the templates' own)."""
        return self.language == ENGLISH or message in self.known

    def text(self, message: str, **variables: Any) -> str:
        """Plain text (a page's title, an attribute): the translation, else the English."""
        found = self._catalog.gettext(message)
        return found % variables if variables else found

    def shown(self, message: str) -> str:
        """A wording as a value for a page (a list's note): the translation, else Untranslated English."""
        return self._catalog.gettext(message) if self.translated(message) else Untranslated(message)

    def html(self, message: str, **variables: Any) -> Markup:
        """For a page: the translation, else the English in `<span lang="en">`; variables escaped."""
        shown = Markup(escape(self._catalog.gettext(message)))
        if variables:
            shown = shown % variables
        return shown if self.translated(message) else Markup(f"{self._english}{{}}</span>").format(shown)

    def plural(self, singular: str, plural: str, count: int) -> tuple[str, bool]:
        """A wording that depends on a number (`1 theme`, `2 themes`): the text and whether translated."""
        found = self._catalog.ngettext(singular, plural, count)
        if self.language != ENGLISH and found in (singular, plural):
            # Babel compiles a plural left untranslated with the English in its place, and only as many
            # forms as the language has (Chinese one): English's own rule, then, and marked as English.
            return (singular if count == 1 else plural), False
        return found, True

    def gettext(self, message: str) -> str:
        """jinja2.ext.i18n's gettext (newstyle: it escapes the variables and formats): the translation,
        else the English in `<span lang="en">`."""
        found = self._catalog.gettext(message)
        return found if self.translated(message) else f"{self._english}{found}</span>"

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """jinja2.ext.i18n's ngettext, marked as gettext is."""
        found, done = self.plural(singular, plural, count)
        return found if done else f"{self._english}{found}</span>"


def english_span(language: str) -> str:
    """Where English text starts on a page of another language: `lang="en"`, and on a page written right to
    left its own direction, so that its full stops and brackets stay where English puts them."""
    return '<span lang="en" dir="ltr">' if language in RIGHT_TO_LEFT else '<span lang="en">'


@functools.cache
def wording_of(language: str) -> PageWording:
    """A language's wording, read once a process."""
    return PageWording(language)


@functools.cache
def badge(language: str) -> Markup:
    """The visible mark after a text shown in English on a page of another language."""
    words = wording_of(language)
    mark = N_("English")
    label = words.html(mark) if words.translated(mark) else Markup(escape(mark))
    if words.translated(mark):
        return Markup(' <span class="lang-badge">({})</span>').format(label)
    return Markup(' <span class="lang-badge" lang="en" dir="ltr">({})</span>').format(label)


class English(str):
    """A record's text that is English where the page's language was asked for (no translation recorded):
    pages show it marked (`marked`). Plain str operations give a plain str back."""

    __slots__ = ()


class Untranslated(English):
    """A standing wording the language's catalog does not translate: marked `lang="en"`, with no visible
    mark (the page says once that parts of it are in English)."""

    __slots__ = ()


def in_page_language(holder: BaseModel, field: str, language: str) -> str | None:
    """A record's text in the language, or its English as English where it has no translation."""
    text, translated = in_language(holder, field, language)
    if text is None or translated or language == ENGLISH:
        return text
    return English(text)


def marked(text: str | None, language: str) -> Markup:
    """A text for a page: an English one (English) marked with `lang="en"` and the visible mark on a page
    of another language; any other escaped as it is."""
    if not text:
        return Markup("")
    if isinstance(text, English) and language != ENGLISH:
        mark = "" if isinstance(text, Untranslated) else badge(language)
        return Markup(f"{english_span(language)}{{}}</span>{{}}").format(str(text), mark)
    return Markup(escape(text))


def english(text: object, language: str) -> Markup:
    """A value the records hold in English only (a status, a kind): `lang="en"` on a page of another
    language, with no visible mark (it is a value, not a text to translate); a list of them (`join_and`) with
    English's own words (rendering/bilingual.py)."""
    text = english_of(text)
    if text is None or text == "":
        return Markup("")
    if language == ENGLISH:
        return Markup(escape(text))
    return Markup(f"{english_span(language)}{{}}</span>").format(text)


def record_text(holder: BaseModel, field: str, language: str) -> Markup:
    """A record's text in the page's language where it is translated, else in English, marked."""
    text, translated = in_language(holder, field, language)
    if text is None:
        return Markup("")
    if translated:
        return Markup(escape(text))
    return Markup(f"{english_span(language)}{{}}</span>{{}}").format(text, badge(language))


# Dates as the report writes them (rendering/dates.py: CLDR's through Babel, English as ITU's documents write
# them), cached there: a site of 10,000 pages writes a few thousand dates, each many times.
def long_date(language: str, day: date) -> str:
    """`4 juin 2024`: a day as CLDR writes it in the language."""
    return dates.long_date(language, day)


def date_range(language: str, start: date, end: date | None = None) -> str:
    """`4-14 juin 2024`: days as CLDR writes an interval in the language."""
    return dates.date_range(language, start, end)


def month_year(language: str, text: str) -> str:
    """`mars 2024` from `2024-03`; a bare year stays as it is."""
    return dates.month_year(language, text)


def page_languages(language: str, top: str, path: str, built: Sequence[str]) -> list[dict[str, str]]:
    """The language switcher's links from one page: the same page in each language built."""
    return [
        {
            "code": code,
            "name": LANGUAGES[code][1],
            "href": f"{top}{folder(code)}{path}",
            "dir": "rtl" if code in RIGHT_TO_LEFT else "ltr",
            "current": "page" if code == language else "",
        }
        for code in built
    ]


def python_wording(source: Path | None = None) -> list[str]:
    """The wording the site's Python marks with N_(), for the catalogs: in order, once each."""
    from babel.messages.extract import extract_from_dir

    where = source or Path(__file__).parent
    found = extract_from_dir(str(where), method_map=[("**.py", "python")], keywords={"N_": None})
    return list(dict.fromkeys(message for _f, _l, message, _c, _x in found if isinstance(message, str)))
