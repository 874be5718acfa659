"""When each file entered the record, from git: a duplicate is reported on the newer file.

On a pull request (GitHub sets GITHUB_BASE_REF) the files are compared with the base branch,
`origin/<base>`; elsewhere with HEAD. A file the base lacks is the newest of all (the pull
request or the working tree adds it); of two files the base holds, the one added later by
the base's history (its latest addition, if it was removed and added again) is the newer.
"""

from __future__ import annotations

import functools
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

NEW = (1, 0)


def git_age(root: Path) -> Callable[[str], tuple[int, int]] | None:
    """A key for a path relative to `root`, oldest first; None when `root` is not in git."""
    base = _base(root)
    if base is None:
        return None
    listed = _git(root, "ls-tree", "-r", "--name-only", base, "--", ".")
    tracked = frozenset(listed.splitlines()) if listed is not None else frozenset()

    @functools.cache
    def age(path: str) -> tuple[int, int]:
        if path not in tracked:
            return NEW
        log = _git(root, "log", "--diff-filter=A", "--format=%ct", base, "--", path) or ""
        times = log.split()
        return (0, int(times[0]) if times else 0)  # its latest addition

    return age


def _base(root: Path) -> str | None:
    branch = os.environ.get("GITHUB_BASE_REF", "").strip()
    for candidate in ([f"origin/{branch}"] if branch else []) + ["HEAD"]:
        if _git(root, "rev-parse", "--verify", "--quiet", f"{candidate}^{{commit}}") is not None:
            return candidate
    return None


def _git(root: Path, *args: str) -> str | None:
    """Standard output of `git args` run in `root`, or None when git fails or is missing."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None
