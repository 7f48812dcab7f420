"""`res191 site`: the pages built from the records; every link works, text is escaped, the same records
give the same bytes."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
from datetime import date
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from res191.cli import app
from res191.cli.common import load_valid
from res191.overlaps.find import find_overlaps
from res191.site.facts import THEME_OVERLAPS, make_site
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
        "tracker.html",
        "overlaps.html",
        "positions.html",
        "initiatives.html",
        "documents.html",
        "open-data.html",
        "open-data/res191-records.xlsx",
        "open-data/res191-records.json",
        "open-data/csv/themes.tracker.csv",
        "search-index.js",
        "search.js",
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
        folder = path.relative_to(bundled_site).parts[0]
        assert page.html_lang == (folder if folder in ("ar", "zh", "fr", "ru", "es") else "en"), path
        assert page.headings.count(1) == 1 and page.headings[0] == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"


def test_pages_say_what_the_records_say(bundled_site: Path) -> None:
    theme = (bundled_site / "themes" / "accessibility.html").read_text()
    # The latest edition recorded, marked: PP-14, PP-18 and PP-22 are not accounted for in its history.
    assert "PP Resolution 175 (Guadalajara, 2010)*" in theme and 'id="focal-points">Focal points' in theme
    # Each citation with the title of the edition cited.
    assert '2010)*</a>, <cite dir="auto">Telecommunication/information and communication technology' in theme
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
        "  - {year: 2024, sector: ITU-T, title: Workshop on captioning remote participation}\n"
        "  - {year: 2024, sector: ITU-D, title: Survey of captioning remote participation}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2024-06-04").exit_code == 0
    accessibility = (out / "themes" / "accessibility.html").read_text()
    sign = (out / "themes" / "sign-language.html").read_text()
    assert "The theme “Accessibility” rests on" in accessibility
    assert "Sign language" not in accessibility  # the other theme's finding is on the other theme's page
    assert "The theme “Sign language” rests on" in sign and "The theme “Accessibility”" not in sign
    assert "Activities of two Sectors on one subject, under one theme in one year." in sign
    assert "Workshop on captioning remote participation" in sign.split('id="overlaps"')[1]


def add_summit_theme(root: Path) -> None:
    """A theme whose two Sectors' activities of 2024 meet only where the glossary reads "World Summit on the
    Information Society" as "WSIS": one joint work."""
    (root / "data" / "themes" / "summit.yaml").write_text(
        "id: summit\n"
        "title: Summit follow-up\n"
        "resolutions: [pp-139]\n"
        "tracker:\n"
        "  - {year: 2024, sector: ITU-T, title: WSIS outcomes}\n"
        "  - {year: 2024, sector: ITU-D, title: World Summit on the Information Society outcomes}\n",
        encoding="utf-8",
    )


def test_a_theme_page_and_the_overlaps_page_read_activities_through_the_glossary(
    bundled: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    # Two Sectors' activities that meet only where the glossary reads "World Summit on the Information
    # Society" as "WSIS": the overlaps page found them; the theme's page, reading without it, did not.
    add_summit_theme(bundled)
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2024-06-04", "--lang", "en").exit_code == 0
    theme = (out / "themes" / "summit.html").read_text().split('id="overlaps"')[1]
    overlaps = (out / "overlaps.html").read_text()
    for page in (theme, overlaps):
        assert "Under the theme “Summit follow-up” in 2024" in page


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
    assert '<h3 dir="auto">Outcome</h3>' in outcome  # the outcome's headings come under the page's


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
    said = {
        ".": "is the repository's own folder",
        "..": f"holds the repository {root}",
        "data": "is " + str(root / "data") + ", the folder of the records",
        "data/themes": "lies inside " + str(root / "data") + ", the folder of the records",
    }[where]
    assert said in result.stderr
    assert "records themselves" not in result.stderr
    assert _files(tmp_path / "work") == before


def test_a_path_through_data_and_back_out_is_where_it_leads(run_cli: RunCli, tmp_path: Path) -> None:
    # `data/..` is the repository's folder, not a folder inside data/: the message says what it is, and a
    # report written to `data/../report.md` lands beside data/, as the path says.
    root = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, root)
    site = run_cli(root, "site", "--output", "data/..")
    assert site.exit_code == 2 and "is the repository's own folder" in site.stderr, site.stderr
    assert "inside" not in site.stderr
    report = run_cli(root, "report", "--year", "2024", "-o", "data/../report.md")
    assert report.exit_code == 0, report.stderr
    assert (root / "report.md").read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("where", ["data/meetings/out", "linked/out"])
def test_a_site_is_never_built_among_the_records(run_cli: RunCli, tmp_path: Path, where: str) -> None:
    root = tmp_path / "repo"
    shutil.copytree(WITH_REPORT, root)
    (root / "linked").symlink_to("data")  # a way into data/ from outside it
    before = _files(root)
    result = run_cli(root, "site", "--output", where)
    assert result.exit_code == 2, result.output
    assert f"inside {root / 'data'}, the folder of the records" in result.stderr
    assert f"such as {root / 'site'}" in result.stderr
    assert _files(root) == before and not (root / "data" / "meetings" / "out").exists()


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


def main_of(page: Path) -> str:
    """The page's own content, without the header, menu and footer every page has."""
    return page.read_text(encoding="utf-8").split("<main", 1)[1].split("</main>", 1)[0]


def test_resolutions_are_in_the_order_of_their_numbers(bundled_site: Path) -> None:
    listed = main_of(bundled_site / "resolutions" / "index.html")
    assert (
        listed.index("PP Resolution 35 ")
        < listed.index("PP Resolution 70 ")
        < listed.index("PP Resolution 200 ")
    )
    assert (
        listed.index("WTDC Resolution 5 ")
        < listed.index("WTDC Resolution 8 ")
        < listed.index("WTDC Resolution 10 ")
    )
    climate = main_of(bundled_site / "themes" / "climate-change.html")
    assert climate.index("PP Resolution 35 ") < climate.index("PP Resolution 182 ")


def test_the_mapping_has_councils_resolutions_with_their_titles(bundled_site: Path) -> None:
    mapping = main_of(bundled_site / "mapping.html")
    assert '<abbr title="Council">Council</abbr>' in mapping
    row = mapping.split(">Climate change</a>", 1)[1].split("</tr>", 1)[0]
    assert "Council Resolution 1307 (C09)" in row and "ICT and climate change" in row
    assert row.index("PP Resolution 35 ") < row.index("PP Resolution 182 ")


def test_what_refers_to_a_resolution_is_said_in_words(bundled_site: Path) -> None:
    page = main_of(bundled_site / "resolutions" / "pp-191.html")
    referred = page.split('id="referred-by"', 1)[1]
    assert "(a theme that rests on it)" in referred and "(a body it sets up or guides)" in referred
    assert "(a report to Council that cites it)" in main_of(bundled_site / "resolutions" / "pp-71.html")
    assert "theme, resolutions" not in referred and "_" not in referred.replace("</", "")


def test_a_record_that_refers_to_a_resolution_twice_is_listed_once(bundled_site: Path) -> None:
    # The report of 2024 is the report on Resolution 191's implementation and cites it among its references.
    page = main_of(bundled_site / "resolutions" / "pp-191.html")
    items = [
        visible(item) for item in page.split('id="referred-by"', 1)[1].split("</ul>", 1)[0].split("<li>")[1:]
    ]
    assert len(items) == len(set(items)) and visible(page).count("Report to Council 2024") == 1, items
    assert "Report to Council 2024 (the report to Council on its implementation)" in items


def test_the_day_the_site_speaks_of_decides_the_latest_meetings(
    bundled: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2024-02-01").exit_code == 0
    home = main_of(out / "index.html")
    latest, coming = home.split('id="latest"', 1)[1].split('id="coming"', 1)
    assert "ISCG, 24 January 2024" in latest and "21 May 2024" not in latest
    assert "ISCG, 21 May 2024" in coming.split("</ul>", 1)[0]
    assert (
        "meetings in 2024" in home and "as they stand on 1 February 2024." in (out / "index.html").read_text()
    )
    assert "Chair on 1 February 2024" in main_of(out / "bodies" / "iscg.html")


def test_the_home_page_gives_an_overview(bundled_site: Path) -> None:
    home = main_of(bundled_site / "index.html")
    assert '<span class="figure">10</span> themes of mutual interest' in home
    assert (
        "Resolutions recorded, by conference" in home and "Resolutions recorded, by Sector concerned" in home
    )
    assert '<span class="figure figure-date">4 June 2024</span> the day these pages speak of' in home
    # The seed's document number is not known: the latest report is named by its year, with its Word file.
    assert 'Report to Council 2024</a></span> the latest report: <a href="reports/report-2024.docx">' in home


def visible(markup: str) -> str:
    """The words of some HTML as a visitor reads them: tags dropped, entities read, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def test_the_home_page_names_each_conference_once(bundled_site: Path) -> None:
    table = main_of(bundled_site / "index.html").split("Resolutions recorded, by conference", 1)[1]
    rows = [visible(row) for row in table.split("</table>", 1)[0].split("<tr>")[2:]]
    assert rows[0].startswith("PP Plenipotentiary Conference ")
    council = [row for row in rows if row.startswith("Council")]
    assert len(council) == 1 and council[0].split() == ["Council", council[0].split()[-1]], council


def test_with_no_tracker_entry_the_pages_say_so_and_offer_no_filter(bundled_site: Path) -> None:
    # The bundled records hold no tracker entry: nothing to filter, and no count of 0 activities.
    tracker = main_of(bundled_site / "tracker.html")
    assert "As the records stand on 4 June 2024, they hold no tracker entry." in visible(tracker)
    assert "Filter the activities" not in tracker and "data-filters" not in tracker
    home = main_of(bundled_site / "index.html")
    card = visible(home.split('href="tracker.html">', 1)[1].split("</li>", 1)[0])
    assert card == "The records hold no tracker entry"
    assert '<span class="figure">0</span>' not in home and "in all years" not in home


def test_a_card_of_the_home_page_says_none_in_words_and_an_empty_list_has_no_filter(
    bundled: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    theme.write_text(
        theme.read_text(encoding="utf-8")
        + "tracker:\n  - {year: 2021, sector: ITU-T, title: Workshop on captioning remote participation}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2022-06-01", "--lang", "en").exit_code == 0
    home = main_of(out / "index.html")
    tracker = visible(home.split('href="tracker.html">', 1)[1].split("</li>", 1)[0])
    assert tracker == "The records hold no tracker entry for 2022 (1 in all years)"
    assert "data-filters" in main_of(out / "tracker.html")  # a year's entries to filter
    out = tmp_path / "site-2020"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2020-06-01", "--lang", "en").exit_code == 0
    home = main_of(out / "index.html")
    meetings = visible(home.split('href="meetings/index.html">', 1)[1].split("</li>", 1)[0])
    assert meetings == "The records hold no meeting in 2020" and '<span class="figure">0</span>' not in home
    reports = main_of(out / "reports" / "index.html")  # no report made by 2020
    assert (
        "None recorded." in reports and "Filter the reports" not in reports and "data-filters" not in reports
    )


def test_the_sites_own_wording_has_typographic_apostrophes(bundled_site: Path) -> None:
    # U+2019, as the site's quotes are typographic (the theme “Accessibility”) and the report prints them.
    shown = {
        "tracker.html": "every theme\u2019s tracker on one page",
        "initiatives.html": "The secretariat\u2019s efforts to improve",
        "mapping.html": "(Council\u2019s own resolutions too)",
        "overlaps.html": "Where the records show the Sectors\u2019 work",
        "search.html": "use your browser\u2019s Find in page",
        "meetings/index.html": "use your browser\u2019s Find in page",
    }
    for page, words in shown.items():
        text = visible(main_of(bundled_site / page))
        assert words in text and words.replace("\u2019", "'") not in text, page
    # No template writes a straight one in its wording (its comments aside).
    for template in sorted((REPO / "templates" / "site").glob("*.j2")):
        wording = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"[A-Za-z]'[a-z]|[a-z]s' [a-z]", wording), template.name


def test_the_home_page_title_names_the_site_once(bundled_site: Path) -> None:
    def title(page: str) -> str:
        return (
            (bundled_site / page).read_text(encoding="utf-8").split("<title>", 1)[1].split("</title>", 1)[0]
        )

    assert title("index.html") == "Inter-Sector coordination"
    assert title("themes/accessibility.html") == "Accessibility - Inter-Sector coordination"


def test_a_themes_tracker_lists_the_sectors_in_itus_order_as_the_tracker_page_does(
    bundled: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    theme = bundled / "data" / "themes" / "accessibility.yaml"
    theme.write_text(
        theme.read_text(encoding="utf-8") + "tracker:\n"
        "  - {year: 2024, sector: ITU-D, title: Survey of captioning}\n"
        "  - {year: 2024, sector: ITU-T, title: Workshop on captioning}\n"
        "  - {year: 2024, sector: ITU-R, title: Study of captioning}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert run_cli(bundled, "site", "--output", str(out), "--on", "2024-12-01", "--lang", "en").exit_code == 0
    for page in (out / "themes" / "accessibility.html", out / "tracker.html"):
        text = visible(main_of(page))
        assert text.index("Study of") < text.index("Workshop on") < text.index("Survey of"), page.name


def test_every_kind_of_record_has_its_place(bundled_site: Path) -> None:
    iscg = main_of(bundled_site / "bodies" / "iscg.html")
    assert "It works as a contribution-driven group." in iscg
    assert "Its main objective is to convey the membership concerns" in iscg
    assert "Mr Fabio Bigi</span> (Italy): named chair in 2024 (term not recorded)" in iscg
    assert "expressed interest in being involved in the new building project" in iscg
    task_force = main_of(bundled_site / "bodies" / "isc-tf.html")
    assert "Service Order No. 24/06" in task_force and "Service Order No. 16/13" in task_force
    assert "Intersectoral coordination webpage" in task_force  # its initiatives
    positions = main_of(bundled_site / "positions.html")
    assert 'id="year-2024"' in positions and 'id="iscg-2024-new-building"' in positions
    # A position reads as a sentence: "The Inter-Sector Coordination Group (ISCG) expressed interest ...",
    # and on a theme's page "In 2024, the Inter-Sector Coordination Group (ISCG) expressed ...".
    assert "The Inter-Sector Coordination Group (ISCG) expressed interest" in visible(positions)
    accessibility = visible(main_of(bundled_site / "themes" / "accessibility.html"))
    assert "In 2024, the Inter-Sector Coordination Group (ISCG) expressed interest" in accessibility
    initiatives = main_of(bundled_site / "initiatives.html")
    assert 'id="coordination-webpage"' in initiatives and "status not given" in initiatives
    documents = main_of(bundled_site / "documents.html")
    assert 'id="so-24-06"' in documents and "Cited by" in documents
    tracker = main_of(bundled_site / "tracker.html")
    assert "<caption>Activities of" in tracker or "they hold no tracker entry." in tracker
    overlaps = main_of(bundled_site / "overlaps.html")
    assert "Theme with resolutions in several Sectors" in overlaps and "Consider streamlining" in overlaps
    # The proposals with the typographic apostrophe of the site's own wording, not the command's plain one.
    assert "the theme\u2019s focal points" in overlaps and "the theme's focal points" not in overlaps


def test_open_data_is_what_export_writes_and_opens_in_a_spreadsheet(bundled_site: Path) -> None:
    import json

    from openpyxl import load_workbook

    book = load_workbook(bundled_site / "open-data" / "res191-records.xlsx", read_only=True)
    assert {"themes", "themes.tracker", "resolutions", "resolutions.editions", "meetings"} <= set(
        book.sheetnames
    )
    rows = list(book["themes"].iter_rows(values_only=True))
    assert rows[0][0] == "id" and "accessibility" in [r[0] for r in rows[1:]]
    records = json.loads((bundled_site / "open-data" / "res191-records.json").read_text(encoding="utf-8"))
    assert {t["id"] for t in records["themes"]} >= {"accessibility", "climate-change"}
    csv = (bundled_site / "open-data" / "csv" / "resolutions.csv").read_text(encoding="utf-8-sig")
    assert csv.startswith("id,") and "\npp-191," in csv
    page = main_of(bundled_site / "open-data.html")
    assert "as the records stand on 4 June 2024" in page and 'href="open-data/res191-records.xlsx"' in page
    for listing in ("themes/index.html", "resolutions/index.html", "meetings/index.html", "tracker.html"):
        shown = main_of(bundled_site / listing)
        assert "Download these records, as they stand on 4 June 2024" in shown, listing
        assert "open-data/res191-records.xlsx" in shown and '.csv">' in shown, listing


def test_the_search_index_finds_themes_resolutions_and_focal_points(tmp_path: Path, run_cli: RunCli) -> None:
    import json

    from tests.site_records import LONG_NAME, realistic

    root = realistic(tmp_path / "repo")
    assert run_cli(root, "site", "--output", str(tmp_path / "site"), "--on", "2025-05-01").exit_code == 0
    script = (tmp_path / "site" / "search-index.js").read_text(encoding="utf-8")
    assert script.startswith("window.res191Search = ")
    index = json.loads(script.removeprefix("window.res191Search = ").rstrip().removesuffix(";"))
    titles = {entry[0]: entry for entry in index["entries"]}
    assert titles["Alpha theme"][1] == "themes/alpha-theme.html"
    assert titles[LONG_NAME][1] == "themes/alpha-theme.html#focal-points"
    assert "Focal point of ITU-R for Alpha theme" in titles[LONG_NAME][2]
    resolution = next(e for e in index["entries"] if e[1] == "resolutions/pp-1.html")
    assert "PP 1" in resolution[3] and "PP Resolution 1" in resolution[3]
    search = (tmp_path / "site" / "search.html").read_text(encoding="utf-8")
    assert '<script src="search-index.js"></script>' in search and "<noscript>" in search


def test_text_from_records_cannot_reach_beyond_it(tmp_path: Path, run_cli: RunCli) -> None:
    from tests.site_records import realistic

    root = realistic(tmp_path / "repo")
    report = root / "data" / "reports" / "2025.md"
    report.write_text(
        report.read_text(encoding="utf-8")
        + '\n## Membership\n\n{#content style="position:fixed" autofocus tabindex="1" onclick="x()"}\n'
        + "The ISCG met.\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    assert run_cli(root, "site", "--output", str(out), "--on", "2025-05-01").exit_code == 0
    for page in ("meetings/iscg-2024-06-05.html", "reports/2025.html"):
        html = (out / page).read_text(encoding="utf-8")
        assert html.count('id="content"') == 1, page  # the skip link's target, once
        body = main_of(out / page).split("\n", 2)[2]
        for planted in ("autofocus", "tabindex", "onclick", 'style="position', 'class="evil"'):
            assert planted not in body.replace("&quot;", '"').split("{#content")[0], (page, planted)
    outcome = main_of(out / "meetings" / "iscg-2024-06-05.html").split('id="outcome"', 1)[1]
    # The outcome's ## and ### come one and two levels below the page's h2 "Outcome".
    assert '<h3 dir="auto">Conclusions</h3>' in outcome and '<h4 dir="auto">Details</h4>' in outcome
    assert '<p dir="auto">اتفق الفريق' in outcome  # each block reads in its own direction
    assert "{#content style=&quot;position:fixed" in outcome  # shown as the text it is


@pytest.mark.parametrize("day", ["2023-01-01", "2024-05-01", "2025-01-01"])
def test_the_overlaps_page_lists_what_res191_overlaps_finds(bundled: Path, day: str) -> None:
    # The page is made from the themes' own findings (as their pages show them), not by find_overlaps:
    # the two ways must give the same findings, in the same order; joint work of 2024 included.
    add_summit_theme(bundled)
    loaded = load_valid(bundled, "the site").loaded
    assert loaded is not None
    on = date.fromisoformat(day)
    listed = make_site(loaded, on).overlaps()
    assert listed and listed == find_overlaps(loaded, None, THEME_OVERLAPS, on=on)
    assert ("joint-work" in {f.kind for f in listed}) == (on.year >= 2024)
