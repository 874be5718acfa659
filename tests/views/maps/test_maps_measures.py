"""Counting events by region on a small real record: themes, windows, periods, national events."""

from __future__ import annotations

from builder.record.dates import PartialDate
from builder.record.load import load_record
from builder.views.maps.measures import count_events, measure, override
from builder.views.maps.styling import classify
from tests.support.maps import with_maps, write_event


def counts(data) -> dict[str, int]:
    return {iso: region.value for iso, region in data.regions.items() if region.value}


def test_strikes_in_the_window_are_counted_in_each_region_they_name(project):
    record, definitions, ids = with_maps(project)
    data = measure(definitions["strikes"], record)
    # Puno's blockade runs from 20 December 2025 into January 2026, so it is in the window.
    assert counts(data) == {"PE-LMA": 1, "PE-CAL": 1, "PE-CUS": 1, "PE-PUN": 1}
    assert len(data.regions) == 26 and data.regions["PE-ARE"].value == 0
    assert [e.id for e in data.unmapped] == [ids["national"]]
    assert [e.id for e in data.regions["PE-LMA"].events] == [ids["lima"]]


def test_a_window_and_themes_given_on_the_command_line_replace_the_definitions(project):
    record, definitions, ids = with_maps(project)
    strikes = definitions["strikes"]
    december = override(strikes.selection, start=PartialDate(2025, 12), end=PartialDate(2025, 12))
    assert counts(measure(strikes, record, december)) == {"PE-PUN": 1}
    everything = override(
        strikes.selection, start=PartialDate(2025), themes=("economy", "strikes-and-protests")
    )
    assert counts(measure(strikes, record, everything))["PE-LMA"] == 2


def test_an_event_dated_to_the_month_counts_in_a_window_that_touches_the_month(project):
    record, definitions, ids = with_maps(project)
    strikes = definitions["strikes"]
    mid_february = override(
        strikes.selection, start=PartialDate(2026, 2, 20), end=PartialDate(2026, 3, 10)
    )
    assert set(counts(measure(strikes, record, mid_february))) == {"PE-CUS"}
    march = override(strikes.selection, start=PartialDate(2026, 3), end=PartialDate(2026, 3))
    assert counts(measure(strikes, record, march)) == {}


def test_a_categories_map_takes_its_values_from_the_definition(project):
    record, definitions, ids = with_maps(project)
    data = measure(definitions["named"], record)
    values = {iso: r.value for iso, r in data.regions.items() if r.value}
    assert values == {
        "PE-LMA": "both",
        "PE-CUS": "both",
        "PE-MDD": "second-only",
        "PE-LIM": "uncertain",
    }
    # The events behind a region are the selected events that name it.
    assert [e.id for e in data.regions["PE-CUS"].events] == [ids["cusco"]]
    assert data.regions["PE-LMA"].events == ()
    assert set(data.cited) == {ids["cusco"]}


def test_count_events_keeps_every_region_and_sets_national_events_apart(project):
    write_event(project, "2026-04-02", "two-regions", ["economy"], ["PE-ICA", "PE-ARE"])
    write_event(project, "2026-04-03", "abroad", ["economy"], ["abroad"])
    record = load_record(project.root)
    result = count_events(record.events, list(record.regions))
    assert len(result.by_region) == 26
    assert result.count("PE-ICA") == result.count("PE-ARE") == 1 and result.count("PE-LMA") == 0
    assert [e.id for e in result.unmapped] == ["2026-04-03-abroad"]


def test_classes_put_zero_apart_and_no_data_apart_from_zero(project):
    record, definitions, ids = with_maps(project)
    data = measure(definitions["strikes"], record)
    classification = classify(data)
    assert [e.label.en for e in classification.entries] == ["0", "1", "2–3", "4 or more"]
    assert classification.by_region["PE-ARE"].key == "0"
    assert classification.by_region["PE-LMA"].key == "1-1"
    # A region without data gets a hatched entry of its own, never the zero class.
    unknown = data.regions["PE-ARE"].__class__("PE-ARE", None, (), known=False)
    hidden = data.__class__(
        data.definition, data.selection, {**data.regions, "PE-ARE": unknown}, data.events, ()
    )
    with_gap = classify(hidden)
    assert with_gap.entries[-1].label.en == "No data" and with_gap.entries[-1].hatch == "no-data"
    assert with_gap.by_region["PE-ARE"].key == "no-data"
    assert with_gap.by_region["PE-ARE"].fill != classification.entries[0].fill
