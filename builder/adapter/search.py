"""Search per language, loaded on demand.

The theme's search plugin writes one index of every page; each language gets its own (Spanish
pages search Spanish pages, with Spanish stemming and stop words). A small script holds back the
index and its worker until a reader first reaches for search; the worker forgives accents; a
search that finds nothing offers the other language's pages.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from builder.adapter.languages import language_of
from builder.views import paths
from builder.views.output import OutputFile

# Loads the theme's search index and worker on the reader's first search, not on every page
# (assets/search-on-demand.js); main.html puts it just before the theme's bundle.
SEARCH_SCRIPT = "assets/peru-timeline/search-on-demand.js"
# Offers the other language's pages when a search finds nothing (assets/search-elsewhere.js).
ELSEWHERE_SCRIPT = "assets/peru-timeline/search-elsewhere.js"
# The theme's worker made to forgive accents (assets/search-worker.js): beside the theme's own,
# which finds its language scripts at ../lunr from its address. search-on-demand.js names it.
FOLDING_WORKER = "assets/javascripts/workers/peru-timeline-search.js"
# Answers the theme's search from Pagefind's index on the published site (assets/search-
# pagefind.js): beside search-on-demand.js, which imports it on the first search.
PAGEFIND_ANSWERS = "assets/peru-timeline/search-pagefind.js"
_ASSETS = Path(__file__).parent.parent / "assets"


def search_scripts(pagefind: bool = False) -> list[OutputFile]:
    """The scripts around the theme's search: held back until the reader first reaches for it
    (search-on-demand.js), forgiving accents (search-worker.js), and offering the other
    language when nothing is found (search-elsewhere.js); with `pagefind`, answered from
    Pagefind's index (search-pagefind.js)."""
    sources = {
        SEARCH_SCRIPT: "search-on-demand.js",
        ELSEWHERE_SCRIPT: "search-elsewhere.js",
        FOLDING_WORKER: "search-worker.js",
    }
    if pagefind:
        sources[PAGEFIND_ANSWERS] = "search-pagefind.js"
    return [
        OutputFile(path, (_ASSETS / name).read_text(encoding="utf-8"))
        for path, name in sources.items()
    ]


def split_index(site_dir: Path, languages: Sequence[str], as_script: bool) -> None:
    """Split the theme's `search/search_index.json` into one index per language, each under its
    language's folder; `as_script` also writes each as `search_index.js` (the offline copy)."""
    index_path = site_dir / "search" / "search_index.json"
    if not index_path.is_file():
        return
    as_script = as_script or index_path.with_suffix(".js").is_file()
    if len(languages) < 2:
        if as_script:
            write_script_index(index_path)
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    by_language: dict[str, list] = {lang: [] for lang in languages}
    for doc in latest_entries(index["docs"]):
        lang = language_of(doc["location"], languages)
        prefix = paths.lang_prefix(lang)
        by_language[lang].append({**doc, "location": doc["location"][len(prefix) :]})
    for lang, docs in by_language.items():
        target = site_dir / paths.lang_prefix(lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        language_index = {"config": {**index["config"], "lang": [lang]}, "docs": docs}
        target.write_text(_encoded(language_index), encoding="utf-8")
        if as_script:
            write_script_index(target)


class PreviewIndex:
    """A preview's search indexes, one per language, kept between rebuilds as each page's entries
    already encoded, so that a rebuild encodes only the pages it rendered.

    Such a rebuild renders only the pages an edit changed (rebuilds.py); the theme's index then
    holds their new entries after the earlier ones (`latest_entries`). At 10,000 events that
    index is 36 MB, which was read, merged, written whole and split into two more every rebuild.
    The files written are a clean build's: `split_index`'s, byte for byte.
    """

    def __init__(self) -> None:
        self.encoded: dict[str, str] = {}  # by page address: its entries as JSON, comma-joined

    def write(
        self,
        site_dir: Path,
        languages: Sequence[str],
        pages: Sequence[str],
        rendered: set[str] | None,
        as_script: bool,
    ) -> None:
        """Write each language's index after a build that rendered the pages at `rendered`
        (None: every page); `pages` are the addresses of the pages there are now, in the order
        a first build lists them, which the index keeps."""
        index_path = site_dir / "search" / "search_index.json"
        if not index_path.is_file():
            return
        as_script = as_script or index_path.with_suffix(".js").is_file()
        index = json.loads(index_path.read_text(encoding="utf-8"))
        split = len(languages) >= 2
        runs = _latest_runs(index["docs"], rendered)
        if rendered is None:  # everything rendered: the theme's order, as a first build's
            self.encoded, pages = {}, list(runs)
        for page in rendered or ():
            self.encoded.pop(page, None)
        for page, docs in runs.items():
            prefix = paths.lang_prefix(language_of(page, languages)) if split else ""
            self.encoded[page] = ",".join(
                _encoded({**doc, "location": doc["location"][len(prefix) :]}) for doc in docs
            )
        self.encoded = {page: self.encoded[page] for page in pages if page in self.encoded}
        by_language: dict[str, list[str]] = {lang: [] for lang in languages}
        for page, entries in self.encoded.items():
            if entries:
                by_language[language_of(page, languages) if split else languages[0]].append(entries)
        for lang, docs in by_language.items():
            if split:  # as split_index writes them
                target = site_dir / paths.lang_prefix(lang) / "search" / "search_index.json"
                config = {**index["config"], "lang": [lang]}
            else:
                target, config = index_path, index["config"]
            target.parent.mkdir(parents=True, exist_ok=True)
            text = f'{{"config":{_encoded(config)},"docs":[{",".join(docs)}]}}'
            target.write_text(text, encoding="utf-8")
            if as_script:
                write_script_index(target)


def _encoded(value: object) -> str:
    """`value` as the index files write it: `json.dumps` without spaces, in ASCII."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True)


def _latest_runs(docs: list[dict], pages: set[str] | None) -> dict[str, list[dict]]:
    """The last run of entries of each page in `pages` (None: of every page), in the order of
    those runs in `docs` (`latest_entries`)."""
    runs: dict[str, list[dict]] = {}
    previous = None
    for doc in docs:
        page = _page_of(doc)
        if pages is None or page in pages:
            if page != previous:  # a later run of the page: its entries since the last build
                runs.pop(page, None)
                runs[page] = []
            runs[page].append(doc)
        previous = page
    return runs


def _by_page(docs: list[dict]) -> dict[str, list[dict]]:
    """Index entries by their page's address, in their order."""
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(_page_of(doc), []).append(doc)
    return pages


def _page_of(doc: dict) -> str:
    return doc["location"].split("#", 1)[0]


def latest_entries(docs: list[dict]) -> list[dict]:
    """Each page's entries from its last run of entries only.

    A preview's dirty rebuild renders only the pages an edit changed (rebuilds.py); the theme then
    keeps its earlier entries and appends the rebuilt pages' new ones, dropping the old entries of
    the first rebuilt page only. Each page's new entries are the last run of its entries, so
    keeping that run drops the others' old ones too. A full build has one run per page: nothing
    changes.
    """
    runs: dict[str, int] = {}
    run_of: list[int] = []
    previous, run = None, -1
    for doc in docs:
        page = _page_of(doc)
        if page != previous:
            run += 1
            previous = page
        runs[page] = run
        run_of.append(run)
    return [
        doc for doc, doc_run in zip(docs, run_of, strict=True) if runs[_page_of(doc)] == doc_run
    ]


def write_script_index(index_path: Path) -> None:
    """search_index.js beside a search index, for the offline copy: a page opened from disk
    cannot fetch the JSON, so the theme loads this script and reads its global `__index`."""
    text = index_path.read_text(encoding="utf-8")
    index_path.with_suffix(".js").write_text(f"var __index = {text};\n", encoding="utf-8")
