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
import time
from functools import lru_cache
from os import environ
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date

from builder.views.pages.anchors import ids

_HEADING = re.compile(r"<h([1-6])\b([^>]*)>(.*?)</h\1>")
# An `id` attribute, as `\bid="…"` finds it: not after a word character.
_WORD = re.compile(r"\w")
_TAG = re.compile(r"<[^>]*>")
# A page's address made only of what `urllib.parse.quote` leaves and no empty, `.` or `..`
# segment (checked apart): joined to the site's address, it is only appended.
_PLAIN_URL = re.compile(r"[A-Za-z0-9_.~%/-]*")


class PrerenderedPage(Page):
    """A page whose source is front matter then HTML: rendering it converts nothing."""

    def __init__(self, title: str | None, file, config) -> None:
        """What `Page.__init__` sets, made without its per-page `urljoin`, build date and edit
        address (a fifth of a 10,000-event preview's rebuild went to 22,000 of them): the same
        values, which tests/adapter/test_prerendered.py compares with MkDocs' own."""
        file.page = self
        self.file = file
        if title is not None:
            self.title = title
        self.children = None
        self.previous_page = None
        self.next_page = None
        self.active = False
        self.update_date = _build_date(environ.get("SOURCE_DATE_EPOCH"), int(time.time()))
        self.canonical_url, self.abs_url = canonical_urls(config.get("site_url"), self.url)
        if file.edit_uri is None:  # a generated file: MkDocs gives it no edit address
            self.edit_url = None
        else:
            self._set_edit_url(
                config.get("repo_url"), config.get("edit_uri"), config.get("edit_uri_template")
            )
        self.markdown = None
        self._title_from_render = None
        self.content = None
        self.toc = []  # type: ignore[assignment]
        self.meta = {}

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


def canonical_urls(site_url: str | None, url: str) -> tuple[str | None, str | None]:
    """A page's canonical address and its path, as `Page._set_canonical_url` makes them from the
    site's address and the page's `url`: appended where joining would only append, else joined."""
    if not site_url:
        return None, None
    base = _site_base(site_url)
    segments = url.split("/")
    plain = (
        base is not None
        and _PLAIN_URL.fullmatch(url) is not None
        and all(segments[:-1])
        and not {".", ".."} & set(segments)
    )
    if plain:
        joined, path = base
        return joined + url, path + url
    canonical = urljoin(site_url if site_url.endswith("/") else f"{site_url}/", url)
    return canonical, urlsplit(canonical).path


@lru_cache(maxsize=8)
def _site_base(site_url: str) -> tuple[str, str] | None:
    """The site's address ending in `/` and its path, when joining a plain relative address to
    it appends the address (an address with a query, or a path with dot segments, is not)."""
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    parts = urlsplit(base)
    probe = "a/b.c/"
    if parts.query or parts.fragment or urljoin(base, probe) != base + probe:
        return None
    if urlsplit(base + probe).path != parts.path + probe:
        return None
    return base, parts.path


@lru_cache(maxsize=2)
def _build_date(source_date_epoch: str | None, second: int) -> str:
    """MkDocs' build date, asked once a second rather than once a page."""
    return get_build_date()


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
