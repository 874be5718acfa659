"""Building the site atomically: into a staging folder, swapped in only when the whole build succeeded.

A build is skipped when nothing it reads changed since the last build of the same site folder
(and nothing touched the folder since), and reuses the last site's unchanged files when only the
record's files changed (inputs.py says which; reuse.py does it). Either way the site equals a
clean build's byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from builder.adapter.inputs import BuildInputs, read_inputs, site_manifest

# What the last build of each site folder read, and its generated files' digests (reuse.py).
STATE_FOLDER = ".cache/peru-timeline-builds"
# How a build went: everything rendered, only what the record's edit changed, or nothing.
CLEAN, REUSED, UP_TO_DATE = "clean", "reused", "up to date"
# Set in the generator's environment for the plugin (reuse.py): the JSON file of the previous
# build, whose unchanged files this one takes, and where it writes its generated files' digests
# and its pages' anchors (kept_anchors.py: the next reused build checks links into pages it keeps).
PREVIOUS_ENV = "PERU_TIMELINE_PREVIOUS_BUILD"
DIGESTS_ENV = "PERU_TIMELINE_DIGESTS"
ANCHORS_ENV = "PERU_TIMELINE_ANCHORS"


# The modes a new folder and a new file get before the umask takes its bits away.
FOLDER_MODE, FILE_MODE = 0o777, 0o666


def umask() -> int:
    """The process's umask: the permission bits new files and folders are made without."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


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


@dataclass(frozen=True)
class Built:
    """A finished build: the generator's output, and how it went (CLEAN, REUSED, UP_TO_DATE)."""

    output: str
    how: str


def build_site(
    root: Path,
    site_dir: Path,
    config_file: str = "mkdocs.yml",
    extra_env: dict[str, str] | None = None,
    reuse: bool = True,
    remember: bool = True,
) -> Built:
    """Build the site of project `root` into `site_dir`.

    The build runs `mkdocs build --strict` into a fresh staging folder beside `site_dir`.
    Only a complete, successful build replaces `site_dir`; on failure BuildFailed is raised
    and `site_dir` is exactly as it was. `extra_env` is added to the generator's environment
    (the offline copy sets PERU_TIMELINE_OFFLINE=1). With `reuse`, a site whose inputs did not
    change is left as it is, and one whose record alone changed is rebuilt from the last site's
    unchanged files (the module's docstring); without it, everything is rendered. With
    `remember`, what the build read is kept for the next build of `site_dir` to reuse.
    """
    root = root.resolve()
    site_dir = site_dir if site_dir.is_absolute() else root / site_dir
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    # Material prints a banner about its successor on every build; the log is for build errors.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    epoch = source_date_epoch(root)
    if epoch:
        env["SOURCE_DATE_EPOCH"] = epoch
    state = _State(root, site_dir) if reuse or remember else None
    inputs = read_inputs(root, config_file, env) if state else None
    previous = state.previous() if state and reuse else None
    if previous is not None and previous["inputs"] == inputs.as_dict():
        return Built(f"INFO    -  Nothing {site_dir} is built from changed\n", UP_TO_DATE)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    # mkdtemp makes a private folder (0700); the site gets the mode `mkdocs build` gives it.
    os.chmod(staging, FOLDER_MODE & ~umask())
    reused = previous is not None and previous["inputs"]["pages"] == inputs.pages
    try:
        if state:
            env[DIGESTS_ENV] = str(staging.with_name(staging.name + ".digests"))
            env[ANCHORS_ENV] = str(staging.with_name(staging.name + ".anchors"))
        if reused:
            env[PREVIOUS_ENV] = str(state.path)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "build",
                "--strict",
                "--dirty" if reused else "--clean",
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
        if state:
            state.forget()  # the site it describes is about to go
        _swap_in(staging, site_dir)
        if state and inputs and remember:
            state.remember(inputs, Path(env[DIGESTS_ENV]), Path(env[ANCHORS_ENV]))
        return Built(output, REUSED if reused else CLEAN)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if state:
            for suffix in (".digests", ".anchors"):
                staging.with_name(staging.name + suffix).unlink(missing_ok=True)


class _State:
    """What the last build of `site_dir` read, the site it left, its generated files' digests
    and its pages' anchors, in the project's .cache/peru-timeline-builds/ (one file per site folder)."""

    def __init__(self, root: Path, site_dir: Path) -> None:
        self.site_dir = site_dir
        name = hashlib.sha256(str(site_dir).encode()).hexdigest()[:16]
        self.path = root / STATE_FOLDER / f"{name}.json"

    def previous(self) -> dict | None:
        """The last build's state, if the site is still exactly as that build left it and this
        build's umask is that build's (the files it would link keep that build's permissions)."""
        try:
            state = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if state.get("site_dir") != str(self.site_dir):
            return None
        if state.get("manifest") != site_manifest(self.site_dir):
            return None
        if state.get("umask") != umask():  # the site's files would get other permissions
            return None
        return state

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)

    def remember(self, inputs: BuildInputs, digests: Path, anchors: Path) -> None:
        if not digests.is_file() or not anchors.is_file():  # mkdocs.yml does not use the plugin
            return
        state = {
            "site_dir": str(self.site_dir),
            "inputs": inputs.as_dict(),
            "manifest": site_manifest(self.site_dir),
            "umask": umask(),
            "digests": json.loads(digests.read_text(encoding="utf-8")),
            "anchors": json.loads(anchors.read_text(encoding="utf-8")),
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".partial")
        partial.write_text(json.dumps(state), encoding="utf-8")
        os.replace(partial, self.path)


def _swap_in(staging: Path, site_dir: Path) -> None:
    """Replace `site_dir` with `staging` by renames, so readers never see half a site."""
    previous = None
    if site_dir.exists():
        previous = site_dir.with_name(f".{site_dir.name}-previous-{os.getpid()}")
        site_dir.rename(previous)
    staging.rename(site_dir)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
