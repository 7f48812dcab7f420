"""The report in ITU's six languages: the standing wording from the catalogs, the record texts in the language
where translated and in English, marked, where not; Word with the language, fonts and direction of each."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from tests.conftest import RunCli
from tests.test_word_schema import VALIDATOR, needs_validator, schema_errors

REPORT = "data/reports/2024.md"


@pytest.fixture
def numbered(bundled: Path) -> Path:
    """The bundled data with a document number and agenda item (synthetic) for the 2024 report's cover."""
    record = bundled / REPORT
    record.write_text(
        record.read_text("utf-8").replace(
            "original: English\n", "original: English\ndocument: C24/35\nagenda_item: ADM 9\n"
        )
    )
    return bundled


def _translate_theme(root: Path, block: str) -> None:
    path = root / "data/themes/accessibility.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: Accessibility\n", "title: Accessibility\n" + block, 1), "utf-8")


def report(run_cli: RunCli, root: Path, *args: str) -> tuple[str, str]:
    """The report in Markdown on standard output, and what was said on standard error."""
    result = run_cli(root, "report", "--year", "2024", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def word(run_cli: RunCli, root: Path, language: str) -> dict[str, BaseOxmlElement]:
    result = run_cli(root, "report", "--year", "2024", "--lang", language, "-f", "docx", "-o", "-")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO(result.stdout_bytes)) as package:
        return {name: parse_xml(package.read(name)) for name in package.namelist() if name.endswith(".xml")}


def test_a_french_report_has_the_catalogs_wording(run_cli: RunCli, numbered: Path) -> None:
    french, _ = report(run_cli, numbered, "--lang", "fr")
    cover = french.splitlines()[2]
    assert "**Conseil 2024**" in cover and "juin 2024" in cover  # the session, its dates as CLDR writes them
    assert "Point de l\u2019ordre du jour: ADM 9" in cover  # with the typographic apostrophe
    assert "**Document C24/35-F**" in cover and "Original: anglais" in cover
    assert "> **Références**" in french
    assert "de la Conférence de plénipotentiaires" in french  # the References, as ITU's French has it
    english, _ = report(run_cli, numbered)
    assert (
        "**Council 2024**" in english and "**Document C24/35-E**" in english and "> **References**" in english
    )


def test_wording_a_catalog_leaves_empty_stays_english(run_cli: RunCli, numbered: Path) -> None:
    french, _ = report(run_cli, numbered, "--lang", "fr")
    assert "## 3 Membership: " in french  # no source found for it in French: English, never guessed
    assert "## 1 Rappel" in french  # found in ITU's French (Council document C2001/38-F)


def test_untranslated_record_texts_are_marked_and_warned_about(run_cli: RunCli, bundled: Path) -> None:
    _translate_theme(bundled, "translations:\n  fr:\n    title: Accessibilité\n")
    french, said = report(run_cli, bundled, "--lang", "fr")
    assert "[The Council is invited to note the report.]{.untranslated lang=en}" in french
    # A translated title inside a sentence left in English: its English (rendering/bilingual.py), in lower
    # case in a list, unmarked as the sentence is (a translation is recorded: nothing to warn about).
    assert "addressed in 2024: accessibility, [Climate change]{.untranslated lang=en}, and [" in french
    warnings = [line for line in said.splitlines() if "in English in the French report" in line]
    assert len(warnings) == 1  # one warning, listing them all
    assert "report 2024 action_required" in warnings[0] and "theme climate-change title" in warnings[0]
    assert "theme accessibility title" not in warnings[0]
    assert "add it under translations: fr" in warnings[0]
    english, said = report(run_cli, bundled)
    assert "untranslated" not in english and "in English" not in said


def test_an_english_text_in_word_and_html_is_marked(run_cli: RunCli, bundled: Path) -> None:
    document = word(run_cli, bundled, "fr")["word/document.xml"]
    marked = [
        run
        for run in document.iter(qn("w:r"))
        if run.find(f"{qn('w:rPr')}/{qn('w:highlight')}[@{qn('w:val')}='lightGray']") is not None
    ]
    texts = {"".join(t.text or "" for t in run.iter(qn("w:t"))) for run in marked}
    assert "The Council is invited to note the report." in texts
    for run in marked:
        assert run.find(f"{qn('w:rPr')}/{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    result = run_cli(bundled, "report", "--year", "2024", "--lang", "fr", "-f", "html", "-o", "-")
    page = result.stdout
    assert '<html lang="fr-FR">' in page
    assert '<span lang="en" class="untranslated">The Council is invited to note the report.</span>' in page


# A synthetic text in Arabic ("The Council is invited to take note of this report"), for a paragraph of it.
_ARABIC = "يُدعى المجلس إلى الإحاطة علماً بهذا التقرير."


def _paragraphs(document: BaseOxmlElement) -> list[BaseOxmlElement]:
    return list(document.find(qn("w:body")).iter(qn("w:p")))


def _text(element: BaseOxmlElement) -> str:
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def test_an_arabic_word_report_reads_right_to_left_in_an_arabic_font(run_cli: RunCli, numbered: Path) -> None:
    record = numbered / REPORT  # a synthetic translation of the action required, for a paragraph in Arabic
    text = record.read_text("utf-8").replace(
        "\n---\n", f"\ntranslations:\n  ar:\n    action_required: {_ARABIC}\n---\n", 1
    )
    record.write_text(text, "utf-8")
    parts = word(run_cli, numbered, "ar")
    document, styles = parts["word/document.xml"], parts["word/styles.xml"]
    arabic = [p for p in _paragraphs(document) if _text(p) == _ARABIC]
    assert arabic and arabic[0].find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    # A paragraph mostly in English (no Arabic wording or translation for it yet) stays left to right, so
    # that its words keep their order and its full stop its place.
    english = [p for p in _paragraphs(document) if _text(p).startswith("The secretariat")]
    assert english and english[0].find(f"{qn('w:pPr')}/{qn('w:bidi')}") is None
    assert all(t.find(qn("w:bidiVisual")) is not None for t in document.iter(qn("w:tblPr")))
    runs = [r for r in document.iter(qn("w:r")) if "الوثيقة" in _text(r) or _text(r) == _ARABIC]
    assert len(runs) == 2 and all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in runs)
    fonts = {f.get(qn("w:cs")) for f in styles.iter(qn("w:rFonts"))}
    assert fonts == {"Noto Naskh Arabic"}
    normal = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Normal")
    language = normal.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:bidi")) == "ar" and language.get(qn("w:val")) == "en-GB"  # Latin text: English
    headings = [s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Heading1"]
    assert headings[0].find(f"{qn('w:rPr')}/{qn('w:bCs')}") is not None  # bold for Arabic text too


def test_a_chinese_word_report_has_an_east_asian_font_and_language(run_cli: RunCli, numbered: Path) -> None:
    parts = word(run_cli, numbered, "zh")
    styles, fonts = parts["word/styles.xml"], parts["word/fontTable.xml"]
    assert {f.get(qn("w:eastAsia")) for f in styles.iter(qn("w:rFonts"))} == {"Noto Sans CJK SC"}
    normal = next(s for s in styles.iter(qn("w:style")) if s.get(qn("w:styleId")) == "Normal")
    language = normal.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    assert language.get(qn("w:eastAsia")) == "zh-CN" and language.get(qn("w:val")) == "en-GB"
    noto = next(f for f in fonts.iter(qn("w:font")) if f.get(qn("w:name")) == "Noto Sans CJK SC")
    assert noto.find(qn("w:altName")).get(qn("w:val")) == "SimSun"
    assert "理事会2024年会议" in "".join(t.text or "" for t in parts["word/document.xml"].iter(qn("w:t")))
    assert not any(
        p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None for p in _paragraphs(parts["word/document.xml"])
    )


@needs_validator
@pytest.mark.parametrize("language", ["ar", "zh", "fr"])
def test_the_word_report_in_each_script_is_valid(
    run_cli: RunCli, numbered: Path, tmp_path: Path, language: str
) -> None:
    result = run_cli(numbered, "report", "--year", "2024", "--lang", language, "-f", "docx", "-o", "-")
    docx = tmp_path / f"{language}.docx"
    docx.write_bytes(result.stdout_bytes)
    assert VALIDATOR.is_file() and schema_errors(docx) == []


def test_lang_all_writes_the_six_named_with_itus_letters(
    run_cli: RunCli, numbered: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(numbered, "report", "--year", "2024", "--lang", "all", "-f", "docx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [f"C24-35-{letter}.docx" for letter in "ACEFRS"]
    assert result.stderr.count("wrote ") == 6
    # Without --lang, the English report keeps its name; asked for in English, it carries its letter.
    run_cli(numbered, "report", "--year", "2024")
    run_cli(numbered, "report", "--year", "2024", "--lang", "en")
    assert (numbered / "C24-35.md").is_file() and (numbered / "C24-35-E.md").is_file()
    assert (numbered / "C24-35.md").read_bytes() == (numbered / "C24-35-E.md").read_bytes()


def test_lang_all_needs_a_folder(run_cli: RunCli, bundled: Path) -> None:
    result = run_cli(bundled, "report", "--year", "2024", "--lang", "all", "-o", "-")
    assert result.exit_code == 2 and "--lang all writes six files" in result.stderr
    result = run_cli(bundled, "report", "--year", "2024", "--lang", "all", "-o", "nowhere")
    assert result.exit_code == 2 and "must be a folder that exists" in result.stderr


def test_an_unknown_language_is_refused_with_the_six(run_cli: RunCli, bundled: Path) -> None:
    result = run_cli(bundled, "report", "--year", "2024", "--lang", "de")
    assert result.exit_code == 2
    assert "'de' is not one of ITU's six languages" in result.stderr
    assert "ar (Arabic), zh (Chinese), en (English), fr (French), ru (Russian), es (Spanish)" in result.stderr
    assert "Traceback" not in result.output


# The fonts LibreOffice embeds in the PDF of each report: the script's own font, not a fallback.
_SCRIPT_FONTS = {"ar": ("NotoNaskhArabic", "الوثيقة C24/35-A"), "zh": ("NotoSansCJK", "理事会2024年会议")}


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdffonts") and shutil.which("pdftotext")),
    reason="LibreOffice and poppler are not installed (.ci/run installs them, and the Noto fonts)",
)
@pytest.mark.parametrize("language", _SCRIPT_FONTS)
def test_libreoffice_renders_the_script_in_its_font(
    run_cli: RunCli, numbered: Path, tmp_path: Path, language: str
) -> None:
    font, text = _SCRIPT_FONTS[language]
    fonts = subprocess.run(["fc-list"], capture_output=True, text=True, check=False).stdout
    if (
        font.replace("NotoSansCJK", "Noto Sans CJK").replace("NotoNaskhArabic", "Noto Naskh Arabic")
        not in fonts
    ):
        pytest.skip(f"the font {font} is not installed (.ci/run installs fonts-noto-core and fonts-noto-cjk)")
    result = run_cli(numbered, "report", "--year", "2024", "--lang", language, "-f", "docx", "-o", "-")
    docx = tmp_path / f"{language}.docx"
    docx.write_bytes(result.stdout_bytes)
    converted = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(docx)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / f"{language}.pdf"
    assert converted.returncode == 0 and pdf.is_file(), converted.stderr
    embedded = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert font in embedded
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # The script's text is there, as text: pdftotext puts spaces between Chinese characters and digits, and
    # writes Arabic lines in their visual order, between directional marks.
    flat = re.sub(r"[\s\u202a-\u202e]", "", words)
    assert all(part in flat for part in text.split())


def test_a_large_repository_s_english_texts_are_each_marked_once() -> None:
    from res191.report.languages import EnglishText, InLanguage

    reading = InLanguage("fr")
    reading.english += [EnglishText("theme", str(i), "title", f"Theme {i}") for i in range(70_000)]
    marked = reading._mark(EnglishText("theme", "last", "title", "The last theme"))
    markdown, shown = reading.spans(f"Themes: {marked}.")
    assert markdown == "Themes: [The last theme]{.untranslated lang=en}."
    assert [str(text) for text in shown] == ["theme last title"]


_FSI, _PDI = "\u2068", "\u2069"
_G = "\u202f\u0433."  # a Russian date's year (g. for goda), a narrow no-break space before it


def test_an_arabic_value_is_isolated_and_a_sentence_left_in_english_has_english_values(
    run_cli: RunCli, bundled: Path
) -> None:
    # An Arabic date or name inside a sentence left in English was laid out as `on 24 2024 يناير`, its day
    # and year split around its month; isolated, still a sentence of two languages: its values are English.
    arabic, _ = report(run_cli, bundled, "--lang", "ar")
    assert "since Council 2023: on 24 January 2024, in conjunction with" in arabic
    assert "proposed by RAG in March 2024." in arabic
    # An Arabic value in a sentence that is Arabic, or alone, is isolated (FSI ... PDI) as before.
    assert f"Geneva, {_FSI}4\u201314 يونيو 2024{_PDI}" in arabic.splitlines()[2]  # the cover
    assert f"الأصل: {_FSI}بالإنكليزية{_PDI}" in arabic.splitlines()[2]  # Original: English, translated
    # An English value in it is not isolated (LibreOffice breaks its lines wrongly where an isolate
    # spans runs), and no other language's report is touched.
    assert "in conjunction with the [Telecommunication" in arabic
    document = word(run_cli, bundled, "ar")["word/document.xml"]
    assert f"Geneva, {_FSI}4\u201314 يونيو 2024{_PDI}" in _text(document)
    french, _ = report(run_cli, bundled, "--lang", "fr")
    assert _FSI not in french and _PDI not in french


def test_a_russian_date_ends_a_sentence_with_one_full_stop(run_cli: RunCli, bundled: Path) -> None:
    russian, _ = report(run_cli, bundled, "--lang", "ru")
    assert _G + "." not in russian
    # A sentence left in English writes its month and year in English, with its own full stop (the rule of
    # one full stop after a Russian date inside a translated sentence: tests/test_languages.py).
    assert "proposed by RAG in March 2024. " in russian
    # The session's days with the month in full, as a single day is written, and CLDR's dash for Russian.
    assert f"Geneva, 4—14 июня 2024{_G}" in russian.splitlines()[2]


def test_a_sentence_left_in_english_has_its_values_in_english(run_cli: RunCli, bundled: Path) -> None:
    # "The %(body)s reports to %(bodies)s." has no French wording: its list and a body's French name were
    # French inside it ("TSAG, TDAG et the Groupe de travail du Conseil ..."), as were its dates and counts.
    french, _ = report(run_cli, bundled, "--lang", "fr")
    assert "TSAG, TDAG, and the Council Working Group on Financial and Human Resources (CWG-FHR)." in french
    assert "et the" not in french and "Groupe de travail du Conseil" not in french
    assert "since Council 2023: on 24 January 2024, in conjunction with" in french  # a translated `Council`
    # The Arabic References and Background, English sentences, name the conference in English.
    arabic, _ = report(run_cli, bundled, "--lang", "ar")
    assert "Decision 5 (Rev. Bucharest, 2022) of the Plenipotentiary Conference\n" in arabic  # References
    assert "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, adopted by" in arabic
    assert "مؤتمر المندوبين المفوضين" not in arabic
    # The Russian ones alike: no longer the English name in one and the Russian in the other.
    russian, _ = report(run_cli, bundled, "--lang", "ru")
    assert "Полномочная конференция" not in russian and " и Decision 5" not in russian
    assert "Decision 5 (Rev. Bucharest, 2022) of the Plenipotentiary Conference\n" in russian
    assert "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, adopted by" in russian


def test_a_translated_sentence_keeps_its_values_in_the_language(run_cli: RunCli, bundled: Path) -> None:
    # "%(resolutions)s of %(conference)s" is translated in French: its list and conference stay French,
    # while the Background's sentence, left in English, names the conference in English.
    french, _ = report(run_cli, bundled, "--lang", "fr")
    assert (
        "Resolution 191 (Rev. Bucharest, 2022) et Decision 5 (Rev. Bucharest, 2022) de la Conférence de "
        "plénipotentiaires\n"
    ) in french
    assert "Resolution 191 (Rev. Bucharest, 2022) of the Plenipotentiary Conference, adopted by" in french
    assert "| **Conseil 2024**<br>Geneva, 4\u201314 juin 2024 |" in french  # the cover: a date alone


def test_a_translated_html_text_changed_by_markup_keeps_a_form_for_english_sentences() -> None:
    # Markup's operations make their result with the value's class: a translated wording on a page, joined
    # or stripped there, must not go into a sentence left in English as an empty text.
    from markupsafe import Markup

    from res191.rendering.bilingual import both, in_english

    translated = both(Markup("la <em>réunion</em>"), "the <em>meeting</em>")
    assert isinstance(translated, Markup)
    values = in_english({"joined": translated + " !", "plain": translated.striptags(), "whole": translated})
    assert values["joined"] == "la <em>réunion</em> !"
    assert values["plain"] == "la réunion"
    assert values["whole"] == "the <em>meeting</em>"
