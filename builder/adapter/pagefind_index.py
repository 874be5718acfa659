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
import os
import re
from collections.abc import Mapping, Sequence
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
# The `<html>` element and its `lang` attribute, as Pagefind reads a page's language.
_HTML_ELEMENT = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_LANG = re.compile(r"""\slang\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


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


class PagefindIndexer:
    """Pagefind's index of a site as it is built, into `site_dir/pagefind/`.

    Pagefind's indexer runs beside the build (pagefind_service.py), one process per language
    (Pagefind makes one index per `<html lang>` anyway, and each process builds its own, on a
    core of its own): each page is handed over (`add`) to its language's as MkDocs writes it,
    so the indexers parse it on the other core while MkDocs renders the next. Once a
    language's last page is handed over, with the site's other HTML files in that language
    (404.html, the maps' documents: written before the pages), its indexer is asked for its
    files, and builds its index while MkDocs writes the other languages' pages; `finish` asks
    the others and writes the index. Pagefind numbers pages in the order they come, which its
    files' bytes show: the order is always the pages' in MkDocs' build (`expect`), then the
    other HTML files by path, whatever the filesystem. A page that comes out of that order (a
    dirty build renders only some), one in a language whose index was asked for, or another
    HTML file written since, and `finish` indexes the written site from its files.
    """

    def __init__(self, site_dir: Path, languages: Sequence[str] = ()) -> None:
        self.site_dir = site_dir
        self._languages = tuple(languages)
        self._indexes: dict[str, _LanguageIndex] = {}
        self._asked: dict[str, int] = {}  # the languages whose files were asked for: the request
        self._expected: list[str] = []
        self._last: dict[int, str] = {}  # where each language's last page is in `_expected`
        self._added = 0  # how many of the expected pages were handed over, in order
        self._others: dict[str, str] | None = None  # the other HTML files, once handed over
        self._streaming = True
        self._start()

    def expect(self, pages: Mapping[str, str]) -> None:
        """The pages' paths under the site, in the order MkDocs will write them, and each
        one's language (the build's: a page in another `<html lang>` is still indexed right)."""
        self._expected = list(pages)
        last = {lang: position for position, lang in enumerate(pages.values())}
        self._last = {position: lang for lang, position in last.items()}

    def add(self, path: str, html: str | None) -> None:
        """The page at `path` under the site, as it is written; None for a page search leaves
        out whole (Pagefind would read it to find nothing: it makes the same index without)."""
        if not self._streaming:
            return
        expected = self._added < len(self._expected) and self._expected[self._added] == path
        if not (expected and (html is None or self._add(path, html))):
            self._streaming = False
            return
        lang = self._last.get(self._added)
        self._added += 1
        if lang is not None:  # its last page: its index is built while MkDocs writes the others
            try:
                self._ask(lang)
            except PluginError:
                self.stop()
                raise

    def finish(self) -> None:
        """Hand over what was not, write the index and stop the indexers."""
        try:
            if not (self._streaming and self._handed_over_the_rest()):
                self._start()  # start over, from the written files
                self._handed_over_the_rest()
            if not self._indexes:  # no page at all: an index of none, as Pagefind writes it
                self._index_of("unknown")
            # Every indexer is asked before any answer is awaited, so they build their
            # languages' indexes at the same time; each is stopped, and its language's files
            # written, as its answer comes, in the order they were asked for.
            for lang in list(self._indexes):
                self._ask(lang)
            bundle = _Bundle(self.site_dir / FOLDER)
            for lang, number in list(self._asked.items()):
                index = self._indexes.pop(lang)
                try:
                    files = index.files(number)
                finally:
                    index.service.close()
                bundle.add(files)
            bundle.finish()
        except ServiceError as error:
            raise PluginError(
                f"Pagefind could not index {self.site_dir}: {error} — check that the project "
                "is installed with its dependencies (make venv)"
            ) from None
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the indexers without writing anything (the build failed, or is done)."""
        indexes, self._indexes, self._asked = self._indexes, {}, {}
        for index in indexes.values():
            index.service.close()

    def _start(self) -> None:
        """New indexers, handed nothing yet: one for each of the site's languages, started
        now so that each is ready for its first page."""
        self.stop()
        self._added, self._others = 0, None
        try:
            for lang in self._languages:
                self._index_of(lang)
        except PluginError:
            self.stop()
            raise

    def _handed_over_the_rest(self) -> bool:
        """Hand over the expected pages left, then the other HTML files; False if one cannot
        be: its language's files were asked for, or another file was written since."""
        others = self._other_files()
        if self._others is not None and others != self._others:
            return False
        for path in self._expected[self._added :]:
            file = self.site_dir / path
            if file.is_file() and not self._add(path, file.read_bytes().decode("utf-8", "replace")):
                return False
        self._others = others
        return all(
            self._add(path, html)
            for path, html in others.items()
            if language_of(html) not in self._asked
        )

    def _ask(self, lang: str) -> None:
        """Ask the indexer of `lang` for its files, once, after the other HTML files in `lang`."""
        if lang in self._asked:
            return
        if self._others is None:  # written before the pages; `finish` checks that they were
            self._others = self._other_files()
        for path, html in self._others.items():
            if language_of(html) == lang:
                self._add(path, html)
        index = self._index_of(lang)
        self._asked[lang] = index.service.send({"type": "GetFiles", "index_id": index.number})

    def _add(self, path: str, html: str) -> bool:
        """Hand the page over to its language's indexer; False if that one's files were asked."""
        lang = language_of(html)
        if lang in self._asked:
            return False
        index = self._index_of(lang)
        url = "/" + path.removesuffix("index.html") if path.endswith("index.html") else "/" + path
        index.service.send(
            {
                "type": "AddFile",
                "index_id": index.number,
                "url": url,
                "file_path": None,
                "file_contents": read_part(html),
            }
        )
        return True

    def _index_of(self, lang: str) -> _LanguageIndex:
        """The index of the pages in `lang`, started on its first page."""
        index = self._indexes.get(lang)
        if index is None:
            index = self._indexes[lang] = _LanguageIndex.started(lang)
        return index

    def _other_files(self) -> dict[str, str]:
        """The site's HTML files that are not pages, by path (Pagefind's own folder left out)."""
        known = set(self._expected)
        found = []
        for folder, folders, names in os.walk(self.site_dir):
            where = Path(folder).relative_to(self.site_dir).as_posix()
            if where == ".":
                folders[:] = [name for name in folders if name != FOLDER]
            prefix = "" if where == "." else f"{where}/"
            found += [prefix + name for name in names if name.endswith(".html")]
        return {
            path: (self.site_dir / path).read_bytes().decode("utf-8", "replace")
            for path in sorted(found)
            if path not in known and (self.site_dir / path).is_file()
        }


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

    def files(self, number: int) -> list[dict]:
        """The index's files (each a `path` under the bundle and its `content` in base64),
        from the answer to request `number` (GetFiles); an error if the indexer failed on any
        page."""
        try:
            answer = self.service.answer(number)
            if self.service.failures:
                raise ServiceError("; ".join(self.service.failures))
        except ServiceError as error:
            raise ServiceError(f"{error} (the indexer of the {self.lang!r} pages)") from None
        return answer["files"]


class _Bundle:
    """The indexers' files, written into one `folder` as each indexer gives them: a language's
    own files in sub-folders (fragments, word chunks, filters: named after the language) at
    once; the files at the folder's root, which every indexer writes (pagefind.js, its worker,
    the generic WebAssembly; its language's meta and WebAssembly besides), last, each the same
    from every indexer that writes it, and the entry file listing every language, sorted
    (Pagefind lists them in any order: sorted, the same site gives the same bytes). A file is
    written anew, never through a link to the last site's (reuse.py links unchanged files);
    Pagefind's unused interfaces are not written."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._root: dict[str, str] = {}  # in base64, as they came
        self._entries: list[dict] = []
        self._written: set[str] = set()
        self._folders: set[Path] = set()

    def add(self, files: list[dict]) -> None:
        """One indexer's files."""
        for file in files:
            name, content = file["path"], file["content"]
            if name == ENTRY:
                self._entries.append(json.loads(base64.b64decode(content)))
            elif "/" not in name:
                if self._root.setdefault(name, content) != content:
                    raise ServiceError(f"two indexers wrote different {FOLDER}/{name}")
            elif name in self._written:
                raise ServiceError(f"two indexers wrote {FOLDER}/{name}")
            else:
                self._written.add(name)
                self._write(name, base64.b64decode(content))

    def finish(self) -> None:
        """Write the files at the root and the entry file."""
        entry = _merged_entry(self._entries)
        if all(about.get("wasm") for about in entry["languages"].values()):
            # Each language loads its own WebAssembly (wasm.<lang>.pagefind); Pagefind's generic
            # one is for a language it has none for.
            self._root.pop(GENERIC_WASM, None)
        for name, content in sorted(self._root.items()):
            self._write(name, base64.b64decode(content))
        self._write(ENTRY, json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode())

    def _write(self, name: str, content: bytes) -> None:
        if any(fnmatch.fnmatch(name, pattern) for pattern in UNUSED):
            return
        path = self.folder / name
        if path.parent not in self._folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(path.parent)
        path.unlink(missing_ok=True)
        path.write_bytes(content)


def language_of(html: str) -> str:
    """The language Pagefind files a page under: its `<html lang>`, lower-cased, or "unknown"."""
    element = _HTML_ELEMENT.search(html)
    lang = _LANG.search(element.group(0)) if element else None
    return (lang.group(2) or lang.group(3) or lang.group(4) or "").lower() if lang else "unknown"


def read_part(html: str) -> str:
    """What Pagefind reads of a page, as a page of its own: its `<html>` element (the page's
    language) and its article (ROOT_SELECTOR), from the first `<article` to the last
    `</article>` (the theme writes one, which listing pages' entries nest in). The page's
    head, header, navigation and footer, three-fifths of its bytes, are not sent to be parsed
    for nothing. A page without an article is sent whole."""
    start, end = html.find("<article"), html.rfind("</article>")
    element = _HTML_ELEMENT.search(html, 0, start)
    if start < 0 or end < start or element is None:
        return html
    return f"<!DOCTYPE html>{element.group(0)}<body>{html[start : end + 10]}</body></html>"


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


def _merged_entry(entries: list[dict]) -> dict:
    """The entry files of several indexers as one: the same but for their languages, which
    must be each one's own."""
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
