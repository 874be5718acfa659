"""Loading the whole record: registries, every event file, and the checks across files."""

from __future__ import annotations

import functools
import hashlib
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from builder.record.events import Locator, Registries, read_event
from builder.record.model import Event, Record
from builder.record.problems import WARNING, Problem, RecordError, display_path
from builder.record.registries import (
    load_actors,
    load_regions,
    load_sources,
    load_themes,
    read_mapping,
)

EVENTS_DIR = "events"
REGISTRY_DIR = "registries"
REGIONS_FILE = "maps/regions.yml"
# Files that live beside the events and are not events.
_NOT_EVENTS = {".md", ".json"}


def event_files(events_dir: Path, known: dict[str, Path] | None = None) -> list[Path]:
    """Every candidate event file under `events_dir`, outside the registries, in a stable order
    (that of the paths' parts). Hidden files and folders are left out, and so are the files
    beside the events that are not events. One `os.scandir` per folder, which tells a folder
    from a file without a call per file: at 10,000 events a listing through `Path.rglob` took
    most of a preview's reload. `known` keeps the paths made, by their text, for the next
    listing to take (a preview's: the memo's)."""
    found: list[tuple[tuple[str, ...], str]] = []
    folders = [(str(events_dir), ())]
    while folders:
        folder, parts = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(".") or (not parts and name == REGISTRY_DIR):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                # As `rglob` does, a folder that is a link is neither listed nor entered.
                if not entry.is_symlink():
                    folders.append((entry.path, (*parts, name)))
            elif os.path.splitext(name)[1] not in _NOT_EVENTS:
                found.append(((*parts, name), entry.path))
    found.sort()
    if known is None:
        return [Path(path) for _, path in found]
    paths = {path: known.get(path) or Path(path) for _, path in found}
    known.clear()
    known.update(paths)
    return list(paths.values())


# A file's place in the order the files entered the record, oldest first (see `read_record`).
Age = Callable[[str], tuple]
# Two functions run at the same time, their values in order (the build forks a child for the
# second: adapter/forked.py). Given one, `read_record` reads half the event files in each.
Both = Callable[[Callable[[], "_Read"], Callable[[], "_Read"]], tuple["_Read", "_Read"]]
# From how many event files a load is split in two: under it, the child's start and handing
# back (about 0.1 s for 500 events) would cost more than the half it reads.
SPLIT_FROM = 500


@dataclass
class EventMemo:
    """The event files read by the last load, so that the next reads only the files that changed
    (a preview reloads the record after every edit). An entry stands while its file's bytes and
    what the file was checked against (`context`: the registries, the regions and their
    boundaries, the event files' names, the options) are the same; otherwise the file is read
    again. Holds, by path: the file's status when read (`Stat`, if it was settled then), the
    bytes read, the event (None if it had errors) and the file's problems; and, by each
    event's path, the event and the key of its date and title (for the check across files)."""

    context: str = ""
    files: dict[Path, _Entry] = field(default_factory=dict)
    title_keys: dict[str, tuple[Event, tuple[str, str]]] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)  # the event files', by their text


# A file's size, modification and change times (in ns) and inode: while all are the same, so
# are its bytes, once the file is older than the clock's grain (see `_settled`).
Stat = tuple[int, int, int, int]
# How long after a file's last change its status alone vouches for its bytes: a file written
# twice within the file system's clock grain (a few ms) may keep one time and one size.
SETTLE_NS = 2_000_000_000


@dataclass
class _Entry:
    stat: Stat | None
    data: bytes
    event: Event | None
    problems: list[Problem]


def load_record(
    root: Path,
    strict_languages: bool = False,
    locate: Locator | None = None,
    age: Age | None = None,
    memo: EventMemo | None = None,
    both: Both | None = None,
) -> Record:
    """Load and cross-check everything under `root`; raise RecordError listing every error.

    Warnings (such as a missing Spanish text) do not stop the load; they are kept in
    `Record.warnings`. `locate` maps a point to a region; by default the boundary file. With
    a `memo`, the event files the last load read unchanged are not read again; with `both`
    (and no memo), a large record's event files are read half in each of two processes.
    """
    record, problems = read_record(root, strict_languages, locate, age, memo, both)
    if any(p.severity != WARNING for p in problems):
        raise RecordError(problems)
    return record


def read_record(
    root: Path,
    strict_languages: bool = False,
    locate: Locator | None = None,
    age: Age | None = None,
    memo: EventMemo | None = None,
    both: Both | None = None,
) -> tuple[Record, list[Problem]]:
    """Every problem under `root` (errors and warnings), and the record of what loaded cleanly.

    With errors, the record lacks the events that have them; it serves to check what depends
    on the record (the maps) in the same run. Of two files for one event, the one that came
    later by `age` (a display path to a sortable key, oldest first; by default the path
    itself) is reported as the duplicate.
    """
    root = Path(root)
    problems: list[Problem] = []
    events_dir = root / EVENTS_DIR
    registry_dir = events_dir / REGISTRY_DIR

    def show(path: Path) -> str:
        return display_path(path, root)

    regions, scopes = load_regions(root / REGIONS_FILE, REGIONS_FILE, problems)
    themes = load_themes(registry_dir / "themes.yml", show(registry_dir / "themes.yml"), problems)
    actors = load_actors(registry_dir / "actors.yml", show(registry_dir / "actors.yml"), problems)
    sources = load_sources(
        registry_dir / "sources.yml", show(registry_dir / "sources.yml"), problems, strict_languages
    )
    files = event_files(events_dir, memo.paths if memo is not None else None)
    registries = Registries(
        themes,
        regions,
        scopes,
        actors,
        sources,
        event_ids=frozenset(path.stem for path in files),
        locate=locate if locate is not None else default_locator(root),
    )

    if memo is not None:
        context = _memo_context(root, files, strict_languages, locate)
        if memo.context != context:
            memo.context, memo.files = context, {}

    def read(paths: list[Path]) -> _Read:
        return _read_events(paths, show, registries, strict_languages)

    if memo is not None:
        events = []
        for path in files:
            if path.suffix != ".yml":
                problems += read([path])[1]
            elif event := _read_with_memo(path, memo, show, registries, problems, strict_languages):
                events.append(event)
    elif both is not None and len(files) >= SPLIT_FROM:
        half = len(files) // 2
        (events, first), (later, second) = both(
            functools.partial(read, files[:half]), functools.partial(read, files[half:])
        )
        events += later
        problems += first + second
    else:
        events, read_problems = read(files)
        problems += read_problems

    order = age or (lambda path: (path,))
    _check_same_ids(files, show, order, problems)
    _check_across_files(events, order, problems, memo)
    _check_former_names(events, problems)
    events.sort(key=Event.sort_key)
    record = Record(
        events,
        themes,
        regions,
        scopes,
        actors,
        sources,
        warnings=[p for p in problems if p.severity == WARNING],
    )
    return record, problems


# The events read cleanly from some files, and every problem of those files, in their order.
_Read = tuple[list[Event], list[Problem]]


def _read_events(
    paths: list[Path], show: Callable[[Path], str], registries: Registries, strict_languages: bool
) -> _Read:
    """The event files `paths`, read and checked one by one."""
    events: list[Event] = []
    problems: list[Problem] = []
    for path in paths:
        display = show(path)
        if path.suffix != ".yml":
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    f"'{path.name}' is not an event file",
                    "event files end in .yml; rename it or move it out of events/",
                )
            )
            continue
        mapping = read_mapping(path, display, problems)
        if mapping is None:
            continue
        event = read_event(mapping, display, registries, problems, strict_languages)
        if event is not None:
            events.append(event)
    return events, problems


def _memo_context(
    root: Path, files: list[Path], strict_languages: bool, locate: Locator | None
) -> str:
    """What every event file is checked against, digested (see EventMemo)."""
    digest = hashlib.sha256(repr((strict_languages, locate, [str(p) for p in files])).encode())
    registry_dir = root / EVENTS_DIR / REGISTRY_DIR
    others = [root / REGIONS_FILE, root / "maps" / "boundaries" / "peru-regions.geojson"]
    for path in [*sorted(registry_dir.glob("*")), *others]:
        digest.update(str(path).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return digest.hexdigest()


def _read_with_memo(
    path: Path,
    memo: EventMemo,
    show: Callable[[Path], str],
    registries: Registries,
    problems: list[Problem],
    strict_languages: bool,
) -> Event | None:
    """One event file, from the memo if its bytes are those read last time: known without
    reading it when its status (`Stat`) is the one it had, settled, when it was read; else by
    reading and comparing its bytes."""
    known = memo.files.get(path)
    stat = _stat(path)
    if known is not None and stat is not None and known.stat == stat:
        problems.extend(known.problems)
        return known.event
    if stat is not None and not _settled(stat):
        stat = None  # too recent to vouch for the bytes read next
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None and known is not None and known.data == data:
        known.stat = stat
    else:
        display = show(path)
        file_problems: list[Problem] = []
        mapping = read_mapping(path, display, file_problems)
        event = None
        if mapping is not None:
            event = read_event(mapping, display, registries, file_problems, strict_languages)
        known = _Entry(stat, data, event, file_problems) if data is not None else None
        if known is None:
            memo.files.pop(path, None)
            problems.extend(file_problems)
            return event
        memo.files[path] = known
    problems.extend(known.problems)
    return known.event


def _stat(path: Path) -> Stat | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)


def _settled(stat: Stat) -> bool:
    """Whether the file last changed long enough before now that a later write changes its
    times (its status, taken before its bytes are read, may then stand for them)."""
    return max(stat[1], stat[2]) < time.time_ns() - SETTLE_NS


def _title_key(event: Event) -> tuple[str, str]:
    return (event.date.iso(), _normalise_title(event.title.en))


def _normalise_title(title: str) -> str:
    """A title as the check across files compares it: case, accents and punctuation aside."""
    text = title.casefold()
    if not text.isascii():  # ASCII is its own decomposed form, without combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", text).strip()


_NOT_WORD = re.compile(r"[\W_]+")


def _later_ones(groups: dict, order: Age) -> list[tuple[str, str]]:
    """(later, first) display paths for every group of more than one file, oldest first."""
    pairs = []
    for paths in groups.values():
        if len(paths) > 1:
            first, *later = sorted(paths, key=lambda path: (order(path), path))
            pairs += [(path, first) for path in later]
    return sorted(pairs)


def _check_same_ids(files: list[Path], show, order: Age, problems: list[Problem]) -> None:
    """Two files with one id (in different folders) would share one page address."""
    by_id: dict[str, list[Path]] = {}
    for path in files:
        by_id.setdefault(path.stem, []).append(path)
    # Only the files that share an id are shown (a path made relative costs a `resolve`).
    shared = {
        stem: [show(path) for path in paths] for stem, paths in by_id.items() if len(paths) > 1
    }
    for later, first in _later_ones(shared, order):
        problems.append(
            Problem(
                later,
                1,
                1,
                f"event id '{PurePosixPath(later).stem}' is also used by {first}",
                "keep one file per event; merge them",
            )
        )


def _check_across_files(
    events: list[Event], order: Age, problems: list[Problem], memo: EventMemo | None = None
) -> None:
    """Two files for one event: the same date and title. With a `memo`, an event the last load
    had keeps its key (the title's normal form takes most of the check's time)."""
    known = memo.title_keys if memo is not None else {}
    keys: dict[str, tuple[Event, tuple[str, str]]] = {}
    by_content: dict[tuple[str, str], list[str]] = {}
    for event in events:
        kept = known.get(event.path)
        key = kept[1] if kept is not None and kept[0] is event else _title_key(event)
        keys[event.path] = (event, key)
        by_content.setdefault(key, []).append(event.path)
    if memo is not None:
        memo.title_keys = keys
    for later, first in _later_ones(by_content, order):
        problems.append(
            Problem(
                later,
                1,
                1,
                f"same date and title as {first}: it describes the same event",
                "merge the two files, or make the titles say how the events differ",
            )
        )


def _check_former_names(events: list[Event], problems: list[Problem]) -> None:
    """One earlier name, one event: an old address can lead to one page only."""
    claimed: dict[str, str] = {}
    for event in sorted(events, key=lambda event: event.path):
        for name in event.formerly:
            if name in claimed:
                problems.append(
                    Problem(
                        event.path,
                        1,
                        1,
                        f"'{name}' is also listed in 'formerly' by {claimed[name]}",
                        "an earlier name belongs to one event; remove it from one of them",
                    )
                )
            else:
                claimed[name] = event.path


def default_locator(root: Path) -> Locator:
    """Locate points with the committed boundary file, loaded on the first place checked."""
    loaded: list[Locator] = []

    def locate(lat: float, lon: float) -> str | None:
        if not loaded:
            from builder.record import geo  # shapely is imported only when a place is checked

            boundaries = geo.load_boundaries(root / "maps" / "boundaries" / "peru-regions.geojson")
            loaded.append(functools.partial(geo.region_at, boundaries=boundaries))
        return loaded[0](lat, lon)

    return locate
