"""Building the site atomically: into a staging folder, swapped in only when the whole build succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class BuildFailed(Exception):
    """The site generator failed; `output` holds what it printed. The previous site is untouched."""

    def __init__(self, output: str):
        super().__init__(output)
        self.output = output


def source_date_epoch(root: Path) -> str | None:
    """SOURCE_DATE_EPOCH for a reproducible build: the environment's, else the last commit's time."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:  # git is not installed
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def build_site(
    root: Path,
    site_dir: Path,
    config_file: str = "mkdocs.yml",
    extra_env: dict[str, str] | None = None,
) -> str:
    """Build the site of project `root` into `site_dir`; return the generator's output.

    The build runs `mkdocs build --strict` into a fresh staging folder beside `site_dir`.
    Only a complete, successful build replaces `site_dir`; on failure BuildFailed is raised
    and `site_dir` is exactly as it was. `extra_env` is added to the generator's environment
    (the offline copy sets PERU_TIMELINE_OFFLINE=1).
    """
    root = root.resolve()
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    # Material prints a banner about its successor on every build; the log is for build errors.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--clean",
                "--config-file",
                str(root / config_file),
                "--site-dir",
                str(staging),
            ],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        output = result.stdout + result.stderr
        if result.returncode != 0:
            raise BuildFailed(output)
        _swap_in(staging, site_dir)
        return output
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `staging` by renames, so readers never see half a site."""
    previous = None
    if site_dir.exists():
        previous = site_dir.with_name(f".{site_dir.name}-previous-{os.getpid()}")
        site_dir.rename(previous)
    staging.rename(site_dir)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
