"""Event prose to safe HTML: a small Markdown subset, then an allow-list sanitiser.

Event text arrives by pull request from strangers. Whatever it contains, the HTML that comes
out holds only paragraphs, emphasis, line breaks and links to https:, http: or mailto: (or
relative) addresses; every other tag is removed or escaped and no attribute but `href`
(and a fixed `rel`) survives.
"""

from __future__ import annotations

import html
from functools import lru_cache

import markdown
import nh3

ALLOWED_TAGS = {"p", "em", "strong", "a", "br", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"https", "http", "mailto"}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    # No extensions: tables, attribute lists and raw-HTML tricks are not part of the subset.
    return markdown.Markdown(extensions=[], output_format="html")


def prose_html(text: str) -> str:
    """Render event prose (paragraphs separated by blank lines) as sanitised HTML."""
    converter = _converter()
    converter.reset()
    rendered = converter.convert(text)
    return nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        clean_content_tags={"script", "style"},
        strip_comments=True,
        attribute_filter=_only_allowed_attributes,
    )


def _only_allowed_attributes(tag: str, attribute: str, value: str) -> str | None:
    # The sanitiser also allows generic attributes such as `title`; the subset needs none.
    # `rel` on links is the sanitiser's own fixed value (link_rel), never the writer's.
    allowed = attribute in ALLOWED_ATTRIBUTES.get(tag, ()) or (tag == "a" and attribute == "rel")
    return value if allowed else None


def plain_text(text: str) -> str:
    """Escape text for HTML where no markup is wanted (titles, names, tooltips)."""
    return html.escape(text, quote=True)
