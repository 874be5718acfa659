"""What the views produce: files for the site, independent of the site generator."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the built site.

    `path` is relative to the site root, with forward slashes. A path ending in `.md` is a
    Markdown page that the site generator renders with the theme (and indexes for search);
    any other file is published byte for byte.
    """

    path: str
    content: str | bytes

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")
