"""The standing wording of the templates in ITU's six official languages: one gettext catalog a language.

The catalogs are .po files under templates/locale/<language>/LC_MESSAGES/, where translators and reviewers
read them in a pull request; Babel reads them and compiles them in memory when a language is asked for, so
that no compiled file is kept in the repository or can fall out of step with its source. A wording a catalog
does not translate stays English (gettext's own fallback) and is listed as untranslated: never guessed.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path

from res191.models.translations import ENGLISH

DOMAIN = "res191"


def locale_folder(templates: Path) -> Path:
    """Where the catalogs of a template folder are."""
    return templates / "locale"


def catalog_path(templates: Path, language: str) -> Path:
    """The .po file of one language."""
    return locale_folder(templates) / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(templates: Path, language: str) -> gettext.NullTranslations:
    """The wording of one language, for jinja2.ext.i18n: English is the templates' own text."""
    if language == ENGLISH:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    path = catalog_path(templates, language)
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def template_wording(templates: Path) -> list[str]:
    """Every wording the templates mark for translation (`{% trans %}` and `_()`), in order, once each."""
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(
        str(templates),
        method_map=[("**.j2", "jinja2.ext:babel_extract")],
        options_map={
            "**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
        },
    )
    wording: dict[str, None] = {}
    for _file, _line, message, _comments, _context in found:
        for text in message if isinstance(message, tuple) else (message,):
            if text:
                wording[text] = None
    return list(wording)


def untranslated(templates: Path, language: str, wording: Iterable[str]) -> list[str]:
    """The wording a language's catalog leaves in English (not in it, or with no translation)."""
    if language == ENGLISH:
        return []
    from babel.messages.pofile import read_po

    path = catalog_path(templates, language)
    if not path.is_file():
        return list(wording)
    with path.open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    missing = []
    for text in wording:
        message = catalog.get(text)
        strings = message.string if message is not None else None
        done = all(strings) if isinstance(strings, tuple | list) else bool(strings)
        if message is None or not done or message.fuzzy:
            missing.append(text)
    return missing
