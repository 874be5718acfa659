"""Real git repositories for tests: a project folder made a repository, and git run in it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# A fixed author and no user configuration, so a commit works on any machine.
ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str, env: dict[str, str] | None = None, check: bool = True):
    """Run `git args` in `root`; return the completed process (stdout and stderr as text)."""
    full = {**os.environ, "HOME": str(root), **ENV, **(env or {})}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GITHUB_BASE_REF"):
        if name not in (env or {}):
            full.pop(name, None)
    return subprocess.run(
        ["git", *args], cwd=root, env=full, capture_output=True, text=True, check=check
    )


def init_repo(root: Path) -> None:
    """Make `root` a repository on branch main and commit everything in it."""
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "the project")
