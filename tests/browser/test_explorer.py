"""The timeline explorer in Chromium: the list at first sight, the time band by mouse and keyboard,
the linked map, the address and Back, the return from an event page, both languages, a phone.

The repository's own site is built once per session (tests/conftest.py: repo_site, repo_url, chromium).
Expected counts are computed here from the record, never read from the page.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import Visit

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")
expect = playwright_api.expect

COUNT = {
    "en": re.compile(r"([\d,]+) events? match|No event matches"),
    "es": re.compile(r"(?:Coincide|Coinciden) ([\d\u00a0]+) hechos?|Ningún hecho coincide"),
}
PREFIX = {"en": "", "es": "es/"}


@pytest.fixture(scope="module")
def record(repo_record):
    return repo_record


def ready(page, map=True):
    """Wait for the explorer's first render, and for its map (loaded once it is near the
    viewport: at once on a wide screen, on a phone when the reader scrolls towards it)."""
    page.wait_for_selector("#pcr-explorer[data-ready]")
    if not map:
        return page
    page.locator("#pcr-map").scroll_into_view_if_needed()
    page.wait_for_selector("#pcr-map[data-ready]")
    page.evaluate("window.scrollTo(0, 0)")
    return page


def matched(page, lang: str = "en") -> int:
    """The count the status line reports, once the explorer has written it."""
    status = page.locator("#pcr-status")
    expect(status).to_have_text(COUNT[lang])
    found = COUNT[lang].search(status.text_content())
    return int(re.sub(r"\D", "", found.group(1))) if found.group(1) else 0


def query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def titles(page, lang="en") -> list[str]:
    return [a.text_content() for a in page.locator("#pcr-list article h4 > a").all()]


def overlapping(record, start: str, end: str) -> list:
    """Events whose span overlaps [start, end], as the explorer's window keeps them."""
    return [
        e
        for e in record.events
        if (e.end or e.date).last_day().isoformat() >= start
        and e.date.first_day().isoformat() <= end
    ]


def title(event, lang):
    return event.title.get(lang)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_events_at_first_sight_newest_first_paged_and_reversible(visit, record, lang):
    page = ready(visit.goto(PREFIX[lang] + "timeline/"))
    assert matched(page, lang) == len(record.events)
    shown = titles(page)
    newest_first = sorted(record.events, key=lambda e: e.sort_key(), reverse=True)
    assert len(shown) == min(50, len(record.events))  # one page, not the whole record
    assert shown[:10] == [title(e, lang) for e in newest_first[:10]]
    more = page.locator("#pcr-list .pcr-more")
    if len(record.events) > 50:
        expect(more).to_contain_text(str(len(record.events) - 50))
        more.click()
        assert len(titles(page)) == min(100, len(record.events))
    page.locator("#pcr-order").select_option("oldest")
    expect(page.locator("#pcr-list article h4 > a").first).to_have_text(
        title(record.events[0], lang)
    )
    assert query(page) == {"order": "oldest"}
    assert visit.errors == []


def test_filters_narrow_the_list_and_options_say_how_many_they_would_leave(visit, record):
    page = ready(visit.goto("timeline/"))
    counts = {t: sum(t in e.themes for e in record.events) for t in record.themes}
    theme = max((t for t, n in counts.items() if n < len(record.events)), key=counts.get)
    with_theme = [e for e in record.events if theme in e.themes]
    page.get_by_label("Theme", exact=True).select_option(theme)
    assert matched(page) == len(with_theme)
    # Each region option counts the events it would leave with the theme chosen.
    regions = {}
    for e in with_theme:
        for r in e.regions:
            regions[r] = regions.get(r, 0) + 1
    region, n = max(regions.items(), key=lambda item: item[1])
    option = page.locator(f"#pcr-region option[value='{region}']")
    assert option.text_content().endswith(f"({n})")
    page.get_by_label("Region", exact=True).select_option(region)
    assert matched(page) == n
    # The active filters are chips; removing one widens the list again.
    chips = page.locator("#pcr-chips button")
    assert chips.count() == 2
    chips.nth(1).click()
    assert matched(page) == len(with_theme)
    assert query(page) == {"theme": theme}
    # Words: accents optional.
    page.get_by_label("Words", exact=True).fill("balcazar")
    expected = [e for e in with_theme if "balcazar" in _fold(e.title.en + " " + e.summary.en)]
    expect(page.locator("#pcr-status")).to_contain_text(f"{len(expected)} event")
    assert query(page)["text"] == "balcazar"
    page.get_by_role("button", name="Clear filters").click()
    assert matched(page) == len(record.events)
    assert query(page) == {}
    assert visit.errors == []


def _fold(text: str) -> str:
    import unicodedata

    return "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    ).lower()


def test_a_reversed_date_range_is_refused_with_a_message(visit, record):
    page = ready(visit.goto("timeline/"))
    page.get_by_label("From", exact=True).fill("2026-06-01")
    page.get_by_label("From", exact=True).dispatch_event("change")
    assert matched(page) == len(overlapping(record, "2026-06-01", "9999-12-31"))
    page.get_by_label("To", exact=True).fill("2026-01-01")
    page.get_by_label("To", exact=True).dispatch_event("change")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("start date is after the end date")
    assert page.get_by_label("To", exact=True).get_attribute("aria-invalid") == "true"
    assert query(page) == {"from": "2026-06-01"}  # refused: the address keeps the last good state
    page.get_by_label("To", exact=True).fill("2026-06-30")
    page.get_by_label("To", exact=True).dispatch_event("change")
    expect(page.locator("#pcr-range-error")).to_have_text("")
    assert matched(page) == len(overlapping(record, "2026-06-01", "2026-06-30"))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_band_window_moves_by_keyboard_with_a_name_and_value_text(visit, record, lang):
    page = ready(visit.goto(PREFIX[lang] + "timeline/"))
    window = page.locator("#pcr-band-window")
    assert window.get_attribute("role") == "slider"
    assert window.get_attribute("aria-label") == (
        "Time window" if lang == "en" else "Ventana de tiempo"
    )
    assert window.get_attribute("aria-valuetext") == (
        "All dates" if lang == "en" else "Todas las fechas"
    )
    window.focus()
    page.keyboard.press("End")  # the band's last twelve months: its last year
    year = max((e.end or e.date).last_day().year for e in record.events)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    assert query(page) == {"from": start.isoformat(), "to": end.isoformat()}
    assert matched(page, lang) == len(overlapping(record, start.isoformat(), end.isoformat()))
    page.keyboard.press("ArrowLeft")  # one month earlier
    earlier = _shift_month(start, -1), _month_end(_shift_month(end, -1))
    assert query(page) == {"from": earlier[0].isoformat(), "to": earlier[1].isoformat()}
    page.keyboard.press("Shift+ArrowLeft")  # one month shorter
    assert query(page)["to"] == _month_end(_shift_month(end, -2)).isoformat()
    months = {"en": "January", "es": "enero"}[lang]
    page.keyboard.press("Home")
    assert months in window.get_attribute("aria-valuetext")
    assert matched(page, lang) >= 1
    page.keyboard.press("Escape")
    assert query(page) == {}
    assert matched(page, lang) == len(record.events)
    assert visit.errors == []


def _month_end(day: dt.date) -> dt.date:
    return _shift_month(day.replace(day=1), 1) - dt.timedelta(days=1)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def test_the_band_window_is_drawn_by_dragging_and_moved_by_its_middle(visit, record):
    page = ready(visit.goto("timeline/"))
    frame = page.locator(".pcr-band__frame").bounding_box()

    def x(iso: str) -> float:
        return page.evaluate(
            "iso => { const b = pcrExplorer.app.band; return b.x(pcrExplorer.data.dayOf(iso)); }",
            iso,
        )

    y = frame["y"] + 20
    page.mouse.move(frame["x"] + x("2025-01-15"), y)
    page.mouse.down()
    page.mouse.move(frame["x"] + x("2025-04-15"), y, steps=5)
    page.mouse.move(frame["x"] + x("2025-06-15"), y, steps=5)
    page.mouse.up()
    assert query(page) == {"from": "2025-01-01", "to": "2025-06-30"}
    assert matched(page) == len(overlapping(record, "2025-01-01", "2025-06-30"))
    # Dragging the window's middle moves it, keeping its width.
    page.mouse.move(frame["x"] + x("2025-03-15"), y)
    page.mouse.down()
    page.mouse.move(frame["x"] + x("2025-07-15"), y, steps=8)
    page.mouse.up()
    assert query(page) == {"from": "2025-05-01", "to": "2025-10-31"}
    # One drag is one history entry: Back returns to the first window, then to all dates.
    page.go_back()
    assert query(page) == {"from": "2025-01-01", "to": "2025-06-30"}
    assert matched(page) == len(overlapping(record, "2025-01-01", "2025-06-30"))
    page.go_back()
    assert query(page) == {}
    assert matched(page) == len(record.events)
    assert visit.errors == []


def _region_counts(record, events=None) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in events if events is not None else record.events:
        for r in e.regions:
            counts[r] = counts.get(r, 0) + 1
    return counts


def _inside(page, region: str) -> list[float]:
    """A point in the viewport where a click lands on `region`'s outline on the map."""
    page.locator("#pcr-map").scroll_into_view_if_needed()
    return page.evaluate(
        """code => {
            const app = pcrExplorer.app;
            const layer = app.map.layers[app.model.placeAt[code]];
            const box = layer.getElement().getBoundingClientRect();
            // A point inside the outline: scan the box's middle row for a hit on this path.
            for (let i = 1; i < 40; i++) {
                const x = box.left + (box.width * i) / 40, y = box.top + box.height / 2;
                if (document.elementFromPoint(x, y) === layer.getElement()) return [x, y];
            }
            return null;
        }""",
        region,
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_clicking_a_region_filters_by_it_and_clicking_again_clears(visit, record, lang):
    page = ready(visit.goto(PREFIX[lang] + "timeline/"))
    counts = _region_counts(record)
    # Metropolitan Lima and Callao are a few pixels wide at the country's zoom: a bigger target.
    small = {"PE-LMA", "PE-CAL"}
    region = max((r for r in counts if r.startswith("PE-") and r not in small), key=counts.get)
    path = page.locator(f"#pcr-map path[data-region='{region}']")
    name = record.regions[region].label(lang)
    unit = "event" if lang == "en" else "hecho"
    assert path.get_attribute("aria-label").startswith(f"{name}: {counts[region]} {unit}")
    point = _inside(page, region)
    assert point, "no visible point of the region"
    page.mouse.move(*point)  # as a reader's pointer arrives: the tooltip first, then the click
    expect(page.locator(".pcr-map__tip")).to_contain_text(name)
    page.mouse.click(*point)
    assert query(page) == {"region": region}
    assert matched(page, lang) == counts[region]
    assert (
        page.get_by_label("Region" if lang == "en" else "Región", exact=True).input_value()
        == region
    )
    assert path.get_attribute("aria-pressed") == "true"
    page.mouse.click(*_inside(page, region))  # the shorter list may have scrolled the page
    assert query(page) == {}
    assert matched(page, lang) == len(record.events)
    # National and abroad are counted beside the map, and filter too.
    national = page.locator("#pcr-scopes button").first
    expect(national).to_contain_text(str(counts.get("national", 0)))
    national.click()
    assert query(page) == {"region": "national"}
    assert matched(page, lang) == counts.get("national", 0)
    assert visit.errors == []


def test_the_map_follows_the_other_filters_and_its_legend_updates(visit, record):
    page = ready(visit.goto("timeline/"))
    legend_before = page.locator("#pcr-legend").text_content()
    theme = (
        "strikes-and-protests"
        if "strikes-and-protests" in record.themes
        else next(iter(record.themes))
    )
    page.get_by_label("Theme", exact=True).select_option(theme)
    with_theme = [e for e in record.events if theme in e.themes]
    matched(page)
    counts = _region_counts(record, with_theme)
    for code in record.regions:
        label = page.locator(f"#pcr-map path[data-region='{code}']").get_attribute("aria-label")
        n = counts.get(code, 0)
        assert re.search(rf": {n} event", label), (code, label)
    assert page.locator("#pcr-legend").text_content() != legend_before or max(
        counts.values()
    ) == max(_region_counts(record).values())


def test_pointing_at_an_event_outlines_its_regions_on_the_map(visit, record):
    page = ready(visit.goto("timeline/"))
    event = next(e for e in reversed(record.events) if any(r.startswith("PE-") for r in e.regions))
    entry = page.locator(f"#pcr-list article[data-event='{event.id}']")
    if entry.count() == 0:
        page.locator("#pcr-list .pcr-more").click()
    entry.hover()
    for code in (r for r in event.regions if r.startswith("PE-")):
        width = page.locator(f"#pcr-map path[data-region='{code}']").get_attribute("stroke-width")
        assert float(width) == 3
    entry.locator("h4 a").focus()
    page.locator("#pcr-text").focus()
    code = next(r for r in event.regions if r.startswith("PE-"))
    assert (
        float(page.locator(f"#pcr-map path[data-region='{code}']").get_attribute("stroke-width"))
        < 3
    )


def test_keyboard_meets_the_zoom_controls_then_the_regions_north_to_south(visit, record):
    page = ready(visit.goto("timeline/"))
    order = page.evaluate(
        """() => Array.from(document.querySelectorAll('#pcr-map [tabindex="0"], #pcr-map a[href], #pcr-map button'))
            .filter(el => el.tabIndex >= 0)
            .map(el => el.getAttribute('data-region') || el.className.baseVal || el.className)"""
    )
    first_region = next(i for i, v in enumerate(order) if str(v).startswith("PE-"))
    zoom = next(i for i, v in enumerate(order) if "zoom-in" in str(v))
    assert zoom < first_region
    regions = [v for v in order if str(v).startswith("PE-")]
    assert len(regions) == 26
    assert regions[0] == "PE-TUM"  # Tumbes is the northernmost region's box centre
    assert regions[-1] == "PE-TAC"  # and Tacna the southernmost
    # The skip link moves focus past the map to the list.
    skip = page.locator(".pcr-skip")
    skip.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pcr-list-title"
    # A region answers Enter.
    page.locator("#pcr-map path[data-region='PE-CUS']").focus()
    page.keyboard.press("Enter")
    assert query(page) == {"region": "PE-CUS"}


def test_back_steps_through_filter_states(visit, record):
    page = ready(visit.goto("timeline/"))
    page.get_by_label("Theme", exact=True).select_option("elections-2026")
    first = matched(page)
    page.get_by_label("Region", exact=True).select_option("national")
    second = matched(page)
    page.locator("#pcr-order").select_option("oldest")
    page.go_back()
    assert query(page) == {"theme": "elections-2026", "region": "national"}
    assert page.locator("#pcr-order").input_value() == ""
    page.go_back()
    assert query(page) == {"theme": "elections-2026"}
    assert page.get_by_label("Region", exact=True).input_value() == ""
    assert matched(page) == first
    page.go_forward()
    assert matched(page) == second
    assert visit.errors == []


def test_returning_from_an_event_page_restores_the_list_and_the_place(visit, record):
    page = ready(visit.goto("timeline/"))
    more = page.locator("#pcr-list .pcr-more")
    if more.count():
        more.click()
    entries = page.locator("#pcr-list article")
    target = entries.nth(min(entries.count() - 1, 55))
    event_id = target.get_attribute("data-event")
    target.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # the scroll position is saved a moment after scrolling stops
    before = page.evaluate("window.scrollY")
    target.locator("h4 a").click()
    page.wait_for_url(re.compile(rf".*/events/{event_id}/$"))
    page.go_back()
    ready(page, map=False)  # the place in the page is what this test checks: no scrolling
    assert query(page) == {"event": event_id}
    selected = page.locator("#pcr-list article.is-selected")
    expect(selected).to_have_attribute("data-event", event_id)
    assert abs(page.evaluate("window.scrollY") - before) < 80
    assert visit.errors == []


def test_an_event_address_opens_the_timeline_at_that_event(visit, record):
    event = record.events[len(record.events) // 3]
    page = ready(visit.goto(f"timeline/?event={event.id}"), map=False)
    selected = page.locator("#pcr-list article.is-selected")
    expect(selected).to_have_attribute("data-event", event.id)
    box = selected.bounding_box()
    assert 0 <= box["y"] <= 900  # scrolled into view
    assert page.locator(".pcr-band__selected").count() == 1


def phone(chromium, width: int, height: int, scale: float):
    """A browser context as a phone of `width` × `height` CSS pixels: touch, mobile viewport."""
    return chromium.new_context(
        viewport={"width": width, "height": height},
        has_touch=True,
        is_mobile=True,
        device_scale_factor=scale,
    )


def test_on_a_phone_the_map_stacks_above_the_list_and_one_finger_scrolls(
    chromium, repo_url, record
):
    context = phone(chromium, 390, 844, scale=2)
    page = context.new_page()
    visit = Visit(page, repo_url)
    ready(visit.goto("es/timeline/"))
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    map_box = page.locator("#pcr-map").bounding_box()
    list_box = page.locator("#pcr-list").bounding_box()
    band_box = page.locator(".pcr-band__frame").bounding_box()
    assert map_box["y"] + map_box["height"] <= list_box["y"]
    assert band_box["width"] <= 390 and map_box["width"] <= 390
    assert page.evaluate("pcrExplorer.app.map.map.dragging.enabled()") is False
    touch = page.evaluate("getComputedStyle(document.querySelector('#pcr-map')).touchAction")
    assert touch != "none"  # the browser may pan the page
    move = page.get_by_role("button", name="Mover el mapa")
    move.click()
    assert page.evaluate("pcrExplorer.app.map.map.dragging.enabled()") is True
    assert move.get_attribute("aria-pressed") == "true"
    assert visit.errors == []
    context.close()


# Records the widest layout the page takes once parsed (before, a phone lays out 980 pixels,
# until it reads the page's viewport) and the layout shifts.
LAYOUT_WATCH = """
window.pcrWidest = 0;
window.pcrShifts = 0;
document.addEventListener("DOMContentLoaded", function watch() {
  pcrWidest = Math.max(pcrWidest, innerWidth);
  setTimeout(watch, 10);
});
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) pcrShifts += entry.value; });
}).observe({ type: "layout-shift", buffered: true });
"""


def test_on_a_phone_the_map_waits_for_its_stylesheet_and_nothing_shifts(chromium, repo_url):
    """explorer.js draws the region map once Leaflet's stylesheet has loaded. Drawn before it,
    on a phone's slow network, Leaflet's panes lay in the page's flow thousands of pixels wide:
    the phone laid the whole page out wider for a moment and the explorer moved (Lighthouse:
    a layout shift of 0.137 on /timeline/ as a phone). Here the stylesheet is held back."""
    context = phone(chromium, 412, 823, scale=1.75)  # Lighthouse's phone
    page = context.new_page()
    held = []
    page.route("**/assets/leaflet/leaflet.css", lambda route: held.append(route))
    page.add_init_script(LAYOUT_WATCH)
    visit = Visit(page, repo_url)
    page.goto(repo_url + "timeline/", wait_until="domcontentloaded")  # "load" awaits the style
    page.wait_for_selector("#pcr-explorer[data-ready]")
    page.wait_for_function("() => window.L !== undefined")  # Leaflet's script, not its style
    page.wait_for_timeout(300)
    assert len(held) == 1
    assert page.locator("#pcr-map[data-ready]").count() == 0  # the map waits
    held[0].continue_()
    expect(page.locator("#pcr-map[data-ready]")).to_have_count(1)
    page.wait_for_timeout(300)
    assert page.evaluate("pcrWidest") == 412
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 412
    assert page.evaluate("pcrShifts") < 0.01
    assert visit.errors == []
    context.close()


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_the_explorers_stylesheet_comes_before_what_it_styles(repo_site, prefix):
    """The explorer's stylesheet is linked in the page's body at the explorer's start, not at
    the page's end: the browser paints nothing after a stylesheet in the body until it has
    loaded. Linked last, a phone painted the explorer unstyled, wider than the screen, and then
    moved it: a layout shift of 0.137 in half of the loads with the processor slowed six times,
    none in eight with the link first (Lighthouse as a phone: 0.137 in three runs of three)."""
    html = (repo_site / prefix / "timeline" / "index.html").read_text(encoding="utf-8")
    assert html.count("explorer.css") == 1
    link = html.index("explorer.css")
    assert html.index('id="pcr-explorer"') < link < html.index('class="pcr-band"')
    assert link < html.index('id="pcr-static"')


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_the_explorer(chromium, repo_url, record, lang, width, screenshot_dir):
    context = chromium.new_context(
        viewport={"width": width, "height": 900 if width > 400 else 844},
        has_touch=width < 400,
        is_mobile=width < 400,
    )
    page = context.new_page()
    visit = Visit(page, repo_url)
    ready(visit.goto(PREFIX[lang] + "timeline/?from=2025-01-01&to=2026-12-31"), map=False)
    if width > 400:  # the map is near the first screen, and loads at once
        page.wait_for_selector("#pcr-map[data-ready]")
    # From the band down: the band and the form on a phone, the whole instrument on a desktop.
    page.evaluate("window.scrollTo(0, document.getElementById('pcr-band-title').offsetTop - 64)")
    page.wait_for_timeout(600)  # the theme's header swaps its title with a fade on scrolling
    path = screenshot_dir / f"explorer-{lang}-{width}.png"
    page.screenshot(path=path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert visit.errors == [] and visit.foreign_requests() == []
    context.close()


def test_a_button_brings_lima_and_callao_within_reach(visit, record):
    page = ready(visit.goto("timeline/"))
    width = "el => el.getBoundingClientRect().width"
    lima = page.locator("#pcr-map path[data-region='PE-LMA']")
    assert lima.evaluate(width) < 20  # a few pixels at the country's zoom
    page.get_by_role("button", name="Zoom to Lima and Callao").click()
    page.wait_for_timeout(400)  # the zoom's animation
    assert lima.evaluate(width) > 60
    page.mouse.click(*_inside(page, "PE-LMA"))
    assert query(page) == {"region": "PE-LMA"}
    page.get_by_role("button", name="Show all of Peru").click()
    page.wait_for_timeout(400)
    assert lima.evaluate(width) < 20
