"""PyYAML's syntax errors said in plain words, on the line a contributor has to fix.

The parser reports where it gave up, which is often the line after the mistake (a key
without its colon) and in its own terms ("could not find expected ':'"). `explain` turns
each kind of error into what is wrong on which line and how to fix it; `tab_indentation`
finds the commonest cause of all, a tab where YAML wants spaces, before the parser runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

QUOTES_FIX = "put quotes around text that contains ': ' or starts with a symbol"
_KEY = re.compile(r"^\s*(?:- )?[A-Za-z_][\w-]*\s*:(?:\s|$)")


@dataclass(frozen=True, slots=True)
class Explained:
    """A 1-based line and column, what is wrong there and how to fix it."""

    line: int
    column: int
    message: str
    fix: str


def tab_indentation(text: str) -> Explained | None:
    """The first line indented with a tab, which YAML refuses (it indents with spaces only)."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent and line.strip():
            return Explained(
                number,
                indent.index("\t") + 1,
                f"line {number} is indented with a tab; YAML indents with spaces only",
                "replace the tab with spaces (two per level, as the lines around it)",
            )
    return None


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained:
    """Where the mistake behind `exc` is, in plain words."""
    lines = text.splitlines()
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    at = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else at

    if "simple key" in context and "':'" in problem:
        return Explained(
            *start,
            f"line {start[0]} has no ':' after its field name",
            "write 'name: value', with a colon and a space",
        )
    if "quoted scalar" in context:
        return Explained(
            *start,
            f"the quoted text that starts on line {start[0]} has no closing quote",
            "close the quote on the same line",
        )
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "]" if "sequence" in context else "}"
        return Explained(
            *start,
            f"the '{'[' if bracket == ']' else '{'}' opened on line {start[0]} is not closed "
            f"before line {at[0]}",
            f"close it with '{bracket}' on line {start[0]}, and separate the items with ', '",
        )
    if "mapping values are not allowed" in problem:
        return _colon_in_value(lines, at)
    if "block mapping" in context or "block collection" in context:
        return _misindented(lines, at, start, list_item="'-'" in problem)
    detail = " ".join(p for p in (context, problem) if p)
    return Explained(
        *at, f"line {at[0]} is not valid YAML ({detail})", f"check the indentation; {QUOTES_FIX}"
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _spaces(count: int) -> str:
    return {0: "no space", 1: "1 space"}.get(count, f"{count} spaces")


def _previous(lines: list[str], number: int) -> tuple[int, str] | None:
    """The last non-blank, non-comment line before line `number` (1-based)."""
    for n in range(number - 1, 0, -1):
        line = lines[n - 1]
        if line.strip() and not line.lstrip().startswith("#"):
            return n, line
    return None


def _colon_in_value(lines: list[str], at: tuple[int, int]) -> Explained:
    number = at[0]
    line = lines[number - 1] if number <= len(lines) else ""
    before = _previous(lines, number)
    if before and _KEY.match(line) and _indent(line) > _indent(before[1]):
        return Explained(
            number,
            1,
            f"line {number} starts with {_spaces(_indent(line))}, more than the field on line "
            f"{before[0]} ({_spaces(_indent(before[1]))})",
            f"indent '{line.strip().split(':')[0]}:' as line {before[0]} is, or quote the text "
            "if it belongs to the value above",
        )
    return Explained(
        *at,
        f"line {number} has a ': ' inside a value, which YAML reads as a new field",
        "put the whole value in double quotes",
    )


def _misindented(
    lines: list[str], at: tuple[int, int], start: tuple[int, int], list_item: bool
) -> Explained:
    number = at[0]
    line = lines[number - 1] if number <= len(lines) else ""
    expected = start[1] - 1
    if _indent(line) == expected:
        return Explained(
            *at,
            f"line {number} has unexpected text at column {at[1]}",
            f"when a value starts with a quote, quote all of it; {QUOTES_FIX}",
        )
    what = "the items of the list" if list_item else "the fields of its group"
    return Explained(
        number,
        1,
        f"line {number} starts with {_spaces(_indent(line))}, but {what} (from line {start[0]}) "
        f"start with {_spaces(expected)}",
        f"start line {number} with {_spaces(expected)} as they do, or quote the text if it "
        "belongs to the value above",
    )
