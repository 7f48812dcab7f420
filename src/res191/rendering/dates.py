"""Dates in ITU's six languages, for the report and the site alike: English as ITU's documents write it
(res191.wording), the others as the Unicode CLDR writes them (through Babel), which is data, not a guess.

Three choices, each made here once:

- A month is written in full in a range of days as in a single day (`4-14 juin 2024` as `4 juin 2024`):
  Babel's format_interval takes the nearest interval pattern CLDR has (Russian's and French's `d-d MMM y`,
  abbreviated, where a language has none for the full month) without widening its month as CLDR's own
  algorithm (TR35) asks. So the month is widened here where the language's long date writes it in full
  (`MMMM`); the dash and the spaces around it are CLDR's own (an em dash in Russian).
- A month and year (`2024-03`) is written in the form a month takes in running text: CLDR's pattern for
  `yMMMM` with its stand-alone month (`LLLL`: Russian's nominative, "mart 2024 g.") read in the format
  context (`MMMM`: the genitive, "marta 2024 g."), the form of a day's date ("1 marta 2024 g.") and of
  "since March" ("s marta"). CLDR offers no other case (the prepositional of "in March", "v marte"): a
  translator's sentence takes the value as it is. Only Russian, among the six, has two forms.
- Outside English a date carries its English form (rendering/bilingual.py), for a sentence left in English.
- In a language written right to left, a date is isolated (FSI ... PDI, U+2068 ... U+2069): inside a sentence
  of the other direction (a wording not translated yet, in English) an Arabic date is laid out in its own
  order (day, month, year, read from the right) rather than split around the sentence's words, in Word and
  LibreOffice as in a browser.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from res191 import wording
from res191.models.translations import ENGLISH, RIGHT_TO_LEFT
from res191.rendering.bilingual import both

FSI, PDI = "\u2068", "\u2069"  # First Strong Isolate, Pop Directional Isolate
_SKELETON = "yMMMMd"
# A field of three letters of the month (`MMM`, `LLL`) outside a quoted literal (`'de'`).
_SHORT_MONTH = re.compile(r"('[^']*')|(?<![ML])([ML])\2\2(?![ML])")
_STAND_ALONE = re.compile(r"('[^']*')|L")


_ISOLATED = re.compile("[\u2066-\u2068][^\u2066-\u2069]*\u2069")  # an isolate, innermost first
_TAG = re.compile(r"<[^<>]*>")
_STRONG = re.compile(
    "(?P<rtl>[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc])|[A-Za-z\u00c0-\u02af\u0370-\u052f\u3040-\u9fff]"
)


def right_to_left(text: str) -> bool:
    """Whether a text's first strong letter, outside the isolates and HTML tags it holds, is written right to
    left (Hebrew, Arabic): the direction FSI gives it."""
    text = _TAG.sub("", text)
    while (inner := _ISOLATED.sub("", text)) != text:
        text = inner
    first = _STRONG.search(text)
    return bool(first and first["rtl"])


def isolate(text: str, language: str) -> str:
    """A value inserted into a sentence, in a language written right to left, in its own direction."""
    if language not in RIGHT_TO_LEFT or not text or (text.startswith(FSI) and text.endswith(PDI)):
        return text
    return f"{FSI}{text}{PDI}"


@functools.lru_cache(maxsize=65536)
def long_date(language: str, day: date) -> str:
    """`24 January 2024`; `24 janvier 2024`, `2024年1月24日`."""
    if language == ENGLISH:
        return wording.long_date(day)
    from babel.dates import format_date

    return both(isolate(format_date(day, "long", locale=language), language), wording.long_date(day))


@functools.lru_cache(maxsize=65536)
def date_range(language: str, start: date, end: date | None = None) -> str:
    """`4-14 June 2024`; in the other languages as CLDR writes an interval of days, the month in full."""
    if language == ENGLISH:
        return wording.date_range(start, end)
    if end is None or end == start:
        return long_date(language, start)
    return both(isolate(_interval(language, start, end), language), wording.date_range(start, end))


def _interval(language: str, start: date, end: date) -> str:
    from babel import Locale
    from babel.dates import format_interval, match_skeleton, parse_pattern

    locale = Locale.parse(language)
    formats = locale.interval_formats
    skeleton = _SKELETON if _SKELETON in formats else match_skeleton(_SKELETON, formats)
    field = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    if not skeleton or field not in formats[skeleton]:
        return format_interval(start, end, _SKELETON, locale=locale)
    full = "MMMM" in locale.date_formats["long"].pattern  # the month as the long date writes it
    patterns = [_widened(p) if full else p for p in formats[skeleton][field]]
    return "".join(parse_pattern(p).apply(day, locale) for p, day in zip(patterns, (start, end), strict=True))


def _widened(pattern: str) -> str:
    """An interval pattern with its abbreviated month (`MMM`) in full (`MMMM`)."""
    return _SHORT_MONTH.sub(lambda m: m[1] or m[2] * 4, pattern)


@functools.lru_cache(maxsize=4096)
def month_year(language: str, text: str) -> str:
    """`March 2024` from `2024-03`; `mars 2024`, `marzo de 2024`; a bare year stays as it is."""
    year, _, month = text.partition("-")
    if language == ENGLISH or not month:
        return wording.month_year(text)
    from babel import Locale
    from babel.dates import format_date, format_skeleton

    day = date(int(year), int(month), 1)
    pattern = Locale.parse(language).datetime_skeletons.get("yMMMM")
    if pattern is None:
        written = format_skeleton("yMMMM", day, locale=language)
    else:
        written = format_date(day, _STAND_ALONE.sub(lambda m: m[1] or "M", pattern.pattern), locale=language)
    return both(isolate(written, language), wording.month_year(text))
