"""The catalogs of the standing wording: one a language, holding every wording the templates and res191's
Python mark, each translation with its source, none that would break a document."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from res191.models.translations import TRANSLATED
from res191.rendering.catalogs import catalog_path, main, template_wording, untranslated, update, wording
from tests.conftest import REPO

TEMPLATES = REPO / "templates"
_VALUE = re.compile(r"%\((\w+)\)s")


def _catalog(language: str, templates: Path = TEMPLATES):  # type: ignore[no-untyped-def]
    with catalog_path(templates, language).open("rb") as source:
        return read_po(source, locale=language)


def test_the_wording_marked_includes_the_templates_and_the_python() -> None:
    found = {w.text: w for w in wording(TEMPLATES)}
    assert "Action required by the Council" in found  # the summary box, in the template
    assert (
        found["The meeting was held in %(venue)s%(how)s."].plural
        == "The meetings were held in %(venue)s%(how)s."
    )
    assert "res191/report/annexes.py" in found["Mapping of resolutions to themes"].places
    assert "the %(name)s (%(acronym)s)" in found  # a body's name spelt out, written by Python


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_catalog_holds_every_wording_the_templates_use(language: str) -> None:
    catalog = _catalog(language)
    missing = [text for text in template_wording(TEMPLATES) if catalog.get(text) is None]
    assert missing == [], f"run `python -m res191.rendering.catalogs update`: {language} lacks {missing}"


def test_a_wording_added_to_a_template_fails_until_the_catalogs_are_updated(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates, ignore=shutil.ignore_patterns("site", "__pycache__"))
    template = templates / "report.md.j2"
    template.write_text(template.read_text("utf-8") + '{{ _("A new wording") }}\n', "utf-8")
    assert "A new wording" in template_wording(templates)
    assert _catalog("fr", templates).get("A new wording") is None
    assert update(templates, check=True) == [catalog_path(templates, code) for code in TRANSLATED]
    assert update(templates) == [catalog_path(templates, code) for code in TRANSLATED]
    assert _catalog("fr", templates).get("A new wording") is not None
    assert untranslated(templates, "fr", ["A new wording"]) == ["A new wording"]
    assert update(templates, check=True) == []  # the same wording gives the same bytes


def test_the_catalogs_are_as_update_writes_them(capsys: pytest.CaptureFixture[str]) -> None:
    """Sorted, current, and kept so: a pull request that changes the wording brings its catalogs along."""
    assert main(["update", "--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translation_names_its_source_and_keeps_the_values(language: str) -> None:
    for message in _catalog(language):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not message.id or not any(strings):
            continue
        comments = " ".join(message.user_comments)  # a long comment is written on several lines
        named = re.search(r"source: https?://\S+", comments)
        assert named, f"{language}: the translation of {message.id!r} names no source (# source: URL)"
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = {name for text in ids for name in _VALUE.findall(text)}
        for string in strings:
            assert set(_VALUE.findall(string)) <= wanted, (
                f"{language}: {string!r} names a value {message.id!r} lacks"
            )
            assert "%" not in _VALUE.sub("", string).replace("%%", ""), f"{language}: a stray % in {string!r}"


def test_status_lists_what_each_language_leaves_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    total = len(template_wording(TEMPLATES))
    for language in TRANSLATED:
        left = len(untranslated(TEMPLATES, language, template_wording(TEMPLATES)))
        assert f"{language} (" in out and f": {total - left} of {total} translated" in out


def test_status_read_in_part_ends_quietly() -> None:
    """`status | head`: a translator's reader that stops after a line gets no traceback and no failure."""
    read, write = os.pipe()
    # A pipe of one page, so that the status (some 60 KB) cannot all wait in it for a reader gone.
    fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    with subprocess.Popen(
        [sys.executable, "-m", "res191.rendering.catalogs", "status"], stdout=write, stderr=subprocess.PIPE
    ) as process:
        os.close(write)
        with os.fdopen(read, "rb") as out:
            first = out.readline()  # and closed, as `head -1` does once it has its line
        complaint = process.communicate()[1].decode("utf-8")
    assert first.startswith(b"ar (Arabic): ")
    assert process.returncode == 0 and complaint == ""


def test_a_wrong_command_says_how_to_call_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["upgrade"]) == 2
    assert "usage: python -m res191.rendering.catalogs update [--check] | status" in capsys.readouterr().err


def test_a_plural_left_untranslated_falls_back_to_the_english_of_the_right_number(tmp_path: Path) -> None:
    """Babel would compile an untranslated plural with the English singular for every count ("10 theme"
    in Chinese, which has one plural form): left out of the compiled catalog, gettext falls back to
    English."""
    from res191.rendering.catalogs import translations

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES / "locale", templates / "locale")
    target = catalog_path(templates, "zh")
    target.write_text(
        target.read_text(encoding="utf-8")
        + '\nmsgid "%(num)s apple"\nmsgid_plural "%(num)s apples"\nmsgstr[0] ""\n',
        encoding="utf-8",
    )
    compiled = translations(templates, "zh")
    assert compiled.ngettext("%(num)s apple", "%(num)s apples", 10) == "%(num)s apples"
    assert compiled.ngettext("%(num)s apple", "%(num)s apples", 1) == "%(num)s apple"
