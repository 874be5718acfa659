"""The built site in headless Chromium: filters, event pages, no-JS reading, privacy, screenshots.

The repository's own site is built once per session and served on 127.0.0.1. Debian's Chromium
is driven through Playwright; no browser is downloaded.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from conftest import REPO
from site_fixtures import build

from builder.record import load_record

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "content" / "assets" / "screenshots"
COUNT = re.compile(r"([\d,]+) events? match")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output readable
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The repository's site, built once with `mkdocs build --strict`."""
    site_dir = tmp_path_factory.mktemp("browser") / "site"
    result = build(REPO, site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def base_url(site) -> str:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make deps)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


class Visit:
    """A browser page that records every request it makes."""

    def __init__(self, page, base_url: str):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def goto(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not url.startswith("http://127.0.0.1:")]


@pytest.fixture
def visit(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield Visit(context.new_page(), base_url)
    context.close()


@pytest.fixture(scope="session")
def record():
    return load_record(REPO)


def matched(page) -> int:
    """The number of events the filter reports, once it has finished."""
    status = page.locator("#pcr-status")
    playwright_api.expect(status).to_have_text(COUNT)
    return int(COUNT.search(status.text_content()).group(1).replace(",", ""))


def test_timeline_filters_narrow_the_list_and_the_address_restores_them(visit, record):
    page = visit.goto("timeline/")
    # A theme that some events have and others do not: filtering by it must narrow the list.
    counts = {t: sum(t in e.themes for e in record.events) for t in record.themes}
    theme = next(t for t, n in counts.items() if 0 < n < len(record.events))
    expected = [e for e in record.events if theme in e.themes]
    page.get_by_label("Theme").select_option(theme)
    assert matched(page) == len(expected) < len(record.events)
    assert page.locator("#pcr-results article").count() == min(len(expected), 100)
    label = record.themes[theme].name.en
    for meta in page.locator("#pcr-results .pcr-entry__meta").all()[:20]:
        assert label in meta.text_content()

    # Combine with a region and words typed at the keyboard: the list narrows further.
    region = next(r for e in expected for r in e.regions)
    page.get_by_label("Region").select_option(region)
    narrower = matched(page)
    assert 0 < narrower <= len(expected)
    word = expected[0].title.en.split()[0]
    page.get_by_label("Words").fill(word)
    page.get_by_label("Words").press("Enter")
    narrowest = matched(page)
    assert 0 < narrowest <= narrower

    query = parse_qs(urlsplit(page.url).query)
    assert query == {"theme": [theme], "region": [region], "text": [word]}

    # The address alone restores the filters and the same result.
    again = visit.goto("timeline/?" + urlsplit(page.url).query)
    assert again.get_by_label("Theme").input_value() == theme
    assert again.get_by_label("Region").input_value() == region
    assert again.get_by_label("Words").input_value() == word
    assert matched(again) == narrowest

    # Clearing shows the unfiltered page and clears the address.
    again.get_by_role("button", name="Clear filters").click()
    playwright_api.expect(again.locator("#pcr-results")).to_be_hidden()
    assert urlsplit(again.url).query == ""
    assert not visit.errors


def test_date_range_keeps_events_that_overlap_it(visit, record):
    page = visit.goto("timeline/?from=2026-01-01&to=2026-01-31")
    expected = [
        e
        for e in record.events
        if (e.end or e.date).last_day().isoformat() >= "2026-01-01"
        and e.date.first_day().isoformat() <= "2026-01-31"
    ]
    assert matched(page) == len(expected)


def test_the_timeline_data_is_loaded_only_when_the_reader_filters(visit):
    page = visit.goto("timeline/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in visit.requests if url.endswith(".json.gz")]
    page.get_by_label("Words").focus()
    page.wait_for_load_state("networkidle")
    assert [url for url in visit.requests if url.endswith("timeline/events.json.gz")]


def test_without_javascript_every_event_is_listed_on_the_period_pages(browser, base_url, record):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "timeline/")
    assert page.locator("noscript").count() == 1
    # Follow every link from the timeline's content to its period pages (years, months, pages).
    start = base_url + "timeline/"
    queue, seen, listed = [start], {start}, []
    while queue:
        page.goto(queue.pop())
        entries = page.locator("article.pcr-entry h2 > a, article.pcr-entry h3 > a").all()
        listed += [urljoin(page.url, a.get_attribute("href")) for a in entries]
        for a in page.locator(".md-content a").all():
            url = urljoin(page.url, a.get_attribute("href") or "").split("#")[0]
            if url.startswith(start) and "?" not in url and url not in seen and url.endswith("/"):
                seen.add(url)
                queue.append(url)
    context.close()
    ids = sorted(url.rstrip("/").rsplit("/", 1)[1] for url in listed)
    assert ids == sorted(e.id for e in record.events)


def test_an_event_page_shows_its_sources_and_status(visit, record):
    event = max(record.events, key=lambda e: (len(e.sources), e.id))
    page = visit.goto(f"events/{event.id}/")
    playwright_api.expect(page.get_by_role("heading", level=1)).to_have_text(event.title.en)
    sources = page.locator("h2#sources + ol > li")
    assert sources.count() == len(event.sources)
    for citation, item in zip(event.sources, sources.all(), strict=True):
        assert citation.source.publisher in item.text_content()
    assert page.locator(f".pcr-facts .pcr-status--{event.status}").is_visible()
    correct = page.get_by_role("article").get_by_role("link", name="Suggest a correction")
    assert correct.get_attribute("href").endswith(f"/edit/main/{event.path}")


def test_no_request_leaves_127_0_0_1(visit, record):
    event = record.events[-1]
    for path in [
        "",
        "timeline/?text=peru",
        f"events/{event.id}/",
        "regions/pe-lma/",
        "presidents/",
        "data/",
        "maps/",
    ]:
        page = visit.goto(path)
        page.wait_for_load_state("networkidle")
    # Material's search loads its worker and index: it must stay local too.
    page = visit.goto("")
    page.keyboard.press("/")
    page.keyboard.type("congress")
    playwright_api.expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    for href in [a.get_attribute("href") for a in visit.goto("maps/").locator("main a").all()]:
        if href and not href.startswith(("http", "#", "mailto")) and href.endswith("/"):
            visit.goto("maps/" + href).wait_for_load_state("networkidle")
            break
    assert len(visit.requests) > 20
    assert visit.foreign_requests() == []


def test_screenshots_for_the_readme(visit, record):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    visit.goto("").screenshot(path=SCREENSHOTS / "home.png")
    page = visit.goto("timeline/?theme=elections-2026")
    matched(page)
    page.locator("#pcr-filters").scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "timeline.png")
    event = "2026-06-07-presidential-runoff"
    if event not in {e.id for e in record.events}:
        event = record.events[-1].id
    visit.goto(f"events/{event}/").screenshot(path=SCREENSHOTS / "event.png")
    for name in ["home", "timeline", "event"]:
        assert (SCREENSHOTS / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_event_and_timeline_pages_print_without_navigation_and_with_link_addresses(visit, record):
    event = max(record.events, key=lambda e: (sum(bool(c.source.url) for c in e.sources), e.id))
    page = visit.goto(f"events/{event.id}/")
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        assert not page.locator(chrome).first.is_visible(), chrome
    source_link = page.locator("h2#sources + ol a[href^='http']").first
    after = source_link.evaluate("a => getComputedStyle(a, '::after').content")
    assert source_link.get_attribute("href") in after

    timeline = visit.goto("timeline/?theme=" + event.themes[0])
    timeline.emulate_media(media="print")
    assert not timeline.locator("#pcr-filters").is_visible()
    assert timeline.locator("#pcr-results article").first.is_visible()


SPANISH_COUNT = re.compile(r"(?:Coincide|Coinciden) ([\d\u00a0]+) hechos?")


def test_the_language_switch_lands_on_the_same_event_in_spanish_and_back(visit, record, site):
    event = next(e for e in record.events if e.title.es)
    page = visit.goto(f"events/{event.id}/")
    assert page.locator("html").get_attribute("lang") == "en"
    switch = page.locator('a.pcr-lang__switch[hreflang="es"]')
    assert (
        urljoin(page.url, switch.get_attribute("href")) == visit.base_url + f"es/events/{event.id}/"
    )
    page.locator("a.pcr-lang__switch").click()
    page.wait_for_url(visit.base_url + f"es/events/{event.id}/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("article h1").text_content().strip() == event.title.es
    facts = page.locator(".pcr-facts").text_content()
    assert "Fecha" in facts and "Temas" in facts and "Fuentes" in page.content()
    # The versions are announced in the sitemaps, not the head: the theme's script would fetch a
    # sitemap.xml beside each <link rel="alternate"> of the head, a request that finds nothing.
    assert page.locator("link[rel=alternate][hreflang]").count() == 0
    site_url = "https://peru-crisis-record.github.io/peru-crisis-record/"
    for index in ("sitemap.xml", "es/sitemap.xml"):  # short: the theme fetches it on every page
        assert f"<loc>{site_url}sitemap-pages.xml</loc>" in (site / index).read_text("utf-8")
    text = (site / "sitemap-pages.xml").read_text(encoding="utf-8")
    entry = text.split(f"<loc>{site_url}es/events/{event.id}/</loc>")[1].split("</url>")[0]
    for lang, path in [("en", ""), ("es", "es/"), ("x-default", "")]:
        assert f'hreflang="{lang}" href="{site_url}{path}events/{event.id}/"' in entry, lang
    assert "Texto disponible solo en inglés" not in page.content()  # this event is translated
    timeline = page.locator(".md-nav--primary a", has_text="Cronología").first
    assert urljoin(page.url, timeline.get_attribute("href")) == visit.base_url + "es/timeline/"
    page.locator("a.pcr-lang__switch").click()
    page.wait_for_url(visit.base_url + f"events/{event.id}/")
    assert page.locator("article h1").text_content().strip() == event.title.en
    assert visit.foreign_requests() == []


def test_the_language_switch_keeps_the_timeline_filters(visit):
    page = visit.goto("timeline/?theme=elections-2026&from=2026-01-01")
    english = matched(page)
    page.locator("a.pcr-lang__switch").click()
    page.wait_for_url(re.compile(r".*/es/timeline/\?.*"))
    assert parse_qs(urlsplit(page.url).query) == {
        "theme": ["elections-2026"],
        "from": ["2026-01-01"],
    }
    assert page.locator("html").get_attribute("lang") == "es"
    status = page.locator("#pcr-status")
    playwright_api.expect(status).to_have_text(SPANISH_COUNT)
    spanish = int(SPANISH_COUNT.search(status.text_content()).group(1).replace("\u00a0", ""))
    assert spanish == english  # the same filters select the same events
    assert page.locator("#pcr-filters select[name=theme]").input_value() == "elections-2026"
    assert visit.foreign_requests() == []


def test_spanish_pages_search_the_spanish_pages_only(visit):
    page = visit.goto("es/")
    page.keyboard.press("/")
    page.keyboard.type("congreso")
    results = page.locator(".md-search-result__link")
    playwright_api.expect(results.first).to_be_visible()
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert hrefs and all(urlsplit(href).path.startswith("/es/") for href in hrefs), hrefs
    assert visit.foreign_requests() == []


def test_screenshots_of_an_event_and_a_map_in_both_languages(visit, record):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    event = "2026-06-07-presidential-runoff"
    if event not in {e.id for e in record.events}:
        event = record.events[-1].id
    shots = {
        "event-en": f"events/{event}/",
        "event-es": f"es/events/{event}/",
        "map-en": "maps/events-by-region/",
        "map-es": "es/maps/events-by-region/",
    }
    for name, path in shots.items():
        page = visit.goto(path)
        page.wait_for_load_state("networkidle")
        expected = "es" if path.startswith("es/") else "en"
        assert page.locator("html").get_attribute("lang") == expected
        page.screenshot(path=SCREENSHOTS / f"{name}.png")
        assert (SCREENSHOTS / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert visit.foreign_requests() == []
