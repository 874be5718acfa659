"""The preview's watcher: told of a saved file by the system, rather than polling for it.

MkDocs' live-reload server watches its files with watchdog's polling observer, which lists and
`stat`s every watched file each half second: up to half a second from a save to the rebuild, and
at 10,000 events a walk of 10,000 files twice a second, competing with the rebuild for the
interpreter. On Linux, where the files sit on a local file system, `use_system_events` gives the
server watchdog's inotify observer instead, before the server starts it, and has it watch what
the polling one watched. MkDocs polls because inotify hears nothing of files changed from outside
the machine's kernel (a folder shared into Docker from another system, a network mount), so the
polling observer stays for those, and where the system refuses the watches (too low a limit on
inotify's) or has no inotify.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.peru-timeline")

# File systems whose changes the kernel itself makes, so inotify hears of every one.
LOCAL_FILE_SYSTEMS = frozenset(
    {"ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "f2fs", "jfs", "reiserfs"}
)
MOUNTS = Path("/proc/self/mounts")
# What a save, a new file, a removal or a rename raises. Not a file opened, or closed unwritten:
# inotify reports those too, and the build's own reading of the files it watches would then start
# a second rebuild after each one (which polling, seeing no change, never did).
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class ChangesObserver(Observer):  # type: ignore[misc,valid-type]  (the system's observer class)
    """The system's observer, told of changes only, whatever its callers schedule."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
        return super().schedule(
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            **options,
        )


def use_system_events(server, watched: Iterable[str], to_watch: Iterable[str]) -> bool:
    """Give MkDocs' live-reload `server` (not yet started) the system's observer in place of its
    polling one, if every path it watches of `watched` (which it then watches again) and every
    one of `to_watch` (which the caller then has it watch) is on a local file system and the
    system accepts their watches; True if so."""
    if not sys.platform.startswith("linux") or type(server.observer) is not PollingObserver:
        return False  # inotify is Linux's; an observer other than MkDocs' own is left alone
    times = {path: _unwatch_all(server, path) for path in dict.fromkeys(watched)}
    times = {path: count for path, count in times.items() if count}
    paths = [path for path in [*times, *to_watch] if os.path.exists(path)]
    mounts = _mounts()
    native = ChangesObserver()
    if not all(file_system(path, mounts) in LOCAL_FILE_SYSTEMS for path in paths):
        log.debug("Some watched files are not on a local file system: the preview polls them")
    elif isinstance(native, PollingObserver) or not _accepts(native, paths):
        log.debug("The system's file events are not available: the preview polls for changes")
    else:
        server.observer = native
    for path, count in times.items():
        for _ in range(count):
            server.watch(path)
    return server.observer is native


def file_system(path: str, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system `path` is on, from `mounts` ((mount point, type) pairs in the
    order the system lists them: a later mount on the same point hides an earlier one)."""
    real = os.path.realpath(path)
    found, depth = None, -1
    for point, kind in mounts:
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= depth:
            found, depth = kind, len(point)
    return found


def _mounts() -> list[tuple[str, str]]:
    """The system's mounts: (mount point, file system type)."""
    try:
        lines = MOUNTS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:  # the mount point escapes a space as \040
            mounts.append((fields[1].replace("\\040", " "), fields[2]))
    return mounts


def _unwatch_all(server, path: str) -> int:
    """Stop the server watching `path`; how many times it was watched."""
    times = 0
    while True:
        try:
            server.unwatch(path)
        except KeyError:  # MkDocs: not (or no longer) watched
            return times
        times += 1


def _accepts(observer: BaseObserver, paths: Iterable[str]) -> bool:
    """Whether the system lets an observer of `observer`'s kind watch `paths` (a probe of its own,
    started and stopped, since the server starts its observer itself)."""
    probe = type(observer)()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
    except OSError:
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    return True
