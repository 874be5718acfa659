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
        # Each generated file's content at the last rebuild, by its path (a digest of it for
        # a file not among the views' outputs); None before the first.
        self.contents: dict[str, object] | None = None
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
        holds the generated files' contents as the views made them; each is compared with the
        last rebuild's (at once when it is the very object, a page the views' memo kept), and
        only a generated file not among them is read and digested."""
        earlier = self.contents
        now: dict[str, object] = {}
        outputs: dict[str, str] = {}
        generated = [file for file in files if file.generated_by]
        for file in generated:
            content = contents.get(file.src_uri)
            now[file.src_uri] = content if content is not None else (digest_of(file),)
            outputs[file.src_uri] = file.dest_uri
        self.everything = earlier is None or problems != self.problems
        self.rendered = set()
        changed = 0
        if self.everything:
            for file in files:
                set_modified(file, True)
        else:
            for file in generated:
                last = earlier.get(file.src_uri, _ABSENT)
                content = now[file.src_uri]
                modified = last is not content and last != content
                set_modified(file, modified)
                changed += modified
                if modified and file.is_documentation_page():
                    self.rendered.add(page_address(file))
        for gone in self.outputs.keys() - outputs.keys():
            (site_dir / self.outputs[gone]).unlink(missing_ok=True)
        self.contents, self.outputs, self.problems = now, outputs, list(problems)
        return len(now) if self.everything else changed


# What an earlier rebuild held for a file it did not have: equal to no content.
_ABSENT = object()


def page_address(file: File) -> str:
    """A page's address as the search index writes it: the site's home page is ''."""
    return "" if file.url in (".", "./") else file.url


def digest_of(file: File) -> bytes:
    """A digest of a file's content."""
    return hashlib.blake2b(file.content_bytes, digest_size=16).digest()


def set_modified(file: File, modified: bool) -> None:
    """What `file.is_modified()` answers: MkDocs renders or copies it in a dirty build only if
    True (a generated file would always answer True)."""
    file.is_modified = _modified if modified else _unmodified  # type: ignore[method-assign]


# One answer each for every file (a function made per file was 22,000 at 10,000 events).
def _modified() -> bool:
    return True


def _unmodified() -> bool:
    return False
