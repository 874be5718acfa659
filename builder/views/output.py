"""What the views produce: files for the site, independent of the site generator, and the
front matter that opens a generated page."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the built site.

    `path` is relative to the site root, with forward slashes. A path ending in `.md` is a
    page that the site generator renders with the theme (and indexes for search): Markdown,
    or, when `html` is true, front matter then the page's HTML, taken as it is (its links are
    final addresses, which the generator does not check). Any other file is published byte
    for byte.
    """

    path: str
    content: str | bytes
    html: bool = False

    @property
    def is_page(self) -> bool:
        return self.path.endswith(".md")


# The front matter of a listing page: no table of contents, and kept out of the search index
# (its events are found through their own pages).
LISTING_MATTER = {"hide": ["toc"], "search": {"exclude": True}}


def front_matter(**fields) -> str:
    """A YAML front-matter block; JSON is valid YAML, so every value is written as JSON.

    The theme writes `title` and `description` into the page's head without escaping them, so
    they are HTML-escaped here: a title containing `</title><script>` stays text.
    """
    for key in ("title", "description"):
        if key in fields:
            fields[key] = html.escape(fields[key], quote=True)
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"
