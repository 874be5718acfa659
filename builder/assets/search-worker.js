/* The theme's search worker, forgiving accents: Balcazar finds Balcázar, Jeri finds Jerí, Peru
 * finds Perú, Pena finds Peña, in both languages.
 *
 * search-on-demand.js starts this script in place of the theme's worker, naming the theme's
 * worker in its address (?theme=search.<hash>.min.js). It lives beside the theme's worker, which
 * finds its language scripts at ../lunr from its own address. Two changes, nothing else:
 *
 * - every word the index is built from passes through `fold` before the theme's pipeline (trimmer,
 *   stop words, stemmer), by way of lunr's Pipeline.run, which the index builder and each query
 *   term go through;
 * - every query is folded the same way before the theme's worker reads it, so a query with
 *   wildcards (which skips the pipeline) is folded too.
 *
 * `fold` maps one character to one (á → a, ñ → n, ü → u), so the positions the theme records to
 * highlight matches stay right: results show the page's own accented words, highlighted.
 *
 * Opened from disk (the offline copy), offline.js runs this script in a frame, where
 * importScripts loads scripts in order and returns a promise: the frame stand-in waits for
 * `__peruSearchReady` before it passes the first message on.
 */
(function () {
  "use strict";

  var QUERY = 2; // the theme's message type for a query (its worker's `case 2`)
  var MARKS = /[\u0300-\u036f]/g;

  function foldCharacter(character) {
    var base = character.normalize("NFD").replace(MARKS, "");
    return base.length === 1 ? base : character;
  }

  function fold(text) {
    return String(text).normalize("NFC").replace(/[^\u0000-\u007f]/g, foldCharacter);
  }

  function foldTokens(lunr) {
    var run = lunr.Pipeline.prototype.run;
    lunr.Pipeline.prototype.run = function (tokens) {
      tokens.forEach(function (token) {
        token.update(function (text) { return fold(text); });
      });
      return run.call(this, tokens);
    };
  }

  // The theme's worker sets the global `lunr` as it starts: fold its pipeline at that moment,
  // before any index is built.
  var lunrValue;
  Object.defineProperty(self, "lunr", {
    configurable: true,
    get: function () { return lunrValue; },
    set: function (value) {
      lunrValue = value;
      if (value && value.Pipeline) foldTokens(value);
    },
  });

  // The theme's worker listens for messages with addEventListener: its queries arrive folded.
  var addEventListener = self.addEventListener;
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addEventListener.call(self, type, listener, options);
    return addEventListener.call(self, type, function (event) {
      var data = event.data;
      if (!data || data.type !== QUERY || typeof data.data !== "string") {
        return listener.call(this, event);
      }
      return listener.call(this, { data: { type: QUERY, data: fold(data.data) } });
    }, options);
  };

  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;
  var theme = new URL(here).searchParams.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme)) {
    throw new Error("search-worker.js: ?theme= must name the theme's search worker");
  }
  var loaded = importScripts(new URL(theme, here).href);
  self.__peruSearchReady = loaded && typeof loaded.then === "function"
    ? loaded
    : Promise.resolve();
})();
