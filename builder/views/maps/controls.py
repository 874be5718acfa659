"""What a reader does with an interactive map besides looking: our own script, styles and markup.

- a time window (count maps): two month inputs that recount, recolour and relabel the regions,
  the legend and the popups for the events of the chosen months, announced in a live region;
  a reversed range is refused with a visible message; the data is embedded in the page, so it
  works from a file opened from disk;
- zoom buttons in the map's language and a button back to all of Peru, before the regions in
  tab order;
- on touch screens, one finger scrolls the page (two still pinch and pan the map), and a
  button lets one finger move the map;
- regions (and points) focusable from north to south, named "Puno: 3 events", Enter or Space
  opening a popup that is never taller than the map and shows the count once;
- a legend that folds (folded on narrow screens), and a link that skips the map.

The script is plain JavaScript with no library besides Leaflet, and reads the record's text only
as text (`textContent`), never as HTML.
"""

from __future__ import annotations

import json
import re

from branca.element import MacroElement
from folium.template import Template

MAP_WINDOW = "map-window"
LEGEND = "map-legend"
# Narrower than this (CSS pixels), the legend starts folded: it would cover half the map.
NARROW = 600


def script_json(value: object) -> str:
    """`value` as JSON to write inside a `<script>` of a folium page.

    branca renders what an element renders once more as a Jinja template, so braces inside
    strings become `\\u007b`/`\\u007d` (no `{{`, `{%` or `{#` from the record reaches Jinja),
    and `<` becomes `\\u003c` (no `</script>` ends the element early). Outside strings, JSON's
    own braces are always followed by a quote or a closing brace.
    """
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    encoded = _JSON_STRING.sub(
        lambda m: m.group(0).replace("{", "\\u007b").replace("}", "\\u007d"), encoded
    )
    encoded = encoded.replace("<", "\\u003c")
    if _JINJA.search(encoded):
        raise AssertionError("JSON for a map script would open a Jinja tag")
    return encoded


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JINJA = re.compile(r"\{[{%#]")


class MapControls(MacroElement):
    """Our script, run after the map's layers exist, with its data, and the styles it relies on."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}<style>{{ this.css }}</style>{% endmacro %}
        {% macro script(this, kwargs) %}
        ({{ this.code }})({{ this._parent.get_name() }}, {{ this.regions.get_name() }},
            {{ this.points.get_name() if this.points else "null" }}, {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, regions: MacroElement, points: MacroElement | None, data: dict):
        super().__init__()
        self._name = "MapControls"
        self.regions = regions
        self.points = points
        self.data = script_json(data)
        self.css = CSS
        self.code = SCRIPT


CSS = f"""
html, body {{ height: 100%; margin: 0; }}
body {{ display: flex; flex-direction: column; color: #1a1a1a; background: #fff;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }}
body > .folium-map {{ flex: 1 1 0; min-height: 0; }}
[hidden] {{ display: none !important; }}
:focus-visible {{ outline: 2px solid #0b4f8a; outline-offset: 1px; }}
.{MAP_WINDOW} {{ margin: 0; padding: 6px 10px; background: #f4f4f4; border-bottom: 1px solid #bbb; }}
.{MAP_WINDOW} .row {{ display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }}
.{MAP_WINDOW} .title {{ font-weight: bold; }}
.{MAP_WINDOW} label {{ display: inline-flex; align-items: center; gap: 4px; }}
.{MAP_WINDOW} input, .{MAP_WINDOW} button {{ font: inherit; color: inherit; padding: 2px 6px;
  border: 1px solid #767676; border-radius: 3px; background: #fff; }}
.{MAP_WINDOW} button {{ cursor: pointer; }}
.{MAP_WINDOW} input[aria-invalid="true"] {{ border: 2px solid #b00020; }}
.{MAP_WINDOW} p {{ margin: 4px 0 0; }}
.{MAP_WINDOW} .problem {{ color: #b00020; font-weight: bold; }}
.{MAP_WINDOW} a {{ color: #0b4f8a; white-space: nowrap; }}
@media (max-width: {NARROW}px) {{
  .{MAP_WINDOW} {{ padding: 4px 8px; font-size: 13px; }}
  .{MAP_WINDOW} .row {{ gap: 4px 8px; }}
  .{MAP_WINDOW} .title {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }}
  .{MAP_WINDOW} input {{ width: 9.5rem; padding: 1px 2px; }}
}}
.map-skip {{ position: absolute; z-index: 2000; left: -9999px; top: 4px; padding: 6px 10px;
  background: #fff; color: #0b4f8a; border: 2px solid #0b4f8a; border-radius: 4px; }}
.map-skip:focus {{ left: auto; right: 4px; }}
.leaflet-pane path:focus {{ outline: none; }}
.leaflet-pane path:focus-visible {{ stroke: #000; stroke-width: 3px; }}
.leaflet-bar button {{ display: block; width: 30px; height: 30px; padding: 0; margin: 0; border: 0;
  border-radius: 4px; background: #fff; color: #1a1a1a; cursor: pointer; }}
.leaflet-bar button:hover {{ background: #f4f4f4; }}
.leaflet-bar button svg {{ display: block; margin: auto; }}
.map-one-finger button {{ width: auto; height: auto; min-height: 30px; max-width: 9rem;
  padding: 4px 8px; text-align: left; font: 12px/1.3 system-ui, sans-serif; }}
.map-one-finger button[aria-pressed="true"] {{ background: #0b4f8a; color: #fff; }}
.leaflet-popup-content {{ font-size: 14px; line-height: 1.4; }}
.map-popup p {{ margin: 2px 0; }}
.leaflet-popup-content:focus {{ outline: none; }}
.leaflet-popup-content:focus-visible {{ outline: 2px solid #0b4f8a; }}
.{LEGEND} h2 button {{ display: inline-flex; align-items: center; gap: 4px; padding: 0; border: 0;
  background: none; font: inherit; font-weight: bold; color: inherit; cursor: pointer; }}
.{LEGEND} h2 svg {{ transition: transform 0.1s; }}
.{LEGEND} button[aria-expanded="false"] svg {{ transform: rotate(-90deg); }}
.{LEGEND} .period {{ margin: 0 0 4px; }}
.{LEGEND}:focus {{ outline: none; }}
@media print {{ .leaflet-control-container, .{MAP_WINDOW}, .map-skip {{ display: none; }} }}
"""

# Four corners pointing out: "the whole extent", drawn in the button's text colour.
HOME_ICON = (
    '<svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">'
    '<path d="M1.5 6V1.5H6M10 1.5h4.5V6M14.5 10v4.5H10M6 14.5H1.5V10" fill="none" '
    'stroke="currentColor" stroke-width="2"/></svg>'
)

# One function, called with the map, its regions layer, its points layer (or null) and the
# data of builder.views.maps.interactive.browser_data. No `{{`, `{%` or `{#` here: branca renders
# this text as a Jinja template (see script_json).
SCRIPT = (
    r"""function (map, regions, points, data) {
  "use strict";
  var T = data.texts, W = data.window, doc = document, container = map.getContainer();
  var layers = {}, shown = [], current = null, hovered = null, openRegion = null, opener = null;
  var touch = !!(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);

  function byId(id) { return doc.getElementById(id); }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }
  function plural(forms, n, values) {
    return fill(forms[n === 1 ? 0 : 1], L.extend({n: n}, values || {}));
  }
  function add(parent, tag, text) {
    var node = parent.appendChild(doc.createElement(tag));
    if (text) node.textContent = text;
    return node;
  }
  function control(position, className, build) {
    var Control = L.Control.extend({options: {position: position}, onAdd: function () {
      var bar = L.DomUtil.create("div", "leaflet-bar " + className);
      var button = L.DomUtil.create("button", "", bar);
      button.type = "button";
      build(button);
      L.DomEvent.disableClickPropagation(bar);
      return bar;
    }});
    new Control().addTo(map);
  }

  // All of Peru, once the window's form shows: Leaflet measured the map without it, and does
  // not watch its container's size. Not animated: the first view is the final one.
  var form = byId(data.ids.window);
  if (W && form) form.hidden = false;
  map.invalidateSize({pan: false});
  map.fitBounds(data.bounds, {animate: false});

  // Zoom and "all of Peru" first in tab order: Leaflet puts its controls after the map's panes.
  L.control.zoom({zoomInTitle: T.zoomIn, zoomOutTitle: T.zoomOut}).addTo(map);
  control("topleft", "map-home", function (button) {
    button.title = T.resetView;
    button.setAttribute("aria-label", T.resetView);
    button.innerHTML = data.homeIcon;
    L.DomEvent.on(button, "click", function () { map.fitBounds(data.bounds); });
  });
  container.insertBefore(container.querySelector(".leaflet-control-container"),
    map.getPane("mapPane"));

  // On a touch screen one finger scrolls the page, as everywhere else; two still pinch and
  // pan the map (touchZoom), and the button gives one finger to the map on request. A tap
  // opens the popup, which says what the tooltip would.
  if (touch) {
    map.dragging.disable();
    regions.unbindTooltip();
    control("topright", "map-one-finger", function (button) {
      button.textContent = T.oneFinger;
      button.setAttribute("aria-pressed", "false");
      L.DomEvent.on(button, "click", function () {
        var on = !map.dragging.enabled();
        if (on) map.dragging.enable(); else map.dragging.disable();
        button.setAttribute("aria-pressed", on ? "true" : "false");
      });
    });
  }

  // --- regions: what the window selects, their fill, name and popup -------------------
  function popupOptions() {
    // Clear of the buttons on the left (and of the one-finger button at the top on a touch
    // screen), so that the popup's close button stays in reach, and above the legend, which
    // lies over the map. A popup's margins take 46 pixels across, its tip and margins 50 down.
    var size = map.getSize(), top = touch ? 56 : 10;
    var legendBox = byId(data.ids.legend).getBoundingClientRect();
    var bottom = Math.max(8, container.getBoundingClientRect().bottom - legendBox.top + 4);
    return {
      maxWidth: Math.max(120, Math.min(320, size.x - 52 - 8 - 50)),
      maxHeight: Math.max(96, size.y - top - bottom - 52),
      autoPanPaddingTopLeft: L.point(52, top),
      autoPanPaddingBottomRight: L.point(8, bottom)
    };
  }
  function inWindow(event) {
    return current ? event[2] <= current[1] && event[3] >= current[0] : event[4] === 1;
  }
  function fillOf(i) {
    if (!data.classes) return data.regions[i].fill;
    var n = shown[i].length, colour = data.classes[0][1];
    data.classes.forEach(function (c) { if (n >= c[0]) colour = c[1]; });
    return colour;
  }
  function valueOf(i) {
    var region = data.regions[i];
    if (!region.known) return T.noData;
    return data.classes ? plural(T.events, shown[i].length) : region.category;
  }
  function restyle(i) {
    var layer = layers[data.regions[i].iso];
    if (hovered === i || openRegion === i) layer.setStyle(data.highlight);
    else regions.resetStyle(layer);
  }
  function popup(i) {
    var region = data.regions[i], events = shown[i], box = doc.createElement("div");
    box.className = "map-popup";
    add(box, "strong", region.name);
    add(box, "p", valueOf(i));
    if (region.note) add(add(box, "p"), "em", region.note);
    if (region.known && events.length) {
      // A count map's value is the count: it is not said twice.
      if (!data.classes) add(box, "p", plural(T.events, events.length));
      var list = add(box, "ul");
      events.slice(0, data.popupEvents).forEach(function (event) {
        var link = add(add(list, "li"), "a", event[1]);
        link.href = event[0];
        link.target = "_parent";
      });
      if (events.length > data.popupEvents)
        add(list, "li", "… +" + (events.length - data.popupEvents));
    }
    return box;
  }
  function focusable(element, name, open) {
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", name);
    L.DomEvent.on(element, "keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      L.DomEvent.preventDefault(e);
      map.closePopup();
      opener = element;
      open();
    });
  }
  function recount() {
    var total = 0, unmapped = 0;
    shown = data.regions.map(function () { return []; });
    data.events.forEach(function (event) {
      if (!inWindow(event)) return;
      total += 1;
      if (!event[5].length) unmapped += 1;
      event[5].forEach(function (i) { shown[i].push(event); });
    });
    data.regions.forEach(function (region, i) {
      var layer = layers[region.iso];
      if (data.classes) layer.feature.properties.value = String(shown[i].length);
      layer.getElement().setAttribute("aria-label", region.name + ": " + valueOf(i));
      restyle(i);
      if (openRegion === i) layer.getPopup().update();
    });
    return {total: total, unmapped: unmapped};
  }

  regions.eachLayer(function (layer) { layers[layer.feature.id] = layer; });
  var index = {};
  data.regions.forEach(function (region, i) { index[region.iso] = i; });
  regions.options.style = function (feature) {
    return L.extend({}, data.style, {fillColor: fillOf(index[feature.id])});
  };
  data.regions.forEach(function (region, i) {
    var layer = layers[region.iso];
    layer.bindPopup(function () { return popup(i); }, {});
    layer.on({
      mouseover: function () { hovered = i; restyle(i); },
      mouseout: function () { hovered = null; restyle(i); },
      popupopen: function () { openRegion = i; restyle(i); },
      popupclose: function () { openRegion = null; restyle(i); }
    });
    focusable(layer.getElement(), region.name, function () {
      layer.openPopup(L.latLng(region.anchor));
    });
    // A region reached with Tab outside the view is brought into it.
    L.DomEvent.on(layer.getElement(), "focus", function () {
      if (!map.getBounds().contains(region.anchor)) map.panTo(region.anchor);
    });
  });
  recount();

  if (points) {
    var n = 0;
    points.eachLayer(function (layer) {
      focusable(layer.getElement(), data.points[n++], function () {
        // The points' popup is bound to their layer: a click on one point opens it there.
        layer.fire("click", {latlng: layer.getLatLng()}, true);
      });
    });
  }

  // --- popups: no taller than the map, keyboard in and out ---------------------------
  // Set before a popup opens, so that Leaflet pans the map once, to the popup's real size.
  function fitPopups() {
    regions.eachLayer(function (layer) { L.setOptions(layer.getPopup(), popupOptions()); });
    if (points && points.getPopup()) L.setOptions(points.getPopup(), popupOptions());
  }
  map.on("resize", fitPopups);
  map.on("popupopen", function (e) {
    var element = e.popup.getElement();
    var close = element.querySelector(".leaflet-popup-close-button");
    if (close) { close.title = T.close; close.setAttribute("aria-label", T.close); }
    if (opener) {
      var content = element.querySelector(".leaflet-popup-content");
      content.tabIndex = -1;
      content.focus({preventScroll: true});
    }
  });
  map.on("popupclose", function (e) {
    var back = opener, focused = doc.activeElement;
    opener = null;
    // Back to the region when the focus was in the popup, or went with it (its close button).
    if (back && (!focused || focused === doc.body || e.popup.getElement().contains(focused)))
      back.focus({preventScroll: true});
  });
  L.DomEvent.on(map.getPane("popupPane"), "keydown", function (e) {
    if (e.key === "Escape") map.closePopup();
  });

  // --- the legend folds; the skip link moves the focus past the map ------------------
  var legend = byId(data.ids.legend), toggle = byId(data.ids.legendToggle);
  var legendBody = byId(data.ids.legendBody);
  function unfold(open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    legendBody.hidden = !open;
    fitPopups();
  }
  toggle.addEventListener("click", function () {
    unfold(toggle.getAttribute("aria-expanded") !== "true");
  });
  unfold(!(window.matchMedia &&
    window.matchMedia("(max-width: " + data.narrow + "px)").matches));
  byId(data.ids.skip).addEventListener("click", function (e) {
    e.preventDefault();
    legend.focus();
  });

  // --- the time window --------------------------------------------------------------
  if (!W || !form) return;
  var from = byId(data.ids.from), to = byId(data.ids.to), status = byId(data.ids.status);
  var problem = byId(data.ids.problem), period = byId(data.ids.period);
  var link = data.ids.timeline ? byId(data.ids.timeline) : null;

  function monthOf(value) {
    var match = /^(\d{4})-(\d{2})$/.exec(value || ""), month = match ? Number(match[2]) : 0;
    return month >= 1 && month <= 12 ? Number(match[1]) * 12 + month - 1 : null;
  }
  function iso(month) {
    var m = month % 12 + 1;
    return Math.floor(month / 12) + "-" + (m < 10 ? "0" : "") + m;
  }
  function label(month) {
    return fill(T.words.monthYear, {month: T.words.months[month % 12], year: Math.floor(month / 12)});
  }
  function phrase(start, end) {
    if (start === end) return T.words.on + " " + label(start);
    return T.words.from + " " + label(start) + " " + T.words.to + " " + label(end);
  }
  function query(start, end) {
    var last = new Date(Date.UTC(Math.floor(end / 12), end % 12 + 1, 0)).getUTCDate();
    var parts = data.theme ? ["theme=" + encodeURIComponent(data.theme)] : [];
    parts.push("from=" + iso(start) + "-01", "to=" + iso(end) + "-" + last);
    return parts.join("&");
  }
  function show(text, counts, search) {
    status.textContent = plural(T.status, counts.total, {period: text}) +
      (counts.unmapped ? " " + plural(T.unmapped, counts.unmapped) : "");
    period.textContent = fill(T.legendPeriod, {period: text});
    if (link) link.href = data.timeline + (search ? "?" + search : "");
  }
  function refuse(message) {
    problem.textContent = message || "";
    problem.hidden = !message;
    from.setAttribute("aria-invalid", message ? "true" : "false");
    to.setAttribute("aria-invalid", message ? "true" : "false");
  }
  function choose() {
    var start = monthOf(from.value), end = monthOf(to.value);
    if (start === null || end === null || start < W.first || end > W.last ||
        end < W.first || start > W.last) return refuse(T.outside);
    if (start > end) return refuse(T.reversed);
    refuse(null);
    current = [start, end];
    show(phrase(start, end), recount(), query(start, end));
  }
  function reset() {
    from.value = iso(W.start);
    to.value = iso(W.end);
    refuse(null);
    current = null;
    show(W.period, recount(), W.query);
  }
  from.addEventListener("change", choose);
  to.addEventListener("change", choose);
  form.addEventListener("submit", function (e) { e.preventDefault(); choose(); });
  byId(data.ids.reset).addEventListener("click", reset);
}"""
).strip()

if _JINJA.search(SCRIPT) or _JINJA.search(CSS):
    raise AssertionError("the map's script or styles would open a Jinja tag")
