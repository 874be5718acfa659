/* The explorer's data and filters: loading the data files, the filters' state in the address,
 * and the counts that the band, the map, the list and the form show.
 *
 * The data files are scripts calling pcrExplorerLoad(name, data) (builder/site/explorer_data.py):
 * a page opened from disk (the offline copy) can load a script but not fetch a file.
 * Dates are whole days since 1970-01-01 (UTC), so comparing them is comparing numbers.
 */
(function () {
  "use strict";

  var X = (window.pcrExplorer = window.pcrExplorer || {});
  var DAY = 86400000;
  var pending = {};
  var loaded = {};

  window.pcrExplorerLoad = function (name, data) {
    loaded[name] = data;
    if (pending[name]) pending[name].resolve(data);
  };

  /* The data file `name` (without .js) from `folder`, loaded once. */
  function load(folder, name) {
    if (!pending[name]) {
      var entry = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        entry.reject = reject;
      });
      pending[name] = entry;
      if (loaded[name]) {
        entry.resolve(loaded[name]);
      } else {
        var script = document.createElement("script");
        script.src = folder + name + ".js";
        script.onload = function () {
          if (!loaded[name]) entry.reject(new Error("no data in " + script.src));
        };
        script.onerror = function () {
          delete pending[name]; // a later attempt may retry
          script.remove();
          entry.reject(new Error("cannot load " + script.src));
        };
        document.head.appendChild(script);
      }
    }
    return pending[name].promise;
  }

  function fold(text) {
    // Accents optional: "peru" finds "Perú", "jeri" finds "Jerí".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function dayOf(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return null;
    var time = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    var date = new Date(time);
    if (date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) return null;
    return Math.round(time / DAY);
  }

  function isoOf(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  /* The record as the index describes it: one object per event, in date order. */
  function Model(index) {
    var columns = index.events;
    this.index = index;
    this.count = index.count;
    this.events = columns.start.map(function (start, i) {
      return {
        i: i,
        start: start,
        end: start + columns.length[i],
        themes: columns.themes[i],
        places: columns.places[i],
        actors: columns.actors[i],
        status: columns.status.charAt(i),
        differ: columns.differ.charAt(i) === "1",
        row: null, // [id, when, iso, title, short, sources, fallback] from its list shard
        folded: null, // title and text, folded, once its text shard has loaded
      };
    });
    this.themeAt = lookup(index.themes);
    this.placeAt = lookup(index.places);
    this.actorAt = lookup(index.actors);
    this.byId = null;
  }

  function lookup(rows) {
    var at = {};
    rows.forEach(function (row, n) { at[row[0]] = n; });
    return at;
  }

  /* Shard k holds the events (count - (k+1)·size, count - k·size]: shard 0 the newest. */
  Model.prototype.shardOf = function (i) {
    return Math.floor((this.count - 1 - i) / this.index.shardSize);
  };

  Model.prototype.shards = function () {
    return Math.max(1, Math.ceil(this.count / this.index.shardSize));
  };

  Model.prototype.loadRows = function (folder, indices) {
    var model = this;
    var wanted = {};
    indices.forEach(function (i) {
      if (!model.events[i].row) wanted[model.shardOf(i)] = true;
    });
    return Promise.all(Object.keys(wanted).map(function (k) {
      return load(folder, "list-" + k).then(function (rows) { model._rows(+k, rows); });
    }));
  };

  Model.prototype._rows = function (k, rows) {
    var first = Math.max(0, this.count - (k + 1) * this.index.shardSize);
    for (var n = 0; n < rows.length; n++) this.events[first + n].row = rows[n];
  };

  /* Every shard's rows and texts: what the word filter searches. */
  Model.prototype.loadTexts = function (folder) {
    var model = this;
    var jobs = [];
    for (var k = 0; k < this.shards(); k++) {
      jobs.push(Promise.all([load(folder, "list-" + k), load(folder, "text-" + k)]).then(
        function (k, parts) {
          model._rows(k, parts[0]);
          var first = Math.max(0, model.count - (k + 1) * model.index.shardSize);
          parts[1].forEach(function (text, n) {
            var event = model.events[first + n];
            event.folded = fold(event.row[3] + " " + text);
          });
        }.bind(null, k)
      ));
    }
    return Promise.all(jobs);
  };

  Model.prototype.textsLoaded = function () {
    return this.count === 0 || this.events[0].folded !== null;
  };

  /* The event whose id is `id`, or undefined. An id begins with the event's date
   * (2026-06-07-…), so only the shards of the events starting that day are loaded; an id
   * that does not costs every shard. */
  Model.prototype.findId = function (folder, id) {
    var model = this;
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(id);
    var day = m ? dayOf(m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01")) : null;
    var wanted = this.events.filter(function (e) { return day === null || e.start === day; });
    return this.loadRows(folder, wanted.map(function (e) { return e.i; })).then(function () {
      var found = wanted.filter(function (e) { return e.row[0] === id; })[0];
      if (found || day === null) return found;
      return model._findAnywhere(folder, id);
    });
  };

  Model.prototype._findAnywhere = function (folder, id) {
    var model = this;
    var all = this.events.map(function (e) { return e.i; });
    return this.loadRows(folder, all).then(function () {
      if (!model.byId) {
        model.byId = {};
        model.events.forEach(function (e) { model.byId[e.row[0]] = e; });
      }
      return model.byId[id];
    });
  };

  // --- the state: what the address says --------------------------------------------------
  var FIELDS = ["text", "theme", "region", "actor", "from", "to", "order", "event"];

  function emptyState() {
    var state = {};
    FIELDS.forEach(function (name) { state[name] = ""; });
    return state;
  }

  /* The state in the query string `search`; values the record does not know are dropped. */
  function readState(search, model) {
    var params = new URLSearchParams(search);
    var state = emptyState();
    FIELDS.forEach(function (name) { state[name] = (params.get(name) || "").trim(); });
    if (state.theme && !(state.theme in model.themeAt)) state.theme = "";
    if (state.region && !(state.region in model.placeAt)) state.region = "";
    if (state.actor && !(state.actor in model.actorAt)) state.actor = "";
    if (dayOf(state.from) === null) state.from = "";
    if (dayOf(state.to) === null) state.to = "";
    if (state.from && state.to && state.from > state.to) state.to = "";
    if (state.order !== "oldest") state.order = "";
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  function sameFilters(a, b) {
    return FIELDS.every(function (name) { return name === "event" || a[name] === b[name]; });
  }

  // --- filtering -------------------------------------------------------------------------
  var TEXT = 1, THEME = 2, PLACE = 4, ACTOR = 8, WINDOW = 16;

  /* One pass over the events: what matches every filter, and what each facet's options,
   * the map and the band would show with every filter but their own. */
  function compute(model, state) {
    var terms = fold(state.text).split(/\s+/).filter(Boolean);
    var theme = state.theme ? model.themeAt[state.theme] : -1;
    var place = state.region ? model.placeAt[state.region] : -1;
    var actor = state.actor ? model.actorAt[state.actor] : -1;
    var from = state.from ? dayOf(state.from) : -Infinity;
    var to = state.to ? dayOf(state.to) : Infinity;
    var useText = terms.length > 0 && model.textsLoaded();
    var result = {
      matched: [],
      themes: zeros(model.index.themes.length),
      places: zeros(model.index.places.length),
      actors: zeros(model.index.actors.length),
      placeEvents: [], // every event but the place filter keeps, for the map
      windowEvents: [], // every event but the window keeps, for the band
    };
    var events = model.events;
    for (var n = 0; n < events.length; n++) {
      var e = events[n];
      var fails = 0;
      if (useText) {
        for (var t = 0; t < terms.length; t++) {
          if (e.folded.indexOf(terms[t]) < 0) { fails |= TEXT; break; }
        }
      }
      if (theme >= 0 && e.themes.indexOf(theme) < 0) fails |= THEME;
      if (place >= 0 && e.places.indexOf(place) < 0) fails |= PLACE;
      if (actor >= 0 && e.actors.indexOf(actor) < 0) fails |= ACTOR;
      // A period or an imprecise date matches when its span overlaps the window.
      if (e.end < from || e.start > to) fails |= WINDOW;
      if (fails === 0) result.matched.push(n);
      if ((fails & ~THEME) === 0) add(result.themes, e.themes);
      if ((fails & ~PLACE) === 0) {
        add(result.places, e.places);
        result.placeEvents.push(n);
      }
      if ((fails & ~ACTOR) === 0) add(result.actors, e.actors);
      if ((fails & ~WINDOW) === 0) result.windowEvents.push(n);
    }
    return result;
  }

  function zeros(n) {
    var out = new Array(n);
    for (var i = 0; i < n; i++) out[i] = 0;
    return out;
  }

  function add(counts, indices) {
    for (var i = 0; i < indices.length; i++) counts[indices[i]]++;
  }

  // --- words -----------------------------------------------------------------------------
  /* A number as the page's language writes it: Spanish groups thousands from five digits. */
  function number(n, lang) {
    var text = String(n);
    if (lang === "es") {
      return text.length > 4 ? text.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0") : text;
    }
    return text.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function plural(forms, n, lang) {
    var key = n === 0 && forms.none ? "none" : n === 1 ? "one" : "other";
    return forms[key].replace("{n}", number(n, lang));
  }

  function format(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, name) {
      return name in values ? values[name] : all;
    });
  }

  X.data = {
    DAY: DAY,
    load: load,
    Model: Model,
    fold: fold,
    dayOf: dayOf,
    isoOf: isoOf,
    emptyState: emptyState,
    readState: readState,
    query: query,
    sameFilters: sameFilters,
    compute: compute,
    number: number,
    plural: plural,
    format: format,
  };
})();
