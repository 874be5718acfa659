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
