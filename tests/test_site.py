"""`res191 site`: the pages built from the records; every link works, text is escaped, the same records
give the same bytes."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from res191.cli import app
from tests.conftest import EXAMPLES, REPO, RunCli

WITH_REPORT = EXAMPLES / "valid" / "with-report"


class Page(HTMLParser):
    """The links, ids and headings of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            if found.get(name):
                self.links.append(str(found[name]))
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "html":
            self.html_lang = found.get("lang")


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from res191.cli import app

    out = tmp_path_factory.mktemp("site") / "site"
    result = CliRunner().invoke(
        app, ["site", "--root", str(REPO), "--output", str(out), "--on", "2024-06-04"]
    )
    assert result.exit_code == 0, result.output
    return out


def test_every_kind_of_page_is_there(bundled_site: Path) -> None:
    for page in (
        "index.html",
        "themes/index.html",
        "themes/accessibility.html",
        "mapping.html",
        "resolutions/index.html",
        "resolutions/pp-191.html",
        "meetings/index.html",
        "meetings/iscg-2024-01-24.html",
        "bodies/index.html",
        "bodies/iscg.html",
        "reports/index.html",
        "reports/2024.html",
        "reports/report-2024.docx",
        "search.html",
        "site.css",
        "filter.js",
    ):
        assert (bundled_site / page).is_file(), page


def test_every_internal_link_and_anchor_works(bundled_site: Path) -> None:
    broken = []
    pages = sorted(bundled_site.rglob("*.html"))
    parsed = {path: read(path) for path in pages}
    for path, page in parsed.items():
        for link in page.links:
            parts = urlparse(link)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file():
                broken.append(f"{path.relative_to(bundled_site)} -> {link}")
            elif parts.fragment and parts.fragment not in parsed.get(target, Page()).ids:
                broken.append(f"{path.relative_to(bundled_site)} -> {link} (no such anchor)")
    assert broken == []
    assert len(pages) > 80


def test_each_page_has_one_h1_headings_in_order_and_a_language(bundled_site: Path) -> None:
    for path in bundled_site.rglob("*.html"):
        page = read(path)
        assert page.html_lang == "en", path
        assert page.headings.count(1) == 1 and page.headings[0] == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"


def test_pages_say_what_the_records_say(bundled_site: Path) -> None:
    theme = (bundled_site / "themes" / "accessibility.html").read_text()
    # The latest edition recorded, marked: PP-14, PP-18 and PP-22 are not accounted for in its history.
    assert "PP Resolution 175 (Guadalajara, 2010)*" in theme and "<caption>Focal points appointed" in theme
    assert "Theme with resolutions in several Sectors." in theme  # an overlap that concerns it
    home = (bundled_site / "index.html").read_text()
    assert 'chaired by <span dir="auto">Mr Fabio Bigi</span> (Italy)' in home  # the chair named for 2024
    mapping = (bundled_site / "mapping.html").read_text()
    # On 4 June 2024: not the New Delhi edition of October 2024, and Hammamet's only as the latest recorded.
    assert "Resolution 18 (Rev. Hammamet, 2016)*" in mapping and "New Delhi" not in mapping
    # Confirmed in force: adopted at WTDC-22, no session of WTDC since.
    assert "Resolution 59 (Rev. Kigali, 2022)<" in mapping
    report = (bundled_site / "reports" / "2024.html").read_text()
    assert "Mr Fabio Bigi (Italy); it is a contribution-driven group" in report
    assert "as they stand on 4 June 2024." in home  # every page says the day it speaks of
    resolution = (bundled_site / "resolutions" / "wtsa-70.html").read_text()
    assert "(latest recorded edition; not confirmed since WTSA-16)" in resolution
    assert "in force" not in resolution.split("<main")[1].split("Editions")[0]


def test_a_theme_page_shows_its_own_overlaps_only(bundled: Path, run_cli: RunCli, tmp_path: Path) -> None:
    # A second theme resting on a resolution of accessibility's, with work of two Sectors in one year.
    (bundled / "data" / "themes" / "sign-language.yaml").write_text(
        "id: sign-language\n"
        "title: Sign language\n"
        "resolutions: [pp-175, wtdc-58]\n"
        "tracker:\n"
        "  - {year: 2024, sector: ITU-T, title: Captioning workshop, status: planned}\n"
        "  - {year: 2024, sector: ITU-D, title: Captioning survey, status: planned}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2024-06-04").exit_code == 0
    accessibility = (out / "themes" / "accessibility.html").read_text()
    sign = (out / "themes" / "sign-language.html").read_text()
    assert "The theme “Accessibility” rests on" in accessibility
    assert "Sign language" not in accessibility  # the other theme's finding is on the other theme's page
    assert "The theme “Sign language” rests on" in sign and "The theme “Accessibility”" not in sign
    assert "Activities of several Sectors on one theme in one year." in sign
    assert "Captioning workshop" in sign.split('id="overlaps"')[1]


def test_the_same_records_give_the_same_bytes(run_cli: RunCli, tmp_path: Path) -> None:
    def digest(folder: Path) -> dict[str, str]:
        return {
            str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*")
            if p.is_file()
        }

    first, second = tmp_path / "one", tmp_path / "two"
    for out in (first, second):
        assert run_cli(WITH_REPORT, "site", "--output", str(out), "--on", "2025-01-01").exit_code == 0
    assert digest(first) == digest(second)
    again = run_cli(
        WITH_REPORT, "site", "--output", str(first), "--on", "2025-01-01"
    )  # a rebuild replaces it
    assert again.exit_code == 0 and digest(first) == digest(second)


def test_text_from_records_is_shown_not_run(run_cli: RunCli, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, root)
    theme = root / "data" / "themes" / "alpha-theme.yaml"
    theme.write_text(
        theme.read_text().replace("title: Alpha theme", 'title: "Alpha <script>alert(1)</script>"')
    )
    meeting = root / "data" / "meetings" / "iscg-2024-01-10.md"
    meeting.write_text(meeting.read_text() + "\n# Outcome\n\n<img src=x onerror=alert(2)> and *emphasis*.\n")
    assert run_cli(root, "site", "--output", str(tmp_path / "site")).exit_code == 0
    page = (tmp_path / "site" / "themes" / "alpha-theme.html").read_text()
    assert "<script>alert" not in page and "Alpha &lt;script&gt;alert(1)&lt;/script&gt;" in page
    outcome = (tmp_path / "site" / "meetings" / "iscg-2024-01-10.html").read_text()
    assert "<img" not in outcome and "&lt;img src=x onerror=alert(2)&gt; and <em>emphasis</em>" in outcome
    assert "<h3>Outcome</h3>" in outcome  # the outcome's headings come under the page's


def test_a_folder_that_is_not_a_site_is_not_replaced(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine\n")
    result = run_cli(WITH_REPORT, "site", "--output", str(tmp_path / "mine"))
    assert result.exit_code == 2 and "not a site res191 built" in result.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "mine\n"


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("where", [".", "data", "data/themes", ".."])
def test_a_planted_marker_never_lets_the_site_replace_the_records(
    run_cli: RunCli, tmp_path: Path, where: str
) -> None:
    root = tmp_path / "work" / "repo"
    shutil.copytree(WITH_REPORT, root)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    target = (root / where).resolve()
    (target / ".res191-site").write_text('{"files": {}}')  # as a pull request could add it
    before = _files(tmp_path / "work")
    result = run_cli(root, "site", "--output", str(target))
    assert result.exit_code == 2, result.output
    assert "give --output a folder of its own" in result.stderr
    assert _files(tmp_path / "work") == before


def test_a_site_is_replaced_only_while_it_is_as_its_build_left_it(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert run_cli(WITH_REPORT, "site", "--output", str(out)).exit_code == 0
    assert run_cli(WITH_REPORT, "site", "--output", str(out)).exit_code == 0  # its own: replaced
    (out / "notes.txt").write_text("mine\n")  # someone's file put into the site's folder
    added = run_cli(WITH_REPORT, "site", "--output", str(out))
    assert (
        added.exit_code == 2
        and "holds notes.txt, which the last build of the site did not write" in added.stderr
    )
    (out / "notes.txt").unlink()
    (out / "index.html").write_text("edited by hand\n")
    edited = run_cli(WITH_REPORT, "site", "--output", str(out))
    assert edited.exit_code == 2 and "holds index.html" in edited.stderr
    assert (out / "index.html").read_text() == "edited by hand\n"


def test_the_site_folder_can_be_the_current_one_and_is_readable_by_a_web_server(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "www"
    out.mkdir()
    (tmp_path / ".res191-site-abandoned").mkdir()  # a build killed before it finished
    (tmp_path / ".res191-site-abandoned" / ".res191-site-building").write_text("999999999\n")
    monkeypatch.chdir(out)
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(app, ["site", "-o", ".", "--root", str(WITH_REPORT)])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").is_file()
    assert (
        stat.S_IMODE(out.stat().st_mode) == 0o755 and stat.S_IMODE((out / "themes").stat().st_mode) == 0o755
    )
    assert not (tmp_path / ".res191-site-abandoned").exists()
