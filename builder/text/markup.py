"""Record text made safe to embed in generated Markdown pages, HTML and XML.

Event files allow only `*emphasis*` and `[links](https://…)` in summaries and notes. Everything
else a writer types (an asterisk, a bracket, `<b>`, a line starting with `#`) must come out as
the same characters on the page, never as markup: so every character that Python-Markdown or
one of our extensions (attr_list, def_list, admonition, md_in_html) would read is escaped.
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import quote

# Characters Python-Markdown accepts a backslash escape for, and which can start markup inline.
_BACKSLASHED = re.compile(r"([\\`*_{}\[\]#!])")
# A paragraph that starts like a list item, quote, heading, definition or table would become one.
_BLOCK_START = re.compile(r"^(\s*)([-+>=:|~])")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_SPACE = re.compile(r"\s+")
# A link's address may hold balanced parentheses (Wikipedia's "Lima_(city)"): one level deep.
URL = r"https?://(?:[^()\s]|\([^()\s]*\))+"
_LINK = re.compile(rf"\[([^\]\n]+)\]\(({URL})\)")
_EMPHASIS = re.compile(r"\*([^*\n]+)\*")
# A link whose label runs over a line break (downloads keep such links too).
_LINK_ACROSS_LINES = re.compile(rf"\[([^\]]+)\]\(({URL})\)")
_TOKENS = re.compile(rf"{_LINK.pattern}|{_EMPHASIS.pattern}")
# Characters XML 1.0 cannot carry at all, even escaped.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@functools.lru_cache(maxsize=65536)  # labels (themes, regions, actors) repeat on every page
def escape(text: str) -> str:
    """Inline text shown literally: no emphasis, link, HTML, attribute list or entity is read."""
    text = html.escape(_SPACE.sub(" ", text), quote=False)
    return _BACKSLASHED.sub(r"\\\1", text)


def escape_block(text: str) -> str:
    """`escape`, and also harmless at the start of a block (no list, quote, heading or table)."""
    return _guard_block_start(escape(text).strip())


def safe_url(url: str) -> str:
    """A URL fit for a Markdown link target: characters that would end the target are encoded."""
    return quote(url, safe=":/?#[]@!$&'*+,;=%-._~")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a summary or note, whitespace collapsed, empty ones dropped."""
    return [p for p in (_SPACE.sub(" ", part).strip() for part in _PARAGRAPHS.split(text)) if p]


def inline_markdown(paragraph: str) -> str:
    """One paragraph with its `*emphasis*` and `[links](https://…)` kept, everything else literal."""
    out, position = [], 0
    for match in _TOKENS.finditer(paragraph):
        out.append(escape(paragraph[position : match.start()]))
        label, url, emphasised = match.group(1), match.group(2), match.group(3)
        if url is not None:
            out.append(f"[{escape(label)}]({safe_url(url)})")
        else:
            out.append(f"*{escape(emphasised)}*")
        position = match.end()
    out.append(escape(paragraph[position:]))
    return "".join(out)


def text_markdown(text: str) -> str:
    """A whole summary or note as Markdown paragraphs separated by blank lines."""
    blocks = []
    for paragraph in paragraphs(text):
        rendered = inline_markdown(paragraph)
        blocks.append(_guard_block_start(rendered))
    return "\n\n".join(blocks)


def _guard_block_start(rendered: str) -> str:
    """Replace a block-starting character by its numeric reference: the block parsers do not see
    it, and the page shows the same character."""
    match = _BLOCK_START.match(rendered)
    if match:
        return f"{match.group(1)}&#{ord(match.group(2))};{rendered[match.end() :]}"
    ordered = re.match(r"^(\d+)([.)])(\s)", rendered)
    if ordered:
        return f"{ordered.group(1)}&#{ord(ordered.group(2))};{rendered[ordered.end(2) :]}"
    return rendered


def plain_text(text: str) -> str:
    """A summary or note as plain text: link labels and emphasised words kept, markup dropped."""
    return "\n\n".join(
        _EMPHASIS.sub(r"\1", _LINK.sub(r"\1", paragraph)) for paragraph in paragraphs(text)
    )


def plain_text_with_addresses(markdown: str) -> str:
    """Record text as plain text that keeps each link's address after its label, "label
    (https://…)": for downloads (CSV, calendar, feed), where a reader cannot click."""
    return _EMPHASIS.sub(r"\1", _LINK_ACROSS_LINES.sub(r"\1 (\2)", markdown))


def plain_line(markdown: str) -> str:
    """Record text as plain text on one line, link labels only (for print maps)."""
    text_only = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return re.sub(r"\*([^*]+)\*", r"\1", " ".join(text_only.split()))


def shorten(text: str, limit: int = 280) -> str:
    """The first paragraph of plain `text`, cut at a word before `limit` characters with '…'."""
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:–— ")
    return f"{cut}…"


def html_block(markup: str) -> str:
    """HTML (an SVG drawing) fit to embed as one raw block: Markdown ends a block at a blank line."""
    return "\n".join(line for line in markup.strip().splitlines() if line.strip())


# The same text for pages written as HTML (event pages): what Python-Markdown makes of the
# Markdown functions above, written directly.


@functools.lru_cache(maxsize=65536)
def escape_html(text: str) -> str:
    """Inline text as HTML text: whitespace collapsed, `&`, `<` and `>` escaped (for element
    content only; an attribute value also needs its quotes escaped)."""
    return html.escape(_SPACE.sub(" ", text), quote=False)


def href(url: str) -> str:
    """A record URL fit for an `href` attribute value: `safe_url`, then HTML-escaped."""
    return html.escape(safe_url(url), quote=True)


def inline_html(paragraph: str) -> str:
    """One paragraph as HTML: `*emphasis*` as `<em>`, `[links](https://…)` as `<a href>`,
    everything else shown literally."""
    out, position = [], 0
    for match in _TOKENS.finditer(paragraph):
        out.append(escape_html(paragraph[position : match.start()]))
        label, url, emphasised = match.group(1), match.group(2), match.group(3)
        if url is not None:
            out.append(f'<a href="{href(url)}">{escape_html(label)}</a>')
        else:
            out.append(f"<em>{escape_html(emphasised)}</em>")
        position = match.end()
    out.append(escape_html(paragraph[position:]))
    return "".join(out)


def text_html(text: str) -> str:
    """A whole summary or note as HTML paragraphs, one `<p>` a line."""
    return "\n".join(f"<p>{inline_html(paragraph)}</p>" for paragraph in paragraphs(text))


def xml_safe(text: str) -> str:
    """`text` without the control characters XML 1.0 cannot represent (escaping is the
    serializer's job; these would make the document ill-formed whatever we do)."""
    return _XML_ILLEGAL.sub("", text)
