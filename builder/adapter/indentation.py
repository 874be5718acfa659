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

A page written from a skeleton (skeleton.py) needs no pass of its own: its skeleton's parts are
taken out of their indentation once (`Piece`), its own values each time, and `joined` puts them
together where that is what the whole page would have become: where no run of whitespace and
no kept element crosses from one piece into the next.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_NAMES = r"(pre|textarea|code|kbd|script|style)\b"
_KEPT = re.compile(rf"<{_NAMES}.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# A kept element, or the start of one that the text does not close (the group is unmatched).
_KEPT_OR_OPEN = re.compile(rf"<{_NAMES}(?:.*?(</)\1\s*>)?", re.DOTALL | re.IGNORECASE)
# A tag's name cut short where the text ends (a piece ending `<pr` may be a `<pre>` with the next).
_CUT_NAME = re.compile(r"<[a-zA-Z]*\Z")
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


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a page without its indentation; `closed` if it leaves no kept element open and
    no tag's name cut short at its end, so the next piece starts outside any kept element."""

    text: str
    closed: bool

    @classmethod
    def of(cls, text: str) -> Piece:
        """`text` without its indentation, as a piece of a page."""
        out: list[str] = []
        end = 0
        for kept in _KEPT_OR_OPEN.finditer(text):
            if kept.group(2) is None:  # an element the page may close in a later piece
                return cls(without_indentation(text), closed=False)
            out += (_collapsed(text[end : kept.start()]), kept.group(0))
            end = kept.end()
        out.append(_collapsed(text[end:]))
        last_tag = text.rfind("<", end)
        cut = last_tag >= 0 and _CUT_NAME.match(text, last_tag) is not None
        return cls("".join(out), closed=not cut)


def joined(pieces: Iterable[Piece]) -> str | None:
    """The page the pieces make, without its indentation: what `without_indentation` makes of
    their texts as they were, joined; None where that is not so sure (a piece left a kept
    element open, or a run of whitespace crosses from one piece into the next)."""
    texts: list[str] = []
    before: Piece | None = None
    for piece in pieces:
        if not piece.text:
            continue
        if before is not None and (
            not before.closed or (before.text[-1].isspace() and piece.text[0].isspace())
        ):
            return None
        texts.append(piece.text)
        before = piece
    return "".join(texts)
