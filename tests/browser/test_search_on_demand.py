"""The theme's search loads its index and worker on the reader's first search, not on page load.

builder/assets/search-on-demand.js holds them back. The session's build of the repository's site
(tests/conftest.py: repo_site) is served on 127.0.0.1 with gzip (tools.audit.serve), and its
offline copy is unzipped and read from file://; both are browsed in Debian's Chromium. Each check has its own Playwright
in a thread of its own: other modules keep a browser open for the session, and the sync API
allows one a thread.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from builder.adapter.dist import FOLDER, build_offline_copy
from tests.support.browser import in_own_thread, require_chromium
from tests.support.project import REPO
from tools.audit import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

# What search fetches: the theme's index (JSON, or a script from disk), its worker and the
# worker's Spanish stemmers (the offline copy), or Pagefind's files (the published site).
SEARCH_FILES = re.compile(r"/search/search_index\.js(on)?$|/workers/|/lunr/|/pagefind/|pagefind")
INDEX = re.compile(r"/search/search_index\.js(on)?$")
QUERY = "Balcázar"


@pytest.fixture(scope="module")
def base_url(repo_site):
    """The session's build of the repository's site, served with gzip like a static host."""
    with serve(repo_site) as base:
        yield base


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The repository's offline copy (site.zip), unzipped."""
    work = tmp_path_factory.mktemp("search-on-demand-dist")
    result = build_offline_copy(REPO, work / "site.zip")
    with zipfile.ZipFile(result.path) as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / FOLDER


class Visit:
    """A browser page that records the path of every request it makes, and its errors."""

    def __init__(self, page):
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def search_requests(self) -> list[str]:
        return [urlsplit(url).path for url in self.requests if SEARCH_FILES.search(url)]

    def index_requests(self) -> list[str]:
        return [urlsplit(url).path for url in self.requests if INDEX.search(url)]

    def open(self, address: str):
        """Load `address` and wait until the page has made every request it makes on load."""
        self.page.goto(address)
        self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture
def browse():
    """`browse(check, viewport)` runs `check(visit)` in a fresh Chromium page, then asserts the
    page raised no error."""
    require_chromium()

    def run(check, viewport=(1280, 900)) -> None:
        visits: list[Visit] = []

        def in_browser(browser) -> None:
            width, height = viewport
            context = browser.new_context(viewport={"width": width, "height": height})
            visits.append(Visit(context.new_page()))
            check(visits[0])

        in_own_thread(in_browser)
        assert visits[0].errors == []

    return run


def _results(page) -> list[str]:
    """The addresses of the search results, once the first is shown."""
    links = page.locator(".md-search-result__link")
    playwright_api.expect(links.first).to_be_visible()
    return [urlsplit(link.get_attribute("href")).path for link in links.all()]


@pytest.mark.parametrize("path", ["", "timeline/", "es/", "es/timeline/"])
def test_loading_a_page_requests_nothing_of_search(browse, base_url, path):
    def check(visit):
        page = visit.open(base_url + path)
        assert page.locator("form[name=search] input").count() == 1  # the theme's search is there
        assert visit.search_requests() == []

    browse(check)


def test_focusing_the_search_box_and_typing_finds_on_the_first_try(browse, base_url):
    def check(visit):
        page = visit.open(base_url)
        # The index is held by the test too, to see the theme wait for it with the query typed.
        held = []
        page.route(INDEX, lambda route: held.append(route))
        page.locator("form[name=search] input").focus()
        page.keyboard.type(QUERY)
        for _ in range(100):
            if held:
                break
            page.wait_for_timeout(50)
        assert visit.index_requests() == ["/search/search_index.json"]
        meta = page.locator(".md-search-result__meta")
        playwright_api.expect(meta).to_have_text("Initializing search")
        held[0].continue_()
        paths = _results(page)
        assert any("balcazar" in path for path in paths), paths
        assert not any(path.startswith("/es/") for path in paths), paths
        assert visit.index_requests() == ["/search/search_index.json"]  # once
        # Pagefind answers the theme (search-pagefind.js), whose own worker is never fetched.
        asked = [urlsplit(url).path for url in visit.requests]
        assert "/pagefind/pagefind.js" in asked
        assert "/assets/peru-timeline/search-pagefind.js" in asked
        assert not any("/workers/" in path for path in asked)

    browse(check)


def test_pressing_slash_opens_search_and_finds(browse, base_url):
    def check(visit):
        page = visit.open(base_url + "timeline/")
        page.keyboard.press("/")
        page.keyboard.type(QUERY)
        assert any("balcazar" in path for path in _results(page))
        assert visit.index_requests() == ["/search/search_index.json"]

    browse(check)


def test_the_header_button_of_a_narrow_screen_opens_search_and_finds(browse, base_url):
    def check(visit):
        page = visit.open(base_url)
        assert visit.search_requests() == []
        page.locator("label.md-header__button[for=__search]").click()
        page.keyboard.type(QUERY)
        assert any("balcazar" in path for path in _results(page))

    browse(check, viewport=(390, 844))


def test_spanish_pages_search_the_spanish_index(browse, base_url):
    def check(visit):
        page = visit.open(base_url + "es/")
        page.keyboard.press("/")
        page.keyboard.type(QUERY)
        paths = _results(page)
        assert paths and all(path.startswith("/es/") for path in paths), paths
        assert visit.index_requests() == ["/es/search/search_index.json"]

    browse(check)


def test_a_search_result_opened_highlights_the_words_searched(browse, base_url):
    def check(visit):
        page = visit.open(base_url)
        page.keyboard.press("/")
        page.keyboard.type(QUERY)
        page.locator(".md-search-result__link").first.click()
        page.wait_for_url(re.compile(r".*\?h="))
        # The theme's highlighter reads the index's settings: that address loads it at once.
        marks = page.locator("article mark")
        playwright_api.expect(marks.first).to_be_visible()
        assert QUERY.lower() in marks.first.text_content().lower()

    browse(check)


@pytest.mark.parametrize(("home", "index"), [("", "search"), ("es/", "es/search")])
def test_the_offline_copy_searches_from_disk_on_the_first_try(browse, offline_site, home, index):
    def check(visit):
        page = visit.open((offline_site / home / "index.html").as_uri())
        page.wait_for_timeout(500)  # nothing more would come: the theme's requests are local
        assert visit.search_requests() == []
        page.keyboard.press("/")
        page.keyboard.type(QUERY)
        paths = _results(page)
        assert any("balcazar" in path and path.endswith(".html") for path in paths), paths
        assert visit.index_requests() == [(offline_site / index / "search_index.js").as_posix()]
        assert all(url.startswith("file:") for url in visit.requests)

    browse(check)


def _search(page, query: str) -> list[str]:
    """Type `query` into the theme's search and return the result addresses' paths, or [] once
    the theme says nothing matched."""
    page.keyboard.press("/")
    page.keyboard.type(query)
    links = page.locator(".md-search-result__link")
    meta = page.locator(".md-search-result__meta")
    playwright_api.expect(meta).not_to_have_text(re.compile("Initializing|Inicializando"))
    page.wait_for_load_state("networkidle")  # Pagefind fetches the chunks of the last query
    page.wait_for_timeout(300)  # the theme renders its last answer
    return [urlsplit(link.get_attribute("href")).path for link in links.all()]


@pytest.mark.parametrize(
    ("home", "plain", "accented", "found"),
    [
        ("", "Balcazar", "Balcázar", "balcazar"),
        ("", "Jeri", "Jerí", "jeri"),
        ("es/", "Balcazar", "Balcázar", "balcazar"),
        ("es/", "Peru", "Perú", "peru"),
    ],
)
def test_search_forgives_accents_in_both_languages(browse, base_url, home, plain, accented, found):
    def check(visit):
        results = {}
        for query in (plain, accented):
            page = visit.open(base_url + home)
            results[query] = _search(page, query)
        assert results[plain] == results[accented]
        assert any(found in path for path in results[plain]), results[plain]
        assert all(path.startswith("/" + home) for path in results[plain])

    browse(check)


def test_a_result_opened_from_a_plain_search_highlights_the_accented_word(browse, base_url):
    def check(visit):
        page = visit.open(base_url + "events/2026-02-18-balcazar-term/?h=balcazar")
        marks = page.locator("article mark")
        playwright_api.expect(marks.first).to_be_visible()
        assert "Balcázar" in {mark.text_content() for mark in marks.all()}

    browse(check)


@pytest.mark.parametrize(
    ("home", "query", "other_home", "label"),
    [
        ("", "tropas", "/es/", "Buscar «tropas» en las páginas en español"),
        ("es/", "impeachment", "/", "Search the English pages for “impeachment”"),
    ],
)
def test_a_search_that_finds_nothing_offers_the_other_language(
    browse, base_url, home, query, other_home, label
):
    def check(visit):
        page = visit.open(base_url + home)
        assert _search(page, query) == []
        offer = page.locator(".pcr-search-elsewhere a")
        playwright_api.expect(offer).to_have_text(label)
        assert urlsplit(offer.get_attribute("href")).path == other_home
        offer.click()
        results = _results(page)
        assert results and all(path.startswith(other_home) for path in results), results
        # A search that finds something here offers nothing elsewhere.
        page.locator("form[name=search] input").fill("Chancay")
        playwright_api.expect(page.locator(".pcr-search-elsewhere")).to_be_hidden()

    browse(check)


def test_the_offline_copy_forgives_accents_and_offers_the_other_language(browse, offline_site):
    def check(visit):
        page = visit.open((offline_site / "index.html").as_uri())
        paths = _search(page, "Balcazar")
        assert any("balcazar" in path and path.endswith(".html") for path in paths), paths
        page = visit.open((offline_site / "index.html").as_uri())
        assert _search(page, "tropas") == []
        offer = page.locator(".pcr-search-elsewhere a")
        playwright_api.expect(offer).to_be_visible()
        offer.click()
        assert any("/es/" in path for path in _results(page))
        assert all(url.startswith("file:") for url in visit.requests)

    browse(check)


# The theme lists ten results, then four more each time its list is scrolled to the end; only
# the best SHOWN come with the answer, the others' pages are fetched as the list nears them.
SHOWN = 20
MANY = {"": "Peru", "es/": "Perú"}


def _count(page) -> int:
    """The number of results the theme's count line gives."""
    meta = page.locator(".md-search-result__meta")
    playwright_api.expect(meta).to_have_text(re.compile(r"^\d+ "))
    return int(meta.text_content().split()[0])


def _fragments(visit) -> int:
    return sum("/pagefind/fragment/" in url for url in visit.requests)


def _listed(page) -> list[tuple[str, str]]:
    """Each listed result's page address and title, in the list's order."""
    return page.eval_on_selector_all(
        ".md-search-result__item > .md-search-result__link",
        "links => links.map(a => [a.getAttribute('href'), a.querySelector('h1').textContent])",
    )


@pytest.mark.parametrize("home", ["", "es/"])
def test_every_result_is_listed_as_the_reader_scrolls(browse, base_url, home):
    def check(visit):
        page = visit.open(base_url + home)
        page.keyboard.press("/")
        page.keyboard.type(MANY[home])
        total = _count(page)
        assert total > 3 * SHOWN
        page.wait_for_load_state("networkidle")
        # The first answer fetches the best results' pages only, as when only those were listed.
        assert _fragments(visit) == SHOWN
        wrap = page.locator(".md-search__scrollwrap")
        box = wrap.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        items = page.locator(".md-search-result__item")
        for _ in range(600):
            if items.count() == total:
                break
            page.mouse.wheel(0, 120)
            page.wait_for_timeout(40)
        listed = _listed(page)
        assert len(listed) == total
        # Every one is a page of the language searched, with its title: none shown unfetched.
        assert all(urlsplit(href).path.startswith("/" + home) for href, _ in listed), listed
        assert all(title.strip() for _, title in listed), listed
        assert len({href for href, _ in listed}) == total
        assert _fragments(visit) == total

    browse(check)


def test_the_arrow_keys_reach_the_results_past_the_first_fetched(browse, base_url):
    def check(visit):
        page = visit.open(base_url)
        page.keyboard.press("/")
        page.keyboard.type(MANY[""])
        assert _count(page) > 3 * SHOWN
        page.wait_for_load_state("networkidle")
        # Down from the box through the results (and the sections the theme lists under them).
        focused = None
        for _ in range(10 * SHOWN):
            page.keyboard.press("ArrowDown")
            page.wait_for_timeout(40)
            focused = page.evaluate(
                """() => {
                    const link = document.activeElement;
                    const item = link.closest('.md-search-result__item');
                    const heading = link.querySelector('h1, h2');  // none on a summary
                    if (!item || !heading) return null;
                    return [link.className, [...item.parentElement.children].indexOf(item),
                            heading.textContent];
                }"""
            )
            if focused and focused[1] >= 2 * SHOWN:
                break
        assert focused is not None and "md-search-result__link" in focused[0].split()
        assert focused[1] == 2 * SHOWN and focused[2].strip()

    browse(check)
