"""Editorial review: heuristics that list what an editor should look at before a release.

Each check is a pure function over the loaded `Record` (and, for line numbers, the position of
each field in its file). A finding is a question for a person, never an error: the review does
not stop a build. Findings read `path:line: what looks wrong — what an editor should check`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from builder.record.model import Actor, Event, Localized, Record, Source
from builder.record.strict_yaml import Mapping as YamlMapping
from builder.record.strict_yaml import YamlProblem, parse

# Words that say whose claim a title states. A reported or alleged event's title needs one of
# them, or the name of a source's publisher or of a claimant, in each language.
ATTRIBUTION_WORDS = {
    "en": (
        "according to",
        "says",
        "said",
        "say",
        "reports",
        "reported",
        "report",
        "alleges",
        "alleged",
        "allegation",
        "claims",
        "claimed",
        "writes",
        "wrote",
        "cited by",
        "figures",
        "as the",
    ),
    "es": (
        "según",
        "dice",
        "dijo",
        "afirma",
        "afirmó",
        "informa",
        "informó",
        "denuncia",
        "denunció",
        "sostiene",
        "alega",
        "escribe",
        "citadas por",
        "citado por",
        "cifras",
    ),
}
# Labels the house rules allow only inside quotation marks, attributed.
LABEL_WORDS = (
    "coup",
    "fascist",
    "massacre",
    "golpe",
    "fascista",
    "masacre",
    "mafia",
)
# Phrases in a note that say the event is not confirmed.
UNCONFIRMED_PHRASES = (
    "not been verified",
    "could not be verified",
    "not verified",
    "has not been found",
    "have not been found",
    "not been checked",
    "unconfirmed",
    "only from an aggregator",
    "the available source is an aggregator",
)
# How a source's `stance` classes it: the first kind whose words appear in it.
SOURCE_KINDS = (
    ("aggregator", ("aggregator", "agregador")),
    (
        "partisan",
        (
            "partisan",
            "trotskyist",
            "fourth international",
            "party statement",
            "statement of a party",
            "socialist",
        ),
    ),
)
# A state outlet (TV Perú, Andina, CGTN, a Cuban state newspaper) or an official body (the Navy,
# a truth commission) speaks for a government: neither a party's voice nor independent of the
# government. These are whole words of a stance ("state-backed" counts, "statement" does not).
STATE = "state"
STATE_WORDS = ("state", "official", "government-funded", "estatal", "oficial", "gubernamental")
_STATE = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, STATE_WORDS)) + r")(?!\w)")
INDEPENDENT = "independent"
# How the review names each kind of source that is not independent.
KIND_NAMES = {
    "aggregator": "aggregator",
    "partisan": "partisan",
    STATE: "the state's (a state outlet or an official body)",
}
# A translation whose length differs from the English by more than this ratio is listed.
LENGTH_RATIO = 1.6
_QUOTED = re.compile(r'"[^"]*"|«[^»]*»|“[^”]*”')
_THOUSANDS = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)")
_NUMBER = re.compile(r"\d+")
# English writes 'US$1.3 billion' where Spanish writes '1300 millones': compare in millions.
_BILLIONS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:billion|bn)\b")
_NAME_PREFIXES = ("Presidency of the ", "Presidencia del ", "Peruvian ", "US ", "Asociación Civil ")
_NAME_SUFFIXES = (
    " del Perú",
    " de la República",
    " of the Republic",
    " of Peru",
    " en Lima",
    " in Lima",
    " Ports",
    " Compañía Minera",
    " Perú",
    " government",
)
_DEPARTMENT = re.compile(r"(Department) of (\w+)")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing an editor should look at, in one file, at a 1-based line."""

    path: str
    line: int
    message: str
    check: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} — {self.check}"


FieldLines = Mapping[str, int]
"""Where each field of an event file starts: 'title', 'es.title', 'note', 'actors', …"""


def field_lines(text: str) -> dict[str, int]:
    """The line of each top-level field and of each field under `es:`; empty if unreadable."""
    try:
        document = parse(text)
    except YamlProblem:
        return {}
    lines = {key: mark.line for key, mark in document.key_marks.items()}
    spanish = document.values.get("es")
    if isinstance(spanish, YamlMapping):
        lines.update({f"es.{key}": mark.line for key, mark in spanish.key_marks.items()})
    return lines


def review_record(record: Record, lines: Mapping[str, FieldLines]) -> list[Finding]:
    """Every finding of every check, ordered by file and line.

    `lines` maps an event's path to its `field_lines`; a field it does not know is reported at
    line 1.
    """
    findings: list[Finding] = []
    for event in record.events:
        at = lines.get(event.path, {})
        for check in CHECKS:
            findings.extend(check(event, record, at))
    return sorted(findings, key=lambda f: (f.path, f.line, f.message))


def source_kind(source: Source) -> str:
    """'aggregator', 'partisan', 'state' or 'independent', from the words of the source's
    `stance` (a partisan state outlet is partisan)."""
    stance = (source.stance or "").lower()
    for kind, words in SOURCE_KINDS:
        if any(word in stance for word in words):
            return kind
    if _STATE.search(stance):
        return STATE
    return INDEPENDENT


def check_title_attribution(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """A reported or alleged event whose title does not say whose claim it is."""
    if event.status == "verified":
        return
    names = _claimant_names(event, record)
    for lang, field in (("en", "title"), ("es", "es.title")):
        title = event.title.get(lang) if lang == "en" or event.title.es else None
        if title is None:
            continue
        folded = _fold(title)
        if any(_has_word(folded, _fold(word)) for word in ATTRIBUTION_WORDS[lang]):
            continue
        if any(_fold(name) in folded for name in names):
            continue
        yield Finding(
            event.path,
            at.get(field, 1),
            f"the {_language(lang)} title of a {event.status} event names no source or claimant",
            'a title is read alone: say who reports or alleges it ("the WSWS says …"), '
            "or confirm it independently and mark it verified",
        )


def check_title_labels(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """A label such as "coup" or "massacre" used in a title outside quotation marks."""
    for lang, field in (("en", "title"), ("es", "es.title")):
        title = event.title.en if lang == "en" else event.title.es
        if not title:
            continue
        bare = _fold(_QUOTED.sub(" ", title))
        for label in LABEL_WORDS:
            if _has_word(bare, label):
                yield Finding(
                    event.path,
                    at.get(field, 1),
                    f"the {_language(lang)} title uses the label '{label}' outside quotation marks",
                    "labels appear only quoted and attributed to whoever used them",
                )


def check_verified_sources(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """A verified event none of whose sources is independent (all partisan, aggregator copies
    or the state's own outlets and bodies)."""
    if event.status != "verified":
        return
    kinds = {source_kind(citation.source) for citation in event.sources}
    if INDEPENDENT in kinds:
        return
    check = "cite an independent source that confirms it, or mark it reported and attribute it"
    if STATE in kinds:
        check = (
            "a state outlet or official body confirms its government's own acts (a decree "
            "published, an official count), not what that government is a party to: if the "
            "event is such an act it may stay verified; otherwise " + check
        )
    yield Finding(
        event.path,
        at.get("status", 1),
        f"verified, but every source is {' or '.join(KIND_NAMES[k] for k in sorted(kinds))}",
        check,
    )


def check_actors_named(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """An actor (or claimant) that neither the event's texts nor its sources' titles name."""
    haystack = _fold(" ".join(_event_texts(event)))
    for field, ids in (("actors", event.actors), ("claimed_by", event.claimed_by)):
        for actor_id in ids:
            actor = record.actors.get(actor_id)
            if actor is None or any(_fold(name) in haystack for name in _actor_names(actor)):
                continue
            yield Finding(
                event.path,
                at.get(field, 1),
                f"the actor '{actor_id}' ({actor.name}) is not named in the event or its sources",
                "check that a source ties it to this event; otherwise remove it from "
                f"{field}, or name it in the summary",
            )


def check_note_status(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """A note that says the event is unconfirmed while its status says verified."""
    if event.status != "verified" or event.note is None:
        return
    note = _fold(event.note.en)
    for phrase in UNCONFIRMED_PHRASES:
        if phrase in note:
            yield Finding(
                event.path,
                at.get("note", 1),
                f"verified, but the note says '{phrase}'",
                "if the note is about the event itself, mark it reported; if about one claim "
                "in it, make sure the summary attributes that claim",
            )
            return


def check_approximate_note(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """An approximate date with no note saying why."""
    if event.approximate and event.note is None:
        yield Finding(
            event.path,
            at.get("approximate", 1),
            "the date is approximate but no note says why",
            "add a note saying what the sources give and why the date is not exact",
        )


def check_translation(event: Event, record: Record, at: FieldLines) -> Iterable[Finding]:
    """A Spanish text whose figures differ from the English, or whose length is far from it."""
    for field, text in (("summary", event.summary), ("note", event.note)):
        if text is None or not text.es:
            continue
        line = at.get(f"es.{field}", 1)
        only_en, only_es = (
            _numbers(text.en) - _numbers(text.es),
            _numbers(text.es) - _numbers(text.en),
        )
        if only_en or only_es:
            parts = []
            if only_en:
                parts.append(f"only the English has {', '.join(sorted(only_en))}")
            if only_es:
                parts.append(f"only the Spanish has {', '.join(sorted(only_es))}")
            yield Finding(
                event.path,
                line,
                f"the Spanish {field} and the English differ in figures: {'; '.join(parts)}",
                "check that both languages give the same figures and dates",
            )
        ratio = len(text.es) / max(len(text.en), 1)
        if ratio > LENGTH_RATIO or ratio < 1 / LENGTH_RATIO:
            yield Finding(
                event.path,
                line,
                f"the Spanish {field} is {ratio:.1f} times as long as the English",
                "check that the translation says no more and no less than the English",
            )


CHECKS = (
    check_title_attribution,
    check_title_labels,
    check_verified_sources,
    check_actors_named,
    check_note_status,
    check_approximate_note,
    check_translation,
)


def _language(lang: str) -> str:
    return "English" if lang == "en" else "Spanish"


def _fold(text: str) -> str:
    """Lower case without accents, so 'Jerí' matches 'jeri' and 'Según' matches 'segun'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _has_word(folded: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", folded) is not None


def _claimant_names(event: Event, record: Record) -> list[str]:
    names: list[str] = []
    for actor_id in event.claimed_by:
        actor = record.actors.get(actor_id)
        if actor is not None:
            names.extend(_actor_names(actor))
    for citation in event.sources:
        names.append(citation.source.publisher.split(" (")[0])
    return [name for name in names if len(name) >= 3]


def _actor_names(actor: Actor) -> list[str]:
    """The ways a text may name an actor: its names and their short forms, its acronym, a
    person's surnames ('Congreso' for 'Congreso de la República', 'Trump' for 'Donald Trump')."""
    names = [name for name in (actor.name, actor.name_en, actor.name_es) if name]
    forms = [short for name in names for short in _short_forms(name)]
    if actor.acronym:
        forms.append(actor.acronym)
    if actor.kind == "person":
        forms.extend(actor.name.split()[1:])
    return [form for form in forms if len(form) >= 3]


def _short_forms(name: str) -> list[str]:
    forms = [name, *name.split(" – ")]
    for prefix in _NAME_PREFIXES:
        forms += [form[len(prefix) :] for form in forms if form.startswith(prefix)]
    for suffix in _NAME_SUFFIXES:
        forms += [form[: -len(suffix)] for form in forms if form.endswith(suffix)]
    forms += [f"{match.group(2)} {match.group(1)}" for match in _DEPARTMENT.finditer(name)]
    return forms


def _event_texts(event: Event) -> Iterable[str]:
    for text in (event.title, event.summary, event.note):
        if isinstance(text, Localized):
            yield text.en
            yield text.es or ""
    for citation in event.sources:
        source = citation.source
        yield from (source.publisher, source.title, source.author or "", source.stance or "")


def _numbers(text: str) -> set[str]:
    """The numbers a text gives, thousands separators removed; single digits are ignored."""
    joined = _BILLIONS.sub(lambda m: str(round(float(m.group(1)) * 1000)), _THOUSANDS.sub("", text))
    return {number for number in _NUMBER.findall(joined) if len(number) > 1}
