"""MkDocs' side of the pages the views write as HTML, not Markdown (event pages).

Python-Markdown was most of a large build's time, spent turning thousands of generated pages
into HTML the views could write themselves. A `PrerenderedPage` takes the page's HTML as it is:
its front matter gives the title and description, its `<h1>`/`<h2>` headings the table of
contents and the anchors other pages may link to. MkDocs checks no link in it: the views write
final addresses (tests/test_site_views.py checks that every one resolves).
"""

from __future__ import annotations

import json
import re

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from builder.views.pages.anchors import ids

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>")
# An `id` attribute, as `\bid="…"` finds it: not after a word character.
_WORD = re.compile(r"\w")
_TAG = re.compile(r"<[^>]*>")


class PrerenderedPage(Page):
    """A page whose source is front matter then HTML: rendering it converts nothing."""

    def read_source(self, config) -> None:
        source = config.plugins.on_page_read_source(page=self, config=config)
        if source is None:
            source = self.file.content_string
        self.markdown, self.meta = split_front_matter(source)

    def render(self, config, files) -> None:
        html = self.markdown.strip()
        self.content = html
        tokens = toc_tokens(html)
        if "toc" in (self.meta.get("hide") or []):
            # The theme still writes a hidden table of contents into the page (every entry of a
            # timeline page: 7 KB no reader sees) and would render each page's sidebars anew:
            # only the first heading is kept, which its "skip to content" link needs.
            tokens = [{**tokens[0], "children": []}] if tokens else []
        self.toc = get_toc(tokens)
        self.present_anchor_ids = set(ids(html, not_after=_WORD))


def split_front_matter(source: str) -> tuple[str, dict]:
    """The HTML and the fields of a page as `rendering.front_matter` writes it (one JSON value
    a line, which is also YAML): read without a YAML parser, thousands of times faster."""
    if not source.startswith("---\n"):
        return source, {}
    head, body = source[len("---\n") :].split("\n---\n", 1)
    meta = {}
    for line in head.splitlines():
        key, value = line.split(": ", 1)
        meta[key] = json.loads(value)
    return body, meta


def toc_tokens(html: str) -> list[dict]:
    """The headings of `html` as the Markdown `toc` extension lists them: nested by level."""
    top: list[dict] = []
    stack: list[dict] = []
    for level, attributes, inner in _HEADING.findall(html):
        anchor = next(iter(ids(attributes, not_after=_WORD)), None)
        if anchor is None:
            continue
        token = {
            "level": int(level),
            "id": anchor,
            "name": _TAG.sub("", inner),
            "html": inner,
            "data-toc-label": "",
            "children": [],
        }
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else top).append(token)
        stack.append(token)
    return top
