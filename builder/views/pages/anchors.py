"""The ids of the headings of a page written as HTML, made as Python-Markdown's `toc` extension
makes them for a Markdown page: so a listing page's sections keep the addresses they had when
they were written in Markdown (`#september-2025`, `#economy-page-2-of-2`)."""

from __future__ import annotations

import html
import re

from markdown.extensions.toc import slugify, strip_tags, unique

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.DOTALL)
# `id="…"`, found from its literal start (which the engine finds fast); `ids` checks the
# character before. A pattern that began with a look-behind (`(?<![\w-])id=`) would be tried at
# every position of the page: ten times slower, on thousands of pages.
_ID = re.compile(r'id="([^"]*)"')
# What may not come before `id=` in an attribute: a character of a longer name (`data-id=`).
NAME_CHARACTER = re.compile(r"[\w-]")


def ids(page: str, not_after: re.Pattern = NAME_CHARACTER) -> list[str]:
    """The values of the `id` attributes in `page`, in order: each `id="…"` not right after a
    character `not_after` matches (by default, one of a longer attribute name)."""
    found = []
    position = 0
    while (match := _ID.search(page, position)) is not None:
        start = match.start()
        if start and not_after.match(page, start - 1):
            position = start + 1  # `xid="`: not an attribute; one may start inside it
            continue
        found.append(match.group(1))
        position = match.end()
    return found


def with_heading_ids(page: str) -> str:
    """`page` with an id on every heading that has none: the slug of its text, made unique
    against every id of the page (`_1`, `_2`…), in document order, as `toc` does."""
    used = set(ids(page))

    def anchored(match: re.Match) -> str:
        level, attributes, inner = match.groups()
        if ids(attributes):
            return match.group(0)
        anchor = unique(slugify(html.unescape(strip_tags(inner)), "-"), used)
        return f'<h{level}{attributes} id="{anchor}">{inner}</h{level}>'

    return _HEADING.sub(anchored, page)
