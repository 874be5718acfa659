"""Pagefind's marks in a rendered page: what the published site's search leaves out.

The theme's search index leaves out a page whose front matter says `search: exclude`, an element
marked `data-search-exclude`, and, for a heading so marked, its whole section (to the next
heading). Pagefind leaves out what its `exclude_selectors` select (pagefind_index.EXCLUDED) and
what is marked `data-pagefind-ignore`: here a page is marked so that Pagefind leaves out what
the theme's index would. Event and browse pages' templates (builder/templates/*.html.j2) write
their sections' marks themselves, so the thousands of them need no looking through.
"""

from __future__ import annotations

import re

ARTICLE = '<article class="md-content__inner'
# A heading kept out of the theme's index keeps its section out (the theme's rule): the section
# runs to the next heading or the article's end. Pagefind ignores the heading only, so each
# element of the section is marked as one it ignores.
_EXCLUDED_SECTION = re.compile(
    r"(<h([1-6])\b[^>]*\bdata-search-exclude\b[^>]*>.*?</h\2>)(.*?)(?=<h[1-6]\b|</article>)",
    re.DOTALL,
)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    ]
)


def marked(output: str, searchable: bool, sections: bool = True) -> str:
    """A rendered page marked for Pagefind as the theme's index treats it: a page kept out of
    search (`search: exclude` in its front matter: later pages of a list, timeline periods) is
    ignored whole, and a heading marked `data-search-exclude` keeps its section out. `sections`
    False: the page's template marked its sections itself (event and browse pages, thousands
    of them: builder/templates/*.html.j2), and they are not looked for."""
    if not searchable:
        return output.replace(
            ARTICLE, '<article data-pagefind-ignore="all" class="md-content__inner', 1
        )
    if not sections or "data-search-exclude" not in output:
        return output
    return _EXCLUDED_SECTION.sub(_ignored_section, output)


def _ignored_section(match: re.Match) -> str:
    heading, section = match.group(1), match.group(3)
    marked_section = _each_element_ignored(section)
    if marked_section is None:  # a section that closes its container, or holds bare text
        return match.group(0)
    return heading + marked_section


def _each_element_ignored(html: str) -> str | None:
    """`html` with `data-pagefind-ignore` on each of its top-level elements: the page keeps its
    structure (print and screen styles select siblings), Pagefind skips their text. None when an
    element is closed that `html` did not open, one is left open, or text stands outside them."""
    out: list[str] = []
    depth, end = 0, 0
    for tag in _TAG.finditer(html):
        closing, name, self_closing = tag.groups()
        if depth == 0 and html[end : tag.start()].strip():
            return None
        out.append(html[end : tag.start()])
        end = tag.end()
        if closing:
            if depth == 0:
                return None
            depth -= 1
            out.append(tag.group(0))
            continue
        if depth == 0:
            out.append(tag.group(0).replace(name, f"{name} data-pagefind-ignore", 1))
        else:
            out.append(tag.group(0))
        if name.lower() not in _VOID and not self_closing:
            depth += 1
    if depth or html[end:].strip():
        return None
    return "".join(out) + html[end:]
