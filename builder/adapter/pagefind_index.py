"""The published site's search index, written by Pagefind.

The theme's search plugin writes one lunr index of every page, which the reader's browser
downloads whole on a first search (5.3 MB gzipped per language at 10,000 events). Pagefind
indexes the built HTML into chunks fetched by the words searched, one index per `<html lang>`,
and folds accents (Balcazar finds Balcázar). assets/search-pagefind.js answers the theme's
search box from it, so the reader sees the theme's search.

Pagefind needs a web server: the offline copy (read from file://) keeps the theme's index,
and so does `peru-timeline serve`, whose rebuilds index only the pages an edit changed.
"""

from __future__ import annotations

import base64
import fnmatch
import json
import re
from collections.abc import Sequence
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from builder.adapter.pagefind_service import PagefindService, ServiceError

# Where Pagefind writes its bundle, under the site's root; search-on-demand.js imports its
# script from there.
FOLDER = "pagefind"
SCRIPT = f"{FOLDER}/pagefind.js"
# What Pagefind reads of a page: the article (not the navigation, header or footer), without
# what the theme's index leaves out too (data-search-exclude: "See on the timeline", the
# headings of related events, citation and corrections, listing pages' month headings), nor an
# event page's citation of itself, whose address would make every word of its slug match
# (Spanish pages would match "ambassador").
ROOT_SELECTOR = "article"
EXCLUDED = "[data-search-exclude], .pcr-cite-intro, .pcr-cite"
ENTRY = "pagefind-entry.json"
# Pagefind's WebAssembly for a language it has none of its own for (no stemming).
GENERIC_WASM = "wasm.unknown.pagefind"
# Pagefind's own search interfaces, which the site does not use: the theme's search box reads
# the index through pagefind.js (and its pagefind-worker.js).
UNUSED = (
    "pagefind-ui.*",
    "pagefind-modular-ui.*",
    "pagefind-component-ui.*",
    "pagefind-highlight.js",
)
THEME_SEARCH = "material/search"
ARTICLE = '<article class="md-content__inner'
# A heading kept out of the theme's index keeps its section out (the theme's rule): the section
# runs to the next heading or the article's end. Pagefind ignores the heading only, so each
# element of the section is marked as one it ignores.
_EXCLUDED_SECTION = re.compile(
    r"(<h([1-6])\b[^>]*\bdata-search-exclude\b[^>]*>.*?</h\2>)(.*?)(?=<h[1-6]\b|</article>)",
    re.DOTALL,
)
# The `<html>` element and its `lang` attribute, as Pagefind reads a page's language.
_HTML_ELEMENT = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"""\slang\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def uses_pagefind(option: bool, offline: bool, serving: bool) -> bool:
    """Whether this build's search is Pagefind's: the option, on a published build."""
    return option and not offline and not serving


def skip_theme_page_indexing(config: MkDocsConfig) -> None:
    """The theme's search plugin stops reading every page (a fifth of a large build): its index
    keeps its settings (the highlighter of a result's page reads them) and no pages. Its
    `data-search-exclude` marks then stay in the pages, where Pagefind reads them."""
    search = config.plugins.get(THEME_SEARCH)
    if search is None:
        return
    events = config.plugins.events["page_context"]
    events[:] = [hook for hook in events if getattr(hook, "__self__", None) is not search]


def marked(output: str, searchable: bool) -> str:
    """A rendered page marked for Pagefind as the theme's index treats it: a page kept out of
    search (`search: exclude` in its front matter: later pages of a list, timeline periods) is
    ignored whole, and a heading marked `data-search-exclude` keeps its section out."""
    if not searchable:
        return output.replace(
            ARTICLE, '<article data-pagefind-ignore="all" class="md-content__inner', 1
        )
    if "data-search-exclude" not in output:
        return output
    return _EXCLUDED_SECTION.sub(_ignored_section, output)


def _ignored_section(match: re.Match) -> str:
    heading, section = match.group(1), match.group(3)
    marked_section = _each_element_ignored(section)
    if marked_section is None:  # a section that closes its container, or holds bare text
        return match.group(0)
    return heading + marked_section


def _each_element_ignored(html: str) -> str | None:
    """`html` with `data-pagefind-ignore` on each of its top-level elements: the page keeps its
    structure (print and screen styles select siblings), Pagefind skips their text. None when an
    element is closed that `html` did not open, one is left open, or text stands outside them."""
    out: list[str] = []
    depth, end = 0, 0
    for tag in _TAG.finditer(html):
        closing, name, self_closing = tag.groups()
        if depth == 0 and html[end : tag.start()].strip():
            return None
        out.append(html[end : tag.start()])
        end = tag.end()
        if closing:
            if depth == 0:
                return None
            depth -= 1
            out.append(tag.group(0))
            continue
        if depth == 0:
            out.append(tag.group(0).replace(name, f"{name} data-pagefind-ignore", 1))
        else:
            out.append(tag.group(0))
        if name.lower() not in _VOID and not self_closing:
            depth += 1
    if depth or html[end:].strip():
        return None
    return "".join(out) + html[end:]


class PagefindIndexer:
    """Pagefind's index of a site as it is built, into `site_dir/pagefind/`.

    Pagefind's indexer runs beside the build (pagefind_service.py), one process per language
    (Pagefind makes one index per `<html lang>` anyway, and each process builds its own on a
    core of its own): each page is handed over (`add`) to its language's as MkDocs writes it,
    so the indexers parse it on the other core while MkDocs renders the next, and `finish`
    hands over the site's other HTML files, then asks every indexer for its files at once and
    writes them. Pagefind numbers pages in the order they come, which its files' bytes show:
    the order is always the pages' in MkDocs' build (`expect`), then the other HTML files by
    path, whatever the filesystem. A page that comes out of that order (a dirty build renders
    only some) stops the handing over, and `finish` indexes the written site from its files.
    """

    def __init__(self, site_dir: Path, languages: Sequence[str] = ()) -> None:
        self.site_dir = site_dir
        self._languages = tuple(languages)
        self._indexes: dict[str, _LanguageIndex] = {}
        try:
            for lang in self._languages:  # started now, so each is ready for the first page
                self._index_of(lang)
        except PluginError:
            self.stop()
            raise
        self._expected: list[str] = []
        self._added = 0  # how many of the expected pages were handed over, in order
        self._streaming = True

    def expect(self, pages: list[str]) -> None:
        """The pages' paths under the site, in the order MkDocs will write them."""
        self._expected = pages

    def add(self, path: str, html: str) -> None:
        """The page at `path` under the site, as it is written."""
        if not self._streaming:
            return
        if self._added < len(self._expected) and self._expected[self._added] == path:
            self._add(path, html)
            self._added += 1
        else:
            self._streaming = False

    def finish(self) -> None:
        """Hand over what was not, write the index and stop the indexers."""
        try:
            if not self._streaming:  # start over, from the written files
                self.stop()
                for lang in self._languages:
                    self._index_of(lang)
                self._added = 0
            for path in self._rest():
                self._add(path, (self.site_dir / path).read_bytes().decode("utf-8", "replace"))
            if not self._indexes:  # no page at all: an index of none, as Pagefind writes it
                self._index_of("unknown")
            # Their files come back to be written here: an indexer, told to write them itself,
            # answers before it has, and may stop before it has. Every indexer is asked before
            # any answer is awaited, so they build their languages' indexes at the same time.
            asked = {
                lang: index.service.send({"type": "GetFiles", "index_id": index.number})
                for lang, index in self._indexes.items()
            }
            made = {}
            for lang, number in asked.items():
                made[lang] = self._indexes[lang].files(number)
            files = _merged(made)
        except ServiceError as error:
            raise PluginError(
                f"Pagefind could not index {self.site_dir}: {error} — check that the project "
                "is installed with its dependencies (make venv)"
            ) from None
        finally:
            self.stop()
        _write_files(self.site_dir / FOLDER, files)

    def stop(self) -> None:
        """Stop the indexers without writing anything (the build failed, or is done)."""
        indexes, self._indexes = self._indexes, {}
        for index in indexes.values():
            index.service.close()

    def _add(self, path: str, html: str) -> None:
        url = "/" + path.removesuffix("index.html") if path.endswith("index.html") else "/" + path
        index = self._index_of(language_of(html))
        index.service.send(
            {
                "type": "AddFile",
                "index_id": index.number,
                "url": url,
                "file_path": None,
                "file_contents": html,
            }
        )

    def _index_of(self, lang: str) -> _LanguageIndex:
        """The index of the pages in `lang`, started on its first page."""
        index = self._indexes.get(lang)
        if index is None:
            index = self._indexes[lang] = _LanguageIndex.started(lang)
        return index

    def _rest(self) -> list[str]:
        """The HTML files not handed over: the expected pages left, in order, then the
        others by path (Pagefind's own folder left out)."""
        site = self.site_dir
        pages = [path for path in self._expected[self._added :] if (site / path).is_file()]
        known = set(self._expected)
        others = sorted(
            path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.is_file()
        )
        return pages + [
            path for path in others if path not in known and path.split("/")[0] != FOLDER
        ]


class _LanguageIndex:
    """One language's running indexer (`service`) and its index's number there."""

    def __init__(self, lang: str, service: PagefindService, number: int) -> None:
        self.lang = lang
        self.service = service
        self.number = number

    @classmethod
    def started(cls, lang: str) -> _LanguageIndex:
        service = _started()
        return cls(lang, service, _new_index(service))

    def files(self, number: int) -> dict[str, str]:
        """The index's files (each path under the bundle and its bytes in base64), from the
        answer to request `number` (GetFiles); an error if the indexer made other languages'
        (a page handed to the wrong one) or failed on any page."""
        try:
            answer = self.service.answer(number)
            if self.service.failures:
                raise ServiceError("; ".join(self.service.failures))
        except ServiceError as error:
            raise ServiceError(f"{error} (the {self.lang!r} pages' indexer)") from None
        return {file["path"]: file["content"] for file in answer["files"]}


def language_of(html: str) -> str:
    """The language Pagefind files a page under: its `<html lang>`, lower-cased, or "unknown"."""
    element = _HTML_ELEMENT.search(html)
    lang = _LANG.search(element.group(0)) if element else None
    return (lang.group(2) or lang.group(3) or lang.group(4) or "").lower() if lang else "unknown"


def write_index(site_dir: Path) -> None:
    """Index the written site at `site_dir` into `site_dir/pagefind/`, its HTML files by path."""
    PagefindIndexer(site_dir).finish()


def _started() -> PagefindService:
    try:
        return PagefindService()
    except (OSError, ServiceError) as error:
        raise PluginError(
            f"Pagefind could not start: {error} — check that the project is installed with "
            "its dependencies (make venv)"
        ) from None


def _new_index(service: PagefindService) -> int:
    """A new index in `service`, reading pages as the published site's search needs."""
    config = {"root_selector": ROOT_SELECTOR, "exclude_selectors": [EXCLUDED]}
    try:
        return service.answer(service.send({"type": "NewIndex", "config": config}))["index_id"]
    except ServiceError as error:
        service.close()
        raise PluginError(f"Pagefind could not start an index: {error}") from None


def _merged(made: dict[str, dict[str, str]]) -> dict[str, bytes]:
    """One bundle of every language's index files: a language's own files are named after it,
    the files every indexer writes (pagefind.js, its worker, the generic WebAssembly) must be
    the same from each, and the entry file lists every language, sorted (Pagefind lists them in
    any order: sorted, the same site gives the same bytes)."""
    files: dict[str, str] = {}
    entries: list[dict] = []
    for lang in sorted(made):
        for path, content in made[lang].items():
            if path == ENTRY:
                entries.append(json.loads(base64.b64decode(content)))
            elif files.setdefault(path, content) != content:
                raise ServiceError(
                    f"the indexers of {', '.join(sorted(made))} wrote different {FOLDER}/{path}"
                )
    entry = _merged_entry(entries)
    bundle = {path: base64.b64decode(content) for path, content in files.items()}
    if all(about.get("wasm") for about in entry["languages"].values()):
        # Each language loads its own WebAssembly (wasm.<lang>.pagefind); Pagefind's generic one
        # is for a language it has none for.
        bundle.pop(GENERIC_WASM, None)
    bundle[ENTRY] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return bundle


def _merged_entry(entries: list[dict]) -> dict:
    """The entry files of several indexers as one: the same but for their languages."""
    settings = [
        {key: value for key, value in entry.items() if key != "languages"} for entry in entries
    ]
    if any(other != settings[0] for other in settings):
        raise ServiceError(f"the indexers wrote different settings in {FOLDER}/{ENTRY}")
    languages: dict[str, dict] = {}
    for entry in entries:
        for lang, about in entry["languages"].items():
            if languages.setdefault(lang, about) is not about:
                raise ServiceError(f"two indexers made an index of the {lang!r} pages")
    return {**entries[0], "languages": dict(sorted(languages.items()))}


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write the index's `files` (each a path under `folder` and its bytes) but Pagefind's
    unused interfaces. A file is written anew, never through a link to the last site's
    (reuse.py links unchanged files)."""
    made: set[Path] = set()
    for name in sorted(files):
        if any(fnmatch.fnmatch(name, pattern) for pattern in UNUSED):
            continue
        path = folder / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.unlink(missing_ok=True)
        path.write_bytes(files[name])
