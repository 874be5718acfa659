"""The offline copy (`peru-timeline dist`): a reproducible zip that works opened from disk.

One offline build of the fixture project (with a map) is shared by the module: it is unzipped
and browsed from file:// in Debian's Chromium with every request that is not file:// aborted.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.adapter.build import build_site
from builder.adapter.dist import FOLDER, build_offline_copy, write_zip, zip_time
from tests.support.browser import in_own_thread, require_chromium
from tests.support.project import REPO, new_project
from tests.support.site import site_project

pytestmark = [pytest.mark.slow]

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
EVENT = "2026-02-18-congress-installs-balcazar"
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")
COUNT = re.compile(r"(\d+) events? match")


def _project(root: Path) -> Path:
    project = site_project(new_project(root))
    shutil.copy(REPO / "maps" / "events-by-region.yml", project.root / "maps")
    return project.root


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """The fixture project's offline copy: (project root, result, unzipped site folder)."""
    root = _project(tmp_path_factory.mktemp("dist") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = build_offline_copy(root, Path("site.zip"))
    unzipped = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(result.path) as archive:
        archive.extractall(unzipped)
    return root, result, unzipped / FOLDER


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_zip_holds_one_folder_with_fixed_times_and_permissions(offline):
    root, result, site = offline
    assert result.path == root / "site.zip"
    with zipfile.ZipFile(result.path) as archive:
        infos = archive.infolist()
    names = [info.filename for info in infos]
    assert names == sorted(names)
    assert result.files == len(names) > 100
    assert {name.split("/", 1)[0] for name in names} == {FOLDER}
    assert {info.date_time for info in infos} == {(2026, 1, 1, 0, 0, 0)}
    assert {info.external_attr >> 16 for info in infos} == {0o100644}
    # Every page links its .html file: a folder opened from disk would list its files instead.
    assert (site / "index.html").is_file() and (site / f"events/{EVENT}.html").is_file()
    assert not (site / f"events/{EVENT}").exists()
    for data in ("timeline/data/index.js", "es/timeline/data/index.js", "timeline/data/regions.js"):
        assert (site / data).read_text(encoding="utf-8").startswith("pcrExplorerLoad(")
    for index in ("search/search_index.js", "es/search/search_index.js"):
        assert (site / index).read_text(encoding="utf-8").startswith("var __index = {")
    assert '"location":"es/' not in (site / "es/search/search_index.js").read_text("utf-8")


def test_links_name_html_files_everywhere_and_citations_the_published_pages(offline):
    _, _, site = offline
    page = (site / f"events/{EVENT}.html").read_text(encoding="utf-8")
    assert f'href="../es/events/{EVENT}.html"' in page  # the language switch
    # The map's popups, built outside MkDocs, follow the same URL style.
    standalone = (site / "maps/events-by-region/map.html").read_text(encoding="utf-8")
    assert f"../../events/{EVENT}.html" in standalone
    assert f"events/{EVENT}/" not in standalone
    frame = (site / "maps/events-by-region.html").read_text(encoding="utf-8")
    assert 'src="events-by-region/map.html"' in frame
    assert 'href="events-by-region/map.html"' in frame  # "open the map on its own page"
    # The fixture has no site_url: the offline copy links no latest copy online.
    assert "pcr-offline-copy" not in (site / "index.html").read_text(encoding="utf-8")


def test_zipping_the_same_files_twice_gives_the_same_bytes(offline, tmp_path):
    _, result, site = offline
    first, second = tmp_path / "one.zip", tmp_path / "two.zip"
    write_zip(site, first, FOLDER, int(EPOCH))
    # Times, permissions and creation order on disk must not reach the zip.
    for n, path in enumerate(sorted(p for p in site.rglob("*") if p.is_file())):
        os.utime(path, (1_000_000 + n, 1_000_000 + n))
        path.chmod(0o600 if n % 2 else 0o755)
    write_zip(site, second, FOLDER, int(EPOCH))
    assert _sha256(first) == _sha256(second) == _sha256(result.path)
    assert zip_time(None) == (1980, 1, 1, 0, 0, 0) == zip_time(0)


def test_two_offline_builds_of_one_commit_are_byte_identical(offline, tmp_path, monkeypatch):
    root, result, _ = offline
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = build_offline_copy(root, tmp_path / "again.zip")
    assert _sha256(again.path) == _sha256(result.path)


def test_the_published_site_links_the_zip_and_carries_nothing_of_the_offline_copy(
    offline, tmp_path
):
    root, _, _ = offline
    site = tmp_path / "site"
    build_site(root, site)
    assert 'href="site.zip">Download the whole site for offline reading' in (
        site / "index.html"
    ).read_text(encoding="utf-8")
    assert '<a href="../site.zip">' in (site / "about/index.html").read_text(encoding="utf-8")
    spanish = (site / "es/timeline/index.html").read_text(encoding="utf-8")
    assert '<a href="../../site.zip">Descargar todo el sitio' in spanish
    for path in ("search/search_index.js", "assets/peru-timeline/offline.js"):
        assert not (site / path).exists(), path
    assert (site / "timeline/data/index.js").is_file()  # scripts: the same files serve both
    assert "offline.js" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_failed_offline_build_leaves_the_previous_zip(tmp_path):
    from builder.adapter.build import BuildFailed

    root = _project(tmp_path / "project")
    (root / "site.zip").write_bytes(b"previous")
    (root / "content/broken.md").write_text("[nowhere](missing.md)\n", encoding="utf-8")
    with pytest.raises(BuildFailed):
        build_offline_copy(root, Path("site.zip"))
    assert (root / "site.zip").read_bytes() == b"previous"
    assert not list(root.glob(".site.zip-*"))


# --- in the browser, from disk --------------------------------------------------------------


class Disk:
    """A page of the unzipped copy opened from file://, every other request aborted and kept."""

    def __init__(self, context, site: Path):
        self.site = site
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        self.console_errors: list[str] = []
        context.route("**/*", self._route)
        context.on("request", lambda request: self.requests.append(request.url))
        self.page = context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", self._console)

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{self.page.url}: {message.text}")

    def _route(self, route):
        url = route.request.url
        if url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def url(self, path: str) -> str:
        return (self.site / path).as_uri()

    def goto(self, path: str):
        self.page.goto(self.url(path))
        return self.page

    def foreign(self) -> list[str]:
        return self.blocked + [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]


@pytest.fixture
def on_disk(offline):
    """`on_disk(check)` runs `check(disk)` on the unzipped copy, then asserts that no request
    left the disk. Each check has its own Playwright and Chromium in a thread of its own: the
    site's browser tests keep theirs open for the session, and the sync API allows one a thread.
    """
    require_chromium()

    def run(check) -> None:
        disks: list[Disk] = []

        def browse(browser) -> None:
            disks.append(
                Disk(browser.new_context(viewport={"width": 1280, "height": 900}), offline[2])
            )
            check(disks[0])

        in_own_thread(browse)
        disk = disks[0]
        assert disk.foreign() == []  # nothing left the disk
        assert any(url.startswith("file:") for url in disk.requests)  # the recording works
        assert disk.errors == []
        # Not even a refused request: the theme's read of sitemap.xml was one on every page.
        assert disk.console_errors == []

    return run


def _matched(page) -> int:
    """The number of events the timeline's filter reports, once it has finished."""
    from playwright.sync_api import expect

    status = page.locator("#pcr-status")
    expect(status).to_have_text(COUNT)
    return int(COUNT.search(status.text_content()).group(1))


@pytest.mark.browser
def test_the_timeline_explorer_works_from_disk_and_its_links_open_event_pages(on_disk):
    def check(disk):
        page = disk.goto("timeline/index.html")
        page.wait_for_selector("#pcr-explorer[data-ready]")
        page.wait_for_selector("#pcr-map[data-ready]")
        total = _matched(page)
        assert total == page.locator("#pcr-list article").count() > 2  # listed at first sight
        page.locator("#pcr-filters select[name=theme]").select_option("elections-2026")
        assert _matched(page) == 2
        page.locator("#pcr-filters input[name=text]").fill("drags")
        page.locator("#pcr-filters input[name=text]").press("Enter")
        assert _matched(page) == 1
        assert urlsplit(page.url).query == "text=drags&theme=elections-2026"
        # The map, from the copy's own outlines and Leaflet: a region filters the list.
        page.get_by_role("button", name="Clear filters").click()
        assert _matched(page) == total
        page.locator("#pcr-map path[data-region='PE-LMA']").focus()
        page.keyboard.press("Enter")
        assert urlsplit(page.url).query == "region=PE-LMA"
        assert _matched(page) == page.locator("#pcr-list article").count() >= 1
        # The band's window, by keyboard.
        page.locator("#pcr-band-window").focus()
        page.keyboard.press("End")
        assert "from=" in page.url and "to=" in page.url
        page.locator("#pcr-list article h4 a").first.click()
        page.wait_for_url(re.compile(r".*/events/[^/]+\.html$"))
        assert page.locator("article h1").text_content()

    on_disk(check)


@pytest.mark.browser
def test_the_spanish_explorer_works_from_disk(on_disk):
    def check(disk):
        from playwright.sync_api import expect

        page = disk.goto("es/timeline/index.html")
        page.wait_for_selector("#pcr-explorer[data-ready]")
        page.wait_for_selector("#pcr-map[data-ready]")
        expect(page.locator("#pcr-status")).to_contain_text("hechos")
        label = page.locator("#pcr-map path[data-region='PE-LMA']").get_attribute("aria-label")
        assert label.startswith("Lima Metropolitana: ")
        link = page.locator("#pcr-list article h4 a").first.get_attribute("href")
        assert link.startswith("../events/") and link.endswith(".html")

    on_disk(check)


@pytest.mark.browser
def test_search_finds_an_event_by_a_word_of_its_title_and_opens_it(on_disk):
    def check(disk):
        from playwright.sync_api import expect

        page = disk.goto("index.html")
        page.keyboard.press("/")
        page.keyboard.type("extortion")
        result = page.locator(".md-search-result__link").first
        expect(result).to_be_visible()
        result.click()
        page.wait_for_url(disk.url("events/2025-extortion-rises.html") + "*")
        assert "Extortion of transport workers" in page.locator("article h1").text_content()

    on_disk(check)


@pytest.mark.browser
def test_spanish_search_reads_the_spanish_index_from_disk(on_disk):
    def check(disk):
        from playwright.sync_api import expect

        page = disk.goto("es/index.html")
        page.keyboard.press("/")
        page.keyboard.type("congreso")
        result = page.locator(".md-search-result__link").first
        expect(result).to_be_visible()
        hrefs = [
            link.get_attribute("href") for link in page.locator(".md-search-result__link").all()
        ]
        paths = [urlsplit(href).path for href in hrefs]
        assert all("/es/" in path and path.endswith(".html") for path in paths), hrefs

    on_disk(check)


@pytest.mark.browser
def test_a_map_page_draws_its_map_from_disk(on_disk):
    def check(disk):
        from playwright.sync_api import expect

        page = disk.goto("maps/events-by-region.html")
        frame = page.frame_locator("iframe.pcr-map")
        expect(frame.locator(".leaflet-container")).to_be_visible()
        expect(frame.locator("path.leaflet-interactive").first).to_be_attached()
        assert frame.locator("path.leaflet-interactive").count() >= 25
        page.get_by_role("link", name="Open the map on its own page").click()
        page.wait_for_url(disk.url("maps/events-by-region/map.html"))
        expect(page.locator(".leaflet-container")).to_be_visible()

    on_disk(check)


@pytest.mark.browser
def test_every_page_type_opens_from_disk_without_a_console_error(on_disk):
    def check(disk):
        for path in [
            "index.html",
            "timeline/index.html",
            f"events/{EVENT}.html",
            "maps/index.html",
            "es/index.html",
            f"es/events/{EVENT}.html",
        ]:
            page = disk.goto(path)
            page.wait_for_load_state("networkidle")
        assert len(disk.requests) > 6

    on_disk(check)


@pytest.mark.browser
def test_the_language_switch_leads_to_the_spanish_page_from_disk(on_disk):
    def check(disk):
        page = disk.goto(f"events/{EVENT}.html")
        page.locator('a.pcr-lang__switch[hreflang="es"]').click()
        page.wait_for_url(disk.url(f"es/events/{EVENT}.html"))
        assert page.locator("html").get_attribute("lang") == "es"
        assert "José María Balcázar" in page.locator("article h1").text_content()

    on_disk(check)
