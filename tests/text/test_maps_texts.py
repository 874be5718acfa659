"""The words the maps write themselves: periods, dates and counts in natural English and Spanish."""

from __future__ import annotations

import pytest

from builder.record.dates import PartialDate
from builder.text.dates import date_phrase, month_words, period_phrase, period_text
from builder.text.map_texts import template, text
from builder.views.maps.describe import build_date, subtitle
from builder.views.maps.measures import measure, override
from tests.support.maps import with_maps


def d(value: str) -> PartialDate:
    return PartialDate.parse(value)


@pytest.mark.parametrize(
    ("start", "end", "es", "en"),
    [
        (
            "2025-01",
            "2026-12",
            "Hechos de enero de 2025 a diciembre de 2026",
            "Events from January 2025 to December 2026",
        ),
        (
            "2026-06-07",
            "2026-06-30",
            "Hechos del 7 de junio de 2026 al 30 de junio de 2026",
            "Events from 7 June 2026 to 30 June 2026",
        ),
        (
            "2025-09-09",
            "2026-06",
            "Hechos del 9 de septiembre de 2025 a junio de 2026",
            "Events from 9 September 2025 to June 2026",
        ),
        (
            "2026-01",
            "2026-06-07",
            "Hechos de enero de 2026 al 7 de junio de 2026",
            "Events from January 2026 to 7 June 2026",
        ),
        ("2025", "2026", "Hechos de 2025 a 2026", "Events from 2025 to 2026"),
        ("2026-06-07", "2026-06-07", "Hechos del 7 de junio de 2026", "Events of 7 June 2026"),
        ("2026-06", "2026-06", "Hechos de junio de 2026", "Events of June 2026"),
    ],
)
def test_a_period_reads_naturally_at_each_precision(start, end, es, en):
    assert period_text(d(start), d(end), "es") == es
    assert period_text(d(start), d(end), "en") == en


@pytest.mark.parametrize(
    ("date", "role", "es", "en"),
    [
        ("2026-06-07", "of", "del 7 de junio de 2026", "of 7 June 2026"),
        ("2026-06", "of", "de junio de 2026", "of June 2026"),
        ("2026-06-07", "on", "el 7 de junio de 2026", "on 7 June 2026"),
        ("2026-06", "on", "en junio de 2026", "in June 2026"),
        ("2026", "on", "en 2026", "in 2026"),
    ],
)
def test_a_date_takes_the_preposition_its_precision_needs(date, role, es, en):
    assert date_phrase(d(date), "es", role) == es
    assert date_phrase(d(date), "en", role) == en


def test_an_events_date_on_a_map_says_del_or_de():
    assert text("event_of", "es", date=date_phrase(d("2026-02-18"), "es", "of")) == (
        "hecho del 18 de febrero de 2026"
    )
    assert text("event_of", "es", date=date_phrase(d("2026-02"), "es", "of")) == (
        "hecho de febrero de 2026"
    )


@pytest.mark.parametrize(
    ("n", "es", "en"),
    [(1, "1 hecho", "1 event"), (3, "3 hechos", "3 events")],
)
def test_counts_agree_with_their_number(n, es, en):
    assert text("events_in_region", "es", n=n) == es
    assert text("events_in_region", "en", n=n) == en


def test_the_unmapped_line_agrees_with_its_number():
    assert text("unmapped", "es", n=1).startswith(
        "1 hecho seleccionado concierne a todo el país u ocurrió en el extranjero"
    )
    assert text("unmapped", "es", n=2).startswith(
        "2 hechos seleccionados conciernen a todo el país u ocurrieron en el extranjero"
    )
    assert text("unmapped", "en", n=1).startswith("1 selected event concerns")


def test_a_maps_subtitle_and_build_date_in_spanish(project, monkeypatch):
    record, definitions, _ = with_maps(project)
    definition = definitions["strikes"]
    window = override(definition.selection, start=d("2025-01"), end=d("2026-12"))
    data = measure(definition, record, window)
    assert subtitle(data, record, "es").startswith("Hechos de enero de 2025 a diciembre de 2026 · ")
    assert subtitle(data, record, "en").startswith("Events from January 2025 to December 2026 · ")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780790400")  # 7 June 2026, 00:00 UTC
    assert text("built", "es", date=build_date(record, "es")) == "Generado el 7 de junio de 2026"
    assert text("built", "en", date=build_date(record, "en")) == "Built on 7 June 2026"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert build_date(record, "es").startswith(("el ", "en "))


def test_a_period_phrase_and_the_words_a_script_writes_months_with():
    assert period_phrase(d("2025-01"), d("2026-06"), "es") == "de enero de 2025 a junio de 2026"
    assert period_phrase(d("2026-06"), d("2026-06"), "en") == "in June 2026"
    assert period_phrase(d("2026-06-07"), d("2026-06-30"), "es") == (
        "del 7 de junio de 2026 al 30 de junio de 2026"
    )
    words = month_words("es")
    assert words["months"][8] == "septiembre" and words["monthYear"] == "{month} de {year}"
    assert (words["from"], words["to"], words["on"]) == ("de", "a", "en")
    assert month_words("en")["on"] == "in"
    # What the script fills in: the same words as the page's own.
    one, other = template("window_status", "es")
    assert other.format(n=3, period="de enero de 2025 a junio de 2026") == (
        text("window_status", "es", n=3, period="de enero de 2025 a junio de 2026")
    )
    assert one == "1 hecho {period}"
