"""Events and map definitions for the map tests, written into a project (the `project` fixture)."""

from __future__ import annotations

from builder.record.load import load_record
from builder.views.maps.definitions import load_definitions


def write_event(
    project,
    date: str,
    slug: str,
    themes: list[str],
    regions: list[str],
    *,
    end: str | None = None,
    summary: str = "A test event with a figure of US$1.3 billion.",
    places: str = "",
) -> str:
    """Write a valid event file; return its id."""
    event_id = f"{date}-{slug}"
    lines = [
        f"date: {date}",
        *([f"end: {end}"] if end else []),
        f"title: Test event {slug}",
        f"summary: {summary}",
        f"themes: [{', '.join(themes)}]",
        f"regions: [{', '.join(regions)}]",
        *([places] if places else []),
        "status: verified",
        "sources:",
        "  - id: rpp-2026-02-18-balcazar",
    ]
    project.write(f"events/{date[:4]}/{event_id}.yml", "\n".join(lines) + "\n")
    return event_id


def small_record(project) -> dict[str, str]:
    """Five events: strikes in Lima and Callao, Cusco, Puno (a period) and nationwide, and one on the economy."""
    return {
        "lima": write_event(
            project,
            "2026-01-10",
            "strike-lima-callao",
            ["strikes-and-protests"],
            ["PE-LMA", "PE-CAL"],
        ),
        "cusco": write_event(
            project, "2026-02", "strike-cusco", ["strikes-and-protests"], ["PE-CUS"]
        ),
        "economy": write_event(project, "2025-11-04", "prices", ["economy"], ["PE-LMA"]),
        "national": write_event(
            project, "2026-03-01", "national-strike", ["strikes-and-protests"], ["national"]
        ),
        "puno": write_event(
            project,
            "2025-12-20",
            "puno-blockade",
            ["strikes-and-protests"],
            ["PE-PUN"],
            end="2026-01-05",
        ),
    }


STRIKES_MAP = """\
title: Strikes by region
description: The strikes of the test record.
events:
  themes: [strikes-and-protests]
  from: 2026-01
  to: 2026-06
measure: count
classes: [1, 2, 4]
palette: oranges
"""

CATEGORIES_MAP = """\
title: Named places
description: Two lists compared.
notes: Lima is ambiguous.
events:
  ids: [{event}]
measure: categories
categories:
  - id: both
    label: In both lists
    regions: [PE-LMA, PE-CUS]
  - id: second-only
    label: Only in the second list
    regions: [PE-MDD]
  - id: uncertain
    label: Uncertain
    hatch: true
    regions: [PE-LIM]
unassigned: In neither list
points:
  - name: Puerto Maldonado
    lat: -12.593
    lon: -69.189
    region: PE-MDD
    category: second-only
    figures:
      - label: Cost
        value: US$1.3 billion
        event: {event}
sources: [rpp-2026-02-18-balcazar]
"""


def with_maps(project) -> tuple:
    """The small record with a count map and a categories map; returns (record, definitions, ids)."""
    ids = small_record(project)
    project.write("maps/strikes.yml", STRIKES_MAP)
    project.write("maps/named.yml", CATEGORIES_MAP.replace("{event}", ids["cusco"]))
    record = load_record(project.root)
    return record, {d.name: d for d in load_definitions(project.root, record)}, ids
