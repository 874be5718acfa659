"""The maps' words, from the `maps` section of each language's table (see `strings`)."""

from __future__ import annotations

from builder.text.numbers import number
from builder.text.strings import strings


def _words(lang: str) -> dict:
    return strings("es" if lang == "es" else "en")["maps"]


def text(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (English unless "es"), with `values` filled in.

    A text with singular and plural forms takes the one that agrees with `n`, written as
    `numbers.number` writes it.
    """
    chosen = _words(lang)[key]
    if isinstance(chosen, dict):
        chosen = chosen["one" if values["n"] == 1 else "other"]
    if isinstance(values.get("n"), int):
        values["n"] = number(values["n"], lang)
    return chosen.format(**values)


def template(key: str, lang: str) -> str | tuple[str, str]:
    """The text `key` in `lang` as written, its `{…}` unfilled: for a script to fill in. A text with
    singular and plural forms comes as (singular, plural)."""
    chosen = _words(lang)[key]
    return (chosen["one"], chosen["other"]) if isinstance(chosen, dict) else chosen
