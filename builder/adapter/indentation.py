"""The theme's pages without its templates' indentation.

Material's templates indent their markup deeply and leave blank lines where a Jinja block wrote
nothing: about a sixth of every page's bytes (4.5 KB of an event page's 26 KB), in every page.
A run of whitespace that holds a line break reads the same to a browser as one line break,
except where whitespace is kept as written: `<pre>`, `<textarea>`, and the theme's `code` and
`kbd`, which it styles `white-space: pre-wrap`; those, and scripts and styles, are left as they
are.
"""

from __future__ import annotations

import re

_KEPT_OR_INDENTED = re.compile(
    r"(<(pre|textarea|code|kbd|script|style)\b.*?</\2\s*>)|[ \t]*\n\s*",
    re.DOTALL | re.IGNORECASE,
)


def without_indentation(page: str) -> str:
    """`page` with every run of whitespace that holds a line break made one line break, outside
    the elements whose whitespace shows (`<pre>`, `<textarea>`, `<code>`, `<kbd>`) and scripts
    and styles."""
    return _KEPT_OR_INDENTED.sub(_replacement, page)


def _replacement(match: re.Match) -> str:
    return match.group(1) or "\n"
