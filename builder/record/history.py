"""When the record added and last changed each event, read from the repository's history.

The feed lists events by when the record changed them, and the calendar stamps its entries with
the last commit's time: both come from `git log`, so two builds of one commit are identical.
An event also counts as changed when a source it cites from the registry
(events/registries/sources.yml) was corrected: each committed version of that file is read, and
a source's time is that of the last commit that changed its entry.
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

from builder.record.strict_yaml import Mapping, Node, Scalar, YamlProblem, parse

EVENTS_DIR = "events"
SOURCES_REGISTRY = "events/registries/sources.yml"
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
    sources: dict[str, dt.datetime] = field(default_factory=dict)

    def of(self, path: str) -> Changes | None:
        """The changes of the event file `path`, or None when the history does not know it."""
        return self.files.get(path) if self.complete else None

    def source_changed(self, source_id: str) -> dt.datetime | None:
        """When the registry source `source_id`'s entry last changed, or None when unknown."""
        return self.sources.get(source_id) if self.complete else None


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
    sources = _source_changes(root) if SOURCES_REGISTRY in files else {}
    return RecordHistory(files=files, last_commit=last, complete=True, reason="", sources=sources)


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


def _source_changes(root: Path) -> dict[str, dt.datetime]:
    """Each registry source's id to the time of the last commit that changed its entry.

    Every committed version of the registry is read in one `git cat-file` run, oldest first; an
    entry that differs from the version before (added, or any field changed) takes that commit's
    time. A version that does not parse is skipped: the next one is compared with the last read.
    """
    log = _git(root, "log", "--no-renames", "--format=%H %ct", "--", SOURCES_REGISTRY)
    commits = [line.split() for line in (log or "").splitlines() if line]
    if not commits:
        return {}
    names = "".join(f"{commit}:./{SOURCES_REGISTRY}\n" for commit, _ in commits)
    blobs = _cat_files(root, names)
    changed: dict[str, dt.datetime] = {}
    before: dict[str, object] = {}
    for (_commit, stamp), blob in reversed(list(zip(commits, blobs, strict=True))):
        entries = _entries(*blob) if blob else None
        if entries is None:
            continue
        for source_id, entry in entries.items():
            if before.get(source_id) != entry:
                changed[source_id] = _time(stamp)
        before = entries
    return changed


def _cat_files(root: Path, names: str) -> list[tuple[str, bytes] | None]:
    """The object id and contents of each `<commit>:<path>` named one a line (None where
    missing)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "cat-file", "--batch"],
            input=names.encode("utf-8"),
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return [None] * names.count("\n")
    out, at, blobs = done.stdout, 0, []
    for _ in range(names.count("\n")):
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) != 3:  # "<name> missing"
            blobs.append(None)
            at = end + 1
            continue
        size = int(header[2])
        blobs.append((header[0].decode("ascii"), out[end + 1 : end + 1 + size]))
        at = end + 1 + size + 1
    return blobs


# Parsed versions of the registry by object id: a preview's rebuilds read the history each time,
# and parse only the versions committed since.
_PARSED: dict[str, dict[str, object] | None] = {}


def _entries(object_id: str, blob: bytes) -> dict[str, object] | None:
    """The registry's entries as plain values (no line numbers), or None if it does not parse."""
    if object_id not in _PARSED:
        try:
            document = parse(blob.decode("utf-8"))
        except (YamlProblem, UnicodeDecodeError):
            _PARSED[object_id] = None
        else:
            _PARSED[object_id] = {key: _plain(node) for key, node in document.values.items()}
    return _PARSED[object_id]


def _plain(node: Node) -> object:
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Mapping):
        return {key: _plain(value) for key, value in node.values.items()}
    return [_plain(item) for item in node.items]


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
