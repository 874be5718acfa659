/* The time band: how many events fall in each month (each year before the index's detailFrom,
 * drawn compressed), the presidential terms beneath, and a window the reader drags or moves
 * with the keyboard to choose the period.
 *
 * Dates keep their precision: an event whose whole span lies in one bar (a day, a month, or
 * a year in the compressed part) counts in that bar; a period, or an event known only to its
 * year in the monthly part, is drawn across every bar it spans, in a lane of its own, and is
 * never counted as if it were dated to one of its days.
 */
(function () {
  "use strict";

  var X = (window.pcrExplorer = window.pcrExplorer || {});
  var SVG = "http://www.w3.org/2000/svg";
  var BARS = 56, SPANS = 12, TERMS = 20, AXIS = 16, GAP = 4;
  var HEIGHT = BARS + GAP + SPANS + GAP + TERMS + AXIS;
  var COMPRESSED = 0.18; // share of the width for the years before detailFrom

  function svg(tag, attributes, parent) {
    var node = document.createElementNS(SVG, tag);
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    if (parent) parent.appendChild(node);
    return node;
  }

  function yearDay(year, month) {
    return Math.round(Date.UTC(year, month || 0, 1) / X.data.DAY);
  }

  function yearOf(day) {
    return new Date(day * X.data.DAY).getUTCFullYear();
  }

  /* The band's bars: [{start, end (exclusive), year, month or null}], in order. */
  function makeBins(model) {
    var first = Infinity, last = -Infinity;
    model.events.forEach(function (e) {
      if (e.start < first) first = e.start;
      if (e.end > last) last = e.end;
    });
    var now = Math.floor(Date.now() / X.data.DAY);
    if (!isFinite(first)) first = last = now;
    var firstYear = yearOf(first), lastYear = yearOf(last);
    var detail = Math.max(firstYear, Math.min(model.index.detailFrom, lastYear));
    var bins = [];
    for (var y = firstYear; y < detail; y++) {
      bins.push({ start: yearDay(y), end: yearDay(y + 1), year: y, month: null });
    }
    for (y = detail; y <= lastYear; y++) {
      for (var m = 0; m < 12; m++) {
        bins.push({ start: yearDay(y, m), end: yearDay(y, m + 1), year: y, month: m });
      }
    }
    var yearly = detail - firstYear;
    var share = yearly > 0 ? COMPRESSED : 0;
    var monthly = bins.length - yearly;
    bins.forEach(function (bin, n) {
      bin.x0 = n < yearly ? (share * n) / yearly : share + ((1 - share) * (n - yearly)) / monthly;
      bin.x1 = n < yearly ? (share * (n + 1)) / yearly : share + ((1 - share) * (n - yearly + 1)) / monthly;
    });
    return { bins: bins, yearly: yearly, detail: detail };
  }

  function binAt(bins, day) {
    var lo = 0, hi = bins.length - 1;
    if (day < bins[0].start) return 0;
    if (day >= bins[hi].end) return hi;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (bins[mid].start <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  function Band(root, model, words, onWindow) {
    this.root = root;
    this.model = model;
    this.words = words;
    // onWindow([from day, to day] or null for all dates, how): `how` says what the address's
    // history should do: "push" a new entry, "replace" the drag's own, "merge" quick keys.
    this.onWindow = onWindow;
    var layout = makeBins(model);
    this.bins = layout.bins;
    this.yearly = layout.yearly;
    this.detail = layout.detail;
    var bins = this.bins;
    model.events.forEach(function (e) {
      e.b0 = binAt(bins, e.start);
      e.b1 = binAt(bins, e.end);
    });
    this.window = null; // [first bin, last bin], or null: all dates
    this.windowDays = null; // [from day, to day] as the state says, for drawing
    this.selected = null;
    this.counts = null;
    this._build();
  }

  Band.prototype._build = function () {
    var band = this;
    var words = this.words;
    this.root.textContent = "";
    var frame = document.createElement("div");
    frame.className = "pcr-band__frame";
    this.frame = frame;
    this.svg = svg("svg", { class: "pcr-band__svg", height: HEIGHT, "aria-hidden": "true", focusable: "false" }, frame);
    var win = document.createElement("div");
    win.className = "pcr-band__window";
    win.id = "pcr-band-window";
    win.tabIndex = 0;
    win.setAttribute("role", "slider");
    win.setAttribute("aria-label", words.band_window);
    win.setAttribute("aria-describedby", "pcr-band-help");
    win.setAttribute("aria-valuemin", "0");
    win.setAttribute("aria-valuemax", String(this.bins.length - 1));
    ["start", "end"].forEach(function (side) {
      var handle = document.createElement("span");
      handle.className = "pcr-band__handle pcr-band__handle--" + side;
      handle.setAttribute("data-side", side);
      win.appendChild(handle);
    });
    frame.appendChild(win);
    this.windowElement = win;
    this.root.appendChild(frame);
    win.addEventListener("keydown", function (event) { band._key(event); });
    frame.addEventListener("pointerdown", function (event) { band._pointerDown(event); });
    this.width = 0;
    if (window.ResizeObserver) {
      new ResizeObserver(function () { band.draw(); }).observe(frame);
    } else {
      window.addEventListener("resize", function () { band.draw(); });
    }
  };

  /* Count the events the other filters keep (`indices`) into bars and spans. */
  Band.prototype.update = function (indices, windowDays, selected) {
    var n = this.bins.length;
    var dated = new Array(n).fill(0), spans = new Array(n).fill(0);
    var events = this.model.events;
    for (var k = 0; k < indices.length; k++) {
      var e = events[indices[k]];
      if (e.b0 === e.b1) dated[e.b0]++;
      else for (var b = e.b0; b <= e.b1; b++) spans[b]++;
    }
    this.counts = { dated: dated, spans: spans };
    this.windowDays = windowDays;
    this.window = windowDays ? [binAt(this.bins, windowDays[0]), binAt(this.bins, windowDays[1])] : null;
    this.selected = selected;
    this.draw();
  };

  Band.prototype.draw = function () {
    var width = this.frame.clientWidth;
    if (!width || !this.counts) return;
    this.width = width;
    var svgNode = this.svg;
    svgNode.setAttribute("width", width);
    svgNode.setAttribute("viewBox", "0 0 " + width + " " + HEIGHT);
    svgNode.textContent = "";
    var bins = this.bins, counts = this.counts;
    var most = Math.max(1, Math.max.apply(null, counts.dated));
    var mostSpans = Math.max(1, Math.max.apply(null, counts.spans));
    var bars = svg("g", { class: "pcr-band__bars" }, svgNode);
    var lane = svg("g", { class: "pcr-band__spans" }, svgNode);
    var spansTop = BARS + GAP;
    for (var n = 0; n < bins.length; n++) {
      var x0 = bins[n].x0 * width, w = Math.max(0.5, (bins[n].x1 - bins[n].x0) * width - (width > 600 ? 1 : 0.3));
      if (counts.dated[n]) {
        var h = Math.max(2, (BARS * counts.dated[n]) / most);
        svg("rect", { x: x0.toFixed(1), y: (BARS - h).toFixed(1), width: w.toFixed(1), height: h.toFixed(1) }, bars);
      }
      if (counts.spans[n]) {
        var hs = Math.max(2, (SPANS * counts.spans[n]) / mostSpans);
        svg("rect", { x: x0.toFixed(1), y: (spansTop + SPANS - hs).toFixed(1), width: (w + (width > 600 ? 1 : 0.3)).toFixed(1), height: hs.toFixed(1) }, lane);
      }
    }
    svg("line", { class: "pcr-band__baseline", x1: 0, x2: width, y1: BARS + 0.5, y2: BARS + 0.5 }, svgNode);
    this._terms(svgNode, width, spansTop + SPANS + GAP);
    this._axis(svgNode, width, HEIGHT - AXIS);
    if (this.selected) {
      var s = this.selected;
      var sx0 = this.x(s.start), sx1 = Math.max(sx0 + 2, this.x(s.end + 1));
      svg("rect", { class: "pcr-band__selected", x: sx0.toFixed(1), y: 0, width: (sx1 - sx0).toFixed(1), height: BARS + GAP + SPANS }, svgNode);
    }
    this._placeWindow();
  };

  /* The x of a day (its start) on the band. */
  Band.prototype.x = function (day) {
    var bins = this.bins;
    if (day <= bins[0].start) return 0;
    var last = bins[bins.length - 1];
    if (day >= last.end) return this.width;
    var bin = bins[binAt(bins, day)];
    var share = (day - bin.start) / (bin.end - bin.start);
    return (bin.x0 + share * (bin.x1 - bin.x0)) * this.width;
  };

  Band.prototype._terms = function (parent, width, top) {
    var terms = this.model.index.terms;
    var group = svg("g", { class: "pcr-band__terms" }, parent);
    var end = this.bins[this.bins.length - 1].end;
    var band = this;
    terms.forEach(function (term, n) {
      var x0 = band.x(term[0]), x1 = band.x(term[1] === null ? end : term[1] + 1);
      var rect = svg("rect", { x: x0.toFixed(1), y: top, width: Math.max(1, x1 - x0).toFixed(1), height: TERMS, class: n % 2 ? "is-odd" : "is-even" }, group);
      var title = svg("title", {}, rect);
      title.textContent = term[2] + (term[1] === null ? " (" + band.words.band_in_office + ")" : "");
      var label = term[2].split(" ").slice(-1)[0];
      if (x1 - x0 > label.length * 6.2 + 6) {
        var text = svg("text", { x: (x0 + 3).toFixed(1), y: top + TERMS - 6 }, group);
        text.textContent = label;
      }
    });
  };

  Band.prototype._axis = function (parent, width, top) {
    var group = svg("g", { class: "pcr-band__axis" }, parent);
    var bins = this.bins;
    var lastRight = -Infinity;
    var yearWidth = 12 * (bins[bins.length - 1].x1 - bins[bins.length - 1].x0) * width;
    var step = yearWidth >= 34 ? 1 : yearWidth >= 17 ? 2 : 5;
    for (var n = 0; n < bins.length; n++) {
      var bin = bins[n];
      // Ticks: every year in the detailed part, every fifth in the compressed one.
      var yearStart = bin.month === 0 || (bin.month === null && (n === 0 || bin.year % 5 === 0));
      if (!yearStart) continue;
      var x = bin.x0 * width;
      svg("line", { x1: x.toFixed(1), x2: x.toFixed(1), y1: 0, y2: top + 4 }, group).setAttribute("class", bin.month === 0 ? "pcr-band__tick" : "pcr-band__tick pcr-band__tick--minor");
      var label = bin.month === 0 ? (bin.year % step === 0 || bin.year === this.detail) : (n === 0 || bin.year % 10 === 0);
      if (label && x > lastRight + 4 && x + 30 < width + 2) {
        var text = svg("text", { x: (x + 2).toFixed(1), y: top + AXIS - 3 }, group);
        text.textContent = String(bin.year);
        lastRight = x + 30;
      }
    }
  };

  Band.prototype._placeWindow = function () {
    var win = this.windowElement;
    var words = this.words;
    var days = this.windowDays;
    if (!days) {
      win.classList.add("is-all");
      win.style.left = "0px";
      win.style.width = this.width + "px";
      win.setAttribute("aria-valuenow", "0");
      win.setAttribute("aria-valuetext", words.band_all_dates);
      return;
    }
    win.classList.remove("is-all");
    var x0 = this.x(days[0]), x1 = Math.max(x0 + 4, this.x(days[1] + 1));
    win.style.left = x0.toFixed(1) + "px";
    win.style.width = (x1 - x0).toFixed(1) + "px";
    win.setAttribute("aria-valuenow", String(this.window[0]));
    win.setAttribute("aria-valuetext", this.label(days[0], days[1]));
  };

  /* "March 2025 – June 2026", "June 2026", or day-precise when the window is. */
  Band.prototype.label = function (from, to) {
    var months = this.words.months;
    var dayPattern = this.words.date_day;
    var monthPattern = this.words.date_month;
    function words(day, last) {
      var date = new Date(day * X.data.DAY);
      var next = new Date((day + 1) * X.data.DAY);
      var whole = last ? next.getUTCDate() === 1 : date.getUTCDate() === 1;
      var month = X.data.format(monthPattern, { m: months[date.getUTCMonth()], y: date.getUTCFullYear() });
      return whole ? month : X.data.format(dayPattern, { d: date.getUTCDate(), m: months[date.getUTCMonth()], y: date.getUTCFullYear() });
    }
    var a = words(from, false), b = words(to, true);
    return a === b ? a : a + " – " + b;
  };

  /* The days of bins `first` to `last`. */
  Band.prototype.days = function (first, last) {
    return [this.bins[first].start, this.bins[last].end - 1];
  };

  Band.prototype._emit = function (first, last, how) {
    var n = this.bins.length - 1;
    first = Math.max(0, Math.min(n, first));
    last = Math.max(first, Math.min(n, last));
    this.onWindow(this.days(first, last), how);
  };

  Band.prototype._key = function (event) {
    var n = this.bins.length;
    var w = this.window;
    var key = event.key;
    if (key === "Escape" || key === "Delete" || key === "Backspace") {
      if (!w) return;
      event.preventDefault();
      this.onWindow(null, "push");
      return;
    }
    var moves = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 12, PageDown: -12 };
    if (!(key in moves) && key !== "Home" && key !== "End") return;
    event.preventDefault();
    if (!w) {
      // From all dates, the first key sets a year's window: at the start of the detailed
      // years for a move forward or Home, at the newest year for a move back or End.
      var forward = key === "Home" || moves[key] > 0;
      var start = forward ? this.yearly : Math.max(0, n - 12);
      w = [start, Math.min(n - 1, start + 11)];
      if (key === "Home" || key === "End") return this._emit(w[0], w[1], "merge");
    }
    var size = w[1] - w[0];
    if (key === "Home") return this._emit(0, size, "merge");
    if (key === "End") return this._emit(n - 1 - size, n - 1, "merge");
    var step = moves[key];
    if (event.shiftKey) {
      // Shift resizes: the window's end moves, never before its start.
      return this._emit(w[0], Math.max(w[0], Math.min(n - 1, w[1] + step)), "merge");
    }
    if (w[0] + step < 0) step = -w[0];
    if (w[1] + step > n - 1) step = n - 1 - w[1];
    if (step === 0) return;
    this._emit(w[0] + step, w[1] + step, "merge");
  };

  Band.prototype._binAtX = function (clientX) {
    var rect = this.frame.getBoundingClientRect();
    var share = (clientX - rect.left) / rect.width;
    var bins = this.bins;
    for (var n = 0; n < bins.length; n++) if (share < bins[n].x1) return n;
    return bins.length - 1;
  };

  Band.prototype._pointerDown = function (event) {
    if (event.button !== 0) return;
    var band = this;
    var at = this._binAtX(event.clientX);
    var side = event.target.getAttribute && event.target.getAttribute("data-side");
    var w = this.window;
    var inside = w && !side && event.target === this.windowElement;
    var mode = side ? "resize-" + side : inside ? "move" : "new";
    var anchor = mode === "resize-start" ? w[1] : mode === "resize-end" ? w[0] : at;
    var moved = false;
    var last = null;
    event.preventDefault();
    this.windowElement.focus({ preventScroll: true });
    this.frame.setPointerCapture(event.pointerId);
    function range(x) {
      var now = band._binAtX(x);
      if (mode === "move") {
        var shift = now - at;
        shift = Math.max(-w[0], Math.min(band.bins.length - 1 - w[1], shift));
        return [w[0] + shift, w[1] + shift];
      }
      return [Math.min(anchor, now), Math.max(anchor, now)];
    }
    function move(e) {
      var r = range(e.clientX);
      if (last && r[0] === last[0] && r[1] === last[1]) return;
      moved = moved || Math.abs(e.clientX - event.clientX) > 3;
      if (!moved) return;
      // The drag's first step makes its history entry; the rest of the drag updates it.
      band._emit(r[0], r[1], last ? "replace" : "push");
      last = r;
    }
    function up(e) {
      band.frame.removeEventListener("pointermove", move);
      band.frame.removeEventListener("pointerup", up);
      band.frame.removeEventListener("pointercancel", up);
      if (!moved) {
        // A click without a drag: a bar's own period, unless it was on the window itself.
        if (mode === "new") band._emit(at, at, "push");
        return;
      }
      var r = range(e.clientX);
      band._emit(r[0], r[1], "replace");
    }
    this.frame.addEventListener("pointermove", move);
    this.frame.addEventListener("pointerup", up);
    this.frame.addEventListener("pointercancel", up);
  };

  X.Band = Band;
})();
