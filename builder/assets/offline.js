/* The offline copy's search, read from disk (file://): published only in that copy.
 *
 * A page opened from disk may not start a web worker, and the theme runs its search in one.
 * This stands in for Worker with a hidden frame of the same page: the worker's script runs in
 * the frame, messages are passed as events, and importScripts loads scripts into the frame in
 * order (the theme's worker awaits it). The theme's worker looks for the name IFrameWorker on
 * its parent to find its language scripts beside its own.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:") return;

  // The theme reads sitemap.xml (to find a page's other versions) with a request that a page
  // opened from disk may not make: Chromium logged a CORS error on every page of the copy. It
  // gets an empty sitemap instead, which the theme reads as "no other versions", as it reads a
  // failed request; the language switch does not need it.
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(new URL(String(url), document.baseURI).pathname)) {
      args[1] = 'data:text/xml,<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>';
    }
    return open.apply(this, args);
  };

  function loadScript(frameDocument, url) {
    return new Promise(function (resolve, reject) {
      var script = frameDocument.createElement("script");
      script.src = new URL(url, document.baseURI).href;
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error("cannot load " + script.src)); };
      frameDocument.body.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("aria-hidden", "true");
      frame.tabIndex = -1;
      document.body.appendChild(frame);
      var scope = frame.contentWindow;
      var frameDocument = frame.contentDocument;
      if (!frameDocument.body) frameDocument.documentElement.appendChild(frameDocument.createElement("body"));
      // What the worker's script calls: postMessage answers this page, importScripts loads.
      scope.postMessage = function (data) {
        var message = new MessageEvent("message", { data: structuredClone(data) });
        setTimeout(function () {
          worker.dispatchEvent(message);
          if (typeof worker.onmessage === "function") worker.onmessage(message);
        }, 0);
      };
      scope.importScripts = function () {
        return Array.prototype.reduce.call(arguments, function (done, script) {
          return done.then(function () { return loadScript(frameDocument, script); });
        }, Promise.resolve());
      };
      this.frame = frame;
      // The accent-folding worker (search-worker.js) loads the theme's worker after itself.
      this.ready = loadScript(frameDocument, url).then(function () { return scope.__peruSearchReady; });
      this.onmessage = null;
    }

    postMessage(data) {
      var scope = this.frame.contentWindow;
      var copy = structuredClone(data);
      this.ready.then(function () {
        scope.dispatchEvent(new scope.MessageEvent("message", { data: copy }));
      });
    }

    terminate() {
      this.frame.remove();
    }
  }

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
