"""Problems found in the record, and how they are reported to people and to GitHub."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, at a 1-based line and column, with how to fix it."""

    path: str
    line: int
    column: int
    message: str
    fix: str
    severity: str = ERROR

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else "warning: "
        return f"{self.path}:{self.line}:{self.column}: {label}{self.message} — {self.fix}"

    def as_github(self) -> str:
        """Format as a GitHub Actions annotation, shown on the offending line of a pull request."""
        props = f"file={_escape_property(self.path)},line={self.line},col={self.column}"
        title = _escape_property("peru-timeline check")
        return f"::{self.severity} {props},title={title}::{_escape_data(self.message + ' — ' + self.fix)}"


class RecordError(Exception):
    """The record cannot be loaded; `problems` says where and why."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


def sort_key(problem: Problem) -> tuple[str, int, int, str]:
    """Order problems by file, then position, so output is stable and readable."""
    return (problem.path, problem.line, problem.column, problem.message)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ' (did you mean "x"?)' for the closest choice, or '' when nothing is close."""
    lowered = {c.lower(): c for c in choices}
    key = word.lower()
    close = difflib.get_close_matches(key, list(lowered), n=1, cutoff=0.6)
    if not close and len(key) >= 3:
        # A shortened id ('strikes' for 'strikes-and-protests') is too short for difflib's ratio.
        close = sorted(c for c in lowered if c.startswith(key) or f"-{key}" in c)[:1]
    return f' (did you mean "{lowered[close[0]]}"?)' if close else ""


def display_path(path: Path, root: Path) -> str:
    """Show a path relative to the project root when it lies inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
