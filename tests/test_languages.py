"""ITU's six languages in the records: translations as one clear shape, checked, counted, exported and
imported back without loss."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from res191.models import Theme
from res191.models.translations import in_language
from tests.conftest import REPO, RunCli
from tests.test_editing import snapshot

THEME = "data/themes/accessibility.yaml"
G = "\u202f\u0433."  # a Russian date's year (g. for goda), a narrow no-break space before it
FSI, PDI = "\u2068", "\u2069"


def _translate(root: Path, block: str) -> Path:
    """Give the accessibility theme a translations block (written after its title, as an editor would)."""
    path = root / THEME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Accessibility\n", "title: Accessibility\n" + block, 1), "utf-8")
    return path


def test_an_unknown_language_is_an_error_at_its_line(run_cli: RunCli, bundled: Path) -> None:
    _translate(
        bundled, "translations:\n  fr:\n    title: Accessibilité\n  de:\n    title: Barrierefreiheit\n"
    )
    result = run_cli(bundled, "validate", THEME)
    assert result.exit_code == 1
    assert f"{THEME}:7:3: error S201 [unknown-key]" in result.stdout
    assert "'de' is not the code of one of ITU's other official languages" in result.stdout
    assert "ar (Arabic), zh (Chinese), fr (French), ru (Russian), es (Spanish)" in result.stdout


def test_english_is_the_records_own_text(run_cli: RunCli, bundled: Path) -> None:
    _translate(bundled, "translations:\n  en:\n    title: Accessibility\n")
    result = run_cli(bundled, "validate", THEME)
    assert result.exit_code == 1
    assert "English is the record's own text, not a translation" in result.stdout


def test_a_missing_translation_is_not_a_problem_but_is_counted(run_cli: RunCli, bundled: Path) -> None:
    before = json.loads(run_cli(bundled, "validate", "--languages", "--format", "json").stdout)
    assert run_cli(bundled, "validate").exit_code == 0  # nothing translated is not an error
    _translate(bundled, "translations:\n  fr:\n    title: Accessibilité\n  zh:\n    title: 无障碍\n")
    result = run_cli(bundled, "validate", "--languages", "--format", "json")
    assert result.exit_code == 0
    after = json.loads(result.stdout)
    assert after["texts"] == before["texts"]
    for language, gained in {"fr": 1, "zh": 1, "ar": 0, "ru": 0, "es": 0}.items():
        assert (
            after["languages"][language]["translated"] == before["languages"][language]["translated"] + gained
        )
    title = next(m for m in after["missing"] if m["id"] == "accessibility" and m["text"] == "title")
    assert title["languages"] == ["ar", "ru", "es"]
    assert title["place"] == f"{THEME}:3:8"
    text = run_cli(bundled, "validate", "--languages").stdout
    assert f"{THEME}:3:8: theme accessibility title: ar, ru, es" in text
    assert "Translations of the" in text.splitlines()[0]


def test_the_coverage_is_refused_in_formats_it_has_not(run_cli: RunCli, bundled: Path) -> None:
    result = run_cli(bundled, "validate", "--languages", "--format", "sarif")
    assert result.exit_code == 2 and "--languages writes text or json" in result.stderr


def test_a_text_falls_back_to_english_marked_as_such() -> None:
    theme = Theme.model_validate(
        {"id": "a", "title": "Accessibility", "translations": {"fr": {"title": "Accessibilité"}}}
    )
    assert in_language(theme, "title", "fr") == ("Accessibilité", True)
    assert in_language(theme, "title", "ar") == ("Accessibility", False)
    assert in_language(theme, "title", "en") == ("Accessibility", True)
    assert in_language(theme, "description", "fr") == (None, False)


def test_translations_round_trip_through_the_workbook(run_cli: RunCli, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO, repo, ignore=shutil.ignore_patterns(".git", "site", "*.docx"))
    book = tmp_path / "records.xlsx"
    assert run_cli(repo, "export", "--output", str(book)).exit_code == 0
    # What was exported comes back unchanged: the bundled bodies' names in five languages among it.
    before = snapshot(repo)
    again = run_cli(repo, "import", str(book))
    assert again.exit_code == 0, again.output
    assert "0 record files changed" in again.stderr and snapshot(repo) == before
    # A translator fills one column per language; the records take it, comments kept.
    workbook = load_workbook(book)
    themes = workbook["themes"]
    headings = [c.value for c in themes[1]]
    assert {f"translations.{code}.title" for code in ("ar", "zh", "fr", "ru", "es")} <= set(headings)
    row = next(r for r in range(2, themes.max_row + 1) if themes.cell(r, 1).value == "accessibility")
    themes.cell(row, headings.index("translations.es.title") + 1).value = "Accesibilidad"
    workbook.save(book)
    result = run_cli(repo, "import", str(book))
    assert result.exit_code == 0, result.output
    written = (repo / THEME).read_text(encoding="utf-8")
    assert "translations:\n  es:\n    title: Accesibilidad\n" in written
    assert written.startswith("# yaml-language-server")
    bodies = load_workbook(book)["bodies"]
    names = [c.value for c in bodies[1]]
    council = next(r for r in range(2, bodies.max_row + 1) if bodies.cell(r, 1).value == "council")
    assert bodies.cell(council, names.index("translations.zh.name") + 1).value == "国际电联理事会"


@pytest.mark.parametrize("code", ["ar", "zh", "fr", "ru", "es"])
def test_the_schema_offers_each_language(code: str) -> None:
    schema = json.loads((REPO / "schemas" / "theme.schema.json").read_text(encoding="utf-8"))
    translations = schema["definitions"]["Translations_ThemeTexts_"]["properties"]
    assert code in translations and "en" not in translations


def test_dates_in_each_language_as_cldr_writes_them_the_month_in_full() -> None:
    from datetime import date

    from res191.rendering import dates

    june = (date(2024, 6, 4), date(2024, 6, 14))
    assert dates.date_range("ru", *june) == f"4—14 июня 2024{G}"  # not `июн.`: CLDR's em dash
    assert dates.date_range("fr", date(2024, 2, 4), date(2024, 2, 14)) == "4\u201314 février 2024"
    assert dates.date_range("ru", date(2024, 5, 30), date(2024, 6, 14)) == f"30 мая — 14 июня 2024{G}"
    # Chinese writes its month as a number, in a range as in a day.
    assert dates.date_range("zh", *june) == "2024年6月4日\u2009\u2013\u200914日"
    assert dates.date_range("en", *june) == "4-14 June 2024"
    assert dates.month_year("ru", "2024-03") == f"марта 2024{G}"  # the format context, as `1 марта`
    assert dates.month_year("zh", "2024-03") == "2024年3月"
    assert dates.month_year("es", "2024-03") == "marzo de 2024"
    assert dates.long_date("ar", date(2024, 1, 24)) == FSI + "24 يناير 2024" + PDI  # isolated
    assert dates.long_date("fr", date(2024, 1, 24)) == "24 janvier 2024"


def test_a_sentence_ends_once_after_a_value_that_ends_it() -> None:
    from res191.rendering.templates import inserted

    values = {"day": f"1 июня 2024{G}"}
    assert inserted("as of %(day)s.", values, "ru") % values == f"as of 1 июня 2024{G}"
    values = {"day": "1 June 2024"}
    assert inserted("as of %(day)s. Then...", values, "en") % values == "as of 1 June 2024. Then..."
    values = {"name": "الفريق", "other": "TSAG"}
    assert inserted("the %(name)s and %(other)s.", values, "ar") == "the %(name)s and %(other)s."
    assert values == {"name": FSI + "الفريق" + PDI, "other": "TSAG"}


def test_a_wording_left_in_english_takes_its_values_in_english() -> None:
    from datetime import date

    import jinja2

    from res191.rendering import dates
    from res191.rendering.templates import install_wording

    def wording(language: str, translated: dict[str, str]) -> jinja2.Environment:
        env = jinja2.Environment(extensions=["jinja2.ext.i18n"])
        install_wording(
            env, lambda m: translated.get(m, m), lambda s, p, n: s if n == 1 else p, language, translated
        )
        return env

    french = wording("fr", {"as of %(day)s": "au %(day)s", "Council %(year)s": "Conseil %(year)s"})
    day = {"day": dates.long_date("fr", date(2024, 6, 4))}
    assert french.from_string("{{ _('as of %(day)s', day=day) }}").render(day) == "au 4 juin 2024"
    assert french.from_string("{{ _('on %(day)s', day=day) }}").render(day) == "on 4 June 2024"
    # A translated wording inside one left in English goes in as its English.
    nested = "{{ _('since %(since)s', since=_('Council %(year)s', year=2023)) }}"
    assert french.from_string(nested).render() == "since Council 2023"
    assert french.from_string("{{ _('Council %(year)s', year=2023) }}").render() == "Conseil 2023"
    # A translated Arabic wording keeps its Arabic date, isolated; one left in English has the English date.
    arabic = wording("ar", {"as of %(day)s": "حتى %(day)s"})
    day = {"day": dates.long_date("ar", date(2024, 1, 24))}
    shown = arabic.from_string("{{ _('as of %(day)s', day=day) }}").render(day)
    assert shown == f"حتى {FSI}24 يناير 2024{PDI}"
    assert arabic.from_string("{{ _('on %(day)s', day=day) }}").render(day) == "on 24 January 2024"
