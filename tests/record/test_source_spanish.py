"""A source's `es:`: the record's own words about it in Spanish, read, checked and shown."""

from __future__ import annotations

import pytest

from builder.record.load import load_record
from builder.record.problems import RecordError
from tests.support.project import SOURCES, VALID_EVENT

DESCRIBED = """\
wsws-untitled:
  publisher: World Socialist Web Site
  title: "[untitled article on the runoff count]"
  untitled: true
  date_note: Undated; written after the runoff.
  stance: Trotskyist website
"""

SPANISH = """\
  es:
    title: "[artículo sin título sobre el conteo]"
    date_note: Sin fecha; escrito después de la segunda vuelta.
    stance: Sitio web trotskista
"""


def registry(project, text: str) -> None:
    project.write("events/registries/sources.yml", SOURCES + text)


def test_spanish_words_about_a_source_are_read(project):
    registry(project, DESCRIBED + SPANISH)
    record = load_record(project.root)
    source = record.sources["wsws-untitled"]
    assert source.title_in("es") == "[artículo sin título sobre el conteo]"
    assert source.title_in("en") == "[untitled article on the runoff count]"
    assert source.date_note_in("es") == "Sin fecha; escrito después de la segunda vuelta."
    assert source.stance_in("es") == "Sitio web trotskista"
    assert source.stance_in("en") == "Trotskyist website"
    assert record.warnings == []


def test_a_source_without_spanish_is_a_warning_naming_what_is_missing(project):
    registry(project, DESCRIBED)
    record = load_record(project.root)
    (warning,) = [str(w) for w in record.warnings]
    assert warning.startswith("events/registries/sources.yml:")
    assert "no Spanish text for the source's title, date_note, stance" in warning
    assert record.sources["wsws-untitled"].stance_in("es") == "Trotskyist website"  # fallback


def test_an_inline_source_takes_spanish_too(project):
    event = VALID_EVENT.replace(
        "  - id: rpp-2026-02-18-balcazar\n",
        "  - publisher: Exitosa\n"
        '    title: "[Exitosa report]"\n'
        "    headline_unknown: true\n"
        "    date_note: Publication date not recorded.\n"
        "    es:\n"
        '      title: "[nota de Exitosa]"\n'
        "      date_note: Fecha de publicación no registrada.\n",
    )
    assert event != VALID_EVENT
    project.event(event)
    record = load_record(project.root)
    (source,) = [c.source for c in record.events[0].sources]
    assert (source.title_in("es"), source.date_note_in("es")) == (
        "[nota de Exitosa]",
        "Fecha de publicación no registrada.",
    )


@pytest.mark.parametrize(
    ("spanish", "message"),
    [
        # A published headline is not translated.
        (
            'es:\n    title: "[titular traducido]"\n',
            "'es' has a title the source has not",
        ),
        ("es:\n    title: artículo sin corchetes\n", "is not in square brackets"),
        ("es:\n    stance: Medio\n", "'es' has a stance the source has not"),
        ("es:\n    summary: Algo\n", "summary"),
    ],
)
def test_wrong_spanish_is_an_error_at_its_line(project, spanish, message):
    base = DESCRIBED if "corchetes" in spanish else SOURCES.replace("  language: es\n", "")
    text = base if base is DESCRIBED else ""
    if base is DESCRIBED:
        registry(project, text + "  " + spanish)
    else:
        project.write("events/registries/sources.yml", base + "  " + spanish)
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    problems = [str(p) for p in caught.value.problems if p.severity == "error"]
    assert any(message in p and p.startswith("events/registries/sources.yml:") for p in problems), (
        problems
    )


def test_strict_languages_makes_a_missing_spanish_text_an_error(project):
    registry(project, DESCRIBED)
    with pytest.raises(RecordError) as caught:
        load_record(project.root, strict_languages=True)
    (problem,) = [p for p in caught.value.problems if "the source's" in p.message]
    assert problem.severity == "error" and problem.path == "events/registries/sources.yml"
