"""The site in a real browser: Debian's Chromium through Selenium, and axe-core on every kind of page.

Needs chromium and chromium-driver (Debian packages), selenium (pip) and axe-core's axe.min.js, which
.ci/run fetches from the npm registry into tests/.downloads/. Screenshots at desktop and phone width are
kept outside the repository, in $RES191_ARTEFACTS (default: a folder under the system's temporary folder).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.site_records import ARABIC, LONG_EMAIL, LONG_NAME, realistic

AXE = REPO / "tests" / ".downloads" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
ARTEFACTS = Path(os.environ.get("RES191_ARTEFACTS", Path(tempfile.gettempdir()) / "res191-artefacts"))

missing = [
    what
    for what, there in (
        ("Debian's chromium", CHROMIUM),
        ("Debian's chromium-driver", DRIVER),
        ("axe-core (tests/.downloads/axe.min.js, fetched by .ci/run)", AXE.is_file() or None),
    )
    if not there
]
pytestmark = pytest.mark.skipif(bool(missing), reason=f"the browser tests need {', '.join(missing)}")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from res191.cli import app

    # Long names and @itu.int addresses, sources, links to ITU's texts, an outcome with headings, Arabic
    # and planted attributes: what real records bring (tests/site_records.py).
    root = realistic(tmp_path_factory.mktemp("records") / "repo")
    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app, ["site", "--root", str(root), "--output", str(out), "--on", "2025-05-01"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tempfile.mkdtemp(prefix='res191-chromium-')}",
    ):
        options.add_argument(flag)
    options.binary_location = str(CHROMIUM)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    driver.set_window_size(1280, 1000)
    yield driver
    driver.quit()


def open_page(browser: Any, site: Path, page: str) -> None:
    browser.get((site / page).as_uri())


def test_follow_a_theme_from_the_home_page(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site, "index.html")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Inter-Sector coordination"
    browser.find_element(By.LINK_TEXT, "Alpha theme").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Alpha theme"
    focal = browser.find_element(By.CLASS_NAME, "focal")
    assert "Ann Example, Radiocommunication Bureau (BR)" in focal.text and LONG_EMAIL in focal.text


def test_filter_the_themes_with_the_keyboard(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site, "themes/index.html")
    box = browser.find_element(By.ID, "filter-items")
    assert box.is_displayed()  # hidden without JavaScript, shown by it
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(40):  # tab through the skip link, the search and the navigation to the filter
        if browser.switch_to.active_element == box:
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert browser.switch_to.active_element == box
    box.send_keys("alpha")
    shown = [
        li.text
        for li in browser.find_elements(By.CSS_SELECTOR, "[data-list=items] > li")
        if li.is_displayed()
    ]
    assert shown == ["Alpha theme active"]
    assert browser.find_element(By.ID, "count-items").text == "1 of 2 shown"
    box.send_keys(Keys.CONTROL, "a", Keys.BACKSPACE)
    shown = [
        li for li in browser.find_elements(By.CSS_SELECTOR, "[data-list=items] > li") if li.is_displayed()
    ]
    assert len(shown) == 2


def test_right_to_left_text_is_laid_out_right_to_left(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site, "themes/new-theme.html")
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert heading.text == ARABIC
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", heading) == "rtl"


PAGES = [
    "index.html",
    "themes/index.html",
    "themes/alpha-theme.html",
    "mapping.html",
    "tracker.html",
    "overlaps.html",
    "resolutions/index.html",
    "resolutions/pp-1.html",
    "meetings/index.html",
    "meetings/iscg-2024-06-05.html",
    "bodies/index.html",
    "bodies/iscg.html",
    "positions.html",
    "initiatives.html",
    "documents.html",
    "reports/index.html",
    "reports/2025.html",
    "open-data.html",
    "search.html",
    "search.html?q=alpha",
]


def axe(browser: Any) -> list[str]:
    """axe-core's WCAG 2.1 A and AA rules on the page open: the violations, one line each."""
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    found: list[str] = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))"
        ".catch(e => done(['axe failed: ' + e]));"
    )
    return found


@pytest.mark.parametrize("page", PAGES)
def test_no_accessibility_violation(browser: Any, site: Path, page: str) -> None:
    """axe-core's WCAG 2.1 A and AA rules, on every kind of page, at desktop and phone width."""
    for width in (1366, 390):
        browser.set_window_size(width, 1000)
        browser.get(
            site.joinpath(page.split("?")[0]).as_uri() + (f"?{page.split('?')[1]}" if "?" in page else "")
        )
        assert axe(browser) == [], f"{page} at {width} px"
    browser.set_window_size(1280, 1000)


@pytest.mark.parametrize("width", [390, 320])
def test_no_page_scrolls_sideways_on_a_phone_or_at_400_percent(browser: Any, site: Path, width: int) -> None:
    """Reflow (WCAG 1.4.10): at 390 px, and at 320 CSS pixels (a 1280 px window zoomed to 400 %), nothing is
    wider than the window with long names and addresses; only data tables scroll, in their own region."""
    wide = []
    for page in PAGES:
        browser.set_window_size(width, 900)
        open_page(browser, site, page.split("?")[0])
        if browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth"):
            wide.append(page)
    browser.set_window_size(1280, 1000)
    assert wide == []


def test_a_data_table_breaks_no_short_word_of_its_cells(browser: Any, tmp_path: Path) -> None:
    """The mapping's columns (five conferences and Council, with the bundled data's long titles) scroll in
    their region at desktop width rather than break "WRC" or "none recorded" a letter or two a line."""
    from typer.testing import CliRunner

    from res191.cli import app

    out = tmp_path / "site"
    built = CliRunner().invoke(
        app, ["site", "--root", str(REPO), "-o", str(out), "--on", "2024-06-04", "--lang", "en"]
    )
    assert built.exit_code == 0, built.output
    browser.set_window_size(1366, 1000)
    open_page(browser, out, "mapping.html")
    counted = browser.execute_script(
        """
        const found = [];
        let checked = 0;
        for (const cell of document.querySelectorAll('.mapping th, .mapping .none')) {
          for (const word of cell.textContent.trim().split(/\\s+/)) {
            if (word.length > 12) continue;  // a long word may break where it alone is wider than a column
            const range = document.createRange();
            const text = [...cell.querySelectorAll('*'), cell].flatMap(e => [...e.childNodes])
              .find(n => n.nodeType === 3 && n.textContent.includes(word));
            if (!text) continue;
            const start = text.textContent.indexOf(word);
            range.setStart(text, start); range.setEnd(text, start + word.length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            checked += 1;
            if (lines.size > 1) found.push(word);
          }
        }
        return [checked, found];
        """
    )
    checked, broken = counted
    assert checked > 100 and broken == []  # the header's seven names and the empty cells' "none recorded"


def test_the_header_search_finds_a_theme_a_resolution_by_number_and_a_focal_point(
    browser: Any, site: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.wait import WebDriverWait

    for query, expected in (
        ("alpha", "Alpha theme"),
        ("PP 1", "PP Resolution 1"),
        ("Konstantinopoulou", LONG_NAME),
        ("maria-alexandra", LONG_NAME),
    ):
        open_page(browser, site, "meetings/iscg-2024-06-05.html")  # from any page, from files on a disk
        box = browser.find_element(By.ID, "site-search")
        box.send_keys(query, Keys.ENTER)
        # The form leads to the search page: wait for it to be there, and to have searched.
        results = WebDriverWait(browser, 10).until(
            lambda driver: driver.find_elements(By.CSS_SELECTOR, "#search-results li a")
        )
        assert results[0].text.startswith(expected), (query, [r.text for r in results])
        assert browser.find_element(By.ID, "site-search").get_attribute("value") == query
    results[0].click()
    WebDriverWait(browser, 10).until(lambda driver: "themes/alpha-theme.html" in driver.current_url)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Alpha theme"


def test_without_javascript_the_search_and_the_filter_say_what_to_do(tmp_path: Path, site: Path) -> None:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    options.binary_location = str(CHROMIUM)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        driver.get((site / "search.html").as_uri() + "?q=alpha")
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "Searching needs JavaScript, which is off" in text and "Find in page" in text
        assert "Alpha theme" in text  # every record is listed
        driver.get((site / "themes" / "index.html").as_uri())
        text = driver.find_element(By.TAG_NAME, "main").text
        assert "Without JavaScript the whole list is shown" in text
        assert not driver.find_element(By.ID, "filter-items").is_displayed()
    finally:
        driver.quit()


def test_the_filter_hides_the_groups_it_empties(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, site, "resolutions/index.html")
    browser.find_element(By.ID, "filter-items").send_keys("first text")
    shown = [h.text for h in browser.find_elements(By.TAG_NAME, "h2") if h.is_displayed()]
    assert shown == ["Plenipotentiary Conference"]
    open_page(browser, site, "tracker.html")
    browser.find_element(By.ID, "filter-tracker").send_keys("joint workshop")
    rows = [
        r.text for r in browser.find_elements(By.CSS_SELECTOR, "[data-list=tracker] > tr") if r.is_displayed()
    ]
    assert len(rows) == 1 and "Joint workshop" in rows[0]
    assert [h.text for h in browser.find_elements(By.TAG_NAME, "h2") if h.is_displayed()] == ["2024"]


def test_screenshots_at_desktop_and_phone_width(browser: Any, site: Path) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for page in PAGES:
        for width, name in ((1366, "desktop"), (390, "phone")):
            browser.set_window_size(width, 900)
            open_page(browser, site, page.split("?")[0])
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(int(height) + 120, 6000))
            target = ARTEFACTS / f"{page.split('?')[0].replace('/', '-').removesuffix('.html')}-{name}.png"
            assert browser.save_screenshot(str(target))
            taken.append(target)
    browser.set_window_size(1280, 1000)
    assert all(p.stat().st_size > 5_000 for p in taken)
