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
 */

const READY = 1; // the theme's message types (its worker's SearchMessageType)
const RESULT = 3;
// The results whose page text is fetched and shown; the theme's count gives all of them.
export const SHOWN = 20;
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

/* Loads Pagefind from `bundle` (the address of its pagefind.js) and returns `answer(message,
 * reply)`, which calls `reply` with the answer to a theme message, if it still wants one: a
 * query answered after a later one was asked is dropped. */
export async function searcher(bundle) {
  const pagefind = await import(bundle);
  await pagefind.options({ excerptLength: 24 });
  await pagefind.init();
  let asked = 0;

  async function results(query) {
    const folded = fold(query).trim();
    if (!folded) return { items: [], total: 0 };
    const search = await pagefind.debouncedSearch(folded, {}, PAUSE);
    if (search === null) return null; // a later query came within the pause
    const shown = search.results.slice(0, SHOWN);
    const pages = await Promise.all(shown.map((result) => result.data()));
    const terms = termsOf(folded);
    const items = pages.map((data, i) => item(data, shown[i].score, terms));
    return { items, total: search.results.length };
  }

  return async function answer(message, reply) {
    if (message.type === 0) return reply({ type: READY });
    if (message.type !== 2) throw new TypeError("search-pagefind.js: unknown message type");
    const number = ++asked;
    const data = await results(String(message.data));
    if (data !== null && number === asked) reply({ type: RESULT, data });
  };
}
