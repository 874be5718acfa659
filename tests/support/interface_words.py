"""The interface words of one language found on the other language's built pages.

A page's visible text and its reader-facing attributes (title, aria-label, placeholder, alt) are
read, leaving out whatever is marked as another language (`lang="en"` on a Spanish page: a title
not yet translated, the language switch) and code. Each text is compared with the other
language's interface words: every word of `builder/text/<lang>.py` that differs between the two
tables, the theme's own words (Material's `partials/languages/<lang>.html`), the footer notice
of mkdocs.yml, and the record's words about its sources (the English `stance`, `date_note` and
`[description]` of a source that has Spanish ones).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import material

from builder.record.model import Record
from builder.text import en, es

TABLES = {"en": en.WORDS, "es": es.WORDS}
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
SKIPPED = ("script", "style", "code", "pre", "svg", "template")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip
_THEME_WORD = re.compile(r'^\s*"([a-z.]+)": "(.*)",?$')
_FIELD = re.compile(r"\{[a-z_]*\}")


@dataclass(frozen=True)
class Finding:
    page: str
    text: str
    phrase: str


def _leaves(table, path=()) -> Iterator[tuple[tuple, str]]:
    if isinstance(table, dict):
        for key, value in table.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(table, (list, tuple)):
        for n, value in enumerate(table):
            yield from _leaves(value, (*path, n))
    elif isinstance(table, str):
        yield path, table


def theme_words(lang: str) -> dict[str, str]:
    """Material's interface words for `lang`, by key."""
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    words = {}
    for line in (folder / f"{lang}.html").read_text(encoding="utf-8").splitlines():
        match = _THEME_WORD.match(line)
        if match and match.group(1) not in ("language", "direction"):
            words[match.group(1)] = match.group(2)
    return words


def foreign_phrases(lang: str, record: Record | None = None, extra: tuple[str, ...] = ()):
    """Regexes of the words that belong to the language other than `lang`: a page in `lang`
    must show none of them. A word with fields ("{n} events") matches any filling."""
    other = "es" if lang == "en" else "en"
    own_words = {text for _, text in _leaves(TABLES[lang])} | set(theme_words(lang).values())
    own = dict(_leaves(TABLES[lang]))
    theirs = [text for path, text in _leaves(TABLES[other]) if own.get(path) != text]
    theirs += [
        text for key, text in theme_words(other).items() if theme_words(lang).get(key) != text
    ]
    if record is not None and lang == "es":
        cited = [citation.source for event in record.events for citation in event.sources]
        for source in {*record.sources.values(), *cited}:
            theirs += [
                english
                for english, spanish in (
                    (source.title, source.description_es),
                    (source.date_note, source.date_note_es),
                    (source.stance, source.stance_es),
                )
                if english and spanish
            ]
    phrases = []
    for text in {*theirs, *extra}:
        words = re.findall(r"[^\W\d_]{2,}", _FIELD.sub(" ", text))
        # Words both languages use (names, "PDF", "CSV") or a lone short word tell nothing.
        if text in own_words or len(words) < 2 and sum(map(len, words)) < 6:
            continue
        pieces = [_bounded(piece) for piece in _FIELD.split(_trimmed(text)) if piece.strip()]
        phrases.append((text, re.compile(r"\s*.+?\s*".join(pieces))))
    return sorted(phrases, key=lambda pair: pair[0])


def _trimmed(text: str) -> str:
    """`text` without the spaces and punctuation around it, which differ from page to page."""
    return text.strip(" .,:;()·")


def _bounded(piece: str) -> str:
    """A literal piece of a phrase that matches only whole words at its ends."""
    piece = piece.strip()
    start = r"\b" if re.match(r"\w", piece) else ""
    end = r"\b" if re.search(r"\w$", piece) else ""
    return start + re.escape(piece) + end


class _Texts(HTMLParser):
    """Text nodes and reader-facing attributes in the page's own language, and the strings of
    its JSON scripts (the theme's settings carry the search's words)."""

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[tuple[str, bool]] = []  # (tag, hidden: skipped or another language)
        self.texts: list[str] = []
        self.json = False

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang")
        hidden = (
            self._hidden()
            or tag in SKIPPED
            or (lang is not None and tag != "html" and lang.split("-")[0] != self.lang)
        )
        if not hidden:
            self.texts += [attributes[a] for a in ATTRIBUTES if attributes.get(a)]
        self.json = tag == "script" and attributes.get("type") == "application/json"
        if tag not in VOID:
            self.stack.append((tag, hidden))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_endtag(self, tag):
        for n in range(len(self.stack) - 1, -1, -1):
            if self.stack[n][0] == tag:
                del self.stack[n:]
                break

    def handle_data(self, data):
        if self.json:
            self.texts += [text for _, text in _leaves(json.loads(data))]
            self.json = False
        elif not self._hidden() and data.strip():
            self.texts.append(" ".join(data.split()))


def page_texts(html: str, lang: str) -> list[str]:
    parser = _Texts(lang)
    parser.feed(html)
    return parser.texts


def html_lang(html: str) -> str | None:
    match = re.search(r"<html[^>]*\slang=\"([^\"]+)\"", html)
    return match.group(1) if match else None


def pages_of(site: Path, lang: str) -> list[Path]:
    """The built HTML pages of `lang`: Spanish under es/, English everywhere else."""
    pages = sorted(site.rglob("*.html"))
    spanish = [p for p in pages if p.relative_to(site).parts[0] == "es"]
    return spanish if lang == "es" else [p for p in pages if p not in set(spanish)]


def foreign_words(site: Path, lang: str, phrases) -> list[Finding]:
    """Every text on `lang`'s pages that is one of `phrases` (from `foreign_phrases`)."""
    findings = []
    for page in pages_of(site, lang):
        html = page.read_text(encoding="utf-8")
        if html_lang(html) != lang:  # a page of the other language (the maps' frames) is
            continue  # checked by its lang attribute, not here
        for text in page_texts(html, lang):
            for phrase, pattern in phrases:
                # A long phrase is found inside a text; a short one only as the whole text.
                if (pattern.search if len(phrase) >= 24 else pattern.fullmatch)(_trimmed(text)):
                    findings.append(Finding(page.relative_to(site).as_posix(), text, phrase))
    return findings
