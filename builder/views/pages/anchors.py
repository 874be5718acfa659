"""The ids of the headings of a page written as HTML, made as Python-Markdown's `toc` extension
makes them for a Markdown page: so a listing page's sections keep the addresses they had when
they were written in Markdown (`#september-2025`, `#economy-page-2-of-2`)."""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify, strip_tags, unique

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
_ID = re.compile(r'(?<![\w-])id="([^"]*)"')


def with_heading_ids(page: str) -> str:
    """`page` with an id on every heading that has none: the slug of its text, made unique
    against every id of the page (`_1`, `_2`…), in document order, as `toc` does."""
    used = set(_ID.findall(page))

    def anchored(match: re.Match) -> str:
        level, attributes, inner = match.groups()
        if _ID.search(attributes):
            return match.group(0)
        anchor = unique(slugify(html.unescape(strip_tags(inner)), "-"), used)
        return f'<h{level}{attributes} id="{anchor}">{inner}</h{level}>'

    return _HEADING.sub(anchored, page)
