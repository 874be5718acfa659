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

from mkdocs.structure.files import File, Files


class ChangedFiles:
    """The generated files' contents at the last rebuild, to tell the next which changed."""

    def __init__(self) -> None:
        self.digests: dict[str, bytes] | None = None
        self.problems: list[str] | None = None

    def mark(self, files: Files, problems: list[str]) -> int:
        """Tell MkDocs which of `files` to render or copy again; the number of generated files
        that changed (all of them when everything is rendered)."""
        digests = {file.src_uri: digest_of(file) for file in files if file.generated_by}
        everything = self.digests is None or problems != self.problems
        changed = 0
        for file in files:
            if everything:
                set_modified(file, True)
            elif file.generated_by:
                modified = self.digests.get(file.src_uri) != digests[file.src_uri]
                set_modified(file, modified)
                changed += modified
        self.digests, self.problems = digests, list(problems)
        return len(digests) if everything else changed


def digest_of(file: File) -> bytes:
    """A digest of a file's content."""
    return hashlib.blake2b(file.content_bytes, digest_size=16).digest()


def set_modified(file: File, modified: bool) -> None:
    """What `file.is_modified()` answers: MkDocs renders or copies it in a dirty build only if
    True (a generated file would always answer True)."""
    file.is_modified = lambda: modified  # type: ignore[method-assign]
