"""Map definitions: the `maps/*.yml` files that say what each map shows.

A contributor adds a map by writing one YAML file; no Python is needed. The reader is the
record's strict one (builder.record.strict_yaml, builder.record.field_reader), so a bad definition is reported
like a bad event: `maps/<name>.yml:line:column: what is wrong — how to fix it`.

Every reference in a definition (themes, regions, events, sources) is checked against the
loaded record, and every figure shown beside a point must be written, word for word, in the
event it cites: a map never shows a number the record does not hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from builder.record import geo
from builder.record.dates import PartialDate
from builder.record.field_reader import SLUG, FieldReader
from builder.record.model import Event, Localized, Record
from builder.record.problems import Problem, RecordError, did_you_mean, display_path
from builder.record.registries import read_mapping
from builder.record.strict_yaml import Mapping, Mark, Scalar

MAPS_DIR = "maps"
# Files in maps/ that are not map definitions.
NOT_DEFINITIONS = {"regions.yml"}

MEASURES = ("count", "categories")
PALETTES = ("blues", "greens", "oranges", "purples", "greys", "viridis")
MAX_CLASSES = 7
ALL_THEMES = "all"

DEFINITION_FIELDS = (
    "title",
    "subtitle",
    "description",
    "notes",
    "es",
    "events",
    "measure",
    "classes",
    "categories",
    "unassigned",
    "region_notes",
    "palette",
    "points",
    "sources",
    "basemap",
)
SPANISH_FIELDS = ("title", "subtitle", "description", "notes", "unassigned")
SELECTION_FIELDS = ("themes", "from", "to", "ids")
CATEGORY_FIELDS = ("id", "label", "es", "regions", "hatch")
REGION_NOTE_FIELDS = ("region", "note", "es")
POINT_FIELDS = ("name", "lat", "lon", "region", "category", "note", "figures", "es")
FIGURE_FIELDS = ("label", "value", "event", "es")


class DefinitionError(RecordError):
    """One or more map definitions are wrong; `problems` says where and why."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which events a map counts: by theme and date window, or by id.

    `themes` None means every theme. `start`/`end` bound a window (either may be open).
    `ids`, when given, picks exactly those events (themes and window still apply).
    """

    themes: tuple[str, ...] | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    ids: tuple[str, ...] | None = None

    def matches(self, event: Event) -> bool:
        """True if `event` is selected: listed (when ids are given), of a theme, in the window."""
        if self.ids is not None and event.id not in self.ids:
            return False
        if self.themes is not None and not set(event.themes) & set(self.themes):
            return False
        # An event (or a period) is in the window when the days it may cover overlap it.
        first = event.date.first_day()
        last = (event.end or event.date).last_day()
        if self.start is not None and last < self.start.first_day():
            return False
        return not (self.end is not None and first > self.end.last_day())


@dataclass(frozen=True, slots=True)
class Category:
    """A class of a categorical map; `regions` are the ISO codes that fall in it."""

    id: str
    label: Localized
    regions: tuple[str, ...]
    hatch: bool = False


@dataclass(frozen=True, slots=True)
class Figure:
    """A number shown beside a point, as written in the event that it cites."""

    label: Localized
    value: Localized
    event: str


@dataclass(frozen=True, slots=True)
class Point:
    """A named place drawn as a point, with its optional category, note and figures."""

    name: Localized
    lat: float
    lon: float
    region: str
    category: str | None = None
    note: Localized | None = None
    figures: tuple[Figure, ...] = ()


@dataclass(frozen=True, slots=True)
class MapDefinition:
    """One map, as its YAML file defines it. `name` is the file's stem and the map's address."""

    name: str
    path: str
    title: Localized
    description: Localized
    measure: str
    selection: Selection
    palette: str
    subtitle: Localized | None = None
    notes: Localized | None = None
    classes: tuple[int, ...] = ()
    categories: tuple[Category, ...] = ()
    unassigned: Localized | None = None
    region_notes: dict[str, Localized] = field(default_factory=dict)
    points: tuple[Point, ...] = ()
    sources: tuple[str, ...] = ()
    basemap: bool = False

    def category_of(self, iso: str) -> Category | None:
        """The category that lists region `iso`, or None."""
        return next((c for c in self.categories if iso in c.regions), None)


def definition_files(root: Path) -> list[Path]:
    """The map definition files of project `root`, sorted by name."""
    folder = Path(root) / MAPS_DIR
    return sorted(p for p in folder.glob("*.yml") if p.is_file() and p.name not in NOT_DEFINITIONS)


def load_definitions(root: Path, record: Record) -> list[MapDefinition]:
    """Read and check every map definition of `root`; raise DefinitionError listing all problems."""
    problems: list[Problem] = []
    definitions = []
    for path in definition_files(root):
        definition = read_definition(path, display_path(path, Path(root)), record, problems)
        if definition is not None:
            definitions.append(definition)
    if problems:
        raise DefinitionError(problems)
    return definitions


def load_definition(root: Path, name: str, record: Record) -> MapDefinition:
    """The definition `maps/<name>.yml`; raise DefinitionError if it is missing or wrong."""
    path = Path(root) / MAPS_DIR / f"{name}.yml"
    display = display_path(path, Path(root))
    if not path.is_file() or path.name in NOT_DEFINITIONS:
        known = [p.stem for p in definition_files(root)]
        raise DefinitionError(
            [
                Problem(
                    display,
                    1,
                    1,
                    f"there is no map '{name}'{did_you_mean(name, known)}",
                    f"use one of: {', '.join(known)}",
                )
            ]
        )
    problems: list[Problem] = []
    definition = read_definition(path, display, record, problems)
    if problems or definition is None:
        raise DefinitionError(problems)
    return definition


def read_definition(
    path: Path, display: str, record: Record, problems: list[Problem]
) -> MapDefinition | None:
    """Read one definition file, appending a Problem for each mistake; None if it is unusable."""
    before = len(problems)
    name = path.stem
    if not SLUG.match(name):
        problems.append(
            Problem(
                display,
                1,
                1,
                f"map name '{name}' is not a slug",
                "rename the file with lower-case letters, digits and hyphens, e.g. strikes-by-region.yml",
            )
        )
    root = read_mapping(path, display, problems)
    if root is None:
        return None
    f = FieldReader(root, display, problems, DEFINITION_FIELDS, "a map definition")
    es = _spanish(f)
    title = f.text("title", required=True, max_length=120, single_line=True)
    description = f.text("description", required=True)
    measure = f.choice("measure", MEASURES, required=True)
    palette = f.choice("palette", PALETTES) or PALETTES[0]
    selection = _read_selection(f, record)
    classes = _read_classes(f, measure)
    categories, unassigned = _read_categories(f, measure, record, es)
    region_notes = _read_region_notes(f, record)
    points = _read_points(f, record, categories)
    sources = tuple(f.ids("sources", record.sources, "source", "events/registries/sources.yml"))
    basemap = f.flag("basemap")
    if len(problems) > before or not (title and description and measure):
        return None
    return MapDefinition(
        name=name,
        path=display,
        title=Localized(title, es.get("title")),
        description=Localized(description, es.get("description")),
        measure=measure,
        selection=selection,
        palette=palette,
        subtitle=_localized(f.text("subtitle", single_line=True), es.get("subtitle")),
        notes=_localized(f.text("notes"), es.get("notes")),
        classes=classes,
        categories=categories,
        unassigned=unassigned,
        region_notes=region_notes,
        points=points,
        sources=sources,
        basemap=basemap,
    )


def _localized(en: str | None, es: str | None) -> Localized | None:
    return Localized(en, es) if en else None


def _spanish(f: FieldReader, names: tuple[str, ...] = SPANISH_FIELDS) -> dict[str, str]:
    """The Spanish texts under `es:`; each must translate a field that is there in English."""
    es = f.mapping_of("es")
    if es is None:
        return {}
    sub = FieldReader(es, f.path, f.problems, names, f"the Spanish texts of {f.what}")
    texts = {}
    for name in names:
        text = sub.text(name)
        if text is None:
            continue
        if name not in f.mapping.values:
            sub.problem(
                sub.key_mark(name),
                f"'es.{name}' translates '{name}', which is missing",
                f"write '{name}:' in English too, or remove 'es.{name}'",
            )
        texts[name] = text
    return texts


def _read_selection(f: FieldReader, record: Record) -> Selection:
    node = f.mapping_of("events", required=True)
    if node is None:
        return Selection()
    s = FieldReader(node, f.path, f.problems, SELECTION_FIELDS, "'events'")
    themes: tuple[str, ...] | None = None
    theme_node = node.values.get("themes")
    if isinstance(theme_node, Scalar) and theme_node.text == ALL_THEMES:
        themes = None
    elif theme_node is not None:
        themes = tuple(s.ids("themes", record.themes, "theme", "events/registries/themes.yml"))
    start, end = s.date("from"), s.date("to")
    if start and end and end.last_day() < start.first_day():
        s.problem(
            s.key_mark("to"),
            f"'to' {end} is before 'from' {start}",
            "swap the two dates, or correct one of them",
        )
    ids = None
    if "ids" in node.values:
        ids = tuple(s.ids("ids", record.by_id(), "event id", "events/ (the file names)"))
    if theme_node is None and ids is None:
        s.problem(
            node.mark,
            "'events' names neither themes nor ids",
            f"add 'themes: {ALL_THEMES}', a list of theme ids, or 'ids: [ … ]'",
        )
    return Selection(themes=themes, start=start, end=end, ids=ids)


def _read_classes(f: FieldReader, measure: str | None) -> tuple[int, ...]:
    if measure != "count":
        if "classes" in f.mapping.values:
            f.problem(
                f.key_mark("classes"),
                "'classes' is for a count map; a categories map takes its classes from 'categories'",
                "remove 'classes', or set 'measure: count'",
            )
        return ()
    values = []
    for text, mark in f.text_list("classes", required=True):
        if not re.fullmatch(r"[1-9]\d{0,5}", text):
            f.problem(
                mark,
                f"class break '{text}' is not a whole number of at least 1",
                "write the lowest count of each class, e.g. classes: [1, 3, 10]",
            )
            return ()
        value = int(text)
        if values and value <= values[-1]:
            f.problem(
                mark,
                f"class break {value} does not follow {values[-1]}",
                "list the breaks in increasing order",
            )
            return ()
        values.append(value)
    if len(values) > MAX_CLASSES - 1:
        f.problem(
            f.key_mark("classes"),
            f"{len(values)} class breaks make {len(values) + 1} classes, over {MAX_CLASSES}",
            "merge classes: readers cannot tell more shades apart",
        )
        return ()
    return tuple(values)


def _read_categories(
    f: FieldReader, measure: str | None, record: Record, es: dict[str, str]
) -> tuple[tuple[Category, ...], Localized | None]:
    unassigned = f.text("unassigned", single_line=True, max_length=80)
    if measure != "categories":
        for name in ("categories", "unassigned"):
            if name in f.mapping.values:
                f.problem(
                    f.key_mark(name),
                    f"'{name}' is for a categories map",
                    f"remove '{name}', or set 'measure: categories'",
                )
        return (), None
    if unassigned is None:
        f.node(
            "unassigned",
            required=True,
            fix="add 'unassigned:' with the label of regions in no category",
        )
    categories: list[Category] = []
    placed: dict[str, tuple[str, Mark]] = {}
    for node in f.sequence_of("categories", required=True):
        if not isinstance(node, Mapping):
            f.problem(
                node.mark, "each category must be a group of fields", "write id, label and regions"
            )
            continue
        c = FieldReader(node, f.path, f.problems, CATEGORY_FIELDS, "a category")
        cid = c.text("id", required=True, single_line=True)
        label = c.text("label", required=True, single_line=True, max_length=80)
        label_es = _spanish(c, ("label",)).get("label")
        regions = []
        for iso, mark in c.text_list("regions", required=True):
            if iso not in record.regions:
                c.problem(
                    mark,
                    f"unknown region '{iso}'{did_you_mean(iso, record.regions)}",
                    "use an ISO 3166-2:PE code from maps/regions.yml",
                )
            elif iso in placed:
                other, first = placed[iso]
                c.problem(
                    mark,
                    f"region {iso} is already in category '{other}' (line {first.line})",
                    "put each region in one category",
                )
            else:
                placed[iso] = (cid or "?", mark)
                regions.append(iso)
        if cid and not SLUG.match(cid):
            c.problem(
                c.key_mark("id"),
                f"category id '{cid}' is not a slug",
                "use lower-case letters, digits and hyphens",
            )
        elif cid and any(cat.id == cid for cat in categories):
            c.problem(
                c.key_mark("id"),
                f"category '{cid}' is defined twice",
                "give each category its own id",
            )
        elif cid and label:
            categories.append(
                Category(cid, Localized(label, label_es), tuple(regions), c.flag("hatch"))
            )
    if len(categories) > MAX_CLASSES - 1:
        f.problem(
            f.key_mark("categories"),
            f"{len(categories)} categories are more than {MAX_CLASSES - 1}",
            "merge categories: readers cannot tell more shades apart",
        )
    return tuple(categories), _localized(unassigned, es.get("unassigned"))


def _read_region_notes(f: FieldReader, record: Record) -> dict[str, Localized]:
    notes: dict[str, Localized] = {}
    for node in f.sequence_of("region_notes"):
        if not isinstance(node, Mapping):
            f.problem(
                node.mark, "each region note must be a group of fields", "write region and note"
            )
            continue
        r = FieldReader(node, f.path, f.problems, REGION_NOTE_FIELDS, "a region note")
        iso = r.text("region", required=True, single_line=True)
        note = r.text("note", required=True, max_length=400)
        note_es = _spanish(r, ("note",)).get("note")
        if iso and iso not in record.regions:
            r.problem(
                r.key_mark("region"),
                f"unknown region '{iso}'{did_you_mean(iso, record.regions)}",
                "use an ISO 3166-2:PE code from maps/regions.yml",
            )
        elif iso in notes:
            r.problem(r.key_mark("region"), f"region {iso} has two notes", "merge them into one")
        elif iso and note:
            notes[iso] = Localized(note, note_es)
    return notes


def _read_points(
    f: FieldReader, record: Record, categories: tuple[Category, ...]
) -> tuple[Point, ...]:
    points = []
    for node in f.sequence_of("points"):
        if not isinstance(node, Mapping):
            f.problem(
                node.mark, "each point must be a group of fields", "write name, lat, lon and region"
            )
            continue
        p = FieldReader(node, f.path, f.problems, POINT_FIELDS, "a point")
        name = p.text("name", required=True, single_line=True, max_length=80)
        lat, lon = p.number("lat", -90, 90), p.number("lon", -180, 180)
        region = p.text("region", required=True, single_line=True)
        es = _spanish(p, ("name", "note"))
        category = p.text("category", single_line=True)
        if category is not None and category not in {c.id for c in categories}:
            options = [c.id for c in categories]
            p.problem(
                p.key_mark("category"),
                f"unknown category '{category}'{did_you_mean(category, options)}",
                f"use one of: {', '.join(options)}"
                if options
                else "a point has a category only on a categories map",
            )
            category = None
        figures = _read_figures(p, record)
        if region and region not in record.regions:
            p.problem(
                p.key_mark("region"),
                f"unknown region '{region}'{did_you_mean(region, record.regions)}",
                "use an ISO 3166-2:PE code from maps/regions.yml",
            )
            continue
        if not (name and lat is not None and lon is not None and region):
            continue
        found = geo.region_at(lat, lon)
        if found != region:
            where = f"lies in {found}" if found else "is outside Peru"
            p.problem(
                node.mark,
                f"the point ({lat}, {lon}) {where}, not {region}",
                f"set region: {found}, or check lat and lon" if found else "check lat and lon",
            )
            continue
        points.append(
            Point(
                name=Localized(name, es.get("name")),
                lat=lat,
                lon=lon,
                region=region,
                category=category,
                note=_localized(p.text("note", max_length=300), es.get("note")),
                figures=figures,
            )
        )
    return tuple(points)


def _read_figures(p: FieldReader, record: Record) -> tuple[Figure, ...]:
    events = record.by_id()
    figures = []
    for node in p.sequence_of("figures"):
        if not isinstance(node, Mapping):
            p.problem(
                node.mark, "each figure must be a group of fields", "write label, value and event"
            )
            continue
        g = FieldReader(node, p.path, p.problems, FIGURE_FIELDS, "a figure")
        label = g.text("label", required=True, single_line=True, max_length=80)
        value = g.text("value", required=True, single_line=True, max_length=60)
        event_id = g.text("event", required=True, single_line=True)
        es = _spanish(g, ("label", "value"))
        event = events.get(event_id) if event_id else None
        if event_id and event is None:
            g.problem(
                g.key_mark("event"),
                f"unknown event id '{event_id}'{did_you_mean(event_id, events)}",
                "cite an event of the record by its file name (without .yml)",
            )
            continue
        if not (label and value and event):
            continue
        # A figure must be the record's own: written in the cited event, in each language shown.
        ok = _written_in(value, event, "en")
        if not ok:
            g.problem(
                g.key_mark("value"),
                f"the figure '{value}' is not written in event {event.id}",
                "copy the figure exactly as the event's title, summary or note writes it, or cite the event that does",
            )
        value_es = es.get("value")
        if value_es and not _written_in(value_es, event, "es"):
            g.problem(
                node.values["es"].mark,
                f"the figure '{value_es}' is not written in the Spanish texts of event {event.id}",
                "copy the figure exactly as the event's Spanish summary writes it",
            )
            ok = False
        if ok:
            figures.append(
                Figure(Localized(label, es.get("label")), Localized(value, value_es), event.id)
            )
    return tuple(figures)


def _written_in(value: str, event: Event, lang: str) -> bool:
    """True if `value` appears in the event's title, summary or note in `lang` (spaces normalised)."""
    texts = [event.title, event.summary] + ([event.note] if event.note else [])
    chosen = [(t.es or "") if lang == "es" else t.en for t in texts]
    haystack = " ".join(" ".join(t.split()) for t in chosen)
    return " ".join(value.split()) in haystack
