"""The words of the site's interface, per language; the record's own texts live in the record.

Each language has one table (`builder/text/en.py`, `builder/text/es.py`): the pages' words at
the top level, and the maps', downloads' and presidents chart's words in their own sections.
`strings("es")` falls back to English for any word not yet translated, so a page never shows a
missing key.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

from builder.text import en, es
from builder.text.numbers import number

_STRINGS = {"en": MappingProxyType(en.WORDS), "es": MappingProxyType(es.WORDS)}


@functools.cache
def strings(lang: str) -> MappingProxyType:
    """The interface words for `lang` (read-only); any word missing in `lang` is the English one."""
    if lang not in _STRINGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(_STRINGS)}")
    return MappingProxyType({**_STRINGS["en"], **_STRINGS[lang]})


def plural(forms: dict, n: int, lang: str = "en") -> str:
    """Pick 'none', 'one' or 'other' from `forms` for the count `n`, with {n} filled in."""
    key = "none" if n == 0 and "none" in forms else "one" if n == 1 else "other"
    return forms[key].format(n=number(n, lang))
