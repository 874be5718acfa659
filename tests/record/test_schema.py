"""The editors' JSON Schema agrees with the checker and the registries, and the real record passes both."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from builder.record.events import EVENT_FIELDS
from builder.record.load import event_files, load_record
from builder.record.registries import SOURCE_FIELDS
from builder.record.strict_yaml import Mapping, Node, Scalar, Sequence, parse
from tests.support.project import REPO, VALID_EVENT

SCHEMA = json.loads((REPO / "events" / "event.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
_INT = re.compile(r"^[-+]?\d+$")
_FLOAT = re.compile(r"^[-+]?(\d+\.\d*|\.\d+)$")


def as_editor_sees_it(node: Node):
    """The values a YAML 1.2 editor (the YAML language server) passes to the schema."""
    if isinstance(node, Mapping):
        return {key: as_editor_sees_it(value) for key, value in node.values.items()}
    if isinstance(node, Sequence):
        return [as_editor_sees_it(item) for item in node.items]
    assert isinstance(node, Scalar)
    if node.plain and _INT.match(node.text):
        return int(node.text)
    if node.plain and _FLOAT.match(node.text):
        return float(node.text)
    if node.plain and node.text in ("true", "false"):
        return node.text == "true"
    return node.text


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_fields_are_the_checkers_fields() -> None:
    assert list(SCHEMA["properties"]) == list(EVENT_FIELDS)


def test_schema_source_fields_are_the_checkers_fields() -> None:
    inline = SCHEMA["properties"]["sources"]["items"]["oneOf"][1]["properties"]
    assert list(inline) == [*SOURCE_FIELDS, "pinpoint"]


def test_schema_lists_every_theme_and_region() -> None:
    record = load_record(REPO)
    assert SCHEMA["properties"]["themes"]["items"]["enum"] == sorted(record.themes)
    assert SCHEMA["properties"]["regions"]["items"]["enum"] == sorted(record.regions) + sorted(
        record.scopes
    )


def test_the_repository_record_passes_the_checker() -> None:
    record = load_record(REPO)
    assert len(record.events) == len(event_files(REPO / "events"))


@pytest.mark.parametrize("path", event_files(REPO / "events"), ids=lambda p: p.name)
def test_every_event_file_passes_the_schema(path) -> None:
    errors = sorted(
        VALIDATOR.iter_errors(as_editor_sees_it(parse(path.read_text(encoding="utf-8")))), key=str
    )
    assert not errors, errors[0].message


def test_schema_refuses_what_the_checker_refuses() -> None:
    good = as_editor_sees_it(parse(VALID_EVENT))
    assert not list(VALIDATOR.iter_errors(good))
    for bad in (
        {**good, "titel": "x"},
        {**good, "themes": ["presidential-sucession"]},
        {**good, "date": "2026-13"},
        {**good, "sources": []},
        {
            **good,
            "sources": [
                {"publisher": "X", "title": "Y", "date": "2026", "url": "javascript:alert(1)"}
            ],
        },
        {**good, "status": "alleged"},
    ):
        assert list(VALIDATOR.iter_errors(bad)), bad
