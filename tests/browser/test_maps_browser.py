"""Each shipped map in a real browser (Debian's Chromium via Playwright), served on 127.0.0.1 only.

What a reader does with a map: choose a window (the regions, legend and popups follow it, and a
reversed one is refused), go back to all of Peru, read popups that fit the map, scroll the page
over it with one finger on a phone, fold the legend, reach every region with the keyboard in
the map's order, skip the map, and follow its window to the timeline; in English and Spanish.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from builder.record.dates import PartialDate
from builder.views.maps.assets import shared_files
from builder.views.maps.definitions import load_definitions
from builder.views.maps.geodata import regions_frame
from builder.views.maps.interactive import PERU_BOUNDS, map_html
from builder.views.maps.measures import measure, override
from builder.views.maps.styling import classify
from tests.support.browser import CHROMIUM, in_own_thread
from tests.support.project import REPO
from tests.support.server import serve_quietly

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed"),
]
LANGS = ("en", "es")
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
# The map's page as the site shows it: text above and below, the map in a 36rem iframe.
PAGE = """<!DOCTYPE html><html><head><meta name="viewport" content="width=device-width,
initial-scale=1"></head><body style="margin:0"><p style="height:300px">Above</p>
<iframe src="map.html" style="width:100%;height:36rem;border:0" title="map"></iframe>
<p style="height:1500px">Below</p></body></html>"""
# The map object of the page (folium names it after the map's element).
MAP = "window[document.querySelector('.folium-map').id]"
REGIONS = ".leaflet-overlay-pane path"
SHOTS = Path(os.environ.get("MAP_SCREENSHOTS", "")) if os.environ.get("MAP_SCREENSHOTS") else None


@pytest.fixture(scope="module")
def record(repo_record):
    return repo_record


@pytest.fixture(scope="module")
def site(tmp_path_factory, record):
    """The shipped maps, Leaflet and the outlines in both languages, as the site publishes
    them, on 127.0.0.1."""
    root = tmp_path_factory.mktemp("site")
    definitions = load_definitions(REPO, record)
    for lang in LANGS:
        prefix = root / ("es" if lang == "es" else "")
        for definition in definitions:
            target = prefix / "maps" / definition.name / "map.html"
            target.parent.mkdir(parents=True)
            target.write_text(map_html(measure(definition, record), lang), encoding="utf-8")
            (target.parent / "page.html").write_text(PAGE, encoding="utf-8")
        for file in shared_files():
            target = prefix / file.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
    with serve_quietly(root) as base:
        yield base.rstrip("/"), definitions, root


def in_browser(check):
    """Run `check(browser)` with its own Playwright and Chromium (tests.support.browser)."""
    in_own_thread(check)


def open_map(browser, base: str, name: str, lang: str = "en", **context):
    """A new page (in a context of its own: `context` sets its viewport and touch) on the map."""
    page = browser.new_context(**context).new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base}/{'es/' if lang == 'es' else ''}maps/{name}/map.html")
    page.wait_for_selector(f"{REGIONS}[aria-label]")
    page.errors = errors
    return page


def region_path(page, name: str):
    return page.locator(f'{REGIONS}[aria-label^="{name}:"]')


def fills(page) -> dict[str, str]:
    """Each region's fill, by the name its accessible name starts with."""
    pairs = page.eval_on_selector_all(
        REGIONS, "paths => paths.map(p => [p.getAttribute('aria-label'), p.getAttribute('fill')])"
    )
    return {label.split(":")[0]: fill for label, fill in pairs}


def names(lang: str) -> dict[str, str]:
    frame = regions_frame()
    column = "name" if lang == "es" else "name_en"
    return dict(zip(frame["iso"], frame[column], strict=True))


def shot(page, name: str) -> None:
    """A screenshot for a person to look at, when MAP_SCREENSHOTS names a folder."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_every_map_draws_its_26_regions_and_asks_nothing_of_another_host(site):
    in_browser(lambda browser: check_every_map(browser, *site))


def check_every_map(browser, base, definitions, _root):
    for lang in LANGS:
        for definition in definitions:
            page = browser.new_page()
            requests, errors = [], []
            page.on("request", lambda request, seen=requests: seen.append(request.url))
            page.on("pageerror", lambda error, seen=errors: seen.append(str(error)))
            page.goto(f"{base}/{'es/' if lang == 'es' else ''}maps/{definition.name}/map.html")
            page.wait_for_selector(f"{REGIONS}[aria-label]")
            assert page.locator(REGIONS).count() == 26, definition.name
            assert page.locator(".leaflet-points-pane path").count() == len(definition.points)
            assert page.locator(".map-point-label").count() == len(definition.points)
            assert page.locator(".map-legend li").count() >= 2
            # The window control on count maps only: a categories map's classes are its own.
            assert page.locator("#map-window").is_visible() == (definition.measure == "count")
            assert errors == [], definition.name
            assert requests and all(url.startswith(base + "/") for url in requests), requests
            page.close()


def test_a_region_opens_a_popup_that_links_its_events(site):
    in_browser(lambda browser: check_popup(browser, site[0]))


def check_popup(browser, base):
    page = open_map(browser, base, "us-troops-authorisation")
    region = region_path(page, "Madre de Dios")
    popup = page.locator(".leaflet-popup-content")
    region.click()
    try:
        popup.wait_for(timeout=5_000)
    except PlaywrightTimeout:
        # On a loaded machine the first click can land while Leaflet still lays the map out
        # (seen once in a clean-clone run); a click on the path itself does not depend on that.
        region.dispatch_event("click")
        popup.wait_for()
    assert "Madre de Dios" in popup.inner_text() and "only in the resolution" in popup.inner_text()
    link = popup.locator("a").first.get_attribute("href")
    assert link == "../../events/2025-12-04-congress-authorises-us-troops-for-2026/"
    # The uncertain Lima region is filled with the hatch pattern the legend defines.
    fill = region_path(page, "Lima Region").get_attribute("fill")
    assert fill.startswith("url(#us-troops-authorisation-lima-uncertain-hatch")
    assert page.locator("#us-troops-authorisation-lima-uncertain-hatch").count() == 1
    assert page.errors == []


# --- the time window ---------------------------------------------------------------------


def expected_fills(record, definition, lang: str, start: str | None, end: str | None) -> dict:
    """Each region's fill and accessible name as Python counts them for a window (None: the
    definition's own), by region name."""
    selection = definition.selection
    if start:
        selection = override(selection, PartialDate.parse(start), PartialDate.parse(end))
    data = measure(definition, record, selection)
    classification = classify(data)
    word = ("event", "events") if lang == "en" else ("hecho", "hechos")
    out = {}
    for iso, name in names(lang).items():
        n = data.regions[iso].value
        out[name] = (classification.by_region[iso].fill, f"{name}: {n} {word[n != 1]}")
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_the_window_recolours_the_regions_and_updates_the_legend(site, record, lang):
    base, definitions, _ = site
    definition = next(d for d in definitions if d.name == "events-by-region")

    def check(browser):
        page = open_map(browser, base, definition.name, lang)
        labels = lambda: dict(  # noqa: E731
            (label.split(":")[0], label)
            for label in page.eval_on_selector_all(
                REGIONS, "ps => ps.map(p => p.getAttribute('aria-label'))"
            )
        )
        before_legend = page.inner_text("#map-legend-period")
        default = expected_fills(record, definition, lang, None, None)
        assert fills(page) == {name: fill for name, (fill, _) in default.items()}
        assert labels() == {name: label for name, (_, label) in default.items()}

        page.fill("#map-window-from", "2025-01")
        page.fill("#map-window-to", "2025-06")
        chosen = expected_fills(record, definition, lang, "2025-01", "2025-06")
        assert fills(page) == {name: fill for name, (fill, _) in chosen.items()}
        assert labels() == {name: label for name, (_, label) in chosen.items()}
        assert fills(page) != {name: fill for name, (fill, _) in default.items()}
        after_legend = page.inner_text("#map-legend-period")
        assert before_legend != after_legend
        assert after_legend == (
            "Events from January 2025 to June 2025"
            if lang == "en"
            else "Hechos de enero de 2025 a junio de 2025"
        )
        status = page.inner_text("#map-window-status")
        in_window = measure(
            definition,
            record,
            override(definition.selection, PartialDate(2025, 1), PartialDate(2025, 6)),
        )
        count = f"{len(in_window.events)} {'events' if lang == 'en' else 'hechos'}"
        assert status.startswith(f"{count} {'from January' if lang == 'en' else 'de enero'}")
        assert page.get_attribute("#map-window-status", "role") == "status"
        # The tooltip's value follows (it reads the feature's value when shown).
        tooltip_value = page.evaluate(
            f"(() => {{ let v; {MAP}.eachLayer(l => {{ if (l.feature && l.feature.id === 'PE-LMA')"
            " v = l.feature.properties.value; }); return v; })()"
        )
        assert tooltip_value == str(in_window.regions["PE-LMA"].value)

        page.click("#map-window-reset")
        assert fills(page) == {name: fill for name, (fill, _) in default.items()}
        assert page.input_value("#map-window-from") == "2025-01"
        assert page.input_value("#map-window-to") == "2026-12"
        assert page.inner_text("#map-legend-period") == before_legend
        assert page.errors == []

    in_browser(check)


@pytest.mark.parametrize("lang", LANGS)
def test_a_reversed_window_is_refused_with_a_visible_message(site, lang):
    base = site[0]

    def check(browser):
        page = open_map(browser, base, "events-by-region", lang)
        page.fill("#map-window-from", "2025-03")
        page.fill("#map-window-to", "2025-09")
        before, status = fills(page), page.inner_text("#map-window-status")
        assert not page.is_visible("#map-window-problem")
        page.fill("#map-window-from", "2026-05")
        page.fill("#map-window-to", "2026-02")
        problem = page.locator("#map-window-problem")
        assert problem.is_visible() and problem.get_attribute("role") == "alert"
        assert problem.inner_text().startswith(
            "“From” is after “To”" if lang == "en" else "«Desde»"
        )
        assert page.get_attribute("#map-window-from", "aria-invalid") == "true"
        # Nothing else changed: the map still shows the last window it accepted.
        assert fills(page) == before and page.inner_text("#map-window-status") == status
        page.fill("#map-window-from", "1970-01")  # before the first month it offers
        assert problem.inner_text() == (
            "Choose months from January 1980 to December 2026, written as YYYY-MM."
            if lang == "en"
            else "Elija meses de enero de 1980 a diciembre de 2026, escritos como AAAA-MM."
        )
        assert fills(page) == before and page.inner_text("#map-window-status") == status
        page.fill("#map-window-from", "2026-01")
        assert not problem.is_visible()
        assert page.get_attribute("#map-window-from", "aria-invalid") == "false"
        assert page.errors == []

    in_browser(check)


def test_the_window_links_the_timeline(site):
    base = site[0]

    def check(browser):
        page = open_map(browser, base, "strikes-and-protests")
        link = page.locator("#map-window-timeline")
        assert link.inner_text() == "See these events on the timeline"
        assert link.get_attribute("target") == "_parent"
        assert link.get_attribute("href") == (
            "../../timeline/?theme=strikes-and-protests&from=2025-01-01&to=2026-12-31"
        )
        page.fill("#map-window-from", "2024-02")
        page.fill("#map-window-to", "2024-02")
        assert link.get_attribute("href").endswith("from=2024-02-01&to=2024-02-29")
        page.click("#map-window-reset")
        assert link.get_attribute("href").endswith("from=2025-01-01&to=2026-12-31")

    in_browser(check)


def test_the_window_works_from_a_file_opened_from_disk(site):
    _, _, root = site

    def check(browser):
        page = browser.new_page()
        foreign, errors = [], []

        def refuse(route):
            foreign.append(route.request.url)
            route.abort()

        page.route(re.compile(r"^(?!file:)"), refuse)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto((root / "es/maps/events-by-region/map.html").as_uri())
        page.wait_for_selector(f"{REGIONS}[aria-label]")
        before = fills(page)
        page.fill("#map-window-from", "2025-01")
        page.fill("#map-window-to", "2025-02")
        assert fills(page) != before
        assert page.inner_text("#map-window-status").startswith(
            ("0 hechos", "1 hecho ", *(f"{n} hechos" for n in range(2, 200)))
        )
        assert foreign == [] and errors == []

    in_browser(check)


# --- the view, popups, touch and the legend ----------------------------------------------


def test_the_reset_button_shows_all_of_peru_again(site):
    base = site[0]

    def check(browser):
        page = open_map(browser, base, "ports", viewport={"width": 1280, "height": 720})
        start = page.evaluate(f"[{MAP}.getZoom(), {MAP}.getCenter().lat, {MAP}.getCenter().lng]")
        page.click(".leaflet-control-zoom-in")
        page.click(".leaflet-control-zoom-in")
        page.evaluate(f"{MAP}.panBy([200, 150], {{animate: false}})")
        page.wait_for_timeout(400)
        moved = page.evaluate(f"[{MAP}.getZoom(), {MAP}.getCenter().lat, {MAP}.getCenter().lng]")
        assert moved[0] > start[0]
        home = page.get_by_role("button", name="Show all of Peru")
        home.focus()
        page.keyboard.press("Enter")  # reachable and usable from the keyboard
        page.wait_for_timeout(600)
        back = page.evaluate(f"[{MAP}.getZoom(), {MAP}.getCenter().lat, {MAP}.getCenter().lng]")
        # Within a pixel or so of the first view (Leaflet rounds pixels after zooming).
        assert back == pytest.approx(start, abs=0.01)
        assert page.evaluate(f"{MAP}.getBounds().contains(L.latLngBounds({PERU_BOUNDS}))")

    in_browser(check)


@pytest.mark.parametrize("lang", LANGS)
def test_popups_fit_the_map_scroll_inside_and_say_the_count_once(site, record, lang):
    base, definitions, _ = site
    definition = next(d for d in definitions if d.name == "events-by-region")
    lima = names(lang)["PE-LMA"]
    count = measure(definition, record).regions["PE-LMA"].value

    def check(browser):
        page = open_map(
            browser, base, definition.name, lang, viewport={"width": 800, "height": 460}
        )
        region_path(page, lima).focus()
        page.keyboard.press("Enter")
        content = page.locator(".leaflet-popup-content")
        content.wait_for()
        map_box = page.locator(".folium-map").bounding_box()
        # Leaflet pans the map (animated) until the whole popup is in view.
        page.wait_for_function(
            "top => document.querySelector('.leaflet-popup').getBoundingClientRect().y >= top",
            arg=map_box["y"] - 1,
        )
        popup_box = page.locator(".leaflet-popup").bounding_box()
        assert popup_box["height"] <= map_box["height"]
        assert content.evaluate("c => c.scrollHeight > c.clientHeight + 20")
        assert content.evaluate("c => getComputedStyle(c).overflowY") == "auto"
        text = content.inner_text()
        word = "events" if lang == "en" else "hechos"
        assert re.findall(rf"\b\d+ {word}\b", text) == [f"{count} {word}"]
        assert not [line for line in text.splitlines() if line.strip().isdigit()]
        assert content.locator("a").count() == 12
        # The keyboard is in the popup; Escape closes it and returns to the region.
        assert page.evaluate("document.activeElement.classList.contains('leaflet-popup-content')")
        page.keyboard.press("Escape")
        page.locator(".leaflet-popup").wait_for(state="detached")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith(lima)
        assert page.errors == []

    in_browser(check)


def test_on_a_phone_one_finger_scrolls_the_page_and_the_legend_starts_folded(site):
    base = site[0]

    def swipe(cdp, page, x, y_from, y_to):
        touch = lambda kind, points: cdp.send(  # noqa: E731
            "Input.dispatchTouchEvent", {"type": kind, "touchPoints": points}
        )
        touch("touchStart", [{"x": x, "y": y_from}])
        for step in range(1, 11):
            touch("touchMove", [{"x": x, "y": y_from + (y_to - y_from) * step / 10}])
        # The finger rests before it lifts, so that the page does not fling on afterwards.
        page.wait_for_timeout(200)
        touch("touchMove", [{"x": x, "y": y_to}])
        touch("touchEnd", [])
        settle(page)

    def settle(page):
        """Wait until the page has stopped scrolling (a swipe may fling on)."""
        page.wait_for_function(
            """() => new Promise(done => {
                const y = scrollY;
                setTimeout(() => done(scrollY === y), 250);
            })""",
            polling=100,
        )

    def check(browser):
        context = browser.new_context(**PHONE)
        page = context.new_page()
        page.goto(f"{base}/maps/events-by-region/page.html")
        frame = page.frame_locator("iframe")
        frame.locator(f"{REGIONS}[aria-label]").first.wait_for()
        inner = page.frames[1]
        assert inner.evaluate(f"{MAP}.dragging.enabled()") is False
        assert inner.evaluate(f"{MAP}.touchZoom.enabled()") is True
        assert inner.evaluate(f"getComputedStyle({MAP}.getContainer()).touchAction") == (
            "pan-x pan-y"
        )
        legend = frame.locator("#map-legend-toggle")
        assert legend.get_attribute("aria-expanded") == "false"
        assert not frame.locator("#map-legend-body").is_visible()
        center = inner.evaluate(f"{MAP}.getCenter().lat")
        cdp = context.new_cdp_session(page)
        swipe(cdp, page, 200, 700, 450)  # one finger, over the map
        assert page.evaluate("scrollY") > 100
        assert inner.evaluate(f"{MAP}.getCenter().lat") == center
        shot(page, "phone-page")

        page.evaluate("scrollTo({top: 0, behavior: 'instant'})")
        settle(page)
        assert page.evaluate("scrollY") == 0
        one_finger = frame.get_by_role("button", name="Move the map with one finger")
        one_finger.tap()
        assert one_finger.get_attribute("aria-pressed") == "true"
        assert inner.evaluate(f"{MAP}.dragging.enabled()") is True
        swipe(cdp, page, 200, 700, 500)
        assert page.evaluate("scrollY") == 0
        assert inner.evaluate(f"{MAP}.getCenter().lat") != center

        legend.tap()
        assert legend.get_attribute("aria-expanded") == "true"
        assert frame.locator("#map-legend-body").is_visible()
        context.close()

    in_browser(check)


def test_the_legend_folds_and_unfolds(site):
    base = site[0]

    def check(browser):
        page = open_map(browser, base, "strikes-and-protests", "es")
        toggle = page.get_by_role("button", name="Número de hechos")
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("#map-legend-body li").first.is_visible()
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "false"
        assert not page.locator("#map-legend-body").is_visible()
        toggle.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"

    in_browser(check)


# --- keyboard and screen readers ---------------------------------------------------------


def tab_through(page, stops: int) -> list[dict]:
    """What the focus lands on, Tab after Tab, from the top of the page."""
    seen = []
    for _ in range(stops):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => { const e = document.activeElement;
                return {tag: e.tagName, id: e.id, cls: String(e.getAttribute('class') || ''),
                        label: e.getAttribute('aria-label') || ''}; }"""
            )
        )
    return seen


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_reaches_the_zoom_then_the_regions_from_north_to_south(site, record, lang):
    base, definitions, _ = site
    definition = next(d for d in definitions if d.name == "strikes-and-protests")
    data = measure(definition, record)
    word = ("event", "events") if lang == "en" else ("hecho", "hechos")

    def check(browser):
        page = open_map(browser, base, definition.name, lang)
        stops = tab_through(page, 22)
        zoom = next(i for i, s in enumerate(stops) if "leaflet-control-zoom-in" in s["cls"])
        home = next(
            i
            for i, s in enumerate(stops)
            if s["label"] in ("Show all of Peru", "Mostrar todo el Perú")
        )
        regions = [i for i, s in enumerate(stops) if s["tag"] == "path"]
        assert zoom < home < regions[0]
        first = [stops[i]["label"].split(":")[0] for i in regions[:2]]
        assert first == ["Tumbes", "Loreto"]
        # Every region has a name that says its value, in the map's language.
        puno = region_path(page, "Puno")
        n = data.regions["PE-PUN"].value
        assert puno.get_attribute("aria-label") == f"Puno: {n} {word[n != 1]}"
        assert puno.get_attribute("role") == "button" and puno.get_attribute("tabindex") == "0"
        # Enter and Space open the region's popup.
        for key in ("Enter", " "):
            puno.focus()
            page.keyboard.press(key)
            page.locator(".leaflet-popup-content").wait_for()
            assert page.locator(".leaflet-popup-content strong").inner_text() == "Puno"
            page.keyboard.press("Escape")
            page.locator(".leaflet-popup").wait_for(state="detached")
        close = "Close" if lang == "en" else "Cerrar"
        puno.focus()
        page.keyboard.press("Enter")
        assert page.locator(".leaflet-popup-close-button").get_attribute("aria-label") == close
        assert page.errors == []

    in_browser(check)


@pytest.mark.parametrize("lang", LANGS)
def test_the_skip_link_moves_the_focus_past_the_map(site, lang):
    base = site[0]

    def check(browser):
        page = open_map(browser, base, "us-troops-authorisation", lang)
        page.keyboard.press("Tab")
        skip = page.locator("#map-skip")
        assert page.evaluate("document.activeElement.id") == "map-skip"
        assert skip.is_visible() and skip.inner_text() == (
            "Skip the map" if lang == "en" else "Saltar el mapa"
        )
        box = skip.bounding_box()
        assert box["x"] >= 0 and box["width"] > 20  # shown when focused
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "map-legend"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.id") == "map-legend-toggle"

    in_browser(check)


def test_screenshots_at_desktop_and_phone_widths(site):
    """Screenshots in both languages to look at (MAP_SCREENSHOTS=folder); nothing overflows."""
    base = site[0]

    def check(browser):
        for lang in LANGS:
            for width, height, touch in ((1280, 800, False), (390, 844, True)):
                context = {"viewport": {"width": width, "height": height}}
                if touch:
                    context |= {"has_touch": True, "is_mobile": True}
                page = open_map(browser, base, "events-by-region", lang, **context)
                # Nothing wider than the screen: the window's form wraps.
                assert page.evaluate("document.documentElement.scrollWidth") <= width
                form = page.locator("#map-window").bounding_box()
                assert form["height"] < height / 4
                shot(page, f"events-by-region-{lang}-{width}")
                page.close()

    in_browser(check)
