"""The theme's pages without its templates' indentation.

Material's templates indent their markup deeply and leave blank lines where a Jinja block wrote
nothing: about a sixth of every page's bytes (4.5 KB of an event page's 26 KB), in every page.
A run of whitespace that holds a line break reads the same to a browser as one line break,
except where whitespace is kept as written: `<pre>`, `<textarea>`, and the theme's `code` and
`kbd`, which it styles `white-space: pre-wrap`; those, and scripts and styles, are left as they
are.

Every page of a build passes through here, so it is written for speed: the kept elements are
found first, and between them a line break and the whitespace after it are collapsed by one
regular expression, the spaces and tabs before it by `str.replace` (a pattern that began with
them would be tried at every space of the text: four times slower at 10,000 events).
"""

from __future__ import annotations

import re

_KEPT = re.compile(r"<(pre|textarea|code|kbd|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_BREAK_AND_AFTER = re.compile(r"\n\s*")


def without_indentation(page: str) -> str:
    """`page` with every run of whitespace that holds a line break made one line break, outside
    the elements whose whitespace shows (`<pre>`, `<textarea>`, `<code>`, `<kbd>`) and scripts
    and styles: the spaces and tabs before the first break of the run, the break and every
    whitespace character after it."""
    out: list[str] = []
    end = 0
    for kept in _KEPT.finditer(page):
        out += (_collapsed(page[end : kept.start()]), kept.group(0))
        end = kept.end()
    out.append(_collapsed(page[end:]))
    return "".join(out)


def _collapsed(text: str) -> str:
    """`text` (holding no kept element) with each run of whitespace holding a line break made
    one line break."""
    text = _BREAK_AND_AFTER.sub("\n", text)
    while " \n" in text or "\t\n" in text:  # as many times as the longest such run
        text = text.replace(" \n", "\n").replace("\t\n", "\n")
    return text
