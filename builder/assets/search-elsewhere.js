/* A search that finds nothing in this language offers the same search in the other one.
 *
 * "tropas" on the English pages, or "troops" on the Spanish ones, finds nothing: under the
 * theme's "No matching documents" the reader gets a link to the same page in the other language
 * with the search open on the same words (?q=, which the theme reads on load). The link's words
 * are the language switch's (data-search, in the other language, as the switch names it).
 * search-on-demand.js announces each answer of the search worker with a `pcr-search-results`
 * event on the document, carrying how many results it found.
 */
(function () {
  "use strict";

  var switches = document.querySelectorAll("a.pcr-lang__switch[data-search]");
  var input = document.querySelector("form[name=search] input[name=query]");
  var meta = document.querySelector(".md-search-result__meta");
  if (!switches.length || !input || !meta) return;

  var box = document.createElement("p");
  box.className = "pcr-search-elsewhere";
  box.hidden = true;
  meta.insertAdjacentElement("afterend", box);

  function offer(query) {
    box.textContent = "";
    switches.forEach(function (other) {
      var address = new URL(other.getAttribute("href"), document.baseURI);
      address.searchParams.set("q", query);
      var link = document.createElement("a");
      link.href = address.href;
      link.hreflang = other.hreflang;
      link.lang = other.lang;
      link.textContent = other.dataset.search.replace("{query}", query);
      box.appendChild(link);
    });
    box.hidden = false;
  }

  document.addEventListener("pcr-search-results", function (event) {
    var query = input.value.trim();
    if (event.detail.count === 0 && query) offer(query);
    else box.hidden = true;
  });
  input.addEventListener("input", function () {
    if (!input.value.trim()) box.hidden = true;
  });
})();
