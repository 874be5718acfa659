/* The explorer's list: the events that match, a page at a time, grouped by month.
 *
 * Only what a reader has asked for is in the page: PAGE entries at first, the next PAGE each time
 * the "Show more" button is pressed; each page's titles and texts come from the list shards it
 * needs. Entries are built with textContent only: no record text is ever
 * parsed as HTML.
 */
(function () {
  "use strict";

  var X = (window.pcrExplorer = window.pcrExplorer || {});
  var PAGE = 50;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function EventList(root, model, folder, words, hooks) {
    this.root = root;
    this.model = model;
    this.folder = folder;
    this.words = words;
    this.hooks = hooks; // {point(event or null), open(event)}
    this.order = [];
    this.shown = 0;
    this.selected = null;
    this.generation = 0;
  }

  /* Show `order` (event indices, in reading order) from the top, with at least `atLeast`
   * entries (and the selected event) rendered. Resolves once they are in the page. */
  EventList.prototype.show = function (order, atLeast, selected) {
    this.order = order;
    this.selected = selected;
    this.shown = 0;
    this.generation++;
    var want = Math.max(PAGE, atLeast || 0);
    if (selected) {
      var at = order.indexOf(selected.i);
      if (at >= 0) want = Math.max(want, Math.ceil((at + 1) / PAGE) * PAGE);
    }
    return this._render(Math.min(want, order.length), true);
  };

  EventList.prototype.more = function (focus) {
    if (this.busy || this.shown >= this.order.length) return Promise.resolve();
    var first = this.shown;
    var list = this;
    return this._render(Math.min(this.shown + PAGE, this.order.length), false).then(function () {
      if (!focus) return;
      var entry = list.root.querySelectorAll("article.pcr-entry")[first];
      if (entry) entry.querySelector("a").focus();
    });
  };

  EventList.prototype._render = function (until, fresh) {
    var list = this;
    var generation = this.generation;
    var indices = this.order.slice(fresh ? 0 : this.shown, until);
    this.busy = true;
    return this.model.loadRows(this.folder, indices).then(function () {
      list.busy = false;
      if (generation !== list.generation) return; // a newer filter replaced this list
      var fragment = document.createDocumentFragment();
      var group = fresh ? null : list.lastGroup;
      indices.forEach(function (i) {
        var event = list.model.events[i];
        var label = list._group(event);
        if (label !== group) {
          group = label;
          fragment.appendChild(element("h3", "pcr-results__group", label));
        }
        fragment.appendChild(list._entry(event));
      });
      list.lastGroup = group;
      var old = list.root.querySelector(".pcr-more");
      if (old) old.remove();
      if (fresh) list.root.textContent = "";
      list.root.appendChild(fragment);
      list.shown = until;
      list._moreButton();
    }, function (error) {
      list.busy = false;
      throw error;
    });
  };

  EventList.prototype._moreButton = function () {
    var left = this.order.length - this.shown;
    if (left <= 0) return;
    var list = this;
    var button = element("button", "md-button pcr-more",
      this.words.filter_show_more + " (" + X.data.number(left, this.words.lang) + ")");
    button.type = "button";
    button.addEventListener("click", function () { list.more(true); });
    // A button, not an endless scroll: the reader decides, and the page keeps an end.
    this.root.appendChild(button);
  };

  /* The month (or year) an event's date names, as the period pages head it. */
  EventList.prototype._group = function (event) {
    var iso = event.row[2];
    var months = this.words.months;
    var year = iso.slice(0, 4);
    if (iso.length === 4) return X.data.format(this.words.month_unknown, { y: year });
    return X.data.format(this.words.date_month, { m: months[+iso.slice(5, 7) - 1], y: year });
  };

  EventList.prototype._entry = function (event) {
    var words = this.words;
    var index = this.model.index;
    var row = event.row;
    var list = this;
    var article = element("article", "pcr-entry");
    article.setAttribute("data-event", row[0]);
    if (this.selected && this.selected.i === event.i) {
      article.classList.add("is-selected");
      article.appendChild(element("p", "pcr-entry__selected", words.selected_event));
    }
    var heading = element("h4");
    var link = element("a", "", row[3]);
    link.href = index.eventUrl.replace("{id}", encodeURIComponent(row[0]));
    if (row[6]) link.lang = "en";
    link.addEventListener("click", function () { list.hooks.open(event); });
    heading.appendChild(link);
    article.appendChild(heading);
    var meta = element("p", "pcr-entry__meta");
    var time = element("time", "", row[1]);
    time.setAttribute("datetime", row[2]);
    meta.appendChild(time);
    function separator() { meta.appendChild(document.createTextNode(" · ")); }
    event.themes.forEach(function (at) {
      separator();
      meta.appendChild(anchor(index.themes[at]));
    });
    event.places.forEach(function (at) {
      separator();
      meta.appendChild(anchor(index.places[at]));
    });
    separator();
    meta.appendChild(document.createTextNode(X.data.plural(words.n_sources, row[5], words.lang)));
    separator();
    var status = { v: "verified", r: "reported", a: "alleged" }[event.status];
    meta.appendChild(element("span", "pcr-status pcr-status--" + status, words.statuses[status]));
    if (event.differ) {
      separator();
      meta.appendChild(element("span", "pcr-differ", words.sources_differ));
    }
    article.appendChild(meta);
    var text = element("p", "", row[4]);
    if (row[6]) text.lang = "en";
    article.appendChild(text);
    article.addEventListener("mouseenter", function () { list.hooks.point(event); });
    article.addEventListener("mouseleave", function () { list.hooks.point(null); });
    article.addEventListener("focusin", function () { list.hooks.point(event); });
    article.addEventListener("focusout", function (e) {
      if (!article.contains(e.relatedTarget)) list.hooks.point(null);
    });
    return article;
  };

  function anchor(row) {
    var a = element("a", "", row[1]);
    a.href = row[2];
    return a;
  }

  /* The rendered entry of the event `id`, if any. */
  EventList.prototype.entryOf = function (id) {
    return this.root.querySelector('article[data-event="' + CSS.escape(id) + '"]');
  };

  X.EventList = EventList;
})();
