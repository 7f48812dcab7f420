"""The Arabic and Chinese pages in a real browser (Debian's Chromium through Selenium, as
tests/test_site_browser.py runs it): axe-core finds nothing, Arabic is laid out right to left, nothing
scrolls sideways on a phone, and each language's search finds a body by its name in that language."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from tests.conftest import REPO
from tests.test_site_browser import axe, browser, missing

__all__ = ["browser"]  # the fixture, shared
pytestmark = pytest.mark.skipif(bool(missing), reason=f"the browser tests need {', '.join(missing)}")

PAGES = [
    "index.html",
    "themes/accessibility.html",
    "themes/index.html",
    "resolutions/index.html",
    "resolutions/pp-191.html",
    "bodies/pp.html",
    "meetings/iscg-2024-01-24.html",
    "tracker.html",
    "search.html",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from res191.cli import app

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app, ["site", "--root", str(REPO), "--output", str(out), "--on", "2024-06-04", "--lang", "ar,zh,fr"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("language", ["ar", "zh"])
@pytest.mark.parametrize("page", PAGES)
def test_no_accessibility_violation_in_arabic_and_chinese(
    browser: Any, site: Path, language: str, page: str
) -> None:
    for width in (1366, 390):
        browser.set_window_size(width, 1000)
        browser.get((site / language / page).as_uri())
        assert axe(browser) == [], f"{language}/{page} at {width} px"
        # Against the width inside the scroll bar: a list of English items on an Arabic page once widened
        # it by 3 px (their markers outside, on the left), which window.innerWidth hid.
        wide = browser.execute_script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth"
        )
        assert not wide, f"{language}/{page} scrolls sideways at {width} px"
    browser.set_window_size(1280, 1000)


def rect(browser: Any, selector: str) -> dict[str, float]:
    found: dict[str, float] = browser.execute_script(
        "const r = document.querySelector(arguments[0]).getBoundingClientRect();"
        "return {left: r.left, right: r.right, top: r.top};",
        selector,
    )
    return found


def test_the_arabic_pages_are_laid_out_right_to_left(browser: Any, site: Path) -> None:
    browser.set_window_size(1366, 1000)
    for language, mirrored in (("ar", True), ("fr", False)):
        browser.get((site / language / "index.html").as_uri())
        header = rect(browser, ".masthead")
        name, search = rect(browser, ".site-name"), rect(browser, ".site-search")
        switcher = rect(browser, "nav.languages li:first-child")
        menu = rect(browser, "header nav:not(.languages) li:first-child")
        if mirrored:
            # The site's name starts at the right edge, the search is on its left; the menu and the
            # languages begin at the right; a list's bullets and a table's first column are on the right.
            assert abs(header["right"] - name["right"]) < 40 and search["right"] < name["left"]
            assert menu["right"] > rect(browser, "header nav:not(.languages) li:nth-child(2)")["right"]
            assert switcher["right"] > rect(browser, "nav.languages li:nth-child(2)")["right"]
            cell = rect(browser, "table tbody th")
            assert cell["left"] > rect(browser, "table tbody td")["left"]
        else:
            assert abs(header["left"] - name["left"]) < 40 and search["left"] > name["right"]
            assert menu["left"] < rect(browser, "header nav:not(.languages) li:nth-child(2)")["left"]
    direction = browser.execute_script("return getComputedStyle(document.body).direction")
    assert direction == "ltr"  # the French page, last opened


def test_the_chinese_and_arabic_pages_use_their_scripts_fonts(browser: Any, site: Path) -> None:
    for language, face in (("zh", "Noto Sans CJK SC"), ("ar", "Noto Naskh Arabic")):
        browser.get((site / language / "bodies" / "pp.html").as_uri())
        family = browser.execute_script("return getComputedStyle(document.querySelector('h1')).fontFamily")
        assert family.startswith(f'"{face}"'), family


def test_each_language_finds_a_body_by_its_name_in_that_language(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.wait import WebDriverWait

    for language, query, expected in (
        ("fr", "plénipotentiaires", "Conférence de plénipotentiaires (PP)"),
        ("ar", "المفوضين", "مؤتمر المندوبين المفوضين (PP)"),
        ("zh", "全权代表大会", "全权代表大会 (PP)"),
    ):
        browser.get((site / language / "bodies" / "iscg.html").as_uri())
        browser.find_element(By.ID, "site-search").send_keys(query, Keys.ENTER)
        results = WebDriverWait(browser, 10).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
        )
        assert results[0].text == expected, [r.text for r in results]
        assert results[0].get_attribute("href").endswith(f"/{language}/bodies/pp.html")
        assert f"/{language}/search.html" in browser.current_url


def test_the_search_finds_part_of_a_chinese_name_and_an_arabic_word_with_its_prefix(
    browser: Any, site: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    for language, query, expected in (
        ("zh", "理事会", "国际电联理事会 (Council)"),  # written without spaces: found inside the name
        ("ar", "تنمية", "الفريق الاستشاري لتنمية الاتصالات (TDAG)"),  # لتنمية: "for" joined to the word
    ):
        browser.get((site / language / "search.html").as_uri() + "?q=" + query)
        results = WebDriverWait(browser, 10).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
        )
        assert expected in [r.text for r in results], [r.text for r in results]
        # The count and the query in their own direction, marked English where untranslated.
        heading = browser.find_element(By.ID, "results")
        assert heading.get_attribute("dir") == "auto"
        # A result translated is not marked English; what it is, untranslated, is.
        found = next(r for r in results if r.text == expected)
        assert found.get_attribute("lang") in ("", None)
        what = found.find_element(By.XPATH, "following-sibling::span")
        assert what.get_attribute("lang") == ("en" if what.text.strip() == "Body" else "")
        # The other languages' search pages are asked the same.
        english = browser.find_element(By.CSS_SELECTOR, 'a[hreflang="en"]').get_attribute("href")
        assert english.endswith("/search.html?q=" + quote(query))


def test_a_search_result_in_english_is_marked_as_such(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get((site / "fr" / "search.html").as_uri() + "?q=191")
    results = WebDriverWait(browser, 10).until(
        lambda driver: driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
    )
    cited = next(r for r in results if r.text.startswith("PP Resolution 191"))
    assert cited.get_attribute("lang") == "en"  # a citation, in English's standard form
    assert cited.find_element(By.XPATH, "following-sibling::span").get_attribute("lang") == "en"


def test_english_left_untranslated_reads_left_to_right_on_an_arabic_page(browser: Any, site: Path) -> None:
    """A sentence still in English on a right-to-left page keeps English's order: the body's name before
    "chaired by", not after it with its comma at the far end."""
    browser.set_window_size(1366, 1000)
    browser.get((site / "ar" / "index.html").as_uri())
    link, words = browser.execute_script(
        """
        const items = [...document.querySelectorAll("main li")];
        const item = items.find(li => li.textContent.includes("chaired by"));
        const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
        let node = walker.nextNode();
        while (node && !node.textContent.includes("chaired by")) node = walker.nextNode();
        const range = document.createRange();
        const at = node.textContent.indexOf("chaired by");
        range.setStart(node, at);
        range.setEnd(node, at + "chaired by".length);
        return [item.querySelector("a").getBoundingClientRect().left, range.getBoundingClientRect().left];
        """
    )
    assert link < words
    aligned = browser.execute_script(
        'return getComputedStyle([...document.querySelectorAll("main li")].find('
        'li => li.textContent.includes("chaired by"))).textAlign'
    )
    assert aligned == "right"  # beside its bullet, as the page is laid out
