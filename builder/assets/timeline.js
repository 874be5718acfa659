/* The timeline filter: narrows the events by theme, region, actor, dates and words.
 *
 * The page lists every event by period without this script. The script fetches the
 * gzip-compressed event data only when a reader starts using the form (or opens a filtered
 * address), filters in the browser, and mirrors the filters in the address so it can be shared.
 * Opened from disk (the offline copy), it loads the same data from events.js instead.
 * It builds elements with textContent only: no record text is ever parsed as HTML.
 */
(function () {
  "use strict";

  var form = document.getElementById("pcr-filters");
  if (!form) return;
  var results = document.getElementById("pcr-results");
  var status = document.getElementById("pcr-status");
  var dataLink = document.querySelector(".pcr-data-note a[href$='.json.gz']");
  var words = JSON.parse(form.getAttribute("data-strings"));
  var FIELDS = ["text", "theme", "region", "actor", "from", "to"];
  var PAGE = 100;
  var loading = null;
  var shown = [];
  var shownCount = 0;

  function fold(text) {
    // Accents optional: "peru" finds "Perú".
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function plural(forms, n) {
    var key = n === 0 && forms.none ? "none" : n === 1 ? "one" : "other";
    return forms[key].replace("{n}", n.toLocaleString("en"));
  }

  function decode(buffer) {
    var bytes = new Uint8Array(buffer);
    // A server may already have undone the gzip (Content-Encoding): then it is plain JSON.
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      if (typeof DecompressionStream === "undefined") throw new Error("no DecompressionStream");
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text().then(JSON.parse);
    }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  function fetchData() {
    return fetch(dataLink.href)
      .then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + dataLink.href);
        return response.arrayBuffer();
      })
      .then(decode);
  }

  function scriptData() {
    // A page opened from disk cannot fetch: the offline copy has the data as a script beside.
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = dataLink.href.replace(/\.json\.gz$/, ".js");
      script.onload = function () {
        if (window.pcrTimelineData) resolve(window.pcrTimelineData);
        else reject(new Error("no data in " + script.src));
      };
      script.onerror = function () {
        script.remove();
        reject(new Error("cannot load " + script.src));
      };
      document.head.appendChild(script);
    });
  }

  function load() {
    if (!loading) {
      loading = (location.protocol === "file:" ? scriptData() : fetchData())
        .then(function (data) {
          data.events.forEach(function (event) {
            event.folded = fold(event.title + " " + event.text);
          });
          return data;
        });
      loading.catch(function () {
        loading = null; // let a later attempt retry
      });
    }
    return loading;
  }

  function current() {
    var filters = {};
    FIELDS.forEach(function (name) {
      filters[name] = (form.elements[name].value || "").trim();
    });
    return filters;
  }

  function isEmpty(filters) {
    return FIELDS.every(function (name) { return !filters[name]; });
  }

  function matches(event, f, terms) {
    if (f.theme && event.themes.indexOf(f.theme) < 0) return false;
    if (f.region && event.regions.indexOf(f.region) < 0) return false;
    if (f.actor && event.actors.indexOf(f.actor) < 0) return false;
    // A period matches when it overlaps the chosen dates.
    if (f.from && event.end < f.from) return false;
    if (f.to && event.start > f.to) return false;
    for (var i = 0; i < terms.length; i++) {
      if (event.folded.indexOf(terms[i]) < 0) return false;
    }
    return true;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function anchor(text, href) {
    var a = element("a", "", text);
    a.href = new URL(href, dataLink.href).href;
    return a;
  }

  function entry(event, data) {
    var article = element("article", "pcr-entry");
    var heading = element("h3");
    heading.appendChild(anchor(event.title, event.url));
    article.appendChild(heading);
    var meta = element("p", "pcr-entry__meta");
    var time = element("time", "", event.when);
    time.setAttribute("datetime", event.date);
    meta.appendChild(time);
    function separator() { meta.appendChild(document.createTextNode(" · ")); }
    event.themes.concat(event.regions).forEach(function (id, n) {
      var label = n < event.themes.length ? data.themes[id] : data.regions[id];
      separator();
      meta.appendChild(anchor(label[0], label[1]));
    });
    separator();
    meta.appendChild(document.createTextNode(event.sources_label));
    separator();
    meta.appendChild(element("span", "pcr-status pcr-status--" + event.status, words.statuses[event.status]));
    if (event.differ) {
      separator();
      meta.appendChild(element("span", "pcr-differ", words.differ));
    }
    article.appendChild(meta);
    article.appendChild(element("p", "", event.short));
    return article;
  }

  function showMore(data) {
    var old = results.querySelector(".pcr-more");
    if (old) old.remove();
    var end = Math.min(shownCount + PAGE, shown.length);
    var group = results.lastElementChild && results.lastElementChild.getAttribute("data-group");
    for (var i = shownCount; i < end; i++) {
      var event = shown[i];
      if (event.group !== group) {
        group = event.group;
        var heading = element("h2", "pcr-results__group", group);
        heading.setAttribute("data-group", group);
        results.appendChild(heading);
      }
      var article = entry(event, data);
      article.setAttribute("data-group", group);
      results.appendChild(article);
    }
    shownCount = end;
    if (shownCount < shown.length) {
      var button = element("button", "md-button pcr-more", words.more);
      button.type = "button";
      button.addEventListener("click", function () {
        var next = shownCount;
        showMore(data);
        var first = results.querySelectorAll("article")[next];
        if (first) first.querySelector("a").focus();
      });
      results.appendChild(button);
    }
  }

  function writeAddress(filters) {
    var params = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (filters[name]) params.set(name, filters[name]);
    });
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function update() {
    var filters = current();
    writeAddress(filters);
    if (isEmpty(filters)) {
      results.hidden = true;
      results.textContent = "";
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = words.loading;
    return load().then(
      function (data) {
        if (JSON.stringify(filters) !== JSON.stringify(current())) return; // a newer update runs
        var terms = fold(filters.text).split(/\s+/).filter(Boolean);
        shown = data.events.filter(function (event) { return matches(event, filters, terms); });
        shownCount = 0;
        results.textContent = "";
        results.hidden = shown.length === 0;
        status.textContent = plural(words.results, shown.length);
        showMore(data);
      },
      function () {
        status.textContent = words.failed;
      }
    );
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var value = params.get(name);
      var field = form.elements[name];
      if (value === null) return;
      if (field.tagName === "SELECT" && !field.querySelector('option[value="' + CSS.escape(value) + '"]')) return;
      field.value = value;
    });
  }

  var typing = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
  });
  form.addEventListener("change", function () { update(); });
  form.addEventListener("input", function (event) {
    if (event.target.name !== "text") return;
    clearTimeout(typing);
    typing = setTimeout(update, 250);
  });
  form.addEventListener("reset", function () {
    setTimeout(update, 0); // after the browser has cleared the fields
  });
  // Fetch the data as soon as a reader reaches the form, not when the page loads.
  form.addEventListener("focusin", function () { load().catch(function () {}); }, { once: true });

  restore();
  form.setAttribute("data-ready", "");
  if (!isEmpty(current())) update();
})();

/* The language switch: the same page in the other language keeps the reader's filters and place.
 * Filter values are ids and codes, the same in every language, so the query carries over as is. */
(function () {
  "use strict";

  // Capture phase, and the navigation done here: the theme treats every page with
  // <link rel="alternate"> as a language selector and would send the reader elsewhere.
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest && event.target.closest("a.pcr-lang__switch");
      if (!link) return;
      link.href = link.href.split(/[?#]/)[0] + location.search + location.hash;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      location.assign(link.href);
    },
    true
  );
})();
