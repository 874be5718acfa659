"""What a preview's rebuild renders: only the pages and files an edit changed.

`peru-timeline serve` runs MkDocs' dirty rebuilds: MkDocs then renders a page, or copies a file,
only if `File.is_modified()` says so. For a hand-written file that is its modification time; a
generated file always says yes. Between rebuilds this remembers each generated file's content,
so that an edited event re-renders its own pages and the listings it appears in, not the 470
pages (22,000 at 10,000 events) it did not change. Everything is rendered again when the set of
problems shown at the top of every page changes (a broken file, or its fix), and on the first
build. `peru-timeline build` never takes this path: its output is always a clean build's.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.structure.files import File, Files


class ChangedFiles:
    """The generated files' contents at the last rebuild, to tell the next which changed."""

    def __init__(self) -> None:
        self.digests: dict[str, bytes] | None = None
        self.contents: dict[str, object] = {}  # the content objects the digests are of
        self.outputs: dict[str, str] = {}  # each generated file's output, by its path
        self.problems: list[str] | None = None
        self.rendered: set[str] = set()  # the pages this rebuild renders, by address
        self.everything = True

    def mark(
        self, files: Files, problems: list[str], site_dir: Path, contents: dict[str, object]
    ) -> int:
        """Tell MkDocs which of `files` to render or copy again, and remove from `site_dir` the
        output of the generated files that are gone (a deleted event's pages); the number of
        generated files that changed (all of them when everything is rendered). `contents`
        holds the generated files' contents as the views made them: one that is the very object
        of the last rebuild (a page the views' memo kept) is not digested again."""
        earlier = self.digests or {}

        def kept(path: str) -> bool:
            content = contents.get(path)
            return content is not None and content is self.contents.get(path) and path in earlier

        digests = {
            file.src_uri: earlier[file.src_uri] if kept(file.src_uri) else digest_of(file)
            for file in files
            if file.generated_by
        }
        self.contents = contents
        self.everything = self.digests is None or problems != self.problems
        self.rendered = set()
        changed = 0
        for file in files:
            if self.everything:
                set_modified(file, True)
            elif file.generated_by:
                modified = self.digests.get(file.src_uri) != digests[file.src_uri]
                set_modified(file, modified)
                changed += modified
                if modified and file.is_documentation_page():
                    self.rendered.add(page_address(file))
        outputs = {file.src_uri: file.dest_uri for file in files if file.generated_by}
        for gone in self.outputs.keys() - outputs.keys():
            (site_dir / self.outputs[gone]).unlink(missing_ok=True)
        self.digests, self.outputs, self.problems = digests, outputs, list(problems)
        return len(digests) if self.everything else changed


def page_address(file: File) -> str:
    """A page's address as the search index writes it: the site's home page is ''."""
    return "" if file.url in (".", "./") else file.url


def digest_of(file: File) -> bytes:
    """A digest of a file's content."""
    return hashlib.blake2b(file.content_bytes, digest_size=16).digest()


def set_modified(file: File, modified: bool) -> None:
    """What `file.is_modified()` answers: MkDocs renders or copies it in a dirty build only if
    True (a generated file would always answer True)."""
    file.is_modified = lambda: modified  # type: ignore[method-assign]
