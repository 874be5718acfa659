/* The timeline explorer: the filter form, the time band, the map and the list as one
 * instrument, with its whole state in the address.
 *
 * Every change of a filter, of the window or of the order writes the address with a history
 * entry (typing and dragging replace their own entry while they last), so Back steps through
 * the reader's states and any state can be shared. Leaving for an event page remembers the
 * event and the scroll position in the entry; coming back restores both.
 * The pieces: explorer-data.js (files, state, counts), explorer-band.js, explorer-map.js,
 * explorer-list.js. After each update the page dispatches "pcr-explorer-rendered" with the
 * time the update took (for `make bench`).
 */
(function () {
  "use strict";

  var X = window.pcrExplorer;
  var root = document.getElementById("pcr-explorer");
  if (!root || !X || !X.data) return;
  var D = X.data;
  var words = JSON.parse(root.getAttribute("data-strings"));
  var lang = words.lang;
  var folder = new URL(root.getAttribute("data-folder"), location.href).href;
  var form = document.getElementById("pcr-filters");
  var status = document.getElementById("pcr-status");
  var rangeError = document.getElementById("pcr-range-error");
  var chips = document.getElementById("pcr-chips");
  var mapElement = document.getElementById("pcr-map");
  var model, band, regionMap, list;
  var state = D.emptyState();
  var lastPush = { kind: "", time: 0 };
  var SELECTS = { theme: "themeAt", region: "placeAt", actor: "actorAt" };
  var ROWS = { theme: "themes", region: "places", actor: "actors" };

  root.hidden = false;
  var staticList = document.getElementById("pcr-static");
  if (staticList) staticList.hidden = true;
  status.textContent = words.filter_loading;
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  var placeCounts = null; // per place, with every filter but the region: the map's colours
  D.load(folder, "index").then(start, function () {
    status.textContent = words.filter_failed;
    if (staticList) staticList.hidden = false;
  });

  function start(index) {
    model = new D.Model(index);
    band = new X.Band(document.getElementById("pcr-band"), model, words, onWindow);
    if (mapElement) whenNear(mapElement, startMap);
    list = new X.EventList(document.getElementById("pcr-list"), model, folder, words, {
      point: function (event) { if (regionMap) regionMap.highlight(event ? event.places : []); },
      open: function (event) { remember(event.row[0]); },
    });
    X.app = { model: model, band: band, map: regionMap, list: list }; // for tests and the console
    listen();
    var saved = history.state && history.state.pcr;
    apply(D.readState(location.search, model), saved).then(function () {
      root.setAttribute("data-ready", "");
    });
  }

  // --- the map, loaded when a reader nears it ----------------------------------------------
  /* Run `then` once `element` is within a screen of the viewport: on a phone the map is far
   * below the first screen, and Leaflet is the page's largest script. */
  function whenNear(element, then) {
    if (!window.IntersectionObserver) return then();
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) return;
      observer.disconnect();
      then();
    }, { rootMargin: "100% 0px" });
    observer.observe(element);
  }

  function startMap() {
    var base = new URL(root.getAttribute("data-leaflet"), location.href).href;
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = base + "leaflet.css";
    // The map is drawn once its stylesheet has loaded: before, Leaflet's panes lie in the
    // page's flow, thousands of pixels wide, and a phone lays the whole page out wider.
    var styled = new Promise(function (resolve, reject) {
      style.onload = resolve;
      style.onerror = reject;
    });
    document.head.appendChild(style);
    var script = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = base + "leaflet.js";
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
    Promise.all([script, D.load(folder, "regions"), styled]).then(function (parts) {
      regionMap = new X.RegionMap(mapElement, parts[1], model, words, toggleRegion);
      X.app.map = regionMap;
      if (placeCounts) regionMap.update(placeCounts, state.region ? model.placeAt[state.region] : -1);
      mapElement.setAttribute("data-ready", "");
    }, function () {
      mapElement.closest("section").hidden = true;
    });
  }

  // --- state -----------------------------------------------------------------------------
  /* Show `next`; `saved` ({scroll, shown}) restores a place in the list. */
  function apply(next, saved) {
    var began = performance.now();
    state = next;
    writeForm();
    var needsText = state.text && !model.textsLoaded();
    var ready = needsText ? model.loadTexts(folder) : Promise.resolve();
    if (needsText) status.textContent = words.filter_loading;
    var selected = state.event ? model.findId(folder, state.event) : Promise.resolve(null);
    return Promise.all([ready, selected]).then(function (parts) {
      if (next !== state) return; // a newer state is being shown
      var chosen = parts[1] || null;
      var result = D.compute(model, state);
      var order = state.order === "oldest" ? result.matched : result.matched.slice().reverse();
      status.textContent = D.plural(words.filter_results, order.length, lang) + windowPhrase();
      counts(result);
      writeChips();
      band.update(result.windowEvents, windowDays(), chosen);
      placeCounts = new Array(model.index.places.length).fill(0);
      result.placeEvents.forEach(function (i) {
        model.events[i].places.forEach(function (at) { placeCounts[at]++; });
      });
      if (mapElement) writeScopes(placeCounts);
      if (regionMap) regionMap.update(placeCounts, state.region ? model.placeAt[state.region] : -1);
      return list.show(order, saved ? saved.shown : 0, chosen).then(function () {
        if (saved) {
          window.scrollTo(0, saved.scroll);
        } else if (chosen) {
          var entry = list.entryOf(state.event);
          if (entry) entry.scrollIntoView({ block: "center" });
        }
        var ms = performance.now() - began;
        document.dispatchEvent(new CustomEvent("pcr-explorer-rendered", { detail: { ms: ms } }));
      });
    }).catch(function (error) {
      status.textContent = words.filter_failed;
      if (window.console) console.error(error); // for whoever reports the problem
    });
  }

  /* Change the state by `changes` and record it in the history, `how`: "push" a new entry,
   * "replace" the current one (the rest of a drag), or "merge": replace it when the same kind
   * of change made it a moment ago (typing, a run of arrow keys), push otherwise. */
  function change(changes, kind, how) {
    var next = Object.assign({}, state, changes);
    if (!("event" in changes)) next.event = "";
    var url = location.pathname + D.query(next) + location.hash;
    var now = Date.now();
    var replace = how === "replace" ||
      (how === "merge" && kind === lastPush.kind && now - lastPush.time < 1500);
    if (replace) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    lastPush = { kind: kind || "", time: now };
    return apply(next);
  }

  function remember(id) {
    var next = Object.assign({}, state, { event: id });
    history.replaceState({ pcr: { scroll: window.scrollY, shown: list.shown } }, "",
      location.pathname + D.query(next) + location.hash);
  }

  function windowDays() {
    if (!state.from && !state.to) return null;
    var first = model.events.length ? band.bins[0].start : 0;
    var last = model.events.length ? band.bins[band.bins.length - 1].end - 1 : 0;
    return [state.from ? D.dayOf(state.from) : first, state.to ? D.dayOf(state.to) : last];
  }

  function windowPhrase() {
    var days = windowDays();
    return days ? " " + band.label(days[0], days[1]) + "." : "";
  }

  function onWindow(days, how) {
    var changes = days ? { from: D.isoOf(days[0]), to: D.isoOf(days[1]) } : { from: "", to: "" };
    rangeError.textContent = "";
    change(changes, "window", how);
  }

  function toggleRegion(code) {
    change({ region: state.region === code ? "" : code }, "region", "push");
  }

  // --- the form --------------------------------------------------------------------------
  function writeForm() {
    // Never rewrite the words box under the reader's fingers.
    if (document.activeElement !== form.elements.text) form.elements.text.value = state.text;
    ["theme", "region", "actor", "order"].forEach(function (name) {
      form.elements[name].value = state[name];
    });
    if (!rangeError.textContent) {
      form.elements.from.value = state.from;
      form.elements.to.value = state.to;
    }
    sayDates();
  }

  /* Each date box's date in the page's language beneath it: the box itself writes it as the
     browser's language does, whatever the page's. */
  function sayDates() {
    ["from", "to"].forEach(function (name) {
      var said = document.getElementById("pcr-" + name + "-said");
      var value = form.elements[name].value;
      var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      said.textContent = m
        ? D.format(words.date_day, { d: +m[3], m: words.months[+m[2] - 1], y: +m[1] })
        : "";
    });
  }

  /* Each option says how many events choosing it would leave. */
  function counts(result) {
    Object.keys(SELECTS).forEach(function (name) {
      var select = form.elements[name];
      var tally = result[ROWS[name]];
      var at = model[SELECTS[name]];
      for (var n = 1; n < select.options.length; n++) {
        var option = select.options[n];
        var count = tally[at[option.value]] || 0;
        var text = D.format(words.option_count, { label: option.getAttribute("data-label"), n: D.number(count, lang) });
        if (option.textContent !== text) option.textContent = text;
      }
    });
  }

  function writeChips() {
    chips.textContent = "";
    var active = [];
    if (state.text) active.push([D.format(words.chip_words, { value: state.text }), { text: "" }]);
    Object.keys(SELECTS).forEach(function (name) {
      if (!state[name]) return;
      var row = model.index[ROWS[name]][model[SELECTS[name]][state[name]]];
      active.push([words["filter_" + name] + ": " + row[1], (function () { var c = {}; c[name] = ""; return c; })()]);
    });
    var days = windowDays();
    if (days) active.push([band.label(days[0], days[1]), { from: "", to: "" }]);
    active.forEach(function (item) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pcr-chip";
      button.textContent = item[0];
      button.setAttribute("aria-label", D.format(words.chip_remove, { label: item[0] }));
      button.addEventListener("click", function () {
        if ("text" in item[1]) form.elements.text.value = "";
        change(item[1], "chip", "push").then(function () {
          var next = chips.querySelector("button") || form.elements.text;
          next.focus();
        });
      });
      chips.appendChild(button);
    });
    chips.hidden = active.length === 0;
  }

  function writeScopes(placeCounts) {
    var box = document.getElementById("pcr-scopes");
    box.textContent = "";
    model.index.places.forEach(function (row, at) {
      if (!row[3]) return; // scopes only: national, abroad
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pcr-chip pcr-chip--scope";
      button.textContent = row[1] + ": " + D.number(placeCounts[at], lang);
      button.setAttribute("aria-pressed", String(state.region === row[0]));
      button.setAttribute("aria-label", row[1] + ": " + D.plural(words.n_events, placeCounts[at], lang));
      button.addEventListener("click", function () { toggleRegion(row[0]); });
      box.appendChild(button);
    });
  }

  function readDates() {
    var from = form.elements.from.value, to = form.elements.to.value;
    if (from && to && from > to) {
      rangeError.textContent = words.range_reversed;
      form.elements.from.setAttribute("aria-invalid", "true");
      form.elements.to.setAttribute("aria-invalid", "true");
      return;
    }
    rangeError.textContent = "";
    form.elements.from.removeAttribute("aria-invalid");
    form.elements.to.removeAttribute("aria-invalid");
    if (from !== state.from || to !== state.to) change({ from: from, to: to }, "dates", "push");
  }

  function listen() {
    var typing = null;
    // Enter in the words box applies them at once, without waiting for the typing pause.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(typing);
      var text = form.elements.text.value.trim();
      if (text !== state.text) change({ text: text }, "text", "merge");
    });
    form.addEventListener("change", function (event) {
      var name = event.target.name;
      if (name === "from" || name === "to") return readDates();
      if (name === "text") return;
      var changes = {};
      changes[name] = event.target.value;
      change(changes, name, "push");
    });
    // The order belongs to the form (form="pcr-filters") but stands above the list.
    form.elements.order.addEventListener("change", function (event) {
      change({ order: event.target.value }, "order", "push");
    });
    form.addEventListener("input", function (event) {
      if (event.target.name === "from" || event.target.name === "to") return sayDates();
      if (event.target.name !== "text") return;
      clearTimeout(typing);
      typing = setTimeout(function () {
        change({ text: event.target.value.trim() }, "text", "merge");
      }, 250);
    });
    form.addEventListener("reset", function (event) {
      event.preventDefault();
      form.elements.text.value = "";
      rangeError.textContent = "";
      change(D.emptyState(), "reset", "push");
    });
    window.addEventListener("popstate", function (event) {
      rangeError.textContent = "";
      lastPush = { kind: "", time: 0 };
      form.elements.text.value = new URLSearchParams(location.search).get("text") || "";
      apply(D.readState(location.search, model), event.state && event.state.pcr);
    });
    // The place in the list is saved as the reader leaves, by whatever link: saving it while
    // they scroll could replace the history entry while Back was on its way to another.
    window.addEventListener("pagehide", function () {
      var saved = { pcr: { scroll: window.scrollY, shown: list.shown } };
      history.replaceState(saved, "", location.href);
    });
  }
})();
