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

from tests.conftest import EXAMPLES, REPO

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

    root = tmp_path_factory.mktemp("records") / "repo"
    shutil.copytree(EXAMPLES / "valid" / "with-report", root)
    # A record in Arabic: the site must lay it out right to left.
    theme = root / "data" / "themes" / "new-theme.yaml"
    theme.write_text(theme.read_text().replace("title: New theme", "title: التحول الرقمي المستدام"))
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
    focal = browser.find_element(By.TAG_NAME, "table")
    assert "Ann Example, BR" in focal.text


def test_filter_the_themes_with_the_keyboard(browser: Any, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, site, "themes/index.html")
    box = browser.find_element(By.ID, "filter-items")
    assert box.is_displayed()  # hidden without JavaScript, shown by it
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(15):  # tab through the skip link and the navigation to the filter
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
    assert heading.text == "التحول الرقمي المستدام"
    assert browser.execute_script("return getComputedStyle(arguments[0]).direction", heading) == "rtl"


PAGES = [
    "index.html",
    "themes/index.html",
    "themes/alpha-theme.html",
    "mapping.html",
    "resolutions/index.html",
    "resolutions/pp-1.html",
    "meetings/index.html",
    "meetings/iscg-2024-06-05.html",
    "bodies/index.html",
    "bodies/iscg.html",
    "reports/index.html",
    "reports/2025.html",
    "search.html",
]


@pytest.mark.parametrize("page", PAGES)
def test_no_accessibility_violation(browser: Any, site: Path, page: str) -> None:
    """axe-core's WCAG 2.1 A and AA rules, on every kind of page."""
    open_page(browser, site, page)
    browser.execute_script(AXE.read_text(encoding="utf-8"))
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')')))"
        ".catch(e => done(['axe failed: ' + e]));"
    )
    assert result == []


def test_screenshots_at_desktop_and_phone_width(browser: Any, site: Path) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    taken = []
    for page in ("index.html", "themes/alpha-theme.html", "reports/2025.html"):
        for width, name in ((1280, "desktop"), (390, "phone")):
            browser.set_window_size(width, 900)
            open_page(browser, site, page)
            height = browser.execute_script("return document.documentElement.scrollHeight")
            browser.set_window_size(width, min(int(height) + 120, 4000))
            # Nothing is wider than the window: no sideways scrolling on a phone.
            wide = browser.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
            assert not wide, f"{page} scrolls sideways at {width} px"
            target = ARTEFACTS / f"{page.replace('/', '-').removesuffix('.html')}-{name}.png"
            assert browser.save_screenshot(str(target))
            taken.append(target)
    browser.set_window_size(1280, 1000)
    assert all(p.stat().st_size > 5_000 for p in taken)
