"""Map definitions: the shipped ones are valid, and each mistake gets its exact `path:line:column` message."""

from __future__ import annotations

import pytest

from builder.record.load import load_record
from builder.views.maps.definitions import DefinitionError, load_definition, load_definitions
from tests.support.maps import small_record
from tests.support.project import REPO


def problems_of(project, name: str, text: str) -> list[str]:
    project.write(f"maps/{name}.yml", text)
    record = load_record(project.root)
    with pytest.raises(DefinitionError) as caught:
        load_definitions(project.root, record)
    return [str(p) for p in caught.value.problems]


def test_the_shipped_definitions_are_valid_and_use_no_basemap():
    record = load_record(REPO)
    definitions = {d.name: d for d in load_definitions(REPO, record)}
    assert {"events-by-region", "strikes-and-protests", "us-troops-authorisation", "ports"} <= set(
        definitions
    )
    assert not any(d.basemap for d in definitions.values())


def test_the_us_troops_map_shows_the_difference_between_the_two_lists():
    record = load_record(REPO)
    troops = load_definition(REPO, "us-troops-authorisation", record)
    category = {iso: troops.category_of(iso) for iso in record.regions}
    assert category["PE-MDD"].id == "resolution-only"  # Puerto Maldonado: the article leaves it out
    assert category["PE-LMA"].id == "both-lists"  # Pucusana is in Lima Metropolitana
    assert category["PE-LIM"].hatch  # "Lima" may or may not mean the Lima region
    named = {iso for iso, c in category.items() if c is not None and c.id == "both-lists"}
    assert named == {
        "PE-LMA",
        "PE-CAL",
        "PE-UCA",
        "PE-LOR",
        "PE-SAM",
        "PE-HUC",
        "PE-PAS",
        "PE-JUN",
        "PE-CUS",
        "PE-AYA",
        "PE-APU",
    }
    assert [p.name.en for p in troops.points] == ["Pucusana", "Iquitos", "Puerto Maldonado"]
    assert "PE-LIM" in troops.region_notes and "ambiguous" in troops.notes.en
    assert set(troops.selection.ids) >= {"2025-12-04-congress-authorises-us-troops-for-2026"}


def test_every_figure_of_the_ports_map_is_written_in_the_event_it_cites():
    record = load_record(REPO)
    ports = load_definition(REPO, "ports", record)
    events = record.by_id()
    figures = [f for p in ports.points for f in p.figures]
    assert {p.name.en for p in ports.points} == {
        "Port of Chancay",
        "Port of Callao",
        "Callao Naval Base",
    }
    assert figures
    for figure in figures:
        event = events[figure.event]
        assert figure.value.en in " ".join(event.summary.en.split())


def test_several_mistakes_are_reported_at_once_with_their_positions(project):
    problems = problems_of(
        project,
        "bad",
        """\
        title: Strikes
        description: Strikes by region.
        events:
          themes: [strikes]
        measure: count
        classes: [1, 3, 2]
        palette: rainbow
        legend_title: Strikes
        """,
    )
    assert problems == [
        "maps/bad.yml:4:12: unknown theme 'strikes' (did you mean \"strikes-and-protests\"?) — "
        "use an id from events/registries/themes.yml, or add it there",
        "maps/bad.yml:6:17: class break 2 does not follow 3 — list the breaks in increasing order",
        "maps/bad.yml:7:10: 'palette' is \"rainbow\" — use one of: blues, greens, oranges, purples, greys, viridis",
        "maps/bad.yml:8:1: unknown field 'legend_title' in a map definition — use one of: title, subtitle, "
        "description, notes, es, events, measure, classes, categories, unassigned, region_notes, palette, points, "
        "sources, basemap",
    ]


def test_a_missing_field_and_a_window_that_ends_before_it_starts(project):
    problems = problems_of(
        project,
        "window",
        """\
        description: Strikes by region.
        events:
          themes: all
          from: 2026-06
          to: 2026-01
        measure: count
        classes: [1]
        """,
    )
    assert problems == [
        "maps/window.yml:1:1: 'title' is missing in a map definition — add 'title:' with a value",
        "maps/window.yml:5:3: 'to' 2026-01 is before 'from' 2026-06 — swap the two dates, or correct one of them",
    ]


def test_a_figure_must_be_written_in_the_event_it_cites(project):
    ids = small_record(project)
    problems = problems_of(
        project,
        "figures",
        f"""\
        title: Ports
        description: Ports.
        events:
          themes: all
        measure: count
        classes: [1]
        points:
          - name: Cusco
            lat: -13.53
            lon: -71.97
            region: PE-CUS
            figures:
              - label: Cost
                value: US$9 billion
                event: {ids["cusco"]}
              - label: Cost
                value: US$1.3 billion
                event: 2026-01-01-no-such-event
        """,
    )
    assert problems == [
        f"maps/figures.yml:14:9: the figure 'US$9 billion' is not written in event {ids['cusco']} — "
        "copy the figure exactly as the event's title, summary or note writes it, or cite the event that does",
        "maps/figures.yml:18:9: unknown event id '2026-01-01-no-such-event' "
        '(did you mean "2026-03-01-national-strike"?) — '
        "cite an event of the record by its file name (without .yml)",
    ]


def test_a_point_must_lie_in_the_region_it_names(project):
    problems = problems_of(
        project,
        "points",
        """\
        title: Points
        description: Points.
        events:
          themes: all
        measure: count
        classes: [1]
        points:
          - name: Cusco
            lat: -13.53
            lon: -71.97
            region: PE-LMA
        """,
    )
    assert problems == [
        "maps/points.yml:8:5: the point (-13.53, -71.97) lies in PE-CUS, not PE-LMA — "
        "set region: PE-CUS, or check lat and lon"
    ]


def test_a_categories_map_needs_its_regions_once_each(project):
    problems = problems_of(
        project,
        "named",
        """\
        title: Named
        description: Named places.
        events:
          themes: all
        measure: categories
        classes: [1]
        categories:
          - id: first
            label: First list
            regions: [PE-LMA, PE-XXX]
          - id: second
            label: Second list
            regions: [PE-LMA]
        unassigned: Neither
        """,
    )
    assert problems == [
        "maps/named.yml:6:1: 'classes' is for a count map; a categories map takes its classes from "
        "'categories' — remove 'classes', or set 'measure: count'",
        "maps/named.yml:10:23: unknown region 'PE-XXX' — use an ISO 3166-2:PE code from maps/regions.yml",
        "maps/named.yml:13:15: region PE-LMA is already in category 'first' (line 10) — put each region in one category",
    ]


def test_yaml_that_is_not_strict_is_refused_like_an_event(project):
    problems = problems_of(project, "dup", "title: A\ntitle: B\n")
    assert problems == [
        "maps/dup.yml:2:1: duplicate key 'title' (first written on line 1) — keep one of the two; "
        "YAML would silently drop the first"
    ]


def test_an_unknown_map_name_suggests_the_nearest(project):
    project.write("maps/strikes.yml", "title: x\n")
    record = load_record(project.root)
    with pytest.raises(DefinitionError) as caught:
        load_definition(project.root, "strike", record)
    assert str(caught.value.problems[0]) == (
        "maps/strike.yml:1:1: there is no map 'strike' (did you mean \"strikes\"?) — use one of: strikes"
    )
