"""The offline copy (`peru-timeline dist`): the site built to be read from disk, zipped.

The copy is built by the same atomic `mkdocs build --strict` as the site, with the plugin's
offline option (PERU_TIMELINE_OFFLINE=1): its links name `.html` files, and search and the
timeline's data load from file://. The zip is reproducible: entries sorted, every time set to
SOURCE_DATE_EPOCH (the last commit's), fixed permissions, all under one top-level folder, so one
commit always gives the same bytes.
"""

from __future__ import annotations

import os
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from builder.adapter.build import FILE_MODE, build_site, source_date_epoch, umask
from builder.adapter.offline import OFFLINE_ENV

FOLDER = "peru-crisis-record"
# Files already compressed are stored as they are: deflating them again gains nothing.
STORED_SUFFIXES = frozenset({".gz", ".png", ".jpg", ".jpeg", ".webp", ".zip", ".woff2"})
# The earliest time a zip entry can carry (MS-DOS dates start in 1980).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class DistResult:
    """What `build_offline_copy` wrote: the zip, its entry count and the generator's output."""

    path: Path
    files: int
    output: str


def build_offline_copy(root: Path, target: Path, folder: str = FOLDER) -> DistResult:
    """Build project `root`'s offline copy and write it to `target` as a zip under `folder/`.

    Raises site_build.BuildFailed when the build fails; `target` is then left as it was, and it
    is replaced only by a complete zip.
    """
    root = root.resolve()
    target = target if target.is_absolute() else root / target
    epoch = source_date_epoch(root)
    with tempfile.TemporaryDirectory(prefix="peru-timeline-dist-") as work:
        site_dir = Path(work) / "site"
        output = build_site(
            root, site_dir, extra_env={OFFLINE_ENV: "1"}, reuse=False, remember=False
        ).output
        count = write_zip(site_dir, target, folder, int(epoch) if epoch else None)
    return DistResult(target, count, output)


def zip_time(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    """The date and time every entry carries: `epoch` in UTC, no earlier than 1980."""
    if epoch is None:
        return ZIP_EPOCH
    stamp = time.gmtime(epoch)[:6]
    return max(stamp, ZIP_EPOCH)  # type: ignore[return-value]


def write_zip(source: Path, target: Path, folder: str, epoch: int | None = None) -> int:
    """Zip every file under `source` into `target` as `folder/<path>`; return the file count.

    Entries are in path order with one time, `-rw-r--r--` permissions and no extra fields, so
    the same files always give the same bytes. The zip is written beside `target` and renamed;
    it gets the permissions of a file the user writes (their umask's).
    """
    stamp = zip_time(epoch)
    paths = sorted(
        (path.relative_to(source).as_posix(), path) for path in source.rglob("*") if path.is_file()
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{target.name}-", dir=target.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, path in paths:
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=stamp)
                info.create_system = 3  # Unix, whatever system builds it
                info.external_attr = 0o100644 << 16
                stored = path.suffix.lower() in STORED_SUFFIXES
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                archive.writestr(info, path.read_bytes(), compresslevel=None if stored else 9)
        os.chmod(partial, FILE_MODE & ~umask())  # mkstemp's file is private (0600)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return len(paths)
