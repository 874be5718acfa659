/* The theme's search, loaded when the reader first reaches for it rather than on every page.
 *
 * Material's bundle asks for the search index (search/search_index.json: about 70 KB gzipped
 * per language for the real record, megabytes for a large one) and starts its search worker
 * (12 KB gzipped; on Spanish pages the worker then loads 4 KB of Spanish stemmers) as soon as
 * any page loads, though most readers never search. This script runs just before the bundle
 * and holds those three things back until the reader's first search gesture: focus on or a
 * press in the search box, a press on its header button, or one of the theme's search keys
 * (/, s, f). Meanwhile the theme shows "Initializing search"; once the index is in it reads
 * the box again, so a query typed at once gets its results on the first try.
 *
 * Measured on the real record's timeline page (first load, gzipped as GitHub Pages sends it):
 * 264 KB with the theme's eager search, 196 KB holding back the index only, 184 KB holding back
 * the worker too. The worker is held as well because it is 12 KB of every first visit, and,
 * started at the same gesture, it downloads beside the larger index: the first search waits
 * for the index either way.
 *
 * Each language has its own index under the page's "base" address (the plugin's on_post_page),
 * so holding back whatever index the theme asks for covers both. Opened from disk (the
 * offline copy) the theme loads the index as a script, search_index.js, appended to <head>,
 * and its worker is offline.js's frame stand-in: the same holds cover both.
 *
 * On the published site the theme's index holds its settings and no pages: Pagefind answers the
 * theme's questions instead of its worker (search-pagefind.js, imported on the first search, with
 * Pagefind's own script, which the script tag names in data-pagefind), fetching only the chunks
 * of the index that a query needs. The theme's worker is then never fetched.
 */
(function () {
  "use strict";

  if (!document.forms.namedItem("search")) return; // a page without the theme's search

  var INDEX = /\/search\/search_index\.js(on)?$/;
  var KEYS = ["/", "s", "f"];
  var FOLDING_WORKER = "peru-timeline-search.js";
  var params = new URLSearchParams(location.search);
  var started = false;
  var waiting = [];
  var restore = [];

  // Runs `fn` once the reader has reached for search (at once if they already have).
  function whenSearching(fn) {
    if (started) fn();
    else waiting.push(fn);
  }

  function start() {
    if (started) return;
    started = true;
    // From now on the theme's own requests go straight out: the originals come back.
    restore.splice(0).forEach(function (undo) { undo(); });
    waiting.splice(0).forEach(function (fn) { fn(); });
  }

  function isIndex(url) {
    try {
      return INDEX.test(new URL(url, document.baseURI).pathname);
    } catch (error) {
      return false;
    }
  }

  // The index over HTTP: Material 9.8 asks with XMLHttpRequest (its `request` helper), its
  // listeners set between open() and send(), so holding back send() is enough.
  var xhr = XMLHttpRequest.prototype;
  var open = xhr.open;
  var send = xhr.send;
  var held = new WeakSet();
  xhr.open = function (method, url) {
    if (isIndex(url)) held.add(this);
    else held.delete(this);
    return open.apply(this, arguments);
  };
  xhr.send = function () {
    var request = this;
    var args = arguments;
    if (!held.has(request)) return send.apply(request, args);
    held.delete(request);
    whenSearching(function () { send.apply(request, args); });
  };
  restore.push(function () {
    xhr.open = open;
    xhr.send = send;
  });

  // The index from disk: the theme appends a <script src=".../search_index.js"> to <head> and
  // listens for its load event, which comes when the script is appended after all. (Its search
  // waits for the search box from disk already; its highlighter, search.highlight in
  // mkdocs.yml, is what asks for the index at once.)
  var head = document.head;
  head.appendChild = function (node) {
    if (node instanceof HTMLScriptElement && isIndex(node.src)) {
      whenSearching(function () { Node.prototype.appendChild.call(head, node); });
      return node;
    }
    return Node.prototype.appendChild.call(head, node);
  };
  restore.push(function () { delete head.appendChild; });

  // The search worker: the theme only posts to it once the index is in, so a stand-in that
  // starts the real one on the reader's gesture (or on a first message, whichever comes first)
  // changes nothing but when its script is fetched. Started at the gesture, it downloads
  // beside the index rather than after it.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var script = document.currentScript;
  var pagefind = script && script.dataset.pagefind
    ? new URL(script.dataset.pagefind, document.baseURI).href
    : null;
  var PAGEFIND_ANSWERS = "search-pagefind.js";
  var workerUrl = new URL(config.search, document.baseURI).href;
  var RealWorker = window.Worker;

  // The theme's worker, started through search-worker.js, which makes it forgive accents; that
  // script lives beside the theme's worker and is told its name.
  function foldingWorker(url) {
    var theme = new URL(url, document.baseURI);
    var name = theme.pathname.split("/").pop();
    return new URL(FOLDING_WORKER + "?theme=" + encodeURIComponent(name), theme).href;
  }

  // Each answer to a query (the theme's message type 3) is announced on the document with its
  // number of results, for search-elsewhere.js. Pagefind's answers count their results
  // (`total`): the theme's count is then that number as written, where the theme would round
  // it past 999 ("1.2k").
  function announce(data) {
    var items = data && data.type === 3 && data.data && data.data.items;
    if (!Array.isArray(items)) return;
    var total = typeof data.data.total === "number" ? data.data.total : items.length;
    var meta = document.querySelector(".md-search-result__meta");
    var words = config.translations && config.translations["search.result.other"];
    if (typeof data.data.total === "number" && total > 1 && meta && words) {
      meta.textContent = words.replace("#", total);
    }
    var detail = { count: total };
    document.dispatchEvent(new CustomEvent("pcr-search-results", { detail: detail }));
  }

  // Pagefind's answers to the theme's messages (search-pagefind.js, beside this script), loaded
  // once with Pagefind itself.
  var answering = null;
  function pagefindAnswers() {
    if (!answering) {
      var module = new URL(PAGEFIND_ANSWERS, script.src).href;
      answering = import(module).then(function (answers) {
        return answers.searcher(pagefind);
      });
    }
    return answering;
  }

  class SearchWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.onmessage = null;
      this.onerror = null;
      this.url = url;
      this.options = options;
      this.worker = null;
      var self = this;
      whenSearching(function () { self.started(); });
    }

    started() {
      if (this.worker) return this.worker;
      var self = this;
      if (pagefind) {
        this.worker = { postMessage: function (data) { self.answered(data); }, terminate: function () {} };
        pagefindAnswers();
        return this.worker;
      }
      var worker = new RealWorker(foldingWorker(this.url), this.options);
      ["message", "messageerror", "error"].forEach(function (type) {
        worker.addEventListener(type, function (event) {
          var copy = type === "error"
            ? new Event("error")
            : new MessageEvent(type, { data: event.data });
          self.dispatchEvent(copy);
          if (typeof self["on" + type] === "function") self["on" + type](copy);
          if (type === "message") announce(event.data);
        });
      });
      this.worker = worker;
      return worker;
    }

    // A theme message answered by Pagefind, the answer dispatched as the worker's would be.
    answered(data) {
      var self = this;
      pagefindAnswers()
        .then(function (answer) {
          return answer(data, function (reply) {
            var copy = new MessageEvent("message", { data: reply });
            self.dispatchEvent(copy);
            if (typeof self.onmessage === "function") self.onmessage(copy);
            announce(reply);
          });
        })
        .catch(function (error) {
          var copy = new ErrorEvent("error", { error: error, message: String(error) });
          self.dispatchEvent(copy);
          if (typeof self.onerror === "function") self.onerror(copy);
          console.error(error);
        });
    }

    postMessage(data, transfer) {
      this.started().postMessage(data, transfer);
    }

    terminate() {
      if (this.worker) this.worker.terminate();
    }
  }

  // Kept once search has started: an address with ?q= starts it before the theme makes its
  // worker, which must still be the stand-in (Pagefind's answers, or the accent-forgiving one).
  window.Worker = function (url, options) {
    var search = new URL(url, document.baseURI).href === workerUrl;
    return search ? new SearchWorker(url, options) : new RealWorker(url, options);
  };

  // The reader reaches for search.
  function inSearch(target) {
    return target instanceof Element && !!target.closest("form[name=search], label[for=__search]");
  }
  function typing(target) {
    return target instanceof Element &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }
  function listen(type, test) {
    function handler(event) { if (test(event)) start(); }
    document.addEventListener(type, handler, true);
    restore.push(function () { document.removeEventListener(type, handler, true); });
  }
  listen("focusin", function (event) { return inSearch(event.target); });
  listen("pointerdown", function (event) { return inSearch(event.target); });
  listen("click", function (event) { return inSearch(event.target); });
  listen("keydown", function (event) {
    var plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    return plain && KEYS.indexOf(event.key) !== -1 && !typing(event.target);
  });
  listen("change", function (event) {
    return event.target instanceof Element && event.target.id === "__search";
  });

  // The theme reads the search box on keyup only: text that arrives without one (a phone's
  // keyboard suggestion, an input method's accented letter, a paste from the menu) is searched
  // as a keyup would be.
  var box = document.querySelector("form[name=search] input[name=query]");
  if (box) {
    box.addEventListener("input", function (event) {
      if (!event.isComposing) box.dispatchEvent(new KeyboardEvent("keyup"));
    });
  }

  // The words a search result's link asks to highlight (?h=) come folded from the accent-
  // forgiving worker (search-worker.js): "balcazar" for a page that writes "Balcázar". The
  // theme's highlighter matches words as written, so the page's own spellings of those words
  // join them in the address before the theme reads it.
  var MARKS = /[\u0300-\u036f]/g;
  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").normalize("NFC");
  }
  function withPageSpellings(terms, text) {
    var wanted = terms.map(function (term) { return fold(term.toLowerCase()); });
    var found = new Set(terms);
    (text.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
      var lower = word.toLowerCase().normalize("NFC");
      var folded = fold(lower);
      if (folded === lower || folded.length !== lower.length) return;
      wanted.forEach(function (term) {
        if (term && folded.startsWith(term)) found.add(lower.slice(0, term.length));
      });
    });
    return Array.from(found);
  }
  var article = document.querySelector("article");
  if (params.get("h") && article) {
    var terms = params.get("h").split(/\s+/).filter(Boolean);
    var spellings = withPageSpellings(terms, article.textContent);
    if (spellings.length > terms.length) {
      var address = new URL(location.href);
      address.searchParams.set("h", spellings.join(" "));
      history.replaceState(history.state, "", address.href);
    }
  }

  // An address that opens search (?q=) or highlights a search's words (?h=, the links of
  // search results: the theme's highlighter reads the index's settings) needs the index now.
  if (params.has("q") || params.has("h")) start();
})();
