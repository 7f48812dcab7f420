"""The standing wording of the templates in ITU's six official languages: one gettext catalog a language.

The catalogs are .po files under templates/locale/<language>/LC_MESSAGES/, where translators and reviewers
read them in a pull request; Babel reads them and compiles them in memory when a language is asked for, so
that no compiled file is kept in the repository or can fall out of step with its source. A wording a catalog
does not translate stays English (gettext's own fallback) and is listed as untranslated: never guessed.
"""

from __future__ import annotations

import functools
import gettext
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from res191.models.translations import ENGLISH, LANGUAGES, TRANSLATED

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

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
    # A plural left untranslated would be compiled with the English singular for every count ("10 theme"):
    # left out, gettext falls back to the English of the right number.
    for message in list(catalog):
        if message.id and isinstance(message.string, tuple) and not all(message.string):
            catalog.delete(message.id, context=message.context)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


# The Python that writes wording into the documents, marked with N_(), gettext() or ngettext(): the
# folders of res191's package whose modules make what the templates render.
PYTHON_FOLDERS = ("report", "rendering", "site")


@dataclass(frozen=True)
class FoundWording:
    """A wording marked for translation: its text (with its plural, if it has one) and where it is used."""

    text: str
    plural: str | None
    places: tuple[str, ...]  # `report.md.j2`, `res191/report/annexes.py`


def _jinja(templates: Path) -> Iterator[tuple[str, str | tuple[str, ...]]]:
    from babel.messages.extract import extract_from_dir

    options = {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
    for file, _line, message, _comments, _context in extract_from_dir(
        str(templates), method_map=[("**.j2", "jinja2.ext:babel_extract")], options_map={"**.j2": options}
    ):
        yield file, message


def _python(package: Path) -> Iterator[tuple[str, str | tuple[str, ...]]]:
    from babel.messages.extract import extract_from_dir

    for folder in PYTHON_FOLDERS:
        if (package / folder).is_dir():
            found = extract_from_dir(str(package / folder), method_map=[("**.py", "python")])
            for file, _line, message, _comments, _context in found:
                yield f"{package.name}/{folder}/{file}", message


def wording(templates: Path, package: Path | None = None) -> list[FoundWording]:
    """Every wording marked for translation: in the templates (`_()`, `ngettext()`, `{% trans %}`) and in
    the Python that writes into the documents (N_(), gettext(), ngettext() with a literal text), each once,
    in the order first met, with the files it is used in."""
    package = package or Path(__file__).resolve().parents[1]
    found: dict[str, tuple[str | None, dict[str, None]]] = {}
    for place, message in [*_jinja(templates), *_python(package)]:
        texts = message if isinstance(message, tuple) else (message,)
        if not texts or not isinstance(texts[0], str) or not texts[0]:
            continue  # a call with no literal text (gettext(variable)): its words are marked where written
        plural = texts[1] if len(texts) > 1 and isinstance(texts[1], str) else None
        found.setdefault(texts[0], (plural, {}))[1][place.replace("\\", "/")] = None
    return [FoundWording(text, plural, tuple(places)) for text, (plural, places) in found.items()]


def template_wording(templates: Path) -> list[str]:
    """Every wording marked for translation, in order, once each (the texts of wording())."""
    return [w.text for w in wording(templates)]


def _template(found: list[FoundWording]) -> Catalog:
    from babel.messages.catalog import Catalog

    template = Catalog(domain=DOMAIN, project="res191", fuzzy=False)
    for item in found:
        text = (item.text, item.plural) if item.plural else item.text
        template.add(text, locations=[(place, 0) for place in item.places])  # no line: stable diffs
    return template


def updated(templates: Path, language: str, found: list[FoundWording]) -> bytes:
    """A language's catalog with every wording found, its translations kept (and its translators'
    comments: the sources), wording no longer used dropped, sorted: the same input gives the same bytes."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    path = catalog_path(templates, language)
    if path.is_file():
        with path.open("rb") as source:
            catalog = read_po(source, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="res191", fuzzy=False)
        catalog.header_comment = (
            f"# The standing wording of res191's documents in {LANGUAGES[language][0]}.\n"
            "# Each translation names its source, a text ITU publishes in\n"
            "# this language, in a comment above it (# source: ...).\n"
            "# A wording with no source stays empty: documents show it in\n"
            "# English. See docs/guide.md, Translating."
        )
    # The header's dates are the catalog's own: an update that changes no wording changes no byte.
    created = catalog.creation_date  # update() would date it now
    catalog.update(_template(found), no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    out = BytesIO()
    write_po(out, catalog, sort_output=True, include_lineno=False, ignore_obsolete=True)
    # Babel writes its own version into the header: left out, so that the catalogs are the same bytes
    # whichever Babel a maintainer (or CI, with the oldest allowed) runs.
    return _GENERATED_BY.sub(rb'"Generated-By: Babel\\n"', out.getvalue())


_GENERATED_BY = re.compile(rb'"Generated-By: Babel [^"\\]*\\n"')


def update(templates: Path, check: bool = False) -> list[Path]:
    """Bring the five catalogs in line with the wording the templates and the Python mark: the catalogs
    that change (with `check`, that would change; nothing is written)."""
    from res191.atomic import write_bytes

    found = wording(templates)
    changed = []
    for language in TRANSLATED:
        path = catalog_path(templates, language)
        content = updated(templates, language, found)
        if not path.is_file() or path.read_bytes() != content:
            changed.append(path)
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_bytes(path, content)
    return changed


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


def status(templates: Path) -> dict[str, list[str]]:
    """The wording each language's catalog leaves in English, by language."""
    found = template_wording(templates)
    return {language: untranslated(templates, language, found) for language in TRANSLATED}


def main(arguments: list[str] | None = None) -> int:
    """`python -m res191.rendering.catalogs update [--check]` for maintainers; `status` for everyone."""
    from res191.rendering.templates import builtin_folder

    args = sys.argv[1:] if arguments is None else arguments
    templates = builtin_folder()
    if args[:1] == ["update"] and args[1:] in ([], ["--check"]):
        check = args[1:] == ["--check"]
        changed = update(templates, check=check)
        for path in changed:
            print(f"{'would update' if check else 'updated'} {path}")
        if not changed:
            print(f"the {len(TRANSLATED)} catalogs hold every wording the templates and res191 mark")
        return 1 if check and changed else 0
    if args == ["status"]:
        total = len(template_wording(templates))
        for language, missing in status(templates).items():
            name = LANGUAGES[language][0]
            print(f"{language} ({name}): {total - len(missing)} of {total} translated")
            print("".join(f"  {text}\n" for text in missing), end="")
        return 0
    print("usage: python -m res191.rendering.catalogs update [--check] | status", file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `status | head`: the reader stopped early, which is not an error
        # Python would still try to flush stdout as it ends, and print a second complaint.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    sys.exit(code)
