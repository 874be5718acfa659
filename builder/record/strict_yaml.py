"""A strict YAML reader: one document of mappings, lists and text, every node with its position.

PyYAML's loaders resolve YAML 1.1 types (`no` becomes False), keep the last of two duplicate
keys and expand aliases. This reader works from the parser's event stream instead, so it can
refuse duplicate keys, anchors, aliases and tags before anything is built, and leaves every
scalar as text for the validator to interpret by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from builder.record import yaml_errors

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 64 * 1024
MAX_DEPTH = 16
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True, slots=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass(slots=True)
class Scalar:
    """A scalar as written; `plain` is False when it was quoted or a block.

    `literal` is True for a `|` block, whose single line breaks are the writer's own.
    """

    text: str
    plain: bool
    mark: Mark
    literal: bool = False

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in _NULLS


@dataclass(slots=True)
class Sequence:
    items: list[Node]
    mark: Mark


@dataclass(slots=True)
class Mapping:
    """Keys in file order; `key_marks` gives where each key was written."""

    values: dict[str, Node]
    mark: Mark
    key_marks: dict[str, Mark] = field(default_factory=dict)


Node = Scalar | Sequence | Mapping


class YamlProblem(Exception):
    """The text is not acceptable YAML for the record; carries a position and a fix."""

    def __init__(self, mark: Mark, message: str, fix: str):
        super().__init__(message)
        self.mark = mark
        self.message = message
        self.fix = fix


def decode(data: bytes) -> str:
    """Decode file bytes as UTF-8, refusing oversized, empty or non-UTF-8 input."""
    if len(data) > MAX_BYTES:
        raise YamlProblem(
            Mark(1, 1),
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit",
            "split it into several events or shorten the summary",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            Mark(line, column),
            f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            "save the file as UTF-8 in your editor",
        ) from None
    if not text.strip():
        raise YamlProblem(Mark(1, 1), "file is empty", "fill in the event (see events/README.md)")
    if "\x00" in text:
        raise YamlProblem(Mark(1, 1), "file contains a NUL character", "save it as plain text")
    return text


def parse(text: str) -> Mapping:
    """Parse one YAML document whose top level is a mapping."""
    tab = yaml_errors.tab_indentation(text)
    if tab:
        raise YamlProblem(Mark(tab.line, tab.column), tab.message, tab.fix)
    try:
        events = list(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        found = yaml_errors.explain(exc, text)
        raise YamlProblem(Mark(found.line, found.column), found.message, found.fix) from None
    except yaml.YAMLError as exc:  # reader errors: control characters and the like
        raise YamlProblem(
            Mark(1, 1), f"YAML error: {exc}", "remove the unusual character"
        ) from None
    builder = _TreeBuilder(events)
    return builder.document()


def load(data: bytes) -> Mapping:
    """Decode and parse a file's bytes."""
    return parse(decode(data))


def _mark(event: yaml.Event) -> Mark:
    return Mark(event.start_mark.line + 1, event.start_mark.column + 1)


class _TreeBuilder:
    """Builds nodes from parser events, refusing what the record does not allow."""

    def __init__(self, events: list[yaml.Event]):
        self.events = events
        self.pos = 0

    def next(self) -> yaml.Event:
        event = self.events[self.pos]
        self.pos += 1
        return event

    def document(self) -> Mapping:
        self.next()  # StreamStart
        if isinstance(self.events[self.pos], yaml.StreamEndEvent):
            raise YamlProblem(Mark(1, 1), "file has no content", "fill in the event")
        self.next()  # DocumentStart
        root = self.node(depth=0)
        end = self.next()  # DocumentEnd
        after = self.events[self.pos]
        if not isinstance(after, yaml.StreamEndEvent):
            raise YamlProblem(
                _mark(after),
                "file holds more than one YAML document",
                "keep one event per file and remove '---'",
            )
        if not isinstance(root, Mapping):
            raise YamlProblem(
                root.mark,
                "top level is not a mapping of fields",
                "start the file with fields such as 'date: 2026-06-07'",
            )
        del end
        return root

    def node(self, depth: int) -> Node:
        event = self.next()
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                _mark(event),
                f"alias '*{event.anchor}' is not allowed",
                "write the value out in full",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                _mark(event),
                f"anchor '&{anchor}' is not allowed",
                "remove the anchor and write values out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise YamlProblem(
                _mark(event), f"tag '{tag}' is not allowed", "remove the tag; write plain values"
            )
        if depth > MAX_DEPTH:
            raise YamlProblem(_mark(event), "values are nested too deeply", "flatten the structure")
        if isinstance(event, yaml.ScalarEvent):
            # implicit[0] is True only for plain (unquoted) scalars, in both the C and Python parsers.
            return Scalar(
                event.value,
                plain=bool(event.implicit[0]),
                mark=_mark(event),
                literal=event.style == "|",
            )
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Node] = []
            while not isinstance(self.events[self.pos], yaml.SequenceEndEvent):
                items.append(self.node(depth + 1))
            self.next()
            return Sequence(items, _mark(event))
        if isinstance(event, yaml.MappingStartEvent):
            mapping = Mapping({}, _mark(event))
            while not isinstance(self.events[self.pos], yaml.MappingEndEvent):
                key = self.node(depth + 1)
                if not isinstance(key, Scalar):
                    raise YamlProblem(key.mark, "a key must be a plain name", "write 'name: value'")
                if key.text in mapping.values:
                    first = mapping.key_marks[key.text]
                    raise YamlProblem(
                        key.mark,
                        f"duplicate key '{key.text}' (first written on line {first.line})",
                        "keep one of the two; YAML would silently drop the first",
                    )
                mapping.key_marks[key.text] = key.mark
                mapping.values[key.text] = self.node(depth + 1)
            self.next()
            return mapping
        raise YamlProblem(
            _mark(event), "unexpected YAML content", "see events/README.md for the format"
        )
