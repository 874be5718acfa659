"""The Spanish site: dates and numbers in Spanish conventions, and English shown, marked, where a
Spanish text is missing. The views alone, rendered with Python-Markdown (no MkDocs)."""

from __future__ import annotations

import markdown
import pytest

from builder.record.dates import PartialDate
from builder.record.load import load_record
from builder.text.dates import date_label, event_when, span_label
from builder.text.numbers import number, percent
from builder.text.strings import plural, strings
from builder.views import paths
from builder.views.pages import SiteSettings, site_files
from tests.support.site import site_project

EXTENSIONS = ["attr_list", "def_list", "admonition", "md_in_html", "tables", "toc"]


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-06-07", None, "7 de junio de 2026"),
        ("2026-06", None, "junio de 2026"),
        ("2026", None, "2026"),
        ("2025-09-09", "2025-09-23", "9–23 de septiembre de 2025"),
        ("2025-09-28", "2025-10-03", "28 de septiembre – 3 de octubre de 2025"),
        ("2026-04", "2026-06", "abril–junio de 2026"),
        ("2026-02-18", "2026-06", "18 de febrero de 2026 – junio de 2026"),
    ],
)
def test_spanish_dates_at_their_precision(start, end, expected):
    assert span_label(d(start), d(end) if end else None, "es") == expected


def test_a_spanish_month_is_never_padded_to_a_day():
    assert date_label(d("2026-06"), "es") == "junio de 2026"


@pytest.mark.parametrize(
    ("value", "decimals", "en", "es"),
    [
        (50.01, 2, "50.01", "50,01"),
        (1234, 0, "1,234", "1234"),  # four digits: no separator in Spanish (RAE)
        (12345, 0, "12,345", "12\u00a0345"),
        (1234567.5, 1, "1,234,567.5", "1\u00a0234\u00a0567,5"),
        (-98765.25, 2, "-98,765.25", "-98\u00a0765,25"),
    ],
)
def test_numbers_in_each_languages_conventions(value, decimals, en, es):
    assert number(value, "en", decimals) == en
    assert number(value, "es", decimals) == es


def test_percentages_put_a_space_before_the_sign_in_spanish():
    assert percent(50.01, "es") == "50,01\u00a0%"
    assert percent(50.01, "en") == "50.01%"


def test_counts_are_spanish_words_and_numbers():
    assert plural(strings("es")["n_events"], 1, "es") == "1 hecho"
    assert plural(strings("es")["n_events"], 12345, "es") == "12\u00a0345 hechos"
    assert plural(strings("en")["n_events"], 12345, "en") == "12,345 events"


@pytest.fixture
def spanish(project):
    site_project(project)
    record = load_record(project.root)
    files = site_files(record, SiteSettings(lang="es", site_name="Test record"))
    return record, {f.path: f.content for f in files}


def html(page: str) -> str:
    body = page.split("\n---\n", 1)[1] if page.startswith("---\n") else page
    return markdown.Markdown(extensions=EXTENSIONS).convert(body)


def test_every_spanish_page_sits_under_es(spanish):
    record, files = spanish
    assert all(path.startswith("es/") for path in files if path.endswith(".md"))
    for event in record.events:
        assert paths.event_page(event.id, "es") in files


def test_a_translated_event_is_in_spanish_without_a_fallback_mark(spanish):
    record, files = spanish
    page = html(files[paths.event_page("2026-02-18-congress-installs-balcazar", "es")])
    assert "El Congreso elige a José María Balcázar" in page
    assert "18 de febrero de 2026" in page and "Verificado" in page
    assert "Texto disponible solo en inglés" not in page
    # Only the related events further down may be English (untranslated) and tagged.
    assert 'lang="en"' not in page.split("Hechos relacionados")[0]


def test_a_missing_spanish_text_is_shown_in_english_marked_and_tagged(spanish):
    record, files = spanish
    event = next(e for e in record.events if e.id == "2026-06-runoff-count-drags-on")
    assert event.summary.is_fallback("es")
    page = html(files[paths.event_page(event.id, "es")])
    assert "Texto disponible solo en inglés" in page  # the visible badge
    assert f'<span lang="en">{event.title.en}</span>' in page
    assert '<div class="pcr-summary pcr-fallback" lang="en">' in page
    assert "through June" in page  # the English text itself, never an empty page
    assert "junio de 2026" in page  # the interface around it is Spanish


def test_english_pages_never_carry_the_fallback_mark(project):
    site_project(project)
    record = load_record(project.root)
    for file in site_files(record, SiteSettings(lang="en")):
        if file.path.startswith("events/"):
            assert "Texto disponible" not in file.content
            assert strings("en")["only_in_english"] not in file.content


def test_an_approximate_spanish_date_says_hacia(spanish):
    record, _ = spanish
    event = next(e for e in record.events if e.approximate)
    assert event_when(event, "es") == "h. 20 de octubre de 2025"


def test_an_english_title_in_a_spanish_listing_is_tagged_lang_en(spanish):
    record, files = spanish
    event = next(e for e in record.events if e.id == "2026-06-runoff-count-drags-on")
    theme = html(files[paths.theme_page("elections-2026", "es")])
    assert f'lang="en">{event.title.en}</a>' in theme
    translated = next(e for e in record.events if e.title.es)
    page = html(files[paths.event_page(translated.id, "es")])
    assert f">{translated.title.es}</" in page
