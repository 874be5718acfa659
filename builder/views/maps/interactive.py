"""The interactive map of a definition: one standalone HTML file drawn with folium.

What the file promises:
- every script and stylesheet is served by the site itself (Leaflet from xstatic-leaflet,
  under assets/leaflet/); no jQuery, Bootstrap or Font Awesome, and no d3 (the legend is
  our own HTML and CSS);
- no basemap tiles unless the definition asks for one (`basemap: true`);
- the same bytes for the same record: folium's random element ids are replaced by ids
  derived from the map's name and a counter, on this map's elements only;
- a `lang` attribute, a title, and a viewport that lets readers zoom;
- the reader's controls of builder/views/maps/controls.py: a time window (count maps), keyboard and
  screen-reader access, one-finger page scrolling on phones, a folding legend, and regions in
  a geographic order (north to south), so that tabbing through them follows the map.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

import folium
from branca.element import Element, Figure, MacroElement
from folium.template import Template
from folium.utilities import JsCode

from builder.record.model import Event
from builder.text.dates import date_label, date_phrase, month_words, period_phrase
from builder.text.map_texts import template, text
from builder.text.numbers import number
from builder.views import paths
from builder.views.maps import controls
from builder.views.maps.controls import LEGEND, MAP_WINDOW, MapControls
from builder.views.maps.geodata import regions_frame
from builder.views.maps.measures import MapData, RegionValue
from builder.views.maps.outlines import NO_GEOMETRY, OUTLINE_FILTER, OUTLINES_SCRIPT
from builder.views.maps.styling import (
    HATCH_INK,
    HATCH_NO_DATA,
    HATCH_UNCERTAIN,
    OUTLINE,
    Classification,
    LegendEntry,
    classify,
    count_labels,
)
from builder.views.maps.window import (
    Window,
    event_months,
    month_date,
    month_iso,
    reader_window,
    timeline_matches,
    timeline_query,
)

LEAFLET_DIR = "assets/leaflet"
# Peru's extent in degrees, [[south, west], [north, east]], with a small margin.
PERU_BOUNDS = [[-18.6, -81.6], [0.2, -68.4]]
# A region's popup lists at most this many events (the latest); the page's table and the
# CSV have them all.
POPUP_EVENTS = 12
REGION_STYLE = {"color": OUTLINE, "weight": 0.8, "fillOpacity": 1}
HIGHLIGHT = {"weight": 3, "color": "#000000"}
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

    `site_root` is the relative path from the map file to its language's root: scripts are
    loaded from `<site_root>assets/leaflet/`, events link to `<site_root>events/<id>/`
    (`<site_root>events/<id>.html` without `directory_urls`, as in the offline copy), and the
    window's link to the timeline leads to `<site_root>timeline/` (`timeline/index.html`).
    """
    definition = data.definition
    classification = classify(data)
    window = reader_window(data)
    regions = _north_to_south()
    title = definition.title.get(lang)
    page = MapPage(lang, title)
    # Before the map in the page (and in tab order): the window, then the link past the map.
    # `site_root` is the language's root: the timeline's path below it has no language prefix.
    timeline = f"{site_root}{paths.page_url(paths.timeline_index('en'), directory_urls)}"
    if window is not None:
        page.html.add_child(Element(_window_form(data, window, lang, timeline)), name="window")
    skip = f'<a class="map-skip" id="map-skip" href="#{LEGEND}">{_html(text("skip_map", lang))}</a>'
    page.html.add_child(Element(skip), name="skip")
    fmap = folium.Map(
        location=[-9.2, -75.0],
        zoom_start=5,
        tiles=None,
        control_scale=True,
        zoom_snap=0.25,
        # Added by our script, with its buttons' names in the map's language.
        zoom_control=False,
    )
    page.add_child(fmap)
    # On the instance, not the class: folium's module-level lists stay untouched.
    fmap.default_js = [
        ("leaflet", f"{site_root}{LEAFLET_DIR}/leaflet.js"),
        # The regions' outlines, shared by every map (outlines.py).
        ("region_outlines", f"{site_root}{OUTLINES_SCRIPT}"),
    ]
    fmap.default_css = [("leaflet_css", f"{site_root}{LEAFLET_DIR}/leaflet.css")]
    if definition.basemap:
        folium.TileLayer("OpenStreetMap").add_to(fmap)

    regions_layer = _regions_layer(data, classification, regions, lang)
    regions_layer.add_to(fmap)
    points_layer = None
    if definition.points:
        folium.map.CustomPane(POINTS_PANE, z_index=450, pointer_events=True).add_to(fmap)
        points_layer = _points_layer(data, classification, lang, site_root, directory_urls)
        points_layer.add_to(fmap)
    Legend(_legend_markup(data, classification, lang, window)).add_to(fmap)
    # No fit_bounds here: our script fits Peru once the window's form is in place (an
    # animated fit from here would finish after it, to the size the map had without it).
    browser = browser_data(
        data, classification, regions, lang, window, site_root, directory_urls, timeline
    )
    MapControls(regions_layer, points_layer, browser).add_to(fmap)

    _stable_ids(page, definition.name)
    rendered = page.render()
    # folium's Map writes a viewport that forbids zooming (user-scalable=no); ours is in the page.
    rendered, found = _FOLIUM_VIEWPORT.subn("", rendered)
    if found != 1:
        raise RuntimeError(f"expected folium's one viewport meta tag, found {found}")
    return rendered


# --- layers -----------------------------------------------------------------------


def _north_to_south() -> list[tuple]:
    """The regions' rows, each with a point inside it (lat, lon) for its popup, from north to
    south by centroid latitude, then west to east.

    The order of the features is the order of their shapes in the page, hence the order in
    which the keyboard reaches them: it follows the map rather than the alphabet of ISO codes.
    """
    frame = regions_frame()
    # Planar centroids in degrees: enough to order regions, which are far apart.
    centroids = frame.geometry.apply(lambda shape: shape.centroid)
    anchors = frame.geometry.apply(lambda shape: shape.representative_point())
    rows = []
    for row, centroid, anchor in zip(frame.itertuples(), centroids, anchors, strict=True):
        rows.append((-round(centroid.y, 6), round(centroid.x, 6), row, anchor))
    rows.sort(key=lambda item: item[:2])
    return [(row, (round(anchor.y, 4), round(anchor.x, 4))) for *_, row, anchor in rows]


def _regions_layer(
    data: MapData, classification: Classification, regions: list, lang: str
) -> folium.GeoJson:
    """The regions, filled for the definition's own window; popups and highlight are the script's.
    Their outlines are not in the document: each feature takes its own from the shared script
    as Leaflet draws it (outlines.py)."""
    features = []
    for row, _ in regions:
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
                    "fill": _fill(entry, data.definition.name),
                },
                "geometry": NO_GEOMETRY,
            }
        )
    value_alias = text("event_count" if data.definition.measure == "count" else "category", lang)
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=data.definition.name,
        style_function=_region_style,
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "value"], aliases=[text("region", lang), value_alias], sticky=True
        ),
        filter=JsCode(OUTLINE_FILTER),
    )


def _region_style(feature: dict) -> dict:
    return {"fillColor": feature["properties"]["fill"], **REGION_STYLE}


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
            # Right first: at a phone's zoom a label to the left of the coast leaves the map.
            directions.append("right" if rank % 2 else "left")
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
        return number(region.value, lang)
    return entry.label.get(lang)


def event_href(event_id: str, site_root: str, directory_urls: bool = True) -> str:
    """The address of an event's page from a map file (`site_root` leads to the site's root)."""
    return f"{site_root}events/{event_id}" + ("/" if directory_urls else ".html")


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


def _legend_markup(
    data: MapData, classification: Classification, lang: str, window: Window | None
) -> str:
    """The legend: a heading that folds it, the window's period (count maps), the classes."""
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
    period = (
        f'<p class="period" id="{LEGEND}-period">{_html(_window_legend(data, lang))}</p>'
        if window is not None
        else ""
    )
    chevron = (
        '<svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">'
        '<path d="M1 3l4 4 4-4" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>'
    )
    credit = _html(text("boundaries", lang))
    return (
        f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>{patterns}</defs></svg>'
        f'<section class="{LEGEND}" id="{LEGEND}" tabindex="-1" aria-labelledby="{LEGEND}-heading">'
        f'<h2 id="{LEGEND}-heading"><button type="button" id="{LEGEND}-toggle" aria-expanded="true" '
        f'aria-controls="{LEGEND}-body">{chevron}{_html(heading)}</button></h2>'
        f'<div id="{LEGEND}-body">{period}<ul>{"".join(items)}</ul>'
        f'<p class="credit">{credit}</p></div></section>'
    )


# --- the reader's window and script -------------------------------------------------


def _window_period(data: MapData, lang: str) -> str:
    """The definition's window as a phrase: "from January 2025 to December 2026"."""
    period = data.period()
    return period_phrase(*period, lang) if period else ""


def _window_legend(data: MapData, lang: str) -> str:
    period = data.period()
    return text("events_in_period", lang, period=_window_period(data, lang)) if period else ""


def _window_status(data: MapData, lang: str) -> str:
    """What the live region says of the definition's window: "57 events from … to …"."""
    status = text("window_status", lang, n=len(data.events), period=_window_period(data, lang))
    if data.unmapped:
        status += " " + text("window_unmapped", lang, n=len(data.unmapped))
    return status


def _window_form(data: MapData, window: Window, lang: str, timeline: str) -> str:
    """The window's inputs, reset button, live status, refusal message and timeline link.

    Hidden until the script shows it: without the script it could not do anything.
    """
    first, last = month_iso(window.first), month_iso(window.last)

    def month_input(key: str, value: int) -> str:
        return (
            f'<label>{_html(text(f"window_{key}", lang))} <input type="month" id="{MAP_WINDOW}-{key}" '
            f'name="{key}" min="{first}" max="{last}" value="{month_iso(value)}" required '
            # Where the browser has no month picker, a text field: the script checks it too.
            f'placeholder="{_html(text("window_month_format", lang))}" '
            # The box writes its month in the browser's language, not the page's: the status
            # beneath says the window in the page's language, and is the box's description.
            f'pattern="[0-9]{{4}}-[0-9]{{2}}" aria-describedby="{MAP_WINDOW}-status"></label>'
        )

    link = ""
    if timeline_matches(data):
        query = timeline_query(data)
        href = timeline + (f"?{query}" if query else "")
        link = (
            f' <a id="{MAP_WINDOW}-timeline" href="{_html(href)}" target="_parent">'
            f"{_html(text('timeline_link', lang))}</a>"
        )
    return (
        f'<form class="{MAP_WINDOW}" id="{MAP_WINDOW}" aria-labelledby="{MAP_WINDOW}-title" hidden>'
        f'<div class="row"><span class="title" id="{MAP_WINDOW}-title">{_html(text("window", lang))}</span>'
        f"{month_input('from', window.start)}{month_input('to', window.end)}"
        f'<button type="button" id="{MAP_WINDOW}-reset">{_html(text("window_reset", lang))}</button></div>'
        f'<p class="problem" id="{MAP_WINDOW}-problem" role="alert" hidden></p>'
        f'<p><span id="{MAP_WINDOW}-status" role="status">{_html(_window_status(data, lang))}</span>'
        f"{link}</p></form>"
    )


def browser_data(
    data: MapData,
    classification: Classification,
    regions: list,
    lang: str,
    window: Window | None,
    site_root: str,
    directory_urls: bool,
    timeline: str,
) -> dict:
    """What the map's script needs, as plain JSON values: the regions in the page's order, the
    events it may count, the classes' colours, the window and the texts in `lang`.

    Each event is `[address of its page, link text, first month, last month, 1 if in the
    definition's window else 0, [indexes of its regions]]`, the latest first. Text is plain
    text: the script writes it with `textContent`.
    """
    definition = data.definition
    order = {row.iso: i for i, (row, _) in enumerate(regions)}
    in_default = {e.id for e in data.events}
    events = sorted(data.undated if window else data.events, key=Event.sort_key, reverse=True)
    browser_regions = []
    for row, anchor in regions:
        region = data.regions[row.iso]
        entry = classification.by_region[row.iso]
        note = definition.region_notes.get(row.iso)
        browser_regions.append(
            {
                "iso": row.iso,
                "name": row.name if lang == "es" else row.name_en,
                "known": region.known,
                "category": entry.label.get(lang),
                "fill": _fill(entry, definition.name),
                "note": note.get(lang) if note else None,
                "anchor": list(anchor),
            }
        )
    result = {
        "regions": browser_regions,
        "events": [
            [
                event_href(e.id, site_root, directory_urls),
                f"{e.date.iso()} — {e.title.get(lang)}",
                *event_months(e),
                1 if e.id in in_default else 0,
                [order[iso] for iso in e.regions if iso in order],
            ]
            for e in events
        ],
        "classes": None,
        "points": [point.name.get(lang) for point in definition.points],
        "style": REGION_STYLE,
        "highlight": HIGHLIGHT,
        "bounds": PERU_BOUNDS,
        "popupEvents": POPUP_EVENTS,
        "homeIcon": controls.HOME_ICON,
        "narrow": controls.NARROW,
        "ids": {
            "legend": LEGEND,
            "legendToggle": f"{LEGEND}-toggle",
            "legendBody": f"{LEGEND}-body",
            "skip": "map-skip",
            "window": MAP_WINDOW,
            "from": f"{MAP_WINDOW}-from",
            "to": f"{MAP_WINDOW}-to",
            "reset": f"{MAP_WINDOW}-reset",
            "status": f"{MAP_WINDOW}-status",
            "problem": f"{MAP_WINDOW}-problem",
            "period": f"{LEGEND}-period",
            "timeline": f"{MAP_WINDOW}-timeline" if timeline_matches(data) else None,
        },
        "timeline": timeline,
        "theme": (
            definition.selection.themes[0]
            if definition.selection.themes is not None and len(definition.selection.themes) == 1
            else None
        ),
        "window": None,
        "texts": {
            "events": template("events_in_region", lang),
            "noData": text("no_data", lang),
            "zoomIn": text("zoom_in", lang),
            "zoomOut": text("zoom_out", lang),
            "resetView": text("reset_view", lang),
            "oneFinger": text("one_finger", lang),
            "close": text("close_popup", lang),
            "status": template("window_status", lang),
            "unmapped": template("window_unmapped", lang),
            "legendPeriod": template("events_in_period", lang),
            "reversed": text("window_reversed", lang),
            "words": month_words(lang),
        },
    }
    if definition.measure == "count":
        result["classes"] = [
            [low, entry.fill]
            for (_, low, _, _), entry in zip(
                count_labels(definition.classes), classification.entries, strict=False
            )
        ]
    if window is not None:
        result["window"] = {
            "first": window.first,
            "last": window.last,
            "start": window.start,
            "end": window.end,
            "period": _window_period(data, lang),
            "query": timeline_query(data),
        }
        result["texts"]["outside"] = text(
            "window_outside",
            lang,
            first=date_label(month_date(window.first), lang),
            last=date_label(month_date(window.last), lang),
            format=text("window_month_format", lang),
        )
    return result


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
