"""The built site in headless Chromium: filters, event pages, no-JS reading, privacy, screenshots.

The repository's own site is built once per session and served on 127.0.0.1. Debian's Chromium
is driven through Playwright; no browser is downloaded.
"""

from __future__ import annotations

import gzip
import re
from urllib.parse import parse_qs, urljoin, urlsplit
from xml.etree import ElementTree

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

COUNT = re.compile(r"([\d,]+) events? match")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="session")
def record(repo_record):
    return repo_record


def matched(page) -> int:
    """The number of events the filter reports, once it has finished."""
    status = page.locator("#pcr-status")
    playwright_api.expect(status).to_have_text(COUNT)
    return int(COUNT.search(status.text_content()).group(1).replace(",", ""))


def test_without_javascript_every_event_is_listed_on_the_period_pages(chromium, repo_url, record):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(repo_url + "timeline/")
    # The explorer needs JavaScript: without it, it is not shown as if it worked.
    assert not page.locator("#pcr-explorer").is_visible()
    assert not page.locator("#pcr-filters").is_visible()
    newest = [e for e in record.events if e.date.year == record.events[-1].date.year]
    shown = page.locator("#pcr-static article.pcr-entry h3 > a")
    assert shown.count() > 0 and shown.count() <= len(newest)
    assert shown.first.text_content() == newest[-1].title.en  # newest first
    # Follow every link from the timeline's content to its period pages (years, months, pages).
    start = repo_url + "timeline/"
    queue, seen, listed = [start], {start}, []
    while queue:
        page.goto(queue.pop())
        if page.url != start:  # the explorer page's newest period repeats a period page
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
    article = page.get_by_role("article")
    edit = article.get_by_role("link", name="Edit the file on GitHub")
    assert edit.get_attribute("href").endswith(f"/edit/main/{event.path}")
    form = parse_qs(
        urlsplit(
            article.get_by_role("link", name="Report it in a form").get_attribute("href")
        ).query
    )
    assert form["template"] == ["correct-an-event.yml"]
    assert form["event"][0].endswith(f"/events/{event.id}/")


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


def test_screenshots_for_the_readme(visit, record, screenshot_dir):
    visit.goto("").screenshot(path=screenshot_dir / "home.png")
    page = visit.goto("timeline/?theme=elections-2026")
    matched(page)
    page.screenshot(path=screenshot_dir / "timeline.png")
    event = "2026-06-07-presidential-runoff"
    if event not in {e.id for e in record.events}:
        event = record.events[-1].id
    visit.goto(f"events/{event}/").screenshot(path=screenshot_dir / "event.png")
    for name in ["home", "timeline", "event"]:
        assert (screenshot_dir / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


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
    assert timeline.locator("#pcr-list article").first.is_visible()
    assert not timeline.locator("#pcr-band").is_visible()


SPANISH_COUNT = re.compile(r"(?:Coincide|Coinciden) ([\d\u00a0]+) hechos?")


def test_the_language_switch_lands_on_the_same_event_in_spanish_and_back(visit, record, repo_site):
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
        assert f"<loc>{site_url}sitemap-pages.xml.gz</loc>" in (repo_site / index).read_text(
            "utf-8"
        )
    # The page list is published gzipped only (builder/adapter/sitemap.py), as well-formed XML.
    assert not (repo_site / "sitemap-pages.xml").exists()
    urlset = ElementTree.fromstring(
        gzip.decompress((repo_site / "sitemap-pages.xml.gz").read_bytes())
    )
    entry = next(
        url for url in urlset
        if url.findtext(f"{SITEMAP}loc") == f"{site_url}es/events/{event.id}/"
    )  # fmt: skip
    versions = {
        link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")
        if link.get("rel") == "alternate"
    }  # fmt: skip
    assert versions == {
        lang: f"{site_url}{path}events/{event.id}/"
        for lang, path in [("en", ""), ("es", "es/"), ("x-default", "")]
    }
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


def test_screenshots_of_an_event_and_a_map_in_both_languages(visit, record, screenshot_dir):
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
        page.screenshot(path=screenshot_dir / f"{name}.png")
        assert (screenshot_dir / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert visit.foreign_requests() == []


@pytest.mark.parametrize("width", [1280, 390])
def test_the_locator_map_is_drawn_at_a_readable_size(chromium, repo_url, width):
    """An event's and a region's small map of its regions takes room on the page (it was drawn 0
    pixels wide: the theme shrink-wraps figures), its region's overlay exactly over the map, both
    loaded (shared images, not inline SVG)."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in ("events/2009-06-05-bagua-clashes/", "regions/pe-ama/"):
        page.goto(repo_url + path)
        images = page.locator(".pcr-locator__map img")
        assert images.count() == 2, path  # the map, then Amazonas
        box = images.first.bounding_box()
        assert box is not None and 200 <= box["width"] <= 360, (path, box)
        assert box["height"] > box["width"]  # Peru is taller than it is wide
        assert images.nth(1).bounding_box() == box
        loaded = images.evaluate_all("els => els.map(el => el.complete && el.naturalWidth > 0)")
        assert loaded == [True, True], path
    context.close()


FOCUSED = """() => {
    const el = document.activeElement;
    const label = el.closest('label');
    return {
        for: label && label.getAttribute('for'), role: el.getAttribute('role'),
        label: el.getAttribute('aria-label'), expanded: el.getAttribute('aria-expanded'),
        outline: getComputedStyle(el).outlineStyle,
        inDrawer: !!el.closest('nav.md-nav--primary'), name: el.getAttribute('name'),
    };
}"""


@pytest.mark.parametrize(
    ("home", "navigation", "search"),
    [("", "Navigation", "Search"), ("es/", "Navegación", "Búsqueda")],
)
def test_on_a_phone_the_header_menu_and_search_buttons_are_keyboard_stops(
    chromium, repo_url, home, navigation, search
):
    """The theme's menu and search buttons of a narrow screen are labels of its checkboxes:
    timeline.js wraps their icons in keyboard stops, named, with a visible focus, pressed by
    Enter or Space; the drawer takes the focus and gives it back on Escape."""
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(repo_url + home)
    focused = {}
    for _ in range(4):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["for"] == "__drawer":
            break
    assert focused["for"] == "__drawer", focused
    assert (focused["role"], focused["label"], focused["expanded"]) == (
        "button",
        navigation,
        "false",
    )
    assert focused["outline"] != "none"
    page.keyboard.press("Enter")
    playwright_api.expect(page.locator("nav.md-nav--primary")).to_be_in_viewport()
    assert page.evaluate("document.getElementById('__drawer').checked")
    assert page.evaluate(FOCUSED)["inDrawer"]
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__drawer').checked")
    focused = page.evaluate(FOCUSED)
    assert (focused["for"], focused["expanded"]) == ("__drawer", "false")

    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert (focused["for"], focused["role"], focused["label"]) == ("__search", "button", search)
    assert focused["outline"] != "none"
    page.keyboard.press(" ")
    playwright_api.expect(page.locator("form[name=search] input")).to_be_focused()
    page.keyboard.type("Chancay")
    playwright_api.expect(page.locator(".md-search-result__link").first).to_be_visible()
    assert errors == []
    context.close()


SEARCH_FOCUS = """() => {
    const el = document.activeElement;
    const label = el.closest('label');
    const box = el.getBoundingClientRect();
    return {
        for: label && label.getAttribute('for'), label: el.getAttribute('aria-label'),
        name: el.getAttribute('name'), href: el.href || null,
        inSearch: !!el.closest('.md-search'), seen: box.width > 0 && box.height > 0
            && getComputedStyle(el).visibility === 'visible',
    };
}"""


def _tab_into_search(page, width: int) -> dict:
    """Tab from the top of the page to the search: its button on a phone, its field on a wide
    screen (the stop after the logo); what has the focus then."""
    for _ in range(6):
        page.keyboard.press("Tab")
        focused = page.evaluate(SEARCH_FOCUS)
        if focused["for"] == "__search" or focused["name"] == "query":
            break
    wanted = ("__search", None) if width == 390 else (None, "query")
    assert (focused["for"], focused["name"]) == wanted, focused
    return focused


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize(("home", "search"), [("", "Search"), ("es/", "Búsqueda")])
def test_the_search_dialog_by_keyboard(chromium, repo_url, width, home, search):
    """On a phone the closed search dialog is out of sight, and so out of the tab order: the stop
    after its button is the page's next one, not the dialog's hidden field (timeline.css). Opened
    by the button, its field takes the focus; the arrows move through the results, Enter opens
    one, Escape closes the dialog and gives the focus back to the button. On a wide screen the
    field is in the header, a stop of its own, and works the same way."""
    context = chromium.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    field = page.locator("form[name=search] input[name=query]")
    page.goto(repo_url + home)
    focused = _tab_into_search(page, width)
    assert focused["label"] == search and focused["seen"]
    if width == 390:
        page.keyboard.press("Tab")
        after = page.evaluate(SEARCH_FOCUS)
        assert not after["inSearch"] and after["seen"], after
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Enter")
    playwright_api.expect(field).to_be_focused()
    playwright_api.expect(field).to_be_in_viewport()
    page.keyboard.type("Chancay")
    first = page.locator(".md-search-result__link").first
    playwright_api.expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(SEARCH_FOCUS)
    assert focused["inSearch"] and focused["href"] == first.evaluate("a => a.href")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    playwright_api.expect(first).to_be_hidden()
    if width == 390:
        focused = page.evaluate(SEARCH_FOCUS)
        assert (focused["for"], focused["label"], focused["seen"]) == ("__search", search, True)
    page.keyboard.press("Tab")  # on from where the search was, to a stop the reader sees
    assert page.evaluate(SEARCH_FOCUS)["seen"]

    page.goto(repo_url + home)
    _tab_into_search(page, width)
    if width == 390:
        page.keyboard.press("Enter")
    page.keyboard.type("Chancay")
    playwright_api.expect(first).to_be_visible()
    page.keyboard.press("ArrowDown")
    target = page.evaluate(SEARCH_FOCUS)["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    assert errors == []
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("home", ["", "es/"])
def test_the_home_pages_buttons_stand_apart(chromium, repo_url, width, home):
    """The home page's buttons (timeline, maps, regions, presidents, data) are as far apart as
    the space between two words: the maps button touched the regions one, a template tag at the
    end of its line having taken the line's end with it (templates/home.md.j2)."""
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(repo_url + home)
    boxes = [b.bounding_box() for b in page.locator("article p .md-button").all()]
    assert len(boxes) == 5
    for left, right in zip(boxes, boxes[1:], strict=False):
        if abs(left["y"] - right["y"]) < 1:  # on one line
            assert right["x"] - (left["x"] + left["width"]) >= 3, (left, right)
    context.close()
