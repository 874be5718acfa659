"""The interactive maps: served from the site alone, the same bytes every build, zoomable, labelled."""

from __future__ import annotations

import dataclasses
import re

import branca.element
import folium
from test_maps_support import with_maps

from builder.maps.interactive import label_directions, map_html
from builder.maps.measures import measure

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


def test_tooltips_and_popups_name_the_region_its_value_and_link_its_events(project):
    record, definitions, ids = with_maps(project)
    page = map_html(measure(definitions["strikes"], record), "en")
    assert '"name": "Metropolitan Lima"' in page
    assert f'href=\\"../../events/{ids["lima"]}/\\" target=\\"_parent\\"' in page
    assert '"Number of events"' in page  # the tooltip's alias for the value


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
    assert label_directions([chancay, port, base, far]) == ["top", "left", "bottom", "right"]
