"""The record's domain objects: events, sources, actors, themes and regions, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

from builder.record.dates import PartialDate

LANGUAGES = ("en", "es")
STATUSES = ("verified", "reported", "alleged")
NATIONAL, ABROAD = "national", "abroad"


@dataclass(frozen=True, slots=True)
class Localized:
    """A text in English with an optional Spanish version."""

    en: str
    es: str | None = None

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to English when no translation exists."""
        return self.es if lang == "es" and self.es else self.en

    def is_fallback(self, lang: str) -> bool:
        """True when `get(lang)` had to fall back to English."""
        return lang == "es" and not self.es


@dataclass(frozen=True, slots=True)
class Region:
    iso: str
    ubigeo: str
    name: str
    name_en: str
    kind: str
    capital: str

    def label(self, lang: str) -> str:
        return self.name if lang == "es" else self.name_en


@dataclass(frozen=True, slots=True)
class Scope:
    """'national' or 'abroad': allowed beside regions in an event's `regions`."""

    id: str
    name: Localized
    description: Localized


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: Localized
    description: Localized


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    role: Localized
    acronym: str | None = None
    name_en: str | None = None
    name_es: str | None = None
    party: str | None = None
    country: str = "PE"

    def label(self, lang: str) -> str:
        """Display name in `lang`, with the acronym where one is known."""
        name = (self.name_es or self.name) if lang == "es" else (self.name_en or self.name)
        return f"{name} ({self.acronym})" if self.acronym and self.acronym not in name else name


@dataclass(frozen=True, slots=True)
class Source:
    """A publication; `id` is the registry key, or '<event id>#<n>' for a source written inline."""

    id: str
    publisher: str
    title: str
    date: PartialDate | None
    author: str | None = None
    date_note: str | None = None
    url: str | None = None
    language: str = "en"
    stance: str | None = None
    untitled: bool = False
    headline_unknown: bool = False
    registered: bool = True
    # The record's own words about the source in Spanish (its `es:` fields); the title is the
    # publisher's and stays as published, unless it is the record's [description] of the piece.
    stance_es: str | None = None
    date_note_es: str | None = None
    description_es: str | None = None

    def stance_in(self, lang: str) -> str | None:
        """Who is speaking, in `lang` (English where no Spanish was written)."""
        return self.stance_es if lang == "es" and self.stance_es else self.stance

    def date_note_in(self, lang: str) -> str | None:
        """Why the date is unknown, in `lang` (English where no Spanish was written)."""
        return self.date_note_es if lang == "es" and self.date_note_es else self.date_note

    def title_in(self, lang: str) -> str:
        """The headline as published, or the record's [description] of the piece in `lang`."""
        return self.description_es if lang == "es" and self.description_es else self.title


@dataclass(frozen=True, slots=True)
class Citation:
    source: Source
    pinpoint: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    region: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    path: str
    date: PartialDate
    title: Localized
    summary: Localized
    themes: tuple[str, ...]
    regions: tuple[str, ...]
    status: str
    sources: tuple[Citation, ...]
    end: PartialDate | None = None
    approximate: bool = False
    places: tuple[Place, ...] = ()
    actors: tuple[str, ...] = ()
    claimed_by: tuple[str, ...] = ()
    note: Localized | None = None
    related: tuple[str, ...] = ()
    # The event's earlier file names: their addresses lead to its page.
    formerly: tuple[str, ...] = ()

    @property
    def is_period(self) -> bool:
        return self.end is not None

    @property
    def has_spanish(self) -> bool:
        return bool(self.title.es and self.summary.es and (self.note is None or self.note.es))

    def sort_key(self) -> tuple[tuple[int, int, int], str]:
        return (self.date.sort_key(), self.id)


@dataclass(slots=True)
class Record:
    """Everything the site is built from, validated and cross-checked."""

    events: list[Event]
    themes: dict[str, Theme]
    regions: dict[str, Region]
    scopes: dict[str, Scope]
    actors: dict[str, Actor]
    sources: dict[str, Source]
    warnings: list = field(default_factory=list)

    def by_id(self) -> dict[str, Event]:
        return {event.id: event for event in self.events}
