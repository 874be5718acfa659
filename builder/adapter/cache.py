"""A cache of generated files keyed by their content's inputs, so a rebuild redraws only what
changed: the print maps (PDF, SVG, PNG) are most of a build's time and rarely change.

An entry's key is a hash of everything its drawing reads (the caller's inputs, this package's
code, the default region outlines and the drawing libraries' versions), so a hit returns exactly
the bytes a fresh drawing would: a cached build equals a clean one byte for byte (tested).
Entries live under the project's `.cache/peru-timeline/`; the least recently used beyond `limit`
are removed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import jinja2

from builder.record.geo import DEFAULT_BOUNDARIES

FOLDER = ".cache/peru-timeline"
# The libraries whose output the cached files are: a new release may draw other bytes.
_LIBRARIES = ("matplotlib", "fonttools", "geopandas", "shapely", "pyproj", "pillow", "numpy")
_PACKAGE = Path(__file__).resolve().parents[1]


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of this package's source, the default region outlines and the drawing libraries'
    versions: any change to what draws a file makes every earlier entry a miss."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".j2", ".js", ".css", ".html"}:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update(DEFAULT_BOUNDARIES.read_bytes() if DEFAULT_BOUNDARIES.is_file() else b"")
    for name in _LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name}={version};".encode())
    return digest.hexdigest()[:16]


class FileCache:
    """`cache(key, make, suffixes)`: the files `make()` returns (bytes by suffix), from disk when
    an earlier build made them for the same key."""

    def __init__(self, folder: Path, limit: int = 256) -> None:
        self.folder = Path(folder) / code_version()
        self.limit = limit
        self.hits = 0
        self.misses = 0

    def __call__(
        self, key: str, make: Callable[[], dict[str, bytes]], suffixes: tuple[str, ...]
    ) -> dict[str, bytes]:
        files = {suffix: self.folder / f"{key}.{suffix}" for suffix in suffixes}
        if all(path.is_file() for path in files.values()):
            self.hits += 1
            for path in files.values():
                os.utime(path)  # recently used: kept when the cache is pruned
            return {suffix: path.read_bytes() for suffix, path in files.items()}
        self.misses += 1
        made = make()
        self.folder.mkdir(parents=True, exist_ok=True)
        for suffix, path in files.items():
            _write_atomically(path, made[suffix])
        return made

    def prune(self) -> None:
        """Remove the least recently used entries beyond the limit, and earlier code versions'."""
        parent = self.folder.parent
        if not parent.is_dir():
            return
        for other in parent.iterdir():
            if other.is_dir() and other != self.folder:
                for path in other.iterdir():
                    path.unlink(missing_ok=True)
                other.rmdir()
        if not self.folder.is_dir():
            return
        entries = sorted(self.folder.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in entries[self.limit :]:
            path.unlink(missing_ok=True)


def compiled_templates(folder: Path) -> jinja2.BytecodeCache:
    """Jinja's compiled templates, kept in `folder` between builds: compiling the theme's and the
    views' templates takes about a second of every build and of every preview's rebuild. Jinja
    uses an entry only for the same template source and Python version, so the pages are the
    same bytes either way."""
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def _write_atomically(path: Path, content: bytes) -> None:
    """Write through a temporary file and a rename: a build stopped midway leaves no half file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
