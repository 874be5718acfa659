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

/* The header's menu and search buttons on a narrow screen: the theme writes them as <label>s of
 * its hidden checkboxes, which a pointer can press and the keyboard cannot reach. A label may take
 * no role, so each one's icon is wrapped in a button for the keyboard and for screen readers,
 * named as the theme names what it opens (the navigation, the search box) and saying whether that
 * is open; Enter and Space press the label as a click does, so the theme opens the drawer or the
 * search as it does for a pointer. */
(function () {
  "use strict";

  var names = {
    __drawer: document.querySelector("nav.md-nav--primary"),
    __search: document.querySelector("form[name=search] input[name=query]"),
  };
  Object.keys(names).forEach(function (id) {
    var toggle = document.getElementById(id);
    var label = document.querySelector("label.md-header__button[for=" + id + "]");
    if (!toggle || !label) return;
    var button = document.createElement("span");
    button.className = "pcr-header-button";
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    var named = names[id] && names[id].getAttribute("aria-label");
    if (named) button.setAttribute("aria-label", named);
    while (label.firstChild) button.appendChild(label.firstChild);
    label.appendChild(button);
    function expanded() {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    }
    expanded();
    toggle.addEventListener("change", expanded);
    label.addEventListener("click", function () { setTimeout(expanded); });
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
      // The drawer opens over the page: the keyboard goes on in it (the search box takes the
      // focus itself).
      if (id === "__drawer" && toggle.checked && names[id]) {
        var first = names[id].querySelector("a[href], input");
        if (first) first.focus();
      }
    });
    // The closed search box is hidden below the theme's breakpoint (timeline.css), so the theme's
    // focusing of it, on the label's click, comes before the box is shown: it takes the focus
    // once open, as a phone's keyboard needs. Closed (Escape, or Tab out of it), the focus goes
    // back to the button that opened it.
    if (id === "__search" && names[id]) {
      var narrow = window.matchMedia("(max-width: 59.9844em)");
      var dialog = names[id].closest(".md-search");
      toggle.addEventListener("change", function () {
        if (!narrow.matches) return;
        var field = names[id];
        var active = document.activeElement;
        if (toggle.checked && active !== field) {
          field.focus();
        } else if (!toggle.checked && (active === document.body || dialog.contains(active))) {
          button.focus();
        }
      });
    }
    // Escape closes the drawer and gives the focus back to its button.
    if (id === "__drawer" && names[id]) {
      names[id].addEventListener("keydown", function (event) {
        if (event.key !== "Escape" || !toggle.checked) return;
        label.click();
        button.focus();
      });
    }
  });
})();

/* A table wider than the screen (the map pages' tables and the list of regions, on a phone)
 * scrolls sideways inside the theme's wrapper, which showed nothing of it and which the keyboard
 * could not reach: the last columns were simply cut at the screen's edge. Such a wrapper becomes
 * a tab stop named after its heading (the arrow keys scroll it), gets a line above it saying
 * that it scrolls, and timeline.css shades the edge where columns are hidden. A table that fits
 * is left as the theme made it. The theme wraps its tables once the page is ready (document$),
 * so this runs after it, and again when the width changes. */
(function () {
  "use strict";

  var words = {
    en: {
      hint: "Wider than the screen: scroll the table sideways to see every column.",
      region: "{name} (scrolls sideways)",
      table: "Table",
    },
    es: {
      hint: "Más ancha que la pantalla: desplace la tabla hacia el costado para ver todas las columnas.",
      region: "{name} (se desplaza hacia el costado)",
      table: "Tabla",
    },
  };
  var lang = (document.documentElement.lang || "en").slice(0, 2);
  var said = words[lang] || words.en;

  function heading(table) {
    for (var node = table; node && !node.matches("article"); node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return before.textContent.trim();
      }
    }
    return said.table;
  }

  // A column of long texts (a map's events, its notes) keeps a readable width in a table that
  // scrolls anyway, instead of one or two words a line.
  function widen(wrap) {
    var table = wrap.querySelector("table");
    if (!table || !table.tHead) return;
    var heads = table.tHead.rows[0].cells;
    for (var column = 0; column < heads.length; column++) {
      var longest = 0;
      for (var row = 0; row < table.tBodies[0].rows.length; row++) {
        var cell = table.tBodies[0].rows[row].cells[column];
        if (cell) longest = Math.max(longest, cell.textContent.length);
      }
      if (longest > 40) heads[column].classList.add("pcr-long-column");
    }
  }

  function mark(wrap) {
    var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    var hint = wrap.previousElementSibling;
    var hinted = hint && hint.classList.contains("pcr-scroll-hint");
    if (scrolls === wrap.classList.contains("pcr-scrolls")) return;
    wrap.classList.toggle("pcr-scrolls", scrolls);
    if (scrolls) {
      widen(wrap);
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", said.region.replace("{name}", heading(wrap)));
      if (!hinted) {
        hint = document.createElement("p");
        hint.className = "pcr-scroll-hint";
        hint.textContent = said.hint;
        wrap.parentNode.insertBefore(hint, wrap);
      }
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
      if (hinted) hint.remove();
    }
  }

  function markAll() {
    var wraps = document.querySelectorAll("article .md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) mark(wraps[i]);
  }

  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      markAll();
    });
  });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { setTimeout(markAll); });
  } else {
    document.addEventListener("DOMContentLoaded", markAll);
  }
})();
