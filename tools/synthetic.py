"""A synthetic record of any size for `make bench`, written like the real one.

Its texts are drawn from the real record: each word is drawn on its own from every word the real
events use in that language (so common words are as common as in the record, and no sentence of
the record is copied wholesale: copies would compress and index unrealistically well), text
lengths are drawn from the real record's own, and each event names people and places of its own
(made-up names), so the vocabulary grows with the record as a real one's does. Spanish texts,
notes, sources (registered and written inline, in the language of their publisher), actors,
claims and related links come at the real record's rates.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from builder.record.events import TITLE_LIMIT
from builder.record.load import load_record

REPO = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:['’-][^\W\d_]+)*")
# Made-up names are built of these (Quechua- and Spanish-sounding; no real person's name).
_SYLLABLE_TEXT = (
    "ba be ca cha co da de ga gue hua jo la li lla lu ma mo na ni pa pe qui ra re ri sa so ta "
    "te to tu va ya yu za"
)
_SYLLABLES = tuple(_SYLLABLE_TEXT.split(" "))


@dataclass(frozen=True)
class Corpus:
    """What the real record's texts are made of, per language: their words (as often as they
    occur) and the lengths, in words, of its titles, summaries and notes."""

    words: dict[str, tuple[str, ...]]
    title_lengths: tuple[int, ...]
    summary_lengths: tuple[int, ...]
    note_lengths: tuple[int, ...]
    note_rate: float
    source_counts: tuple[int, ...]
    actor_counts: tuple[int, ...]
    spanish_rate: float


def real_corpus(root: Path = REPO) -> Corpus:
    """The corpus of the record in `root`."""
    record = load_record(root)
    words: dict[str, list[str]] = {"en": [], "es": []}
    titles, summaries, notes = [], [], []
    for event in record.events:
        for lang in ("en", "es"):
            for text in (event.title, event.summary, event.note):
                value = getattr(text, lang) if text else None
                if value:
                    words[lang] += _WORD.findall(value)
        titles.append(len(_WORD.findall(event.title.en)))
        summaries.append(len(_WORD.findall(event.summary.en)))
        if event.note:
            notes.append(len(_WORD.findall(event.note.en)))
    events = record.events
    return Corpus(
        words={lang: tuple(found) for lang, found in words.items()},
        title_lengths=tuple(titles),
        summary_lengths=tuple(summaries),
        note_lengths=tuple(notes) or (20,),
        note_rate=len(notes) / len(events),
        source_counts=tuple(len(event.sources) for event in events),
        actor_counts=tuple(len(event.actors) for event in events),
        spanish_rate=sum(event.has_spanish for event in events) / len(events),
    )


class Writer:
    """Texts for one synthetic event: words drawn from the corpus, and names of its own."""

    def __init__(self, corpus: Corpus, rng: random.Random):
        self.corpus = corpus
        self.rng = rng

    def name(self) -> str:
        """A made-up proper name: two or three syllables, capitalised."""
        syllables = self.rng.choices(_SYLLABLES, k=self.rng.choice((2, 3, 3)))
        return "".join(syllables).capitalize()

    def words(self, lang: str, count: int, names: list[str]) -> list[str]:
        drawn = self.rng.choices(self.corpus.words[lang], k=max(count, 1))
        for name in names:
            drawn[self.rng.randrange(len(drawn))] = name
        return drawn

    def title(self, lang: str, names: list[str]) -> str:
        """A title of the record's lengths, in words, kept within the checker's limit."""
        count = self.rng.choice(self.corpus.title_lengths)
        words = self.words(lang, count, names[:1])
        while len(" ".join(words)) > TITLE_LIMIT and len(words) > 1:
            words.pop()
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def prose(self, lang: str, count: int, names: list[str]) -> str:
        """`count` words in sentences of 8 to 30 words, in paragraphs of up to four sentences."""
        words = self.words(lang, count, names)
        sentences, start = [], 0
        while start < len(words):
            end = start + self.rng.randrange(8, 31)
            sentence = " ".join(words[start:end])
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            start = end
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        return "\n\n".join(paragraphs)

    def summary(self, lang: str, names: list[str]) -> str:
        return self.prose(lang, self.rng.choice(self.corpus.summary_lengths), names)

    def note(self, lang: str, names: list[str]) -> str:
        return self.prose(lang, self.rng.choice(self.corpus.note_lengths), names[:1])


def synthetic_events(
    n: int, registries: dict, corpus: Corpus, seed: int = 2026
) -> Iterator[tuple[str, str]]:
    """`n` valid event files as (path under the project, YAML text), the same for the same seed.

    Most fall in 2025–2026, as in the real record, so months are crowded; some are periods,
    approximate, alleged or dated to the month or the year only.
    """
    rng = random.Random(seed)
    write = Writer(corpus, rng)
    themes = sorted(registries["themes"])
    regions = registries["regions"]
    actors = sorted(registries["actors"])
    sources = sorted(registries["sources"])
    start_recent, start_old = dt.date(2025, 1, 1), dt.date(1980, 1, 1)
    ids: list[str] = []
    for number in range(n):
        if rng.random() < 0.85:
            day = start_recent + dt.timedelta(days=rng.randrange(0, 577))  # to 31 July 2026
        else:
            day = start_old + dt.timedelta(days=rng.randrange(0, 16_400))
        precision = rng.random()
        if precision < 0.05:
            date = f"{day.year}"
        elif precision < 0.15:
            date = f"{day:%Y-%m}"
        else:
            date = day.isoformat()
        names = [write.name() for _ in range(rng.randrange(1, 4))]
        event_id = f"{date}-{names[0].lower()}-{number:05d}"
        event: dict = {
            "date": date,
            "title": write.title("en", names),
            "summary": write.summary("en", names),
        }
        has_note = rng.random() < corpus.note_rate
        if has_note:
            event["note"] = write.note("en", names)
        if rng.random() < corpus.spanish_rate:
            event["es"] = {"title": write.title("es", names), "summary": write.summary("es", names)}
            if has_note:
                event["es"]["note"] = write.note("es", names)
        if len(date) == 10 and rng.random() < 0.06:
            event["end"] = (day + dt.timedelta(days=rng.randrange(1, 30))).isoformat()
        if len(date) == 10 and rng.random() < 0.04:
            event["approximate"] = True
        event["themes"] = rng.sample(themes, rng.choice((1, 1, 2)))
        event["regions"] = (
            ["national"] if rng.random() < 0.3 else rng.sample(regions, rng.choice((1, 1, 2, 3)))
        )
        event["actors"] = rng.sample(actors, min(rng.choice(corpus.actor_counts), len(actors)))
        status = rng.choices(("verified", "reported", "alleged"), (6, 3, 1))[0]
        event["status"] = status
        if status == "alleged":
            event["claimed_by"] = [rng.choice(actors)]
        count = max(1, rng.choice(corpus.source_counts))
        event["sources"] = [_source(write, sources, day, names) for _ in range(count)]
        earlier = [i for i in ids[-50:] if i[:4] == date[:4]]
        if earlier and rng.random() < 0.2:
            event["related"] = [rng.choice(earlier)]
        ids.append(event_id)
        text = yaml.safe_dump(event, allow_unicode=True, sort_keys=False, width=100)
        # The checker reads dates as written: keep them bare, not quoted.
        yield f"events/{day.year}/{event_id}.yml", text.replace(f"'{date}'", date)


_PUBLISHERS = (
    ("La República", "es"),
    ("RPP", "es"),
    ("El Comercio", "es"),
    ("Infobae", "es"),
    ("Reuters", "en"),
    ("WSWS", "en"),
)


def _source(write: Writer, registered: list[str], day: dt.date, names: list[str]) -> dict:
    rng = write.rng
    if registered and rng.random() < 0.3:
        return {"id": rng.choice(registered)}
    publisher, lang = rng.choice(_PUBLISHERS)
    return {
        "publisher": publisher,
        "title": write.title(lang, names),
        "date": day.isoformat(),
        "url": f"https://example.org/{day:%Y/%m/%d}/{rng.randrange(10**6)}",
    }


def write_synthetic_project(root: Path, n: int, corpus: Corpus | None = None) -> Path:
    """A copy of this project's configuration, pages and registries, with `n` synthetic events."""
    corpus = corpus or real_corpus()
    (root / "maps").mkdir(parents=True)
    shutil.copy(REPO / "maps" / "regions.yml", root / "maps" / "regions.yml")
    shutil.copytree(REPO / "maps" / "boundaries", root / "maps" / "boundaries")
    shutil.copytree(REPO / "events" / "registries", root / "events" / "registries")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    registries = {
        name: yaml.safe_load((root / "events" / "registries" / f"{name}.yml").read_text("utf-8"))
        for name in ("themes", "actors", "sources")
    }
    regions = yaml.safe_load((root / "maps" / "regions.yml").read_text("utf-8"))["regions"]
    registries["regions"] = sorted(region["iso"] for region in regions)
    for path, text in synthetic_events(n, registries, corpus):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return root


def plain_pages(n: int, corpus: Corpus | None = None, seed: int = 0) -> Iterator[str]:
    """`n` Markdown pages for the plain MkDocs floor, each a heading and a text as long as a
    record's event summary, in the same words."""
    corpus = corpus or real_corpus()
    write = Writer(corpus, random.Random(seed or n))
    for number in range(n):
        names = [write.name()]
        yield f"# {write.title('en', names)} {number}\n\n{write.summary('en', names)}\n"
