"""The interactive map of a definition: one standalone HTML file drawn with folium.

What the file promises:
- every script and stylesheet is served by the site itself (Leaflet from xstatic-leaflet,
  under assets/leaflet/); no jQuery, Bootstrap or Font Awesome, and no d3 (the legend is
  our own HTML and CSS);
- no basemap tiles unless the definition asks for one (`basemap: true`);
- the same bytes for the same record: folium's random element ids are replaced by ids
  derived from the map's name and a counter, on this map's elements only;
- a `lang` attribute, a title, and a viewport that lets readers zoom.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from builder.maps.geodata import regions_frame
from builder.maps.measures import MapData, RegionValue
from builder.maps.styling import (
    HATCH_INK,
    HATCH_NO_DATA,
    HATCH_UNCERTAIN,
    OUTLINE,
    Classification,
    LegendEntry,
    classify,
)
from builder.maps.texts import date_phrase, text
from builder.model import Event

LEAFLET_DIR = "assets/leaflet"
# Peru's extent in degrees, [[south, west], [north, east]], with a small margin.
PERU_BOUNDS = [[-18.6, -81.6], [0.2, -68.4]]
# A region's popup lists at most this many events (the latest); the page's table and the
# CSV have them all, and a region with thousands would make the file heavy.
POPUP_EVENTS = 12
POINTS_PANE = "points"
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />'
_FOLIUM_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*user-scalable=no[^>]*>\s*')


def _html(value: str) -> str:
    """Text as HTML for the map file, braces included as character references.

    branca wraps what each folium element renders in a new Jinja template and renders that
    again, so record text reaching the file as `{{ … }}` or `{% … %}` would be run by Jinja
    during the build (it can reach Python's `os`). As `&#123;` and `&#125;` it is inert, and
    popups, tooltips and the legend, which are HTML, still show the braces.
    """
    return html.escape(value).replace("{", "&#123;").replace("}", "&#125;")


class MapPage(Figure):
    """The HTML document around the map: language, title, and room for the legend."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "<title>{{ this.title }}</title>\n"
        # No favicon request: the map asks the server for nothing it does not use.
        '<link rel="icon" href="data:,">\n'
        "{{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        "{{ this.html.render(**kwargs) }}\n"
        "<noscript><p>{{ this.noscript }}</p></noscript>\n"
        "<script>\n"
        "{{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</body>\n"
        "</html>\n"
    )

    def __init__(self, lang: str, title: str):
        super().__init__()
        self._name = "MapPage"
        self.lang = _html(lang)
        self.title = _html(title)
        self.noscript = _html(text("noscript", lang))
        self.header.add_child(Element(VIEWPORT), name="viewport")


class Legend(MacroElement):
    """The legend as plain HTML and CSS, with the SVG patterns that hatch the map's fills."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
        .map-legend { position: absolute; z-index: 1000; right: 10px; bottom: 22px;
          max-width: 16rem; padding: 8px 10px; background: rgba(255,255,255,0.94);
          border: 1px solid #999; border-radius: 4px; font: 13px/1.35 sans-serif; color: #1a1a1a; }
        .map-legend h2 { font-size: 13px; margin: 0 0 4px; }
        .map-legend ul { list-style: none; margin: 0; padding: 0; }
        .map-legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
        .map-legend svg { flex: none; }
        .map-legend .credit { margin: 6px 0 0; font-size: 11px; color: #444; }
        .leaflet-container { background: #ffffff; }
        .leaflet-popup-content ul { margin: 4px 0 0; padding-left: 1.1em; }
        .leaflet-popup-content a { color: #0b4f8a; }
        .map-point-label { background: rgba(255,255,255,0.85); border: 0; box-shadow: none;
          padding: 0 3px; font-weight: bold; color: #1a1a1a; }
        .map-point-label::before { display: none; }
        @media print { .leaflet-control-zoom { display: none; } }
        </style>
        {% endmacro %}
        {% macro html(this, kwargs) %}{{ this.markup }}{% endmacro %}
        """
    )

    def __init__(self, markup: str):
        super().__init__()
        self._name = "Legend"
        self.markup = markup


def map_html(
    data: MapData, lang: str, site_root: str = "../../", directory_urls: bool = True
) -> str:
    """The standalone HTML of `data`'s map in `lang`.

    `site_root` is the relative path from the map file to the site's root: scripts are
    loaded from `<site_root>assets/leaflet/`, events link to `<site_root>events/<id>/`
    (`<site_root>events/<id>.html` without `directory_urls`, as in the offline copy).
    """
    definition = data.definition
    classification = classify(data)
    title = definition.title.get(lang)
    page = MapPage(lang, title)
    fmap = folium.Map(
        location=[-9.2, -75.0],
        zoom_start=5,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
    )
    page.add_child(fmap)
    # On the instance, not the class: folium's module-level lists stay untouched.
    fmap.default_js = [("leaflet", f"{site_root}{LEAFLET_DIR}/leaflet.js")]
    fmap.default_css = [("leaflet_css", f"{site_root}{LEAFLET_DIR}/leaflet.css")]
    if definition.basemap:
        folium.TileLayer("OpenStreetMap").add_to(fmap)

    _regions_layer(data, classification, lang, site_root, directory_urls).add_to(fmap)
    if definition.points:
        folium.map.CustomPane(POINTS_PANE, z_index=450, pointer_events=True).add_to(fmap)
        _points_layer(data, classification, lang, site_root, directory_urls).add_to(fmap)
    Legend(_legend_markup(data, classification, lang)).add_to(fmap)
    fmap.fit_bounds(PERU_BOUNDS)

    _stable_ids(page, definition.name)
    rendered = page.render()
    # folium's Map writes a viewport that forbids zooming (user-scalable=no); ours is in the page.
    rendered, found = _FOLIUM_VIEWPORT.subn("", rendered)
    if found != 1:
        raise RuntimeError(f"expected folium's one viewport meta tag, found {found}")
    return rendered


# --- layers -----------------------------------------------------------------------


def _regions_layer(
    data: MapData,
    classification: Classification,
    lang: str,
    site_root: str,
    directory_urls: bool = True,
) -> folium.GeoJson:
    frame = regions_frame()
    features = []
    for row in frame.itertuples():
        region = data.regions[row.iso]
        entry = classification.by_region[row.iso]
        name = row.name if lang == "es" else row.name_en
        features.append(
            {
                "type": "Feature",
                "id": row.iso,
                "properties": {
                    "iso": row.iso,
                    "name": _html(name),
                    "value": _html(_value_label(data, region, entry, lang)),
                    "popup": _region_popup(
                        data, region, entry, name, lang, site_root, directory_urls
                    ),
                    "fill": _fill(entry, data.definition.name),
                },
                "geometry": row.geometry.__geo_interface__,
            }
        )
    value_alias = text("event_count" if data.definition.measure == "count" else "category", lang)
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=data.definition.name,
        style_function=_region_style,
        highlight_function=lambda feature: {"weight": 3, "color": "#000000"},
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "value"], aliases=[text("region", lang), value_alias], sticky=True
        ),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=320),
        popup_keep_highlighted=True,
    )


def _region_style(feature: dict) -> dict:
    return {
        "fillColor": feature["properties"]["fill"],
        "fillOpacity": 1,
        "color": OUTLINE,
        "weight": 0.8,
    }


def _points_layer(
    data: MapData,
    classification: Classification,
    lang: str,
    site_root: str,
    directory_urls: bool = True,
) -> folium.GeoJson:
    entries = {e.key: e for e in classification.entries}
    points = data.definition.points
    features = []
    for point, direction in zip(points, label_directions(points), strict=True):
        entry = entries.get(point.category) if point.category else None
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "name": _html(point.name.get(lang)),
                    "label": direction,
                    "popup": _point_popup(data, point, entry, lang, site_root, directory_urls),
                    "fill": entry.fill if entry else "#ffffff",
                },
                "geometry": {"type": "Point", "coordinates": [point.lon, point.lat]},
            }
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=f"{data.definition.name}-points",
        marker=folium.CircleMarker(radius=7),
        style_function=_point_style,
        # Each point keeps its name beside it; a tooltip bound to the whole layer would show one.
        on_each_feature=JsCode(_POINT_LABEL),
        popup=folium.GeoJsonPopup(fields=["popup"], labels=False, max_width=320),
    )


_POINT_LABEL = """function (feature, layer) {
    var direction = feature.properties.label;
    var offset = {right: [8, 0], left: [-8, 0], top: [0, -8], bottom: [0, 8]}[direction];
    layer.bindTooltip(feature.properties.name,
        {permanent: true, direction: direction, offset: offset, className: "map-point-label"});
}"""
# Points closer than this (in degrees, ~65 km: a few pixels at the country-wide zoom) would
# have their labels on top of each other.
NEAR_DEGREES = 0.6


def label_directions(points) -> list[str]:
    """Where each point's label goes: to the right, or around its dot when other points are near.

    Within a group of near points, the northernmost label goes above its dot, the
    southernmost below, and those between alternate left and right, so no two cover
    each other at any zoom.
    """
    directions = []
    for point in points:
        group = [
            other
            for other in points
            if abs(other.lat - point.lat) < NEAR_DEGREES
            and abs(other.lon - point.lon) < NEAR_DEGREES
        ]
        if len(group) == 1:
            directions.append("right")
            continue
        ranked = sorted(group, key=lambda p: (-p.lat, p.lon))
        rank = next(i for i, p in enumerate(ranked) if p is point)
        if rank == 0:
            directions.append("top")
        elif rank == len(ranked) - 1:
            directions.append("bottom")
        else:
            directions.append("left" if rank % 2 else "right")
    return directions


def _point_style(feature: dict) -> dict:
    return {
        "pane": POINTS_PANE,
        "fill": True,
        "fillColor": feature["properties"]["fill"],
        "fillOpacity": 1,
        "color": "#000000",
        "weight": 2,
    }


# --- texts ------------------------------------------------------------------------


def _value_label(data: MapData, region: RegionValue, entry: LegendEntry, lang: str) -> str:
    if not region.known:
        return text("no_data", lang)
    if data.definition.measure == "count":
        return str(region.value)
    return entry.label.get(lang)


def event_href(event_id: str, site_root: str, directory_urls: bool = True) -> str:
    """The address of an event's page from a map file (`site_root` leads to the site's root)."""
    return f"{site_root}events/{event_id}" + ("/" if directory_urls else ".html")


def event_link(
    event: Event, lang: str, site_root: str, target: str = "_parent", directory_urls: bool = True
) -> str:
    """An HTML link to `event`'s page, with its date and title."""
    href = _html(event_href(event.id, site_root, directory_urls))
    label = _html(f"{event.date.iso()} — {event.title.get(lang)}")
    return f'<a href="{href}" target="{target}">{label}</a>'


def _event_list(
    events: tuple[Event, ...], lang: str, site_root: str, directory_urls: bool = True
) -> str:
    latest = sorted(events, key=lambda e: e.sort_key(), reverse=True)
    items = "".join(
        f"<li>{event_link(e, lang, site_root, directory_urls=directory_urls)}</li>"
        for e in latest[:POPUP_EVENTS]
    )
    more = len(latest) - POPUP_EVENTS
    if more > 0:
        items += f"<li>… +{more}</li>"
    return f"<ul>{items}</ul>" if items else ""


def _region_popup(
    data: MapData,
    region: RegionValue,
    entry: LegendEntry,
    name: str,
    lang: str,
    site_root: str,
    directory_urls: bool = True,
) -> str:
    parts = [f"<strong>{_html(name)}</strong>"]
    parts.append(_html(_value_label(data, region, entry, lang)))
    note = data.definition.region_notes.get(region.iso)
    if note:
        parts.append(f"<em>{_html(note.get(lang))}</em>")
    if region.events:
        parts.append(
            _html(text("events_in_region", lang, n=len(region.events)))
            + _event_list(region.events, lang, site_root, directory_urls)
        )
    return "<br>".join(parts)


def _point_popup(
    data: MapData,
    point,
    entry: LegendEntry | None,
    lang: str,
    site_root: str,
    directory_urls: bool = True,
) -> str:
    by_id = data.cited
    parts = [f"<strong>{_html(point.name.get(lang))}</strong>"]
    if entry is not None:
        parts.append(_html(entry.label.get(lang)))
    if point.note:
        parts.append(f"<em>{_html(point.note.get(lang))}</em>")
    items = []
    for figure in point.figures:
        cited = by_id.get(figure.event)
        href = _html(event_href(figure.event, site_root, directory_urls))
        label = (
            text("event_of", lang, date=date_phrase(cited.date, lang, "of"))
            if cited
            else figure.event
        )
        status = (
            f", {text(f'status_{cited.status}', lang)}"
            if cited and cited.status != "verified"
            else ""
        )
        source = f' (<a href="{href}" target="_parent">{_html(label)}</a>{_html(status)})'
        items.append(
            f"<li>{_html(figure.label.get(lang))}: <strong>{_html(figure.value.get(lang))}</strong>{source}</li>"
        )
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return "<br>".join(parts)


# --- legend -----------------------------------------------------------------------


def _fill(entry: LegendEntry, map_name: str) -> str:
    """A Leaflet fill: the class colour, or a pattern defined in the legend's SVG."""
    return f"url(#{_pattern_id(entry, map_name)})" if entry.hatch else entry.fill


def _pattern_id(entry: LegendEntry, map_name: str) -> str:
    return f"{map_name}-{entry.key}-hatch"


def _pattern(entry: LegendEntry, map_name: str) -> str:
    # No data: grey lines rising to the right on white. Uncertain: dark lines falling to
    # the right on the class colour. Two directions, so the two cannot be confused.
    angle = 45 if entry.hatch == HATCH_NO_DATA else -45
    ink = HATCH_INK if entry.hatch == HATCH_NO_DATA else "#1a1a1a"
    return (
        f'<pattern id="{_pattern_id(entry, map_name)}" width="6" height="6" '
        f'patternUnits="userSpaceOnUse" patternTransform="rotate({angle})">'
        f'<rect width="6" height="6" fill="{entry.fill}"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{ink}" stroke-width="1.5"/></pattern>'
    )


def _legend_markup(data: MapData, classification: Classification, lang: str) -> str:
    definition = data.definition
    heading = text("event_count" if definition.measure == "count" else "legend", lang)
    patterns = "".join(
        _pattern(e, definition.name)
        for e in classification.entries
        if e.hatch in (HATCH_NO_DATA, HATCH_UNCERTAIN)
    )
    items = []
    for entry in classification.entries:
        swatch = (
            f'<svg width="18" height="14" aria-hidden="true">'
            f'<rect x="0.5" y="0.5" width="17" height="13" fill="{_fill(entry, definition.name)}" '
            f'stroke="{OUTLINE}"/></svg>'
        )
        items.append(f"<li>{swatch}<span>{_html(entry.label.get(lang))}</span></li>")
    if definition.points:
        swatch = (
            '<svg width="18" height="14" aria-hidden="true">'
            '<circle cx="9" cy="7" r="5" fill="#ffffff" stroke="#000000" stroke-width="2"/></svg>'
        )
        items.append(f"<li>{swatch}<span>{_html(text('points_legend', lang))}</span></li>")
    credit = _html(text("boundaries", lang))
    return (
        f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>{patterns}</defs></svg>'
        f'<section class="map-legend" aria-label="{_html(text("legend", lang))}">'
        f"<h2>{_html(heading)}</h2><ul>{''.join(items)}</ul>"
        f'<p class="credit">{credit}</p></section>'
    )


# --- stable ids -------------------------------------------------------------------


def _elements(element: Element) -> Iterator[Element]:
    """`element` and everything under it, depth first, in insertion order."""
    yield element
    for attribute in ("header", "html", "script"):
        part = getattr(element, attribute, None)
        if isinstance(part, Element):
            yield from _elements(part)
    for child in list(element._children.values()):
        yield from _elements(child)


def _stable_ids(root: Element, map_name: str) -> None:
    """Replace the random ids of `root`'s elements with ones made from `map_name` and a counter.

    folium names every JavaScript variable after its element's id (branca draws them from
    os.urandom). Rewriting the ids of this tree only, before rendering, makes the output
    depend on the map alone, and leaves branca's id generator alone for everyone else.
    """
    prefix = re.sub(r"[^0-9a-z]", "", map_name.lower()) or "map"
    seen: set[int] = set()
    counter = 0
    for element in _elements(root):
        if id(element) in seen:
            continue
        seen.add(id(element))
        old_name = element.get_name()
        element._id = f"{prefix}{counter:03d}"
        counter += 1
        parent = element._parent
        # Children are keyed by their name when added; re-key them so the keys stay true.
        if parent is not None and old_name in parent._children:
            parent._children = type(parent._children)(
                (element.get_name() if key == old_name else key, child)
                for key, child in parent._children.items()
            )
