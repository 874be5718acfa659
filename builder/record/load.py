"""Loading the whole record: registries, every event file, and the checks across files."""

from __future__ import annotations

import functools
import hashlib
import re
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


def event_files(events_dir: Path) -> list[Path]:
    """Every candidate event file under `events_dir`, outside the registries, in a stable order."""
    files = []
    for path in sorted(events_dir.rglob("*")):
        relative = path.relative_to(events_dir)
        if (
            path.is_dir()
            or relative.parts[0] == REGISTRY_DIR
            or any(p.startswith(".") for p in relative.parts)
        ):
            continue
        if path.suffix in _NOT_EVENTS:
            continue
        files.append(path)
    return files


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
    again. Holds, by path: the bytes read, the display path, the event (None if it had
    errors) and the file's problems."""

    context: str = ""
    files: dict[Path, tuple[bytes, str, Event | None, list[Problem]]] = field(default_factory=dict)


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
    files = event_files(events_dir)
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
    _check_across_files(events, order, problems)
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
    """One event file, from the memo if its bytes are those read last time."""
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    known = memo.files.get(path)
    if data is not None and known is not None and known[0] == data:
        _, _, event, file_problems = known
    else:
        display = show(path)
        file_problems: list[Problem] = []
        mapping = read_mapping(path, display, file_problems)
        event = None
        if mapping is not None:
            event = read_event(mapping, display, registries, file_problems, strict_languages)
        if data is not None:
            memo.files[path] = (data, display, event, file_problems)
    problems.extend(file_problems)
    return event


def _normalise_title(title: str) -> str:
    text = unicodedata.normalize("NFKD", title.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[\W_]+", " ", text).strip()


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


def _check_across_files(events: list[Event], order: Age, problems: list[Problem]) -> None:
    """Two files for one event: the same date and title."""
    by_content: dict[tuple[str, str], list[str]] = {}
    for event in events:
        key = (event.date.iso(), _normalise_title(event.title.en))
        by_content.setdefault(key, []).append(event.path)
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
