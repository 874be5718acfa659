"""Writing a new, correctly named event file for a contributor to fill in."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from builder.record.dates import PartialDate
from builder.record.events import title_problems

SLUG_WORDS = 8


def slugify(title: str) -> str:
    """A file-name slug from a title: ASCII, lower case, hyphens, at most SLUG_WORDS words."""
    text = unicodedata.normalize("NFKD", title)
    text = (
        "".join(ch for ch in text if not unicodedata.combining(ch))
        .encode("ascii", "ignore")
        .decode()
    )
    words = re.findall(r"[a-z0-9]+", text.lower())
    while words and words[0].isdigit():
        words.pop(0)  # a slug starts with a letter, so it cannot be confused with the date
    return "-".join(words[:SLUG_WORDS])


def render_event(date: PartialDate, title: str, themes: list[str], regions: list[str]) -> str:
    """The text of a new event file: the given fields set, the rest left empty to fill in."""
    quoted = json.dumps(
        title, ensure_ascii=False
    )  # a JSON string is a valid YAML double-quoted scalar
    return f"""# yaml-language-server: $schema=../event.schema.json
# Fill in the empty fields, then run: peru-timeline check   (format: events/README.md)
date: {date.iso()}
# end: YYYY-MM-DD            # for a period: its last day (or month, or year); leave it out
#                            # while it goes on or when no source gives the end (say so in note)
title: {quoted}
summary: >-

# The Spanish texts. If you do not write Spanish, delete the three 'es' lines: the check
# then warns instead of failing, and the Spanish page shows the English until translated.
es:
  title:
  summary: >-

themes: [{", ".join(themes)}]
regions: [{", ".join(regions)}]
# places:
#   - {{name: Puerto de Chancay, lat: -11.5900, lon: -77.2700, region: PE-LIM}}
actors: []
status:                      # verified, reported or alleged (alleged needs claimed_by)
sources:
  - id:                      # a key of events/registries/sources.yml, or instead:
  # - publisher:
  #   title:
  #   date: YYYY-MM-DD
  #   url: https://…          # only the page's own address; never guess one
"""


def write_event(
    events_dir: Path, date: PartialDate, title: str, themes: list[str], regions: list[str]
) -> Path:
    """Create events/<year>/<date>-<slug>.yml; refuse to overwrite an existing file.

    Raises ValueError, saying why, for a title the checker would refuse.
    """
    problems = title_problems(title)
    if problems:
        raise ValueError("; ".join(problems))
    slug = slugify(title)
    if not slug:
        raise ValueError("the title has no letters or digits to make a file name from")
    path = events_dir / f"{date.year:04d}" / f"{date.iso()}-{slug}.yml"
    if path.exists():
        raise FileExistsError(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_event(date, title, themes, regions), encoding="utf-8")
    return path
