"""When the record added and last changed each event, read from the repository's history.

The feed lists events by when the record changed them, and the calendar stamps its entries with
the last commit's time: both come from `git log`, so two builds of one commit are identical.
A checkout without that history (no git, not a repository, or a shallow clone, in which every
file looks added by its one commit) gives a `RecordHistory` with `complete` False and the reason;
the views then fall back to an order of their own (builder/views/exports.py).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

EVENTS_DIR = "events"
# A commit line of the log below: a NUL, then the committer's time as a Unix timestamp.
_COMMIT = "\x00"


@dataclass(frozen=True)
class Changes:
    """The commits of one event file: when it was added and when it last changed."""

    added: dt.datetime
    changed: dt.datetime


@dataclass(frozen=True)
class RecordHistory:
    """Event file paths (relative to the project, `events/2026/….yml`) to their `Changes`.

    `last_commit` is the time of the newest commit, known even in a shallow clone; `complete`
    is False when the per-file dates cannot be trusted, and `reason` then says why.
    """

    files: dict[str, Changes] = field(default_factory=dict)
    last_commit: dt.datetime | None = None
    complete: bool = False
    reason: str = "no history was read"

    def of(self, path: str) -> Changes | None:
        """The changes of the event file `path`, or None when the history does not know it."""
        return self.files.get(path) if self.complete else None


def read_history(root: Path) -> RecordHistory:
    """The history of `root`'s events/ folder from `git log`; never raises for a missing history."""
    if shutil.which("git") is None:
        return RecordHistory(reason="git is not installed")
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return RecordHistory(reason=f"{root} is not in a git repository")
    stamp = _git(root, "log", "-1", "--format=%ct")
    last = _time(stamp) if stamp else None
    if _git(root, "rev-parse", "--is-shallow-repository") == "true":
        return RecordHistory(
            last_commit=last,
            reason="the clone is shallow (every file looks added by its one commit)",
        )
    log = _git(
        root,
        "-c",
        "core.quotePath=false",
        "log",
        "--no-renames",
        "--format=%x00%ct",
        "--name-only",
        "--relative",
        "--",
        EVENTS_DIR,
    )
    files = _changes(log or "")
    if not files:
        return RecordHistory(last_commit=last, reason="no commit touches events/")
    return RecordHistory(files=files, last_commit=last, complete=True, reason="")


def _changes(log: str) -> dict[str, Changes]:
    """Parse the log, newest commit first: a file's first commit seen is its last change."""
    files: dict[str, Changes] = {}
    when: dt.datetime | None = None
    for line in log.splitlines():
        if line.startswith(_COMMIT):
            when = _time(line[1:])
        elif line and when is not None:
            known = files.get(line)
            files[line] = Changes(added=when, changed=known.changed if known else when)
    return files


def _time(stamp: str) -> dt.datetime:
    return dt.datetime.fromtimestamp(int(stamp), dt.UTC)


def _git(root: Path, *args: str) -> str | None:
    """git's output in `root`, stripped, or None when git fails there."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() if done.returncode == 0 else None
