"""A rebuild that takes from the previous site every file the record's edit did not change.

`peru-timeline build` (build.py) keeps, for each site folder, what its last build read
(inputs.py) and the digest of each generated file. When only the contents of the record's files
changed since, it runs MkDocs' dirty build into a new staging folder and names the previous
site in the environment. The plugin then marks as modified only the generated files whose
contents differ from the last build's, links every other file's output from the previous site
(MkDocs writes nothing it is told is unmodified, so the previous site is never written through
a link), gives the pages it does not render their anchors and links to anchors from the last
build, so that MkDocs checks every link to an anchor (kept_anchors.py), and, after the build, gives
the theme's search index back the entries of the pages it did not render, in the order a clean
build lists them. If the generated files are not the same
files as last time, everything is rendered. The result equals a clean build byte for byte
(tests/adapter/test_incremental_build.py).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

from mkdocs.structure.files import File, Files

from builder.adapter.build import ANCHORS_ENV, DIGESTS_ENV, PREVIOUS_ENV
from builder.adapter.kept_anchors import PageAnchors, as_data, from_data
from builder.adapter.rebuilds import digest_of, page_address, set_modified
from builder.views import paths

INDEX = "search/search_index.json"


def generated_digests(files: Files) -> dict[str, str]:
    """Each generated file's digest, by its path in the site."""
    return {file.src_uri: digest_of(file).hex() for file in files if file.generated_by}


def write_digests(files: Files) -> None:
    """Write the generated files' digests where build.py asked for them, if it did."""
    target = os.environ.get(DIGESTS_ENV)
    if target:
        Path(target).write_text(json.dumps(generated_digests(files), sort_keys=True), "utf-8")


def write_anchors(anchors: PageAnchors) -> None:
    """Write the pages' anchors (kept_anchors.py) where build.py asked for them, if it did."""
    target = os.environ.get(ANCHORS_ENV)
    if target:
        Path(target).write_text(json.dumps(as_data(anchors), sort_keys=True), "utf-8")


class _DirtyNotice(logging.Filter):
    """Drops MkDocs' warning that a dirty build may leave stale links: here every file whose
    output could differ is rendered, and a --strict build would stop on the warning."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


class PreviousSite:
    """The previous build of this site folder, whose unchanged files this build takes."""

    def __init__(self, site_dir: Path, digests: dict[str, str], anchors: PageAnchors) -> None:
        self.site_dir = site_dir
        self.digests = digests
        self.anchors = anchors  # each page's anchors as the build that rendered it saw them
        self.rendered: set[str] = set()  # the pages this build renders, by address
        self.everything = False

    @classmethod
    def from_environment(cls) -> PreviousSite | None:
        """The previous build build.py named, or None when this build is a clean one."""
        state = os.environ.get(PREVIOUS_ENV)
        if not state:
            return None
        data = json.loads(Path(state).read_text(encoding="utf-8"))
        logging.getLogger("mkdocs.commands.build").addFilter(_DirtyNotice())
        return cls(Path(data["site_dir"]), data["digests"], from_data(data.get("anchors", {})))

    def mark(self, files: Files, site_dir: Path) -> int:
        """Tell MkDocs which files to render or copy, link the others' output from the previous
        site into `site_dir`; the number of files to render or copy."""
        digests = generated_digests(files)
        self.everything = set(digests) != set(self.digests)
        count = 0
        folders: set[Path] = set()
        for file in files:
            modified = self.everything or (
                file.generated_by is not None
                and digests[file.src_uri] != self.digests[file.src_uri]
            )
            set_modified(file, modified)
            if modified:
                count += 1
                if file.is_documentation_page():
                    self.rendered.add(page_address(file))
            else:
                _link(self.site_dir / file.dest_uri, site_dir / file.dest_uri, folders)
        return count

    def complete_search_index(
        self, site_dir: Path, pages: Sequence[str], languages: Sequence[str]
    ) -> None:
        """The theme's search index of this build, which holds the rendered pages alone, with
        every other page's entries from the previous site's per-language indexes, all in the
        order of `pages` (the documentation pages' addresses, as MkDocs renders them)."""
        index_path = site_dir / INDEX
        if self.everything or not index_path.is_file():
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        new = _by_page(index["docs"])
        earlier = _by_page(self._previous_entries(languages))
        docs = []
        for page in pages:
            docs += new.get(page, []) if page in self.rendered else earlier.get(page, [])
        index["docs"] = docs
        index_path.write_text(
            json.dumps(index, separators=(",", ":"), ensure_ascii=True), encoding="utf-8"
        )

    def _previous_entries(self, languages: Sequence[str]) -> Iterable[dict]:
        """The previous site's search entries, their addresses from the site's root again."""
        for lang in languages:
            prefix = paths.lang_prefix(lang)
            path = self.site_dir / prefix / INDEX
            if path.is_file():
                for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                    yield {**doc, "location": prefix + doc["location"]}


def page_addresses(documentation: Iterable[File]) -> list[str]:
    """The documentation pages' (`Files.documentation_pages()`) addresses as the search index
    writes them, in the order MkDocs renders the pages (and a clean build's index lists them)."""
    return [page_address(file) for file in documentation]


def _by_page(docs: Iterable[dict]) -> dict[str, list[dict]]:
    pages: dict[str, list[dict]] = {}
    for doc in docs:
        pages.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
    return pages


def _link(source: Path, target: Path, folders: set[Path]) -> None:
    """`target` as a hard link to `source` (a copy where links cannot be made); `folders` are
    those made already."""
    if target.parent not in folders:
        target.parent.mkdir(parents=True, exist_ok=True)
        folders.add(target.parent)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
