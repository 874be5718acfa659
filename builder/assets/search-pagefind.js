/* The theme's search answered from Pagefind's index, on the published site.
 *
 * Pagefind (run over the built site by builder/adapter/pagefind_index.py) splits each
 * language's index into chunks fetched by the words searched, and each page's text into a
 * fragment fetched when the page is shown as a result: a first search downloads a few hundred
 * kilobytes whatever the record's size, where the theme's one index grows with every event.
 * search-on-demand.js imports this module on the reader's first search and passes it the theme's
 * messages (Material's worker protocol: SETUP, QUERY); the answers (READY, RESULT) have the
 * shapes the theme's own worker sends, so the reader sees the theme's search box and results.
 *
 * Pagefind picks the index of the page's <html lang>: English pages search English pages,
 * Spanish pages Spanish ones. It ignores accents (Balcazar finds Balcázar); queries are folded
 * here too, so that "Balcazar" and "Balcázar" rank the same pages in the same order.
 *
 * Every result is handed to the theme, whose list shows ten and then four more each time the
 * reader scrolls it to its end; only the best SHOWN come with their page's text (a fragment each,
 * fetched as the answer is made, so a first search downloads what it did when only those were
 * listed). The others are filled in place, SHOWN at a time, as the list nears them; a scroll
 * that reaches the end of the list before the next ones are filled is held until they are
 * (`feedAsScrolled`), so the theme never shows a result without its page.
 */

const READY = 1; // the theme's message types (its worker's SearchMessageType)
const RESULT = 3;
// The results whose page text comes with the answer, and how many more are fetched at a time.
export const SHOWN = 20;
// The theme renders four results each time its list is scrolled to the end (its bufferCount).
const STEP = 4;
// A query typed a letter at a time searches once typing pauses this long (milliseconds).
const PAUSE = 150;
const MARKS = /[\u0300-\u036f]/g;

function fold(text) {
  return text.normalize("NFD").replace(MARKS, "").normalize("NFC");
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The query's words as the theme's highlighter wants them (?h= on each result's link).
function termsOf(query) {
  const terms = {};
  for (const word of query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []) terms[word] = true;
  return terms;
}

// One result as the theme's worker gives it: the page first, then its sections (headings with
// an id), scored below the page so the theme folds them under "more on this page".
function item(data, score, terms) {
  const page = {
    location: data.url,
    title: escapeHtml(data.meta.title || data.url),
    text: data.excerpt,
    score,
    terms,
  };
  const sections = (data.sub_results || [])
    .filter((sub) => sub.url.includes("#"))
    .map((sub) => ({
      location: sub.url,
      title: escapeHtml(sub.title),
      text: sub.excerpt,
      score: score / 2,
      terms,
    }));
  return [page, ...sections];
}

/* The answer to one query: every result as an item of the theme's, those past the first SHOWN
 * empty until `fill` fetches their pages and writes them into the same arrays, which the theme
 * reads only when it renders them. */
class Answer {
  constructor(results, pages, terms) {
    this.results = results;
    this.terms = terms;
    this.filled = pages.length;
    // Not yet fetched: a result the theme can render (its window's "resize" is not held
    // back), as an empty entry, without failing; the scroll it needs to reach it is held.
    this.items = results.map((result, i) =>
      i < pages.length
        ? item(pages[i], result.score, terms)
        : [{ location: "", title: "", text: "", score: result.score, terms }]);
    this.filling = null;
  }

  // Whether the items before `to` have their pages.
  ready(to) {
    return Math.min(to, this.items.length) <= this.filled;
  }

  // Fetches the pages of the next SHOWN results not yet filled; resolves when they are in
  // (rejects if a fetch failed: the next scroll asks again).
  fill() {
    if (this.filling) return this.filling;
    const from = this.filled;
    const next = this.results.slice(from, from + SHOWN);
    if (!next.length) return Promise.resolve();
    this.filling = Promise.all(next.map((result) => result.data()))
      .then((pages) => {
        pages.forEach((data, i) => {
          const entry = this.items[from + i];
          entry.splice(0, entry.length, ...item(data, next[i].score, this.terms));
        });
        this.filled = from + pages.length;
      })
      .finally(() => {
        this.filling = null;
      });
    return this.filling;
  }
}

/* Keeps the theme's list fed as the reader scrolls it (or moves through it with the arrow keys,
 * which scroll it): `answer()` is the answer the list shows. The theme renders the next results
 * on a scroll event of its scrolling wrapper that finds the list's end in view; such a scroll is
 * stopped before the theme sees it while those results are being fetched, and sent again once
 * they are in. The next SHOWN are fetched as soon as the next few rendered lack their pages. */
function feedAsScrolled(answer) {
  window.addEventListener(
    "scroll",
    (event) => {
      const wrap = event.target;
      const current = answer();
      if (!current || !(wrap instanceof Element) || !wrap.matches(".md-search__scrollwrap")) return;
      const list = wrap.querySelector(".md-search-result__list");
      if (!list) return;
      const rendered = list.children.length;
      if (current.ready(rendered + SHOWN)) return;
      const filled = current.fill();
      const atEnd = wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 16;
      if (!atEnd || current.ready(rendered + STEP)) return;
      event.stopImmediatePropagation();
      filled.then(
        () => {
          if (answer() === current) wrap.dispatchEvent(new Event("scroll"));
        },
        () => {}, // held, and dropped: the reader's next scroll fetches again
      );
    },
    true,
  );
}

/* Loads Pagefind from `bundle` (the address of its pagefind.js) and returns `answer(message,
 * reply)`, which calls `reply` with the answer to a theme message, if it still wants one: a
 * query answered after a later one was asked is dropped. */
export async function searcher(bundle) {
  const pagefind = await import(bundle);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  let asked = 0;
  let shown = null; // the Answer the theme's list shows
  feedAsScrolled(() => shown);

  async function results(query) {
    const folded = fold(query).trim();
    if (!folded) return new Answer([], [], {});
    const search = await pagefind.debouncedSearch(folded, {}, PAUSE);
    if (search === null) return null; // a later query came within the pause
    const first = search.results.slice(0, SHOWN);
    const pages = await Promise.all(first.map((result) => result.data()));
    return new Answer(search.results, pages, termsOf(folded));
  }

  return async function answer(message, reply) {
    if (message.type === 0) return reply({ type: READY });
    if (message.type !== 2) throw new TypeError("search-pagefind.js: unknown message type");
    const number = ++asked;
    const found = await results(String(message.data));
    if (found === null || number !== asked) return;
    shown = found;
    reply({ type: RESULT, data: { items: found.items, total: found.items.length } });
  };
}
