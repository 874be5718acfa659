"""The map pages in the offline copy (`peru-timeline dist`), opened from disk: the window works with
its data embedded in the map's file, and both the page and the map link the timeline's `.html`
file with the map's filters. One offline build of the fixture project is shared by the module.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from builder.adapter.dist import FOLDER, build_offline_copy
from tests.support.browser import in_own_thread
from tests.support.project import REPO, new_project
from tests.support.site import site_project

pytestmark = [pytest.mark.slow]

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
QUERY = "theme=strikes-and-protests&from=2025-01-01&to=2026-12-31"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The unzipped offline copy of the fixture project with the strikes map."""
    project = site_project(new_project(tmp_path_factory.mktemp("maps-dist") / "project"))
    shutil.copy(REPO / "maps" / "strikes-and-protests.yml", project.root / "maps")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        result = build_offline_copy(project.root, Path("site.zip"))
    unzipped = tmp_path_factory.mktemp("maps-unzipped")
    with zipfile.ZipFile(result.path) as archive:
        archive.extractall(unzipped)
    return unzipped / FOLDER


def test_the_page_links_the_timelines_html_file_with_the_maps_filters(site):
    english = (site / "maps/strikes-and-protests.html").read_text(encoding="utf-8")
    href = "../timeline/index.html?" + QUERY.replace("&", "&amp;")
    assert f'<a href="{href}">See these events on the timeline</a>' in english
    spanish = (site / "es/maps/strikes-and-protests.html").read_text(encoding="utf-8")
    assert f'<a href="{href}">Ver estos hechos en la cronología</a>' in spanish
    assert (site / "timeline/index.html").is_file() and (site / "es/timeline/index.html").is_file()


@pytest.mark.browser
def test_the_window_works_from_disk_and_follows_to_the_timeline(site):
    def check(browser) -> None:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        foreign, errors = [], []

        def refuse(route):
            foreign.append(route.request.url)
            route.abort()

        page.route(re.compile(r"^(?!(file|data|about|blob):)"), refuse)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((site / "es/maps/strikes-and-protests.html").as_uri())
        frame = page.frame_locator("iframe.pcr-map")
        frame.locator(".leaflet-overlay-pane path[aria-label]").first.wait_for()
        status = frame.locator("#map-window-status")
        before = status.inner_text()
        frame.locator("#map-window-from").fill("2026-02")
        frame.locator("#map-window-to").fill("2026-03")
        assert status.inner_text() != before and "de febrero de 2026 a marzo de 2026" in (
            status.inner_text()
        )
        link = frame.locator("#map-window-timeline")
        assert link.get_attribute("href") == (
            "../../timeline/index.html?theme=strikes-and-protests&from=2026-02-01&to=2026-03-31"
        )
        assert errors == []  # the map's own (the timeline's page has tests of its own)
        link.click()  # target="_parent": the page itself goes to the timeline
        page.wait_for_url(re.compile(r".*/es/timeline/index\.html\?theme=.*&to=2026-03-31$"))
        assert foreign == []

    in_own_thread(check)
