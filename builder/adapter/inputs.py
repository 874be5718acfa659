"""What a build reads, digested without building: whether the site is already what a build would
write, and whether a rebuild may take the pages the record does not change from the last site.

A build of the project at `root` reads mkdocs.yml (and a file it INHERITs, its hooks, the theme's
custom_dir), the docs_dir (content/), the record (events/ and maps/), this package (its code,
templates and assets), the installed distributions (MkDocs, the theme, Markdown, the drawing
libraries), the repository's history (the feed's order, the build date) and a few environment
variables (SOURCE_DATE_EPOCH, PERU_TIMELINE_OFFLINE, and any that mkdocs.yml reads with `!ENV`).
`BuildInputs` holds three digests of them:

- `record`: the contents of the files under events/ and maps/. The plugin reads them alone, and
  they reach the site only through its generated files, whose contents it compares (reuse.py);
- `pages`: everything else, with the *names* of the record's files (a new, removed or renamed
  event changes the site's list of pages, which every page's language switch and the sitemap
  read): when it changes, every page is rendered again;
- `history`: the repository's HEAD commit, whose log orders the feed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

import yaml

RECORD_FOLDERS = ("events", "maps")
# The environment a build's output depends on, besides what mkdocs.yml names with !ENV.
ENVIRONMENT = ("SOURCE_DATE_EPOCH", "PERU_TIMELINE_OFFLINE")
_PACKAGE = Path(__file__).resolve().parents[1]
_SKIPPED = {"__pycache__", ".git"}


@dataclass(frozen=True)
class BuildInputs:
    """Digests of what a build reads (see the module's docstring)."""

    pages: str
    record: str
    history: str

    def everything(self) -> str:
        return hashlib.sha256(f"{self.pages}:{self.record}:{self.history}".encode()).hexdigest()

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def read_inputs(root: Path, config_file: str, environment: Mapping[str, str]) -> BuildInputs:
    """The digests of what building the project at `root` with `config_file` reads, given the
    build's `environment`."""
    config_path = root / config_file
    config, env_names = _read_config(config_path)
    base = config_path.parent
    pages = hashlib.sha256()
    record = hashlib.sha256()
    for path in _config_files(base, config_path, config):
        _add_file(pages, path, base)
    docs_dir = base / str(config.get("docs_dir") or "docs")
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    folders = [docs_dir, _PACKAGE]
    if theme.get("custom_dir"):
        folders.append(base / str(theme["custom_dir"]))
    for folder in folders:
        pages.update(f"folder {folder}\n".encode())
        for path in _files_under(folder):
            _add_file(pages, path, folder)
    for name in RECORD_FOLDERS:
        for path in _files_under(root / name):
            pages.update(f"record file {path.relative_to(root).as_posix()}\n".encode())
            _add_file(record, path, root)
    for dist in sorted(
        f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions() if d.metadata
    ):
        pages.update(f"distribution {dist}\n".encode())
    for name in sorted({*ENVIRONMENT, *env_names}):
        pages.update(f"environment {name}={environment.get(name)!r}\n".encode())
    return BuildInputs(pages.hexdigest(), record.hexdigest(), _history(root))


def site_manifest(site_dir: Path) -> str | None:
    """A digest of every file of `site_dir` (its path, size, modification time and inode), to
    tell whether anything touched the site since it was built; None if there is no site."""
    if not site_dir.is_dir():
        return None
    digest = hashlib.sha256()
    for folder, dirs, names in os.walk(site_dir):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            stat = os.lstat(path)
            relative = os.path.relpath(path, site_dir)
            digest.update(
                f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_ino}\n".encode()
            )
    return digest.hexdigest()


def _read_config(path: Path) -> tuple[dict, set[str]]:
    """mkdocs.yml as plain data (its tags read as None) and the variables its !ENV tags name."""
    names: set[str] = set()

    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node):
        if isinstance(node, yaml.ScalarNode):
            names.add(loader.construct_scalar(node))
        elif isinstance(node, yaml.SequenceNode):
            names.update(str(item) for item in loader.construct_sequence(node))
        return None

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    try:
        config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    except (OSError, yaml.YAMLError):
        config = None
    return (config if isinstance(config, dict) else {}), names


def _config_files(base: Path, config_path: Path, config: dict) -> list[Path]:
    """mkdocs.yml, the file it inherits from and its hooks."""
    files = [config_path]
    if isinstance(config.get("INHERIT"), str):
        files.append(base / config["INHERIT"])
    hooks = config.get("hooks")
    if isinstance(hooks, list):
        files += [base / str(hook) for hook in hooks]
    return files


def _files_under(folder: Path) -> Iterable[Path]:
    """Every file under `folder`, in a fixed order; none if it does not exist."""
    if not folder.is_dir():
        return
    for current, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED)
        for name in sorted(names):
            yield Path(current, name)


def _add_file(digest, path: Path, base: Path) -> None:
    try:
        content = path.read_bytes()
    except OSError:
        content = b"\0missing"
    name = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
    digest.update(f"file {name} {len(content)}\n".encode())
    digest.update(content)


def _history(root: Path) -> str:
    """The repository's HEAD, whether it is shallow and where it is: what the feed's order and
    the build date come from; empty without git or a repository."""
    try:
        result = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "rev-parse",
                "HEAD",
                "--is-shallow-repository",
                "--show-toplevel",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
