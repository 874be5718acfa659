"""The views' outputs kept between runs, so that a preview's rebuild makes again only what an
edit changed.

A view hands `ViewMemo.made` a function and the arguments it reads; the function's result is the
last run's when the same function was called under the same name with equal arguments, and is
made again otherwise. The key is therefore what the function reads, never a guess of it: a view
passes everything a page depends on as arguments (the event, its neighbours, the registries,
the settings) and the function reads nothing else. Frozen record objects compare by value, and
an event file the record loader did not read again is the same object as last time, which
compares at once.

A file made of every event (the explorer's index, the presidents chart) reads a few of each
event's fields: `made_over` keys it on the events and a function naming the fields it reads, and
compares those fields of only the events that are not the very objects of the last run, so that
an edit to one event's title costs one comparison, not a file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from builder.record.model import Record

T = TypeVar("T")


class ViewMemo:
    """Each named result of the last run with the function and arguments that made it."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[Callable, tuple, Any]] = {}
        self._now: dict[str, tuple[Callable, tuple, Any]] = {}
        self._values: dict[str, Any] = {}
        self.made_again = 0  # results made in this run (the others came from the last)
        self._names: tuple[tuple, Record] | None = None  # this run's registries (`names`)
        self._shared: dict[Callable, tuple[Any, Any]] = {}  # this run's (`shared`)

    def made(self, name: str, function: Callable[..., T], *args: Any) -> T:
        """`function(*args)`, or the last run's result of the same call under `name`."""
        last = self._last.get(name)
        if last is not None and last[0] is function and last[1] == args:
            result = last[2]
        else:
            result = function(*args)
            self.made_again += 1
        self._now[name] = (function, args, result)
        return result

    def made_each(
        self, name: str, function: Callable[..., T], items: Sequence[Any], *args: Any
    ) -> list[T]:
        """`[function(item, *args) for item in items]`, each the last run's result under `name`
        for the very same item while `args` are equal (an event file the loader did not read
        again is the same object): one look-up an item rather than a `made` call."""
        last = self._last.get(name)
        known = last[2] if last is not None and last[0] is function and last[1] == args else {}
        now: dict[int, tuple[Any, T]] = {}
        results = []
        for item in items:
            kept = known.get(id(item))
            if kept is not None and kept[0] is item:
                result = kept[1]
            else:
                result = function(item, *args)
                self.made_again += 1
            now[id(item)] = (item, result)
            results.append(result)
        self._now[name] = (function, args, now)
        return results

    def made_over(
        self,
        name: str,
        function: Callable[..., T],
        reads: Callable[[Any], Any],
        items: Sequence[Any],
        *args: Any,
    ) -> T:
        """`function(items, *args)`, which reads of each item only what `reads(item)` gives; or
        the last run's result under `name` while `args` are equal and each item is, at its
        place, the last run's or one that `reads` the same."""
        items = tuple(items)
        last = self._last.get(name)
        if last is not None and last[0] is function and _same_over(last[1], (items, args), reads):
            result = last[2]
        else:
            result = function(items, *args)
            self.made_again += 1
        self._now[name] = (function, (items, args), result)
        return result

    def shared(self, function: Callable[[Any], T], argument: Any) -> T:
        """`function(argument)`, made once a run for the very same argument (the languages of
        one run share the record's facets)."""
        kept = self._shared.get(function)
        if kept is not None and kept[0] is argument:
            return kept[1]
        result = function(argument)
        self._shared[function] = (argument, result)
        return result

    def same(self, name: str, value: T) -> T:
        """`value`, or the equal value last given under `name`: the same object, which the
        results' arguments then compare at once."""
        last = self._values.get(name)
        if last is not None and last == value:
            return last
        self._values[name] = value
        return value

    def names(self, record: Record) -> Record:
        """`registries(record)`, one object for the whole run (compared once, not per page),
        and last run's while equal."""
        parts = _registry_parts(record)
        if self._names is not None and all(
            a is b for a, b in zip(self._names[0], parts, strict=True)
        ):
            return self._names[1]
        names = self.same("registries", registries(record))
        self._names = (parts, names)
        return names

    def settle(self) -> None:
        """End a run: the next keeps only what this one made or took."""
        self._last, self._now = self._now, {}
        self._names = None
        self._shared = {}
        self.made_again = 0


def _same_over(last: tuple, now: tuple, reads: Callable[[Any], Any]) -> bool:
    """Whether `made_over`'s items and arguments `now` stand for the `last` ones."""
    (last_items, last_args), (items, args) = last, now
    if len(last_items) != len(items) or last_args != args:
        return False
    return all(a is b or reads(a) == reads(b) for a, b in zip(last_items, items, strict=True))


def _registry_parts(record: Record) -> tuple:
    return (record.themes, record.regions, record.scopes, record.actors, record.sources)


def registries(record: Record) -> Record:
    """The record without its events (and its warnings): what a page that is given its events
    reads of the rest of the record (theme, region and actor names)."""
    return Record(
        events=[],
        themes=record.themes,
        regions=record.regions,
        scopes=record.scopes,
        actors=record.actors,
        sources=record.sources,
    )


def with_events(names: Record, events: Sequence) -> Record:
    """The record of `names` (its registries: `registries`) with `events`."""
    return Record(
        events=list(events),
        themes=names.themes,
        regions=names.regions,
        scopes=names.scopes,
        actors=names.actors,
        sources=names.sources,
    )
