"""Typed reading of one YAML mapping's fields, recording a Problem for each bad value."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from builder.record.dates import DateError, PartialDate
from builder.record.problems import ERROR, Problem, did_you_mean
from builder.record.strict_yaml import Mapping, Mark, Node, Scalar, Sequence

SLUG = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_NUMBER = re.compile(r"^[-+]?(?:\d+\.?\d*|\.\d+)$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")


class FieldReader:
    """Reads the fields of `mapping` (from file `path`); problems go to `problems`.

    Each reader returns None when the value is missing or wrong, so callers can go on
    and report every problem in a file at once.
    """

    def __init__(
        self,
        mapping: Mapping,
        path: str,
        problems: list[Problem],
        allowed: Iterable[str],
        what: str,
        parent: tuple[str, Iterable[str]] | None = None,
    ):
        """`parent` (the group's key, its parent's fields) explains a parent's field indented
        into this group by mistake."""
        self.mapping = mapping
        self.path = path
        self.problems = problems
        self.what = what
        allowed = list(allowed)
        under, parent_fields = parent if parent else ("", ())
        for key, mark in mapping.key_marks.items():
            if key not in allowed and key in parent_fields:
                self.problem(
                    mark,
                    f"'{key}' is indented under '{under}:', so it reads as part of it",
                    f"start '{key}:' at the beginning of its line, as '{under}:' starts",
                )
            elif key not in allowed:
                self.problem(
                    mark,
                    f"unknown field '{key}' in {what}{did_you_mean(key, allowed)}",
                    f"use one of: {', '.join(allowed)}",
                )

    # -- reporting -------------------------------------------------------------
    def problem(self, mark: Mark, message: str, fix: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.path, mark.line, mark.column, message, fix, severity))

    def key_mark(self, name: str) -> Mark:
        return self.mapping.key_marks.get(name, self.mapping.mark)

    def node(self, name: str, required: bool, fix: str = "") -> Node | None:
        node = self.mapping.values.get(name)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                where = self.key_mark(name) if name in self.mapping.values else self.mapping.mark
                verb = "is empty" if name in self.mapping.values else "is missing"
                self.problem(
                    where, f"'{name}' {verb} in {self.what}", fix or f"add '{name}:' with a value"
                )
            return None
        return node

    # -- readers ----------------------------------------------------------------
    def text(
        self,
        name: str,
        required: bool = False,
        max_length: int | None = None,
        single_line: bool = False,
    ) -> str | None:
        node = self.node(name, required)
        if node is None:
            return None
        return self.text_of(node, name, max_length=max_length, single_line=single_line)

    def text_of(
        self, node: Node, name: str, max_length: int | None = None, single_line: bool = False
    ) -> str | None:
        if not isinstance(node, Scalar):
            self.problem(
                node.mark,
                f"'{name}' must be text, not a {_kind(node)}",
                "write it on one line after the colon",
            )
            return None
        text = node.text.strip()
        bad = _CONTROL.search(text)
        if bad:
            self.problem(
                node.mark,
                f"'{name}' contains an invisible control character (U+{ord(bad.group()):04X})",
                "delete it and retype the text around it",
            )
            return None
        if single_line and "\t" in text:
            self.problem(
                node.mark,
                f"'{name}' contains a tab character",
                "replace the tab with a space",
            )
            return None
        if single_line and "\n" in text:
            self.problem(node.mark, f"'{name}' spans several lines", "write it on a single line")
            return None
        if max_length is not None and len(text) > max_length:
            self.problem(
                node.mark,
                f"'{name}' is {len(text)} characters long, over the limit of {max_length}",
                "shorten it; details belong in the summary",
            )
            return None
        if not text:
            self.problem(node.mark, f"'{name}' is empty in {self.what}", f"write the {name}")
            return None
        return text

    def prose(self, name: str, required: bool = False) -> str | None:
        """Multi-paragraph text, with paragraphs separated by exactly one blank line.

        In a folded (`>`) or quoted value every remaining line break came from a blank line,
        so each is a paragraph break; in a literal (`|`) block only blank lines are, and single
        breaks are wrapping. Either way one blank line in the file makes one paragraph.
        """
        text = self.text(name, required=required)
        if text is None:
            return None
        node = self.mapping.values[name]
        literal = isinstance(node, Scalar) and node.literal
        blocks = re.split(r"\n\s*\n", text) if literal else text.split("\n")
        paragraphs = [" ".join(block.split()) for block in blocks]
        return "\n\n".join(p for p in paragraphs if p)

    def flag(self, name: str) -> bool:
        node = self.node(name, required=False)
        if node is None:
            return False
        if isinstance(node, Scalar) and node.plain and node.text in ("true", "false"):
            return node.text == "true"
        self.problem(
            node.mark, f"'{name}' must be true or false", f"write '{name}: true' or leave it out"
        )
        return False

    def number(self, name: str, low: float, high: float) -> float | None:
        node = self.node(name, required=True, fix=f"add '{name}:' in decimal degrees")
        if node is None:
            return None
        if not (isinstance(node, Scalar) and node.plain and _NUMBER.match(node.text)):
            self.problem(
                node.mark, f"'{name}' must be a number", "write decimal degrees, e.g. -12.0464"
            )
            return None
        value = float(node.text)
        if not low <= value <= high:
            self.problem(
                node.mark,
                f"'{name}' {value} is outside {low}..{high}",
                "check the sign and the digits",
            )
            return None
        return value

    def date(self, name: str, required: bool = False) -> PartialDate | None:
        node = self.node(name, required, fix=f"add '{name}: YYYY-MM-DD' (or YYYY-MM, or YYYY)")
        if node is None:
            return None
        return self.date_of(node, name)

    def date_of(self, node: Node, name: str) -> PartialDate | None:
        if not isinstance(node, Scalar):
            self.problem(node.mark, f"'{name}' must be a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
            return None
        try:
            return PartialDate.parse(node.text)
        except DateError as exc:
            self.problem(
                node.mark,
                f"'{name}': {exc}",
                "write YYYY, YYYY-MM or YYYY-MM-DD with a real date; use a shorter form when the day is unknown",
            )
            return None

    def choice(self, name: str, choices: Iterable[str], required: bool = False) -> str | None:
        text = self.text(name, required=required)
        if text is None:
            return None
        options = list(choices)
        if text not in options:
            node = self.mapping.values[name]
            self.problem(
                node.mark,
                f"'{name}' is \"{text}\"{did_you_mean(text, options)}",
                f"use one of: {', '.join(options)}",
            )
            return None
        return text

    def text_list(self, name: str, required: bool = False) -> list[tuple[str, Mark]]:
        """A list of texts (a single text is accepted as a list of one)."""
        node = self.node(name, required, fix=f"add '{name}: [ … ]'")
        if node is None:
            return []
        items = node.items if isinstance(node, Sequence) else [node]
        values: list[tuple[str, Mark]] = []
        seen: set[str] = set()
        for item in items:
            text = self.text_of(item, name, single_line=True)
            if text is None:
                continue
            if text in seen:
                self.problem(
                    item.mark, f"'{text}' is listed twice in '{name}'", "remove the repetition"
                )
                continue
            seen.add(text)
            values.append((text, item.mark))
        if required and not items:
            self.problem(
                node.mark, f"'{name}' is an empty list", f"list at least one value in '{name}'"
            )
        return values

    def ids(
        self, name: str, known: Iterable[str], what: str, registry: str, required: bool = False
    ) -> list[str]:
        """A list of ids, each checked against `known`, with a suggestion for near misses."""
        options = known if isinstance(known, dict | set | frozenset) else set(known)
        found = []
        for value, mark in self.text_list(name, required):
            if value in options:
                found.append(value)
            else:
                self.problem(
                    mark,
                    f"unknown {what} '{value}'{did_you_mean(value, options)}",
                    f"use an id from {registry}, or add it there",
                )
        return found

    def mapping_of(self, name: str, required: bool = False) -> Mapping | None:
        node = self.node(name, required)
        if node is None:
            return None
        if not isinstance(node, Mapping):
            self.problem(
                node.mark,
                f"'{name}' must be a group of fields",
                f"indent the fields under '{name}:'",
            )
            return None
        return node

    def sequence_of(self, name: str, required: bool = False) -> list[Node]:
        node = self.node(name, required, fix=f"add '{name}:' with at least one '- ' item")
        if node is None:
            return []
        if not isinstance(node, Sequence):
            self.problem(
                node.mark,
                f"'{name}' must be a list",
                f"write each item on a line starting with '- ' under '{name}:'",
            )
            return []
        if required and not node.items:
            self.problem(node.mark, f"'{name}' is an empty list", "add at least one item")
        return node.items

    def url(self, name: str) -> str | None:
        text = self.text(name, single_line=True)
        if text is None:
            return None
        problem = url_problem(text)
        if problem:
            self.problem(
                self.mapping.values[name].mark,
                f"'{name}' {problem}",
                "give the full https:// (or http://) address of the page, or leave the URL out",
            )
            return None
        return text


def url_problem(url: str) -> str | None:
    """Why `url` is not an acceptable web address, or None when it is."""
    if any(ch.isspace() for ch in url):
        return "contains a space"
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http"):
        return f"uses the scheme '{parts.scheme or '(none)'}', which is not allowed"
    if not parts.hostname or "." not in parts.hostname:
        return "has no host name"
    if parts.username or parts.password:
        return "contains a user name or password"
    return None


def _kind(node: Node) -> str:
    return "list" if isinstance(node, Sequence) else "group of fields"
