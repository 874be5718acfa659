"""A real project whose every free-text field carries a script-injection payload.

`hostile_project(root)` writes it: one event per payload of tests/adapter/hostile_payloads.yml with the
payload in its title, summary, Spanish texts, note, place name and source fields; a theme, an
actor (who claims the event and stands in the presidents chart) and a registry source per
payload; payloads in the region names of maps/regions.yml; and a map definition carrying them
in its title, subtitle, description, notes, category labels, region notes and points.

Every placement writes the payload with the marker "<payload id>@<place>", so whatever the
browser runs or shows says which payload did it, and from which field.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.support.project import REPO, new_project
from tests.support.site import ABOUT, MKDOCS_YML

CORPUS = REPO / "tests" / "adapter" / "hostile_payloads.yml"
# Every placement ends with this word: searching for it finds every payload event.
WORD = "zebrafish"
MARKER_RE = r"([a-z][a-z0-9-]*)@([a-z]+)"

# Where a payload is placed: code -> (group, field). The table has one row per payload and group.
PLACES = {
    "t": ("event text", "title"),
    "s": ("event text", "summary"),
    "et": ("event text", "es.title"),
    "es": ("event text", "es.summary"),
    "n": ("event text", "note"),
    "en": ("event text", "es.note"),
    "pl": ("event text", "place name"),
    "st": ("event text", "source title (inline)"),
    "sp": ("event text", "source publisher (inline)"),
    "sa": ("event text", "source author"),
    "ss": ("event text", "source stance"),
    "sd": ("event text", "source date_note"),
    "pp": ("event text", "pinpoint"),
    "an": ("registries", "actor name"),
    "ean": ("registries", "actor es.name"),
    "ar": ("registries", "actor role"),
    "tn": ("registries", "theme name"),
    "etn": ("registries", "theme es.name"),
    "td": ("registries", "theme description"),
    "rt": ("registries", "registry source title"),
    "rp": ("registries", "registry source publisher"),
    "rg": ("registries", "region name (maps/regions.yml)"),
    "mt": ("map definition", "map title"),
    "ms": ("map definition", "map subtitle"),
    "md": ("map definition", "map description"),
    "mn": ("map definition", "map notes"),
    "mc": ("map definition", "category label"),
    "mr": ("map definition", "region note"),
    "mp": ("map definition", "point name"),
    "mq": ("map definition", "point note"),
}
GROUPS = ("event text", "registries", "map definition")
MAP_NAME = "pwn"
# Payloads in the map's title (one line of at most 120 characters: one payload per language).
MAP_TITLE = {"en": "script-end-title", "es": "attr-double-quote"}
CATEGORIES = 6  # the most a categories map may have
PRINTED = 5  # payloads in the map's notes, and points: the print maps list them under the map
FIRST_DAY = dt.date(2024, 1, 1)
LIMA = (-12.0453, -77.0297)


@dataclass(frozen=True)
class Payload:
    id: str
    what: str
    text: str
    evaluated: tuple[str, ...] = ()

    def placed(self, place: str, single_line: bool = False, word: bool = True) -> str:
        """The payload's text with its marker for `place`, ending with the search word."""
        text = self.text.replace("{m}", f"{self.id}@{place}")
        if single_line:
            text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
        return f"{text} {WORD}" if word else text


def payloads() -> list[Payload]:
    rows = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))
    return [
        Payload(row["id"], row["what"], row["text"], tuple(row.get("evaluated", ())))
        for row in rows
    ]


def q(text: str) -> str:
    """A YAML scalar: JSON strings are valid YAML and keep every character."""
    return json.dumps(text, ensure_ascii=False)


def event_id(n: int, payload: Payload) -> str:
    return f"{FIRST_DAY + dt.timedelta(days=7 * n)}-pwn-{payload.id}-term"


def region_codes() -> list[str]:
    data = yaml.safe_load((REPO / "maps" / "regions.yml").read_text(encoding="utf-8"))
    return [region["iso"] for region in data["regions"]]


def region_of(n: int) -> str:
    codes = region_codes()
    return codes[n % len(codes)]


def event_text(n: int, p: Payload) -> str:
    date = FIRST_DAY + dt.timedelta(days=7 * n)
    one = lambda place: q(p.placed(place, single_line=True))  # noqa: E731
    many = lambda place: q(p.placed(place))  # noqa: E731
    regions = sorted({region_of(n), "PE-LMA"})
    return f"""\
date: {date.isoformat()}
title: {one("t")}
summary: {many("s")}
note: {many("n")}
es:
  title: {one("et")}
  summary: {many("es")}
  note: {many("en")}
themes: [pwn-{p.id}, presidential-succession]
regions: [{", ".join(regions)}]
places:
  - {{name: {one("pl")}, lat: {LIMA[0]}, lon: {LIMA[1]}, region: PE-LMA}}
actors: [pwn-{p.id}]
status: alleged
claimed_by: [pwn-{p.id}]
sources:
  - publisher: {one("sp")}
    title: {one("st")}
    author: {one("sa")}
    stance: {one("ss")}
    date: {date.isoformat()}
    date_note: {many("sd")}
    url: https://example.org/{p.id}
    pinpoint: {one("pp")}
  - id: pwn-{p.id}
"""


def registries(items: list[Payload]) -> dict[str, str]:
    """Text to append to themes.yml, actors.yml and sources.yml."""
    themes, actors, sources = [], [], []
    for p in items:
        one = lambda place, p=p: q(p.placed(place, single_line=True))  # noqa: E731
        themes.append(
            f"pwn-{p.id}:\n  name: {one('tn')}\n  description: {q(p.placed('td'))}\n"
            f"  es:\n    name: {one('etn')}\n"
        )
        actors.append(
            f"pwn-{p.id}:\n  name: {one('an')}\n  kind: person\n  role: {one('ar')}\n"
            f"  es:\n    name: {one('ean')}\n"
        )
        sources.append(
            f"pwn-{p.id}:\n  publisher: {one('rp')}\n  title: {one('rt')}\n  date: 2026-01-01\n"
            f"  language: es\n  url: https://example.org/registry/{p.id}\n"
        )
    return {
        "themes.yml": "".join(themes),
        "actors.yml": "".join(actors),
        "sources.yml": "".join(sources),
    }


def regions_yml(items: list[Payload]) -> str:
    """maps/regions.yml with payloads as region names: the first 26 in English, the rest in Spanish."""
    data = yaml.safe_load((REPO / "maps" / "regions.yml").read_text(encoding="utf-8"))
    for n, p in enumerate(items):
        region = data["regions"][n % len(data["regions"])]
        key = "name_en" if n < len(data["regions"]) else "name"
        region[key] = p.placed("rg", single_line=True)
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def map_yml(items: list[Payload]) -> str:
    """A categories map whose every text field carries payloads (where the field's limit allows)."""
    by_id = {p.id: p for p in items}
    codes = region_codes()

    def fits(text: str, limit: int) -> bool:
        return len(text) <= limit

    def joined(place: str, separator: str, few: list[Payload] | None = None) -> str:
        chosen = items if few is None else few
        return separator.join(p.placed(place, single_line=separator == " · ") for p in chosen)

    # The print maps list the notes and the points below the map: a few, or no room is left.
    noted, pointed = items[:PRINTED], items[PRINTED : 2 * PRINTED]

    title = {
        lang: by_id[pid].placed("mt", single_line=True, word=False)
        for lang, pid in MAP_TITLE.items()
    }
    lines = [
        f"title: {q(title['en'])}",
        f"subtitle: {q(joined('ms', ' · '))}",
        f"description: {q(joined('md', chr(10) * 2))}",
        f"notes: {q(joined('mn', chr(10) * 2, noted))}",
        "es:",
        f"  title: {q(title['es'])}",
        f"  subtitle: {q(joined('ms', ' · '))}",
        f"  description: {q(joined('md', chr(10) * 2))}",
        f"  notes: {q(joined('mn', chr(10) * 2, noted))}",
        "events:",
        "  themes: all",
        "measure: categories",
        "categories:",
    ]
    labelled = [p for p in items if fits(p.placed("mc", single_line=True), 80)]
    for n, p in enumerate(labelled[:CATEGORIES]):
        label = p.placed("mc", single_line=True)
        lines += [f"  - id: c{n}", f"    label: {q(label)}", f"    regions: [{codes[n]}]"]
    lines += ["unassigned: Other", "region_notes:"]
    for n, code in enumerate(codes):
        notes = [p.placed("mr") for p in items[n :: len(codes)]]
        lines.append(f"  - {{region: {code}, note: {q(' '.join(notes))}}}")
    lines.append("points:")
    for n, p in enumerate(pointed):
        name = p.placed("mp", single_line=True)
        lines += [
            f"  - name: {q(name if fits(name, 80) else f'Point {n}')}",
            f"    lat: {-12.0 - (n % 7) * 0.03:.2f}",
            f"    lon: {-76.95 - (n // 7) * 0.02:.2f}",
            "    region: PE-LMA",
            f"    note: {q(p.placed('mq'))}",
        ]
    lines.append(f"sources: [pwn-{items[0].id}]")
    return "\n".join(lines) + "\n"


def hostile_project(root: Path, items: list[Payload]):
    """Write the project at `root` with `items` in every free-text field; return it."""
    project = new_project(root)
    project.write("mkdocs.yml", MKDOCS_YML)
    project.write("content/about.md", ABOUT)
    registry = root / "events" / "registries"
    for name, text in registries(items).items():
        with (registry / name).open("a", encoding="utf-8") as out:
            out.write(text)
    (root / "maps" / "regions.yml").write_text(regions_yml(items), encoding="utf-8")
    for n, p in enumerate(items):
        eid = event_id(n, p)
        project.write(f"events/{eid[:4]}/{eid}.yml", event_text(n, p))
    project.write(f"maps/{MAP_NAME}.yml", map_yml(items))
    return project


def screened(root: Path, items: list[Payload]) -> tuple[list[Payload], dict[str, str]]:
    """Write the project with every payload; the payloads the checker refuses (with its first
    message) are taken out and the project rewritten with the others."""
    import shutil

    from builder.record.load import load_record
    from builder.record.problems import ERROR, RecordError

    hostile_project(root, items)
    refused: dict[str, str] = {}
    try:
        load_record(root)
    except RecordError as exc:
        ids = {p.id for p in items}
        for problem in exc.problems:
            if problem.severity != ERROR:
                continue
            line = (root / problem.path).read_text(encoding="utf-8").splitlines()[problem.line - 1]
            # Lines without a marker are knock-on problems (a refused theme is then unknown).
            found = re.search(MARKER_RE, line)
            if found is not None and found.group(1) in ids:
                refused.setdefault(found.group(1), str(problem))
    if refused:
        shutil.rmtree(root)
        items = [p for p in items if p.id not in refused]
        hostile_project(root, items)
        load_record(root)  # the rest must load: a problem not caused by a payload fails here
    return items, refused
