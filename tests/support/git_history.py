"""Real temporary git repositories for the tests that need a history (the feed): commits at
chosen times."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Neither the machine's nor the user's git settings reach the tests' repositories.
ISOLATED = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
AUTHOR = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(root: Path, *args: str, when: str | None = None) -> str:
    """Run git in `root` as a fixed author; `when` dates the commit (ISO 8601); its output."""
    env = {**os.environ, **ISOLATED, **AUTHOR}
    if when:
        env |= {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(
        ["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit_all(root: Path, message: str, when: str) -> None:
    """Commit every file under `root` at the time `when`."""
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)
