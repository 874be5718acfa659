/* The explorer's map: the 26 regions coloured by how many of the events the other filters keep
 * name each, with a legend, the national and abroad counts beside it, a click that sets the
 * region filter, and the regions of the event a reader points at in the list outlined.
 *
 * Leaflet and the outlines come from the site itself; the map has no tiles. For keyboard and
 * screen-reader users the zoom controls come first, then the regions from north to south,
 * each a button named "Puno: 3 events".
 */
(function () {
  "use strict";

  var X = (window.pcrExplorer = window.pcrExplorer || {});
  // Blues, light to dark, 3:1 or more between the lightest and white (with its outline).
  var RAMP = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
  var EMPTY = "#ffffff";
  var OUTLINE = "#4d4d4d";
  var PERU = [[-18.4, -81.4], [0.0, -68.6]];
  var LIMA = [[-12.55, -77.25], [-11.55, -76.6]]; // Metropolitan Lima and Callao

  /* Up to five classes for counts 1..most: [[low, high], …], rounded to 1, 2, 5, 10, … */
  function classes(most) {
    if (most <= 0) return [];
    if (most <= 5) {
      var each = [];
      for (var n = 1; n <= most; n++) each.push([n, n]);
      return each;
    }
    var bounds = [0.1, 0.25, 0.5].map(function (share) { return nice(most * share); });
    var out = [], low = 1;
    bounds.forEach(function (high) {
      if (high >= low && high < most) {
        out.push([low, high]);
        low = high + 1;
      }
    });
    out.push([low, most]);
    return out;
  }

  function nice(value) {
    var power = Math.pow(10, Math.floor(Math.log10(Math.max(1, value))));
    var steps = [1, 2, 5, 10];
    var best = 1;
    steps.forEach(function (s) { if (s * power <= value) best = s * power; });
    return Math.max(1, best);
  }

  function colour(count, ranges) {
    if (!count) return EMPTY;
    var offset = RAMP.length - ranges.length;
    for (var n = 0; n < ranges.length; n++) {
      if (count <= ranges[n][1]) return RAMP[Math.min(RAMP.length - 1, n + offset)];
    }
    return RAMP[RAMP.length - 1];
  }

  function RegionMap(element, outlines, model, words, onRegion) {
    this.element = element;
    this.model = model;
    this.words = words;
    this.onRegion = onRegion; // (place code) => void: toggles the region filter
    this.layers = {}; // place index -> Leaflet layer
    this.counts = [];
    this.selected = -1;
    this.highlighted = [];
    var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    var map = L.map(element, {
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      attributionControl: true,
      scrollWheelZoom: false, // the page scrolls over the map; the buttons and pinching zoom
      dragging: !touch, // one finger scrolls the page on a phone; see the "move" button
      tap: false,
    });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(words.map_boundaries);
    this.map = map;
    this._controls(touch);
    this._regions(outlines);
    map.fitBounds(PERU);
    // Leaflet measures its frame once: when the layout around it changes (fonts, the sticky
    // column, a rotated phone), it must measure again or clicks and drags land off target.
    if (window.ResizeObserver) {
      var last = element.clientWidth + "x" + element.clientHeight;
      new ResizeObserver(function () {
        var size = element.clientWidth + "x" + element.clientHeight;
        if (size === last) return;
        last = size;
        map.invalidateSize({ pan: false });
        map.fitBounds(PERU);
      }).observe(element);
    }
    // The controls before the regions in the tab order: zoom, reset and move come first.
    var container = map.getContainer();
    container.insertBefore(container.querySelector(".leaflet-control-container"), container.firstChild);
    // The frame itself stays a stop (arrow keys pan the map), named for screen readers.
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", words.map_title);
  }

  RegionMap.prototype._controls = function (touch) {
    var self = this;
    var words = this.words;
    var Reset = L.Control.extend({
      options: { position: "topleft" },
      onAdd: function () {
        var bar = L.DomUtil.create("div", "leaflet-bar pcr-map__tools");
        var reset = L.DomUtil.create("button", "pcr-map__reset", bar);
        reset.type = "button";
        reset.title = words.map_reset;
        reset.setAttribute("aria-label", words.map_reset);
        reset.textContent = "\u21ba";
        L.DomEvent.disableClickPropagation(bar);
        L.DomEvent.on(reset, "click", function () { self.map.fitBounds(PERU); });
        // Metropolitan Lima and Callao are a few pixels wide at the country's zoom.
        var lima = L.DomUtil.create("button", "pcr-map__lima", bar);
        lima.type = "button";
        lima.title = words.map_lima;
        lima.setAttribute("aria-label", words.map_lima);
        lima.textContent = "L";
        L.DomEvent.on(lima, "click", function () { self.map.fitBounds(LIMA); });
        if (touch) {
          var moving = L.DomUtil.create("button", "pcr-map__move", bar);
          moving.type = "button";
          moving.title = words.map_move;
          moving.setAttribute("aria-label", words.map_move);
          moving.setAttribute("aria-pressed", "false");
          moving.textContent = "\u2725";
          L.DomEvent.on(moving, "click", function () {
            var on = !self.map.dragging.enabled();
            if (on) self.map.dragging.enable();
            else self.map.dragging.disable();
            moving.setAttribute("aria-pressed", String(on));
            moving.title = on ? words.map_moving : words.map_move;
          });
        }
        return bar;
      },
    });
    new Reset().addTo(this.map);
  };

  RegionMap.prototype._regions = function (outlines) {
    var self = this;
    var model = this.model;
    // North to south, then west to east, by the middle of each outline's box.
    var features = outlines.features.filter(function (f) { return f.properties.iso in model.placeAt; });
    features.forEach(function (f) {
      var box = L.geoJSON(f).getBounds();
      f.properties.lat = box.getCenter().lat;
      f.properties.lon = box.getCenter().lng;
    });
    features.sort(function (a, b) {
      return b.properties.lat - a.properties.lat || a.properties.lon - b.properties.lon;
    });
    this.order = [];
    L.geoJSON({ type: "FeatureCollection", features: features }, {
      style: function () {
        return { fillColor: EMPTY, fillOpacity: 1, color: OUTLINE, weight: 0.8 };
      },
      onEachFeature: function (feature, layer) {
        var at = model.placeAt[feature.properties.iso];
        self.layers[at] = layer;
        self.order.push(at);
        layer.on("click", function () { self.onRegion(feature.properties.iso); });
        layer.on("add", function () { self._accessible(layer, feature.properties.iso); });
        layer.bindTooltip("", { sticky: true, direction: "top", className: "pcr-map__tip" });
      },
    }).addTo(this.map);
  };

  RegionMap.prototype._accessible = function (layer, iso) {
    var path = layer.getElement();
    if (!path) return;
    var self = this;
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    path.setAttribute("data-region", iso);
    path.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        self.onRegion(iso);
      }
    });
    path.addEventListener("focus", function () { layer.openTooltip(layer.getBounds().getCenter()); });
    path.addEventListener("blur", function () { layer.closeTooltip(); });
  };

  /* Recolour for `counts` (per place index); `selected` is the region filter's place index. */
  RegionMap.prototype.update = function (counts, selected) {
    var words = this.words;
    var lang = words.lang;
    var model = this.model;
    var most = 0;
    this.order.forEach(function (at) { most = Math.max(most, counts[at]); });
    var ranges = classes(most);
    this.counts = counts;
    this.selected = selected;
    var self = this;
    this.order.forEach(function (at) {
      var layer = self.layers[at];
      var name = model.index.places[at][1];
      var label = name + ": " + X.data.plural(words.n_events, counts[at], lang);
      layer.setStyle(self._style(at, colour(counts[at], ranges)));
      layer.setTooltipContent(label);
      var path = layer.getElement();
      if (path) {
        path.setAttribute("aria-label", label);
        path.setAttribute("aria-pressed", String(at === selected));
      }
    });
    this._legend(ranges);
  };

  RegionMap.prototype._style = function (at, fill) {
    var marked = this.highlighted.indexOf(at) >= 0;
    var chosen = at === this.selected;
    return {
      fillColor: fill,
      color: marked || chosen ? "#000000" : OUTLINE,
      weight: marked ? 3 : chosen ? 2.5 : 0.8,
      dashArray: chosen && !marked ? "4 3" : null,
    };
  };

  RegionMap.prototype._legend = function (ranges) {
    var words = this.words;
    var lang = words.lang;
    var legend = document.getElementById("pcr-legend");
    legend.textContent = "";
    var title = document.createElement("p");
    title.className = "pcr-map__legend-title";
    title.textContent = words.map_legend;
    legend.appendChild(title);
    var list = document.createElement("ul");
    var items = [[0, 0]].concat(ranges);
    var offset = RAMP.length - ranges.length;
    items.forEach(function (range, n) {
      var item = document.createElement("li");
      var swatch = document.createElement("span");
      swatch.className = "pcr-swatch";
      swatch.style.background = n === 0 ? EMPTY : RAMP[n - 1 + offset];
      item.appendChild(swatch);
      var text = n === 0 ? words.map_no_events
        : range[0] === range[1] ? X.data.number(range[0], lang)
        : X.data.number(range[0], lang) + "–" + X.data.number(range[1], lang);
      item.appendChild(document.createTextNode(text));
      list.appendChild(item);
    });
    legend.appendChild(list);
  };

  /* Outline the regions (place indices) of the event a reader points at; [] clears. */
  RegionMap.prototype.highlight = function (places) {
    var previous = this.highlighted;
    this.highlighted = places.filter(function (at) { return at in this.layers; }, this);
    var self = this;
    previous.concat(this.highlighted).forEach(function (at) {
      var layer = self.layers[at];
      if (!layer) return;
      var fill = layer.options.fillColor;
      // Restyled in place, not brought to the front: the regions' order is the tab order.
      layer.setStyle(self._style(at, fill));
    });
  };

  X.RegionMap = RegionMap;
  X.mapClasses = classes;
})();
