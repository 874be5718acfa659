"""The editors' JSON Schema agrees with the checker and the registries, and the real record passes both."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

from builder.record.events import EVENT_FIELDS, REQUIRED_FIELDS
from builder.record.load import event_files, load_record, read_record
from builder.record.problems import RecordError
from builder.record.registries import SOURCE_FIELDS
from builder.record.schema import SCHEMA_PATH, schema_text
from builder.record.strict_yaml import Mapping, Node, Scalar, Sequence, parse
from tests.support.cli import run_cli
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
    if node.is_null:
        return None
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


def test_the_committed_schema_is_the_generated_one() -> None:
    """`peru-timeline schema` writes events/event.schema.json; run it and commit the file."""
    text, problems = schema_text(REPO)
    assert not problems
    committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
    assert committed == text, "events/event.schema.json is out of date: run peru-timeline schema"


def test_the_schema_command_writes_and_checks_the_file(project) -> None:
    assert run_cli(project.root, "schema", "--check").exit_code == 1
    written = run_cli(project.root, "schema")
    assert written.exit_code == 0, written.stderr
    assert "wrote events/event.schema.json" in written.stderr
    assert run_cli(project.root, "schema", "--check").exit_code == 0
    schema = json.loads((project.root / SCHEMA_PATH).read_text(encoding="utf-8"))
    assert schema["required"] == list(REQUIRED_FIELDS)


def test_schema_and_checker_agree_on_an_es_block_left_empty(project) -> None:
    """As `peru-timeline new` writes it: a warning for the checker, accepted by the schema."""
    text = VALID_EVENT.split("es:\n")[0] + "es:\n  title:\n  summary: >-\n\nthemes:"
    text += VALID_EVENT.split("themes:")[1]
    assert not list(VALIDATOR.iter_errors(as_editor_sees_it(parse(text))))
    project.event(text)
    assert [w.message for w in load_record(project.root).warnings] == [
        "no Spanish text for title, summary"
    ]


def test_schema_and_checker_agree_on_a_tab_in_a_title(project) -> None:
    text = VALID_EVENT.replace("title: Congress elects", 'title: "Congress\\telects').replace(
        "interim president\n", 'interim president"\n', 1
    )
    assert list(VALIDATOR.iter_errors(as_editor_sees_it(parse(text))))
    project.event(text)
    with pytest.raises(RecordError):
        load_record(project.root)


@pytest.mark.parametrize("field", EVENT_FIELDS)
def test_the_required_fields_are_the_checkers(project, field: str) -> None:
    """Leaving out a field the schema requires is an error for the checker, and only those."""
    mapping = parse(VALID_EVENT)
    kept = [line for line in VALID_EVENT.splitlines(keepends=True)]
    if field in mapping.values:
        start = mapping.key_marks[field].line - 1
        later = [m.line - 1 for m in mapping.key_marks.values() if m.line - 1 > start]
        del kept[start : min(later, default=len(kept))]
    project.event("".join(kept))
    problems = read_record(project.root)[1]
    missing = [p for p in problems if p.message == f"'{field}' is missing in an event"]
    assert bool(missing) == (field in SCHEMA["required"]), [str(p) for p in problems]
