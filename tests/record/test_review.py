"""The editorial review on real files: each heuristic fires on a bad event and is quiet on a good one."""

from __future__ import annotations

import pytest

from builder.record.load import load_record
from builder.record.review import field_lines, review_record
from tests.support.project import VALID_EVENT, VALID_NAME, Project

WSWS_SOURCE = """\
  - publisher: World Socialist Web Site
    title: Amid deepening crisis of class rule, Peru saddled with eighth president in 10 years
    date: 2026-02-25
    stance: Trotskyist website of the International Committee of the Fourth International (ICFI)
"""
AGGREGATOR_SOURCE = """\
  - publisher: efinder.lk
    title: "[aggregator copy of a report on Balcázar's election]"
    headline_unknown: true
    date: 2026-02-19
    stance: aggregator
"""


def review(project: Project, text: str) -> list[str]:
    """Write `text` as the one event of `project`, load the record and review it."""
    path = project.event(text)
    record = load_record(project.root)
    lines = {VALID_NAME: field_lines(path.read_text(encoding="utf-8"))}
    return [str(finding) for finding in review_record(record, lines)]


def only_wsws(text: str) -> str:
    return text.replace("  - id: rpp-2026-02-18-balcazar\n", WSWS_SOURCE)


def test_a_good_event_has_no_findings(project: Project) -> None:
    assert review(project, VALID_EVENT) == []


def test_a_reported_title_that_names_no_source_is_listed_in_each_language(
    project: Project,
) -> None:
    findings = review(
        project, only_wsws(VALID_EVENT).replace("status: verified", "status: reported")
    )
    assert findings == [
        f"{VALID_NAME}:2: the English title of a reported event names no source or claimant — "
        'a title is read alone: say who reports or alleges it ("the WSWS says …"), or confirm '
        "it independently and mark it verified",
        f"{VALID_NAME}:7: the Spanish title of a reported event names no source or claimant — "
        'a title is read alone: say who reports or alleges it ("the WSWS says …"), or confirm '
        "it independently and mark it verified",
    ]


def test_a_reported_title_that_names_its_source_is_quiet(project: Project) -> None:
    text = (
        only_wsws(VALID_EVENT)
        .replace("status: verified", "status: reported")
        .replace("title: Congress elects", "title: The WSWS says Congress elects")
        .replace("  title: El Congreso elige", "  title: Según el WSWS, el Congreso elige")
    )
    assert review(project, text) == []


def test_an_alleged_title_may_name_its_claimant(project: Project) -> None:
    text = (
        only_wsws(VALID_EVENT)
        .replace("status: verified", "status: alleged\nclaimed_by: [wsws]")
        .replace(
            "actors: [jose-maria-balcazar, congress]",
            "actors: [jose-maria-balcazar, congress, wsws]",
        )
        .replace("interim president\nsummary", "interim president, in the WSWS's account\nsummary")
        .replace("  title: El Congreso elige", "  title: El WSWS afirma que el Congreso elige")
    )
    assert review(project, text) == []


@pytest.mark.parametrize(
    ("title", "found"),
    [
        ("title: Congress stages a coup and installs Balcázar", True),
        ('title: The WSWS calls it a "parliamentary coup" as Congress installs Balcázar', False),
    ],
)
def test_a_label_outside_quotation_marks_is_listed(
    project: Project, title: str, found: bool
) -> None:
    text = VALID_EVENT.replace(
        "title: Congress elects José María Balcázar and installs him as interim president", title
    )
    expected = [
        f"{VALID_NAME}:2: the English title uses the label 'coup' outside quotation marks — "
        "labels appear only quoted and attributed to whoever used them"
    ]
    assert review(project, text) == (expected if found else [])


def test_a_verified_event_resting_only_on_partisan_and_aggregator_sources_is_listed(
    project: Project,
) -> None:
    text = only_wsws(VALID_EVENT).replace(WSWS_SOURCE, WSWS_SOURCE + AGGREGATOR_SOURCE)
    assert review(project, text) == [
        f"{VALID_NAME}:16: verified, but every source is aggregator or partisan — cite an "
        "independent source that confirms it, or mark it reported and attribute it"
    ]


STATE_SOURCE = """\
  - publisher: Andina
    title: Peruvians approve three reforms, reject one at referendum
    date: 2018-12-09
    stance: Peruvian state news agency
    es:
      stance: "agencia de noticias estatal peruana"
"""


@pytest.mark.parametrize(
    "stance",
    [
        "Peruvian state news agency",
        "Latin American state-backed broadcaster",
        "official (Peruvian Navy)",
        "Medio estatal peruano",
    ],
)
def test_a_verified_event_resting_only_on_state_media_and_partisans_is_listed(
    project: Project, stance: str
) -> None:
    """State media and official bodies speak for a government: they are not independent
    confirmation, and the review says when they may still be enough (the state's own acts)."""
    state = STATE_SOURCE.replace("stance: Peruvian state news agency", f"stance: {stance}")
    text = only_wsws(VALID_EVENT).replace(WSWS_SOURCE, WSWS_SOURCE + state)
    assert review(project, text) == [
        f"{VALID_NAME}:16: verified, but every source is partisan or the state's (a state outlet "
        "or an official body) — a state outlet or official body confirms its government's own "
        "acts (a decree published, an official count), not what that government is a party to: "
        "if the event is such an act it may stay verified; otherwise cite an independent source "
        "that confirms it, or mark it reported and attribute it"
    ]


@pytest.mark.parametrize("stance", ["non-state news cooperative", "unofficial fan blog", ""])
def test_a_stance_that_only_contains_state_words_is_independent(
    project: Project, stance: str
) -> None:
    state = STATE_SOURCE.replace("stance: Peruvian state news agency", f"stance: {stance}")
    if not stance:
        state = (
            state.replace("    stance: \n", "")
            .replace("    es:\n", "")
            .replace('      stance: "agencia de noticias estatal peruana"\n', "")
        )
    text = only_wsws(VALID_EVENT).replace(WSWS_SOURCE, WSWS_SOURCE + state)
    assert review(project, text) == []


def test_the_record_s_state_outlets_are_classed_as_the_state_s(repo_record) -> None:
    """Andina, TV Perú, CGTN, teleSUR and Escambray in the real record (their stances)."""
    from builder.record.review import source_kind

    kinds = {
        citation.source.publisher: source_kind(citation.source)
        for event in repo_record.events
        for citation in event.sources
    }
    for publisher in (
        "Andina",
        "TV Perú (ptv.pe)",
        "CGTN en Español",
        "teleSUR English",
        "Escambray",
    ):
        assert kinds[publisher] == "state", publisher
    assert kinds["World Socialist Web Site"] == "partisan"
    assert kinds["RPP"] == "independent"


def test_a_verified_event_with_one_independent_source_is_quiet(project: Project) -> None:
    text = VALID_EVENT.replace(
        "  - id: rpp-2026-02-18-balcazar\n", "  - id: rpp-2026-02-18-balcazar\n" + AGGREGATOR_SOURCE
    )
    assert review(project, text) == []


def test_an_actor_no_text_or_source_names_is_listed(project: Project) -> None:
    text = VALID_EVENT.replace(
        "actors: [jose-maria-balcazar, congress]",
        "actors: [jose-maria-balcazar, congress, peru-libre]",
    )
    assert review(project, text) == [
        f"{VALID_NAME}:15: the actor 'peru-libre' (Perú Libre) is not named in the event or its "
        "sources — check that a source ties it to this event; otherwise remove it from actors, "
        "or name it in the summary"
    ]


def test_an_actor_named_by_surname_or_short_name_is_quiet(project: Project) -> None:
    # 'Balcázar' alone names José María Balcázar; 'Congreso' names Congreso de la República.
    text = (
        VALID_EVENT.replace("Congress elected José María Balcázar", "Congress elected Balcázar")
        .replace("El Congreso eligió a José María Balcázar", "El Congreso eligió a Balcázar")
        .replace("title: Congress elects José María Balcázar", "title: Congress elects Balcázar")
        .replace(
            "  title: El Congreso elige a José María Balcázar",
            "  title: El Congreso elige a Balcázar",
        )
    )
    assert review(project, text) == []


def test_a_note_saying_unverified_on_a_verified_event_is_listed(project: Project) -> None:
    note = "note: >-\n  The day of the vote has not been verified.\n"
    assert review(
        project, VALID_EVENT.replace("status: verified\n", "status: verified\n" + note)
    ) == [
        f"{VALID_NAME}:17: verified, but the note says 'not been verified' — if the note is "
        "about the event itself, mark it reported; if about one claim in it, make sure the "
        "summary attributes that claim"
    ]


def test_a_note_that_only_compares_sources_is_quiet(project: Project) -> None:
    note = "note: >-\n  Tallies reported for the vote differ between outlets.\n"
    assert (
        review(project, VALID_EVENT.replace("status: verified\n", "status: verified\n" + note))
        == []
    )


def test_an_approximate_date_without_a_note_is_listed(project: Project) -> None:
    text = VALID_EVENT.replace("date: 2026-02-18\n", "date: 2026-02-18\napproximate: true\n")
    assert review(project, text) == [
        f"{VALID_NAME}:2: the date is approximate but no note says why — add a note saying what "
        "the sources give and why the date is not exact"
    ]
    with_note = text + "note: >-\n  Reports place it on the 18th or the 19th.\n"
    assert review(project, with_note) == []


def test_figures_that_differ_between_languages_are_listed(project: Project) -> None:
    text = VALID_EVENT.replace("the same evening.", "the same evening, with 64 votes.").replace(
        "esa misma noche.", "esa misma noche, con 60 votos."
    )
    assert review(project, text) == [
        f"{VALID_NAME}:8: the Spanish summary and the English differ in figures: only the English "
        "has 64; only the Spanish has 60 — check that both languages give the same figures and dates"
    ]


def test_figures_written_each_language_s_way_are_quiet(project: Project) -> None:
    text = VALID_EVENT.replace(
        "the same evening.", "the same evening; the sale was worth US$1.5 billion, 1,200 troops."
    ).replace("esa misma noche.", "esa misma noche; la venta era de 1500 millones, 1200 soldados.")
    assert review(project, text) == []


def test_a_translation_far_longer_than_the_english_is_listed(project: Project) -> None:
    longer = (
        "esa misma noche, en una sesión que los medios describieron con gran detalle y que duró "
        "varias horas, entre discursos, cuestiones de orden y votaciones sucesivas."
    )
    findings = review(project, VALID_EVENT.replace("esa misma noche.", longer))
    assert findings == [
        f"{VALID_NAME}:8: the Spanish summary is 2.1 times as long as the English — check that "
        "the translation says no more and no less than the English"
    ]
