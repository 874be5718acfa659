"""What the published site's search shows of a page reads as words: Pagefind joins the text of
elements it does not take for blocks (a definition list's `<dt>` and `<dd>`) as written, so an
event's facts list needs whitespace between a term and its value or the excerpt reads
"Date18 February 2026". Read from Pagefind's index of the session's build of the real site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.text.strings import strings
from tests.support.pagefind import fragments

pytestmark = pytest.mark.slow

FACTS = ("when", "status", "themes", "regions", "places", "actors")
EVENT = "events/2026-02-18-congress-installs-balcazar/"


@pytest.mark.parametrize(
    ("lang", "date"), [("en", "Date 18 February 2026"), ("es", "Fecha 18 de febrero de 2026")]
)
def test_no_fact_of_an_event_page_runs_into_its_value(repo_site: Path, lang: str, date: str):
    words = strings(lang)
    labels = "|".join(re.escape(words[fact]) for fact in FACTS)
    # A term followed at once by a digit or a capital: its value with no space between
    # ("Estados Unidos" holds the Spanish term for status, but is not one).
    hugging = re.compile(rf"(?<!\w)(?:{labels})(?=[0-9A-ZÁÉÍÓÚÑ])")
    prefix = "/es/" if lang == "es" else "/"
    pages = {url: page for url, page in fragments(repo_site, lang).items() if "/events/" in url}
    assert len(pages) > 50
    glued = {
        url: hugging.findall(page["content"])
        for url, page in pages.items()
        if hugging.search(page["content"])
    }
    assert glued == {}
    assert date in pages[prefix + EVENT]["content"]
