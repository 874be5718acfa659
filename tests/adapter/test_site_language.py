"""Each page of the built site speaks its own language: no interface word, footer notice or
source note of the other language, and the right `<html lang>`.

The scan (tests/support/interface_words.py) reads every HTML page of the session's build of the
repository's site, leaving out what is marked as another language (`lang="en"`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.interface_words import (
    foreign_phrases,
    foreign_words,
    html_lang,
    page_texts,
    pages_of,
)
from tests.support.project import REPO

pytestmark = pytest.mark.slow


def english_notice() -> tuple[str, ...]:
    """mkdocs.yml's English footer notice, sentence by sentence, without its markup."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^copyright: >-\n((?:  .*\n)+)", text, re.MULTILINE).group(1)
    plain = re.sub(r"<[^>]+>", "", " ".join(block.split()))
    parts = [part.strip() for part in re.split(r"(?<=[.:])\s", plain)]
    return ("Made with", *(part for part in parts if "CC BY" not in part))  # the licence's name


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_page_shows_the_other_languages_words(repo_site: Path, repo_record, lang):
    phrases = foreign_phrases(lang, repo_record, english_notice() if lang == "es" else ())
    assert len(phrases) > 200  # the scan knows the interface, not a handful of words
    findings = foreign_words(repo_site, lang, phrases)
    listing = "\n".join(f"{f.page}: {f.text!r} ({f.phrase!r})" for f in findings[:40])
    assert findings == [], f"{len(findings)} text(s) in the other language:\n{listing}"


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_declares_its_language(repo_site: Path, lang):
    pages = pages_of(repo_site, lang)
    assert len(pages) > 200
    wrong = [p.relative_to(repo_site).as_posix() for p in pages if html_lang(p.read_text()) != lang]
    assert wrong == []


def test_spanish_footer_and_source_notes(repo_site: Path):
    page = (repo_site / "es" / "index.html").read_text(encoding="utf-8")
    texts = page_texts(page, "es")
    assert "Hecho con" in texts
    notice = (
        ". Los artículos de las fuentes pertenecen a sus editores: se citan, nunca se reproducen."
    )
    assert notice in texts
    english = (repo_site / "index.html").read_text(encoding="utf-8")
    assert "Made with" in page_texts(english, "en")
    # A registry source's stance and an inline source's date note, in Spanish; the published
    # English headline as published.
    event = repo_site / "es" / "events" / "2026-02-18-congress-installs-balcazar" / "index.html"
    texts = " ".join(page_texts(event.read_text(encoding="utf-8"), "es"))
    assert "Sitio web trotskista del Comité Internacional de la Cuarta Internacional" in texts
    assert "Amid deepening crisis of class rule, Peru saddled with eighth president" in texts


def test_the_scan_finds_what_it_looks_for(tmp_path: Path, repo_record):
    """A Spanish page with English words on it is caught; marked as English, it is not."""
    page = tmp_path / "es" / "x" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<html lang="es"><body><footer>Made with <a>Material for MkDocs</a></footer>'
        "<p>(Publication date not recorded; reports events of 17 February 2026.)</p>"
        '<p lang="en">Search</p><button title="Back to top">x</button></body></html>',
        encoding="utf-8",
    )
    phrases = foreign_phrases("es", repo_record, english_notice())
    found = sorted(f.phrase for f in foreign_words(tmp_path, "es", phrases))
    assert found == [
        "Back to top",
        "Made with",
        "Publication date not recorded; reports events of 17 February 2026.",
    ]


def test_the_not_found_page_speaks_both_languages(repo_site: Path):
    """One 404.html serves every wrong address, English or Spanish: it says so in both, each
    part marked with its language (the scan above reads only the page's own)."""
    page = (repo_site / "404.html").read_text(encoding="utf-8")
    assert html_lang(page) == "en"
    assert "Page not found" in page_texts(page, "en")
    assert "404 - Not found" not in page
    spanish = re.search(r'<section class="pcr-not-found" lang="es">(.*?)</section>', page, re.S)
    assert spanish and "Página no encontrada" in spanish.group(1)
    assert re.search(r'href="[^"]*/es/" hreflang="es">Ir a la página de inicio<', spanish.group(1))
