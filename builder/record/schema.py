"""The editors' JSON Schema of an event file, generated from the checker's own definitions.

`peru-timeline schema` writes it to `events/event.schema.json`; a test fails when the
committed file differs from what this module generates, so an editor and the checker cannot
disagree. The field lists, the title limit, the statuses, the id pattern and the ids of
themes and regions come from the checker and the registries; this module adds only the
words an editor shows beside each field. A field the checker reads without a schema here
raises KeyError, so a new field cannot be forgotten.

JSON Schema cannot warn: a missing or empty Spanish text, a warning for the checker, is
accepted here.
"""

from __future__ import annotations

import json
from pathlib import Path

from builder.record.events import (
    EVENT_FIELDS,
    PLACE_FIELDS,
    REQUIRED_FIELDS,
    SPANISH_FIELDS,
    TITLE_LIMIT,
)
from builder.record.field_reader import SLUG
from builder.record.model import ABROAD, LANGUAGES, STATUSES
from builder.record.problems import Problem
from builder.record.registries import (
    SOURCE_FIELDS,
    SOURCE_SPANISH_FIELDS,
    load_regions,
    load_themes,
)

SCHEMA_PATH = "events/event.schema.json"
DATE = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"},
        {"type": "integer", "minimum": 1900, "maximum": 2100},
    ]
}
# One line: no line break, no tab (a tab inside quotes is refused too).
ONE_LINE = {"type": "string", "minLength": 1, "pattern": r"^[^\n\t]*$"}
ID = {"type": "string", "pattern": SLUG.pattern}
TEXT = {"type": "string", "minLength": 1}
FLAG = {"type": "boolean"}


def _described(schema: dict, description: str) -> dict:
    return {**schema, "description": description}


def _ids(values: list[str], description: str) -> dict:
    return {
        "type": "array",
        "minItems": 1,
        "uniqueItems": True,
        "items": {"enum": values},
        "description": description,
    }


def _spanish() -> dict:
    fields = {
        "title": {"type": ["string", "null"], "pattern": r"^[^\n\t]*$", "maxLength": TITLE_LIMIT},
        "summary": {"type": ["string", "null"]},
        "note": {"type": ["string", "null"]},
    }
    return {
        "type": ["object", "null"],
        "additionalProperties": False,
        "description": "The Spanish texts. Left empty or left out, the check warns and the "
        "Spanish page shows the English text, marked, until someone translates it.",
        "properties": {name: fields[name] for name in SPANISH_FIELDS},
    }


def _place(region_ids: list[str]) -> dict:
    fields = {
        "name": ONE_LINE,
        "lat": {"type": "number", "minimum": -90, "maximum": 90},
        "lon": {"type": "number", "minimum": -180, "maximum": 180},
        "region": {"enum": [*region_ids, ABROAD]},
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(PLACE_FIELDS),
        "properties": {name: fields[name] for name in PLACE_FIELDS},
    }


def _inline_source() -> dict:
    fields = {
        "publisher": _described(ONE_LINE, "The outlet or body."),
        "title": _described(
            ONE_LINE,
            "The headline as published; [a description in brackets] with untitled: true when "
            "there is none.",
        ),
        "untitled": FLAG,
        "headline_unknown": _described(
            FLAG, "The piece has a headline that was not recorded; the title is a [description]."
        ),
        "author": _described(ONE_LINE, "As printed in the byline."),
        "date": _described(DATE, "Publication date at its real precision."),
        "date_note": _described(TEXT, "Why the date is missing or uncertain."),
        "url": {
            "type": "string",
            "pattern": r"^https?://[^\s/]+\.[^\s]*$",
            "description": "The page's own address, https:// or http:// only. Never build one "
            "from a slug.",
        },
        "language": {"enum": list(LANGUAGES)},
        "stance": _described(ONE_LINE, "Who is speaking, for readers."),
        "es": {
            "type": "object",
            "additionalProperties": False,
            "description": "The record's own words about the source, in Spanish: a [description] "
            "title, the date_note, the stance. A published headline is never translated.",
            "properties": {
                name: {
                    "title": _described(ONE_LINE, "The [description] in Spanish, in brackets."),
                    "date_note": TEXT,
                    "stance": ONE_LINE,
                }[name]
                for name in SOURCE_SPANISH_FIELDS
            },
        },
        "pinpoint": ONE_LINE,
    }
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["publisher", "title"],
        "anyOf": [{"required": ["date"]}, {"required": ["date_note"]}],
        "properties": {name: fields[name] for name in (*SOURCE_FIELDS, "pinpoint")},
    }


def event_schema(theme_ids: list[str], region_ids: list[str], scope_ids: list[str]) -> dict:
    """The schema of one event file, for the given registries' ids."""
    fields = {
        "date": _described(
            DATE, "When it happened: YYYY, YYYY-MM or YYYY-MM-DD at its real precision."
        ),
        "end": _described(
            DATE,
            "Last day (or month, or year) of a period, not before date. Leave it out while "
            "the event goes on, or when no source gives the end (say so in note).",
        ),
        "approximate": _described(FLAG, "The sources give the date only roughly; say why in note."),
        "title": {
            "type": "string",
            "minLength": 1,
            "pattern": r"^[^\n\t]*[^.\n\t]$",
            "maxLength": TITLE_LIMIT,
            "description": "One line in English, no final full stop.",
        },
        "summary": _described(
            TEXT, "What happened, in English, in your own words. Claims are attributed."
        ),
        "es": _spanish(),
        "themes": _ids(theme_ids, "Ids from events/registries/themes.yml."),
        "regions": _ids(
            region_ids + scope_ids,
            "ISO 3166-2:PE codes from maps/regions.yml, or national, or abroad.",
        ),
        "places": {"type": "array", "items": _place(region_ids)},
        "actors": {
            "type": "array",
            "uniqueItems": True,
            "items": ID,
            "description": "Ids from events/registries/actors.yml.",
        },
        "status": {
            "enum": list(STATUSES),
            "description": "verified: independently confirmed; reported: attributed to the "
            "cited sources; alleged: a claim, needs claimed_by.",
        },
        "claimed_by": {"type": "array", "minItems": 1, "uniqueItems": True, "items": ID},
        "note": _described(
            TEXT, "Where sources disagree, are vague or wrong, and which value the record uses."
        ),
        "sources": {
            "type": "array",
            "minItems": 1,
            "description": "At least one: a registry id or the fields inline.",
            "items": {
                "oneOf": [
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["id"],
                        "properties": {"id": ID, "pinpoint": ONE_LINE},
                    },
                    _inline_source(),
                ]
            },
        },
        "related": {
            "type": "array",
            "uniqueItems": True,
            "items": {"type": "string"},
            "description": "Ids (file names without .yml) of related events.",
        },
        "formerly": {
            "type": "array",
            "uniqueItems": True,
            "items": {
                "type": "string",
                "pattern": r"^\d{4}(-\d{2}){0,2}-[a-z][a-z0-9]*(-[a-z0-9]+)*$",
            },
            "description": "The event's earlier file names (without .yml), after a rename: their "
            "addresses, which readers may have cited, keep leading to its page.",
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "event.schema.json",
        "title": "Event of the Peru crisis record",
        "description": "One event per file under events/<year>/, named <date>-<slug>.yml. See "
        "events/README.md. Generated by `peru-timeline schema` from the checker's definitions; "
        "`peru-timeline check` is the authority.",
        "type": "object",
        "additionalProperties": False,
        "required": list(REQUIRED_FIELDS),
        "properties": {name: fields[name] for name in EVENT_FIELDS},
        "allOf": [
            {
                "if": {"properties": {"status": {"const": "alleged"}}, "required": ["status"]},
                "then": {"required": ["claimed_by"]},
            }
        ],
    }


def schema_text(root: Path) -> tuple[str, list[Problem]]:
    """The schema file's text for project `root`, and any problem reading its registries."""
    problems: list[Problem] = []
    themes = load_themes(
        root / "events/registries/themes.yml", "events/registries/themes.yml", problems
    )
    regions, scopes = load_regions(root / "maps/regions.yml", "maps/regions.yml", problems)
    schema = event_schema(sorted(themes), sorted(regions), sorted(scopes))
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n", problems
