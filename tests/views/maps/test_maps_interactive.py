"""The interactive maps: served from the site alone, the same bytes every build, zoomable, labelled,
with the data their script needs (its behaviour in a browser: test_maps_browser.py)."""

from __future__ import annotations

import dataclasses
import json
import re

import branca.element
import folium

from builder.record.load import load_record
from builder.views.maps import controls
from builder.views.maps.controls import script_json
from builder.views.maps.definitions import load_definitions
from builder.views.maps.geodata import regions_frame
from builder.views.maps.interactive import label_directions, map_html
from builder.views.maps.measures import measure
from builder.views.maps.outlines import OUTLINES_GLOBAL, OUTLINES_SCRIPT, outlines_file
from tests.support.maps import with_maps, write_event
from tests.support.project import REPO

URL = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def html_of(project, name: str = "strikes", lang: str = "en", **changes) -> str:
    record, definitions, _ = with_maps(project)
    definition = dataclasses.replace(definitions[name], **changes)
    return map_html(measure(definition, record), lang)


def test_the_map_references_no_other_host(project):
    for name in ("strikes", "named"):
        page = html_of(project, name)
        assert URL.findall(page) == []
        sources = re.findall(r'(?:src|href)="([^"]*)"', page)
        assert (
            "../../assets/leaflet/leaflet.js" in sources
            and "../../assets/leaflet/leaflet.css" in sources
        )
        for unwanted in (
            "jquery",
            "bootstrap",
            "font-awesome",
            "fontawesome",
            "d3.",
            "awesome-markers",
        ):
            assert unwanted not in page.lower()


def test_the_scan_finds_a_host_when_a_definition_asks_for_a_basemap(project):
    # The check above can fail: a basemap, off in every shipped definition, brings tiles from a host.
    assert URL.findall(html_of(project, basemap=True))


def test_two_builds_are_identical_and_use_no_random_ids(project):
    record, definitions, _ = with_maps(project)
    first = map_html(measure(definitions["named"], record), "en")
    second = map_html(measure(definitions["named"], record), "en")
    assert first == second
    assert not re.search(r"[0-9a-f]{32}", first)
    assert "map_named000" in first or re.search(r"map_named\d{3}", first)


def test_folium_and_branca_are_left_as_they_were(project):
    default_js = list(folium.Map.default_js)
    generate_id = branca.element.Element.__dict__["_generate_id"]
    html_of(project)
    assert folium.Map.default_js == default_js
    assert any("cdn.jsdelivr.net" in url for _, url in folium.Map.default_js)
    assert branca.element.Element.__dict__["_generate_id"] is generate_id
    # Elements made later still get random ids.
    assert len({branca.element.Element()._id for _ in range(3)}) == 3


def test_the_page_has_a_language_a_title_and_lets_readers_zoom(project):
    page = html_of(project, lang="es")
    assert page.startswith('<!DOCTYPE html>\n<html lang="es">')
    assert "<title>Strikes by region</title>" in page
    viewports = re.findall(r'<meta name="viewport"[^>]*>', page)
    assert viewports == ['<meta name="viewport" content="width=device-width, initial-scale=1" />']
    assert "user-scalable" not in page and "maximum-scale" not in page


def browser_data(page: str) -> dict:
    """The data the map's script is called with (the last argument of its one call)."""
    match = re.search(
        r"\n\}\)\(map_\w+, geo_json_\w+,\s*(?:geo_json_\w+|null), (\{.*\})\);", page, re.S
    )
    assert match, "the script's call is not in the page"
    return json.loads(match.group(1))


def test_tooltips_and_popups_name_the_region_its_value_and_link_its_events(project):
    record, definitions, ids = with_maps(project)
    page = map_html(measure(definitions["strikes"], record), "en")
    assert '"name": "Metropolitan Lima"' in page
    assert '"Number of events"' in page  # the tooltip's alias for the value
    data = browser_data(page)
    lima = next(i for i, r in enumerate(data["regions"]) if r["iso"] == "PE-LMA")
    event = next(e for e in data["events"] if e[0] == f"../../events/{ids['lima']}/")
    assert event[1] == f"{ids['lima'][:10]} — Test event strike-lima-callao"
    assert lima in event[5] and event[4] == 1
    assert data["texts"]["events"] == ["1 event", "{n} events"]
    # The offline copy links .html files, the timeline's too.
    offline = browser_data(
        map_html(measure(definitions["strikes"], record), "es", directory_urls=False)
    )
    assert f"../../events/{ids['lima']}.html" in {e[0] for e in offline["events"]}
    assert offline["timeline"] == "../../timeline/index.html"
    assert offline["texts"]["events"] == ["1 hecho", "{n} hechos"]


def test_regions_come_from_north_to_south_in_the_page(project):
    data = browser_data(html_of(project))
    order = [r["iso"] for r in data["regions"]]
    assert order[:2] == ["PE-TUM", "PE-LOR"] and order[-1] == "PE-TAC"
    # The shapes are drawn (and reached with the keyboard) in the same order.
    page = html_of(project)
    drawn = re.findall(r'"id": "(PE-[A-Z]{3})"', page)
    assert drawn == order


def test_the_window_defaults_to_the_definition_and_spans_every_event_of_its_themes(project):
    record, definitions, ids = with_maps(project)
    data = browser_data(map_html(measure(definitions["strikes"], record), "en"))
    window = data["window"]
    # The definition's window is January to June 2026; its themes' events reach back to
    # December 2025 (Puno's blockade), and the control offers every month between.
    assert (window["start"], window["end"]) == (2026 * 12, 2026 * 12 + 5)
    assert (window["first"], window["last"]) == (2025 * 12 + 11, 2026 * 12 + 5)
    assert window["period"] == "from January 2026 to June 2026"
    assert window["query"] == "theme=strikes-and-protests&from=2026-01-01&to=2026-06-30"
    # The economy event is of another theme: the window cannot bring it in.
    assert f"../../events/{ids['economy']}/" not in {e[0] for e in data["events"]}
    page = map_html(measure(definitions["strikes"], record), "en")
    assert (
        'type="month" id="map-window-from" name="from" min="2025-12" max="2026-06" value="2026-01"'
        in page
    )
    assert (
        ">4 events from January 2026 to June 2026 (1 of them national or abroad, not on the map)<"
        in page
    )
    assert (
        'href="../../timeline/?theme=strikes-and-protests&amp;from=2026-01-01&amp;to=2026-06-30"'
        in page
    )


def test_a_categories_map_has_no_window(project):
    page = html_of(project, "named")
    assert browser_data(page)["window"] is None
    assert 'id="map-window"' not in page and 'id="map-window-from"' not in page
    # Everything else is there: the folding legend and the link past the map.
    assert 'aria-expanded="true" aria-controls="map-legend-body"' in page
    assert '<a class="map-skip" id="map-skip" href="#map-legend">Skip the map</a>' in page


def test_record_text_in_the_script_data_stays_text(project):
    """Braces and `</script>` from the record reach the page as JSON escapes, never as Jinja or HTML."""
    record, definitions, _ = with_maps(project)
    write_event(
        project,
        "2026-03-02",
        "template",
        ["strikes-and-protests"],
        ["PE-ARE"],
    )
    path = project.root / "events/2026/2026-03-02-template.yml"
    hostile = "T{{ 7*7 }}T {% if 1 %}I{% endif %} {# c #} </script><b>x</b>"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Test event template", json.dumps(hostile)),
        encoding="utf-8",
    )
    record = load_record(project.root)
    page = map_html(measure(definitions["strikes"], record), "en")
    assert "T49T" not in page and "</script><b>" not in page
    event = next(e for e in browser_data(page)["events"] if e[0].endswith("-template/"))
    assert event[1] == "2026-03-02 — " + hostile


def test_script_json_never_opens_a_jinja_tag():
    encoded = script_json({"a": ["{{x}}", "{%y%}", "{#z#}", "</script>"], "b": {"c": {}}})
    assert not re.search(r"\{[{%#]", encoded) and "<" not in encoded
    assert json.loads(encoded) == {"a": ["{{x}}", "{%y%}", "{#z#}", "</script>"], "b": {"c": {}}}
    assert not re.search(r"\{[{%#]", controls.SCRIPT + controls.CSS)


def test_hatched_classes_are_svg_patterns_in_the_legend(project):
    page = html_of(project, "named")
    assert '<pattern id="named-uncertain-hatch"' in page
    assert '"fillColor": "url(#named-uncertain-hatch)"' in page
    assert "In neither list" in page and "Uncertain" in page


def test_labels_of_near_points_go_around_them():
    point = lambda lat, lon: type("P", (), {"lat": lat, "lon": lon})()  # noqa: E731
    chancay, port, base, far = (
        point(-11.58, -77.27),
        point(-12.052, -77.14),
        point(-12.063, -77.15),
        point(-3.7, -73.2),
    )
    assert label_directions([chancay, port, base, far]) == ["top", "right", "bottom", "right"]


def test_the_real_maps_load_the_outlines_from_one_shared_script(repo_record):
    # The outlines were each document's bulk (130 KB for events-by-region): they are written
    # once, in a script every map loads, and each document stays well under the 100 KB a page.
    shared = outlines_file()
    assert shared.path == OUTLINES_SCRIPT
    prefix = f"window.{OUTLINES_GLOBAL} = "
    text = shared.content.decode("utf-8")
    line = next(line for line in text.splitlines() if line.startswith(prefix))
    outlines = json.loads(line.removeprefix(prefix).removesuffix(";"))
    assert sorted(outlines) == sorted(regions_frame()["iso"])
    assert all(shape["coordinates"] for shape in outlines.values())
    for definition in load_definitions(REPO, repo_record):
        for lang in ("en", "es"):
            page = map_html(measure(definition, repo_record), lang)
            assert len(page.encode("utf-8")) < 60_000, (definition.name, lang)
            assert f'<script src="../../{OUTLINES_SCRIPT}"></script>' in page
            assert '"coordinates": [[' not in page  # no region's outline in the document
