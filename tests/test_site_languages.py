"""`res191 site` in ITU's six languages: a folder each beside the English pages, a switcher on every page
leading to the same page in each language, `lang`, `hreflang` and `dir` right, texts without a translation
shown in English and marked, a search index per language, and catalogs that hold every wording."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from posixpath import normpath

import pytest
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from res191.cli import app
from tests.conftest import REPO, RunCli

OTHERS = ("ar", "zh", "fr", "ru", "es")
LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")
NAMES = {"ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español"}


class Frame(HTMLParser):
    """What a page says of its language: <html lang dir>, the alternates, the switcher's links."""

    def __init__(self) -> None:
        super().__init__()
        self.html: dict[str, str | None] = {}
        self.alternates: dict[str, str] = {}
        self.switcher: list[dict[str, str | None]] = []
        self._in_switcher = False
        self._link: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html = found
        elif tag == "link" and found.get("rel") == "alternate":
            self.alternates[str(found["hreflang"])] = str(found["href"])
        elif tag == "nav" and found.get("class") == "languages":
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self._link = found
            self.switcher.append(found)

    def handle_data(self, data: str) -> None:
        if self._link is not None and data.strip():
            self._link["text"] = data.strip()

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switcher = False
        if tag == "a":
            self._link = None


def frame(path: Path) -> Frame:
    found = Frame()
    found.feed(path.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app, ["site", "--root", str(REPO), "--output", str(out), "--on", "2024-06-04"]
    )
    assert result.exit_code == 0, result.output
    return out


def english_pages(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in OTHERS
    )


def test_each_language_has_every_page_in_its_folder(site: Path) -> None:
    english = english_pages(site)
    assert "index.html" in english and "themes/accessibility.html" in english
    for code in OTHERS:
        pages = sorted(p.relative_to(site / code).as_posix() for p in (site / code).rglob("*.html"))
        assert pages == english, code
        assert (site / code / "search-index.js").is_file()
    # The style sheet, the scripts and the open data are at the top once, shared by every language.
    assert not (site / "fr" / "site.css").exists() and not (site / "fr" / "open-data").exists()


def test_every_page_switches_to_the_same_page_in_each_language(site: Path) -> None:
    for page in english_pages(site):
        for code in LANGUAGES:
            path = site / ("" if code == "en" else code) / page
            shown = frame(path)
            assert shown.html.get("lang") == code, path
            assert shown.html.get("dir") == ("rtl" if code == "ar" else None), path
            links = shown.switcher
            assert [link["hreflang"] for link in links] == list(LANGUAGES), path
            assert [link["lang"] for link in links] == list(LANGUAGES), path
            assert [link["text"] for link in links] == [NAMES[c] for c in LANGUAGES], path
            assert [link["hreflang"] for link in links if link.get("aria-current") == "page"] == [code]
            for link in links:
                target = normpath((path.parent / str(link["href"])).as_posix())
                other = link["hreflang"]
                assert target == (site / ("" if other == "en" else str(other)) / page).as_posix(), path
                assert Path(target).is_file()
            assert shown.alternates == {str(link["hreflang"]): str(link["href"]) for link in links}


def test_a_record_translated_is_shown_in_the_pages_language(site: Path) -> None:
    # data/bodies/pp.yaml names the Plenipotentiary Conference in each language, with sources.
    page = (site / "fr" / "bodies" / "pp.html").read_text(encoding="utf-8")
    assert '<h1 dir="auto">Conférence de plénipotentiaires (PP)</h1>' in page
    assert "<title>Conférence de plénipotentiaires (PP) - " in page
    arabic = (site / "ar" / "bodies" / "index.html").read_text(encoding="utf-8")
    assert ">مؤتمر المندوبين المفوضين (PP)</a>" in arabic
    # The conference's name in a list's heading comes from the catalog, with its source.
    listed = (site / "zh" / "resolutions" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="plenipotentiary-conference">全权代表大会</h2>' in listed


def test_a_text_not_translated_is_english_marked_as_such(site: Path) -> None:
    # The ISCG has no French name in the records: English, said to be English, with a visible mark (in
    # French, as the catalog words it).
    page = (site / "fr" / "bodies" / "iscg.html").read_text(encoding="utf-8")
    assert re.search(
        r'<h1><span lang="en" dir="ltr">Inter-Sector Coordination Group \(ISCG\)</span> '
        r'<span class="lang-badge">\(anglais\)</span></h1>',  # the mark in French: "Original: anglais"
        page,
    )
    # A link to it on another page, the same.
    listed = (site / "fr" / "bodies" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a href="../bodies/iscg.html" dir="auto" lang="en">Inter-Sector Coordination Group (ISCG)</a> '
        '<span class="lang-badge">(anglais)</span>'
    ) in listed
    home = (site / "fr" / "index.html").read_text(encoding="utf-8")
    # Standing wording the catalog does not translate: English, inside lang="en" (right to left pages too).
    assert '<h2 id="overview"><span lang="en">Overview</span></h2>' in home
    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="latest"><span lang="en" dir="ltr">Latest meetings</span></h2>' in arabic
    assert '<h2 id="overview">لمحة عامة</h2>' in arabic  # translated: not marked
    # A wording that depends on a number, untranslated, follows English's rule (Chinese has one form only).
    chinese = (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert '<span class="figure">10</span> <span lang="en">themes of mutual interest</span>' in chinese
    # A citation is English in its standard form: said so, without the visible mark, as its page's title too.
    cited = (site / "ar" / "resolutions" / "pp-191.html").read_text(encoding="utf-8")
    assert '<h1><span lang="en" dir="ltr">PP Resolution 191 (Rev. Bucharest, 2022)</span></h1>' in cited
    # The reports' links are the page's language's wording, here English, said so.
    reports = (site / "fr" / "reports" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../reports/2024.html" dir="auto" lang="en">Report to Council 2024</a>' in reports
    # The English pages carry no such marks.
    english = (site / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="overview">Overview</h2>' in english and "lang-badge" not in english


def test_dates_are_written_as_each_language_writes_them(site: Path) -> None:
    assert "4 juin 2024" in (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert "2024年6月4日" in (site / "zh" / "index.html").read_text(encoding="utf-8")
    assert "4 June 2024" in (site / "index.html").read_text(encoding="utf-8")


def test_a_meeting_named_in_english_has_its_days_in_the_pages_language(site: Path) -> None:
    # WTDC-25 has no French name in the records: the name is English, marked, and its days are French (the
    # site writes them, not the record), on its page and in a link to it.
    page = (site / "fr" / "meetings" / "wtdc-2025.html").read_text(encoding="utf-8")
    assert re.search(
        r'<h1><span lang="en" dir="ltr">WTDC-25</span> <span class="lang-badge">\(anglais\)</span>, '
        r"17\u201328 novembre 2025</h1>",
        page,
    )
    listed = (site / "fr" / "meetings" / "index.html").read_text(encoding="utf-8")
    assert (
        '<a href="../meetings/wtdc-2025.html" dir="auto"><span lang="en" dir="ltr">WTDC-25</span> '
        '<span class="lang-badge">(anglais)</span>, 17\u201328 novembre 2025</a>'
    ) in listed
    assert "November 2025" not in listed
    # The list's filter finds it by its days, as the page writes them.
    assert 'data-search="wtdc-25, 17\u201328 novembre 2025 baku"' in listed


def test_english_on_an_arabic_page_is_laid_out_left_to_right(site: Path) -> None:
    # The English report, whose lists had hung off the page's edge; the footer's two English sentences, one
    # a paragraph (in one right-to-left paragraph their lines were laid out in each other's).
    report = (site / "ar" / "reports" / "2024.html").read_text(encoding="utf-8")
    assert '<article class="report" lang="en" dir="ltr">' in report
    footer = report.split('<footer class="site">', 1)[1].split("</footer>", 1)[0]
    assert footer.count("<p>") == 2


def search_index(path: Path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    entries: list[list[str]] = json.loads(text.removeprefix("window.res191Search = ").rstrip(";\n"))[
        "entries"
    ]
    return entries


def test_each_language_searches_its_own_pages_by_their_names_in_it(site: Path) -> None:
    french = {e[0]: e for e in search_index(site / "fr" / "search-index.js")}
    entry = french["Conférence de plénipotentiaires (PP)"]
    assert entry[1] == "bodies/pp.html"  # from fr/, where the index is: the French page
    assert "Plenipotentiary Conference" in entry[3]  # found by its English name too
    english = {e[0] for e in search_index(site / "search-index.js")}
    assert (
        "Plenipotentiary Conference (PP)" in english and "Conférence de plénipotentiaires (PP)" not in english
    )
    # The search page of each language loads its own index and the shared script.
    page = (site / "fr" / "search.html").read_text(encoding="utf-8")
    assert (
        '<script src="search-index.js"></script>' in page and '<script src="../search.js"></script>' in page
    )


def test_the_site_can_be_built_in_some_languages_only(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = run_cli(REPO, "site", "--output", str(out), "--on", "2024-06-04", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert (out / "fr" / "index.html").is_file() and (out / "index.html").is_file()  # English always
    assert not (out / "ar").exists()
    assert [link["hreflang"] for link in frame(out / "fr" / "index.html").switcher] == ["en", "fr"]
    only = tmp_path / "english"
    assert run_cli(REPO, "site", "--output", str(only), "--lang", "en").exit_code == 0
    assert "hreflang" not in (only / "index.html").read_text(encoding="utf-8")  # no switcher for one
    bad = run_cli(REPO, "site", "--output", str(tmp_path / "bad"), "--lang", "fr,de")
    assert bad.exit_code != 0
    assert "de is not one of ITU's languages" in bad.output and "ar, zh, en, fr, ru, es" in bad.output
    assert "Traceback" not in bad.output


def site_wording() -> set[str]:
    from babel.messages.extract import extract_from_dir

    from res191.site.languages import python_wording

    found = set(python_wording())
    for _f, _l, message, _c, _x in extract_from_dir(
        str(REPO / "templates" / "site"),
        method_map=[("**.j2", "jinja2.ext:babel_extract")],
        options_map={
            "**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True", "lstrip_blocks": "True"}
        },
    ):
        first = message[0] if isinstance(message, tuple) else message
        if first:
            found.add(first)
    return found


@pytest.mark.parametrize("code", OTHERS)
def test_each_catalog_holds_every_wording_of_the_site_and_sources_what_it_translates(code: str) -> None:
    path = REPO / "templates" / "locale" / code / "LC_MESSAGES" / "res191.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=code, domain="res191")
    held = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    assert sorted(site_wording() - held) == []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and any(strings):
            assert re.search(r"source: https?://", " ".join(message.user_comments)), (code, message.id)


class _EnglishText(HTMLParser):
    """The text a page says is English (inside an element with lang="en")."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str | None] = []
        self.english: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr"):
            self.open.append(dict(attrs).get("lang"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "img", "input", "meta", "link", "hr", "wbr") and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if next((lang for lang in reversed(self.open) if lang), None) == "en":
            self.english.append(data)


def test_a_sentence_left_in_english_has_its_values_in_english(site: Path) -> None:
    # "As the records stand on %(day)s." has no French wording: its date was French inside lang="en".
    home = (site / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en">As the records stand on 4 June 2024.</span>' in home
    assert '<span class="figure figure-date">4 juin 2024</span>' in home  # a date alone: French
    arabic = (site / "ar" / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en" dir="ltr">As the records stand on 4 June 2024.</span>' in arabic
    # A conference's name, translated in the catalog, inside an English sentence; a list of English values.
    resolution = (site / "fr" / "resolutions" / "pp-191.html").read_text(encoding="utf-8")
    assert '<span lang="en">Resolution of the Plenipotentiary Conference.</span>' in resolution
    assert '<span lang="en">ITU-R, ITU-T, ITU-D, and General Secretariat</span>' in resolution
    # No French month or list word in any text a French page marks English (but the mark after a record's
    # text, in French by design); no Arabic letter in an Arabic page's.
    french_words = re.compile(r"\b(janvier|février|mars|mai|juin|juillet|octobre|novembre|décembre| et )\b")
    for code, words in (("fr", french_words), ("ar", re.compile("[\u0600-\u06ff]"))):
        for page in (site / code).rglob("*.html"):
            found = _EnglishText()
            found.feed(page.read_text(encoding="utf-8").replace('<span class="lang-badge">', "<span lang=x>"))
            assert not [text for text in found.english if words.search(text)], page
