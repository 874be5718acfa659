"""The reference lists events point into: regions, themes, actors and sources."""

from __future__ import annotations

import re
from pathlib import Path

from builder.record.field_reader import SLUG, FieldReader
from builder.record.model import LANGUAGES, Actor, Localized, Region, Scope, Source, Theme
from builder.record.problems import ERROR, WARNING, Problem, did_you_mean
from builder.record.strict_yaml import Mapping, Mark, YamlProblem, load

ACTOR_KINDS = ("person", "party", "institution", "organisation", "outlet", "government")
_ISO = re.compile(r"^PE-[A-Z]{3}$")
_UBIGEO = re.compile(r"^\d{2}(?:\d{2})?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")

SOURCE_FIELDS = (
    "publisher",
    "title",
    "untitled",
    "headline_unknown",
    "author",
    "date",
    "date_note",
    "url",
    "language",
    "stance",
    "es",
)
# The fields of a source's `es:`: the record's own words about it, in Spanish.
SOURCE_SPANISH_FIELDS = ("title", "date_note", "stance")


def read_mapping(path: Path, display: str, problems: list[Problem]) -> Mapping | None:
    """Load a YAML file strictly; on failure record the problem and return None."""
    try:
        return load(path.read_bytes())
    except YamlProblem as exc:
        problems.append(Problem(display, exc.mark.line, exc.mark.column, exc.message, exc.fix))
    except OSError as exc:
        problems.append(
            Problem(display, 1, 1, f"cannot read the file ({exc.strerror})", "check that it exists")
        )
    return None


def _entries(root: Mapping, display: str, problems: list[Problem], what: str):
    """Yield (id, key mark, mapping) for each entry of a registry keyed by slug ids."""
    for key, node in root.values.items():
        mark = root.key_marks[key]
        if not SLUG.match(key):
            problems.append(
                Problem(
                    display,
                    mark.line,
                    mark.column,
                    f"{what} id '{key}' is not a slug",
                    "use lower-case letters, digits and hyphens, starting with a letter",
                )
            )
            continue
        if not isinstance(node, Mapping):
            problems.append(
                Problem(
                    display,
                    node.mark.line,
                    node.mark.column,
                    f"{what} '{key}' must be a group of fields",
                    "indent its fields under the id",
                )
            )
            continue
        yield key, mark, node


def load_regions(
    path: Path, display: str, problems: list[Problem]
) -> tuple[dict[str, Region], dict[str, Scope]]:
    """Read maps/regions.yml: the 26 first-level units and the two scopes."""
    root = read_mapping(path, display, problems)
    regions: dict[str, Region] = {}
    scopes: dict[str, Scope] = {}
    if root is None:
        return regions, scopes
    top = FieldReader(root, display, problems, ("regions", "scopes"), "the region list")
    for node in top.sequence_of("regions", required=True):
        if not isinstance(node, Mapping):
            top.problem(
                node.mark, "each region must be a group of fields", "write {iso: …, ubigeo: …, …}"
            )
            continue
        f = FieldReader(
            node,
            display,
            problems,
            ("iso", "ubigeo", "name", "name_en", "kind", "capital"),
            "a region",
        )
        iso, ubigeo = f.text("iso", required=True), f.text("ubigeo", required=True)
        name, name_en = f.text("name", required=True), f.text("name_en", required=True)
        kind, capital = f.text("kind", required=True), f.text("capital", required=True)
        if iso and not _ISO.match(iso):
            f.problem(
                node.mark,
                f"'{iso}' is not an ISO 3166-2:PE code",
                "write PE- and three capital letters",
            )
            continue
        if ubigeo and not _UBIGEO.match(ubigeo):
            f.problem(
                node.mark,
                f"ubigeo '{ubigeo}' is not an INEI code",
                "write two (or four) digits, quoted",
            )
            continue
        if iso in regions:
            f.problem(node.mark, f"region {iso} is listed twice", "keep one entry")
            continue
        if iso and ubigeo and name and name_en and kind and capital:
            regions[iso] = Region(iso, ubigeo, name, name_en, kind, capital)
    for node in top.sequence_of("scopes", required=True):
        if not isinstance(node, Mapping):
            continue
        f = FieldReader(
            node,
            display,
            problems,
            ("id", "name", "name_en", "description_en", "description_es"),
            "a scope",
        )
        sid = f.text("id", required=True)
        name, name_en = f.text("name", required=True), f.text("name_en", required=True)
        desc_en, desc_es = (
            f.text("description_en", required=True),
            f.text("description_es", required=True),
        )
        if sid and name and name_en and desc_en and desc_es:
            scopes[sid] = Scope(sid, Localized(name_en, name), Localized(desc_en, desc_es))
    return regions, scopes


def load_themes(path: Path, display: str, problems: list[Problem]) -> dict[str, Theme]:
    """Read the controlled list of themes."""
    root = read_mapping(path, display, problems)
    themes: dict[str, Theme] = {}
    if root is None:
        return themes
    for key, _, node in _entries(root, display, problems, "theme"):
        f = FieldReader(node, display, problems, ("name", "description", "es"), f"theme '{key}'")
        name, description = (
            f.text("name", required=True, single_line=True),
            f.text("description", required=True),
        )
        es = _spanish(f, ("name", "description"))
        if name and description:
            themes[key] = Theme(
                key, Localized(name, es.get("name")), Localized(description, es.get("description"))
            )
    return themes


def load_actors(path: Path, display: str, problems: list[Problem]) -> dict[str, Actor]:
    """Read the actor registry and check that every `party` names a party in it."""
    root = read_mapping(path, display, problems)
    actors: dict[str, Actor] = {}
    parties: list[tuple[str, str, Mark]] = []
    if root is None:
        return actors
    allowed = ("name", "kind", "role", "acronym", "name_en", "party", "country", "es")
    for key, _, node in _entries(root, display, problems, "actor"):
        f = FieldReader(node, display, problems, allowed, f"actor '{key}'")
        name = f.text("name", required=True, single_line=True)
        kind = f.choice("kind", ACTOR_KINDS, required=True)
        role = f.text("role", required=True, single_line=True)
        country = f.text("country", single_line=True) or "PE"
        if not _COUNTRY.match(country):
            f.problem(
                f.key_mark("country"),
                f"country '{country}' is not a two-letter code",
                "write e.g. PE, US, CN",
            )
        party = f.text("party", single_line=True)
        if party:
            parties.append((key, party, node.values["party"].mark))
        es = _spanish(f, ("name", "role"))
        if name and kind and role:
            actors[key] = Actor(
                id=key,
                name=name,
                kind=kind,
                role=Localized(role, es.get("role")),
                acronym=f.text("acronym", single_line=True),
                name_en=f.text("name_en", single_line=True),
                name_es=es.get("name"),
                party=party,
                country=country,
            )
    for key, party, mark in parties:
        target = actors.get(party)
        if target is None or target.kind != "party":
            choices = [a.id for a in actors.values() if a.kind == "party"]
            problems.append(
                Problem(
                    display,
                    mark.line,
                    mark.column,
                    f"actor '{key}' has party '{party}', which is not a party in this registry{did_you_mean(party, choices)}",
                    "add the party as an actor with kind: party, or fix the id",
                )
            )
    return actors


def load_sources(
    path: Path, display: str, problems: list[Problem], strict_languages: bool = False
) -> dict[str, Source]:
    """Read the source registry; `strict_languages` makes a missing Spanish text an error."""
    root = read_mapping(path, display, problems)
    sources: dict[str, Source] = {}
    if root is None:
        return sources
    for key, _, node in _entries(root, display, problems, "source"):
        f = FieldReader(node, display, problems, SOURCE_FIELDS, f"source '{key}'")
        source = read_source(f, key, registered=True, strict_languages=strict_languages)
        if source:
            sources[key] = source
    return sources


def read_source(
    f: FieldReader, source_id: str, registered: bool, strict_languages: bool = False
) -> Source | None:
    """Read a source's fields (in the registry or inline in an event)."""
    publisher = f.text("publisher", required=True, single_line=True)
    title = f.text("title", required=True, single_line=True)
    date_note = f.text("date_note")
    date = f.date("date", required=date_note is None)
    url = f.url("url")
    language = f.choice("language", LANGUAGES) or "en"
    untitled, headline_unknown = f.flag("untitled"), f.flag("headline_unknown")
    described = bool(title) and title.startswith("[") and title.endswith("]")
    if untitled and headline_unknown:
        f.problem(
            f.key_mark("headline_unknown"),
            "a source cannot be both untitled and of unknown headline",
            "keep untitled: true for a piece published without a headline, headline_unknown: true otherwise",
        )
    elif (untitled or headline_unknown) and title and not described:
        f.problem(
            f.key_mark("title"),
            "a source without a known headline needs its description in square brackets",
            'write title: "[report by … on …]"',
        )
    elif described and not (untitled or headline_unknown):
        f.problem(
            f.key_mark("title"),
            "a title in square brackets is a description, not a headline",
            "add untitled: true (published without a headline) or headline_unknown: true (headline not recorded)",
        )
    stance = f.text("stance", single_line=True)
    es = _source_spanish(f, title if described else None, date_note, stance, strict_languages)
    if not (publisher and title) or (date is None and date_note is None):
        return None
    return Source(
        id=source_id,
        publisher=publisher,
        title=title,
        date=date,
        author=f.text("author", single_line=True),
        date_note=date_note,
        url=url,
        language=language,
        stance=stance,
        untitled=untitled,
        headline_unknown=headline_unknown,
        registered=registered,
        stance_es=es.get("stance"),
        date_note_es=es.get("date_note"),
        description_es=es.get("title"),
    )


def _source_spanish(
    f: FieldReader,
    description: str | None,
    date_note: str | None,
    stance: str | None,
    strict: bool = False,
) -> dict[str, str]:
    """A source's `es:`: the Spanish of its description, date note and stance, each of which
    the source must have in English; a warning (an error when `strict`) names those still
    without Spanish."""
    node = f.mapping_of("es")
    texts: dict[str, str] = {}
    english = {"title": description, "date_note": date_note, "stance": stance}
    if node is not None:
        sub = FieldReader(
            node, f.path, f.problems, SOURCE_SPANISH_FIELDS, f"the Spanish texts of {f.what}"
        )
        for name in SOURCE_SPANISH_FIELDS:
            text = sub.text(name, single_line=name != "date_note")
            if text is None:
                continue
            if english[name] is None:
                fix = (
                    "a published headline stays in the language it was published in; remove it"
                    if name == "title"
                    else f"add the English '{name}' too, or remove the Spanish one"
                )
                sub.problem(sub.key_mark(name), f"'es' has a {name} the source has not", fix)
                continue
            if name == "title" and not (text.startswith("[") and text.endswith("]")):
                sub.problem(
                    sub.key_mark(name),
                    "the Spanish description of a piece without a known headline is not in square brackets",
                    'write title: "[informe de … sobre …]"',
                )
                continue
            texts[name] = text
    missing = [name for name, text in english.items() if text is not None and name not in texts]
    if missing:
        f.problem(
            f.key_mark("es") if node is not None else f.mapping.mark,
            f"no Spanish text for the source's {', '.join(missing)}",
            "add them under the source's 'es:' (see events/README.md)",
            severity=ERROR if strict else WARNING,
        )
    return texts


def _spanish(f: FieldReader, names: tuple[str, ...]) -> dict[str, str]:
    es = f.mapping_of("es")
    if es is None:
        return {}
    sub = FieldReader(es, f.path, f.problems, names, f"the Spanish texts of {f.what}")
    return {name: text for name in names if (text := sub.text(name)) is not None}
