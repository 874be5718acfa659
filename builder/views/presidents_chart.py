"""The presidents chart: every presidential term since 28 July 2016, to scale, as an SVG.

Terms come from the record, not from a list in code. A term is an event with the theme
`presidential-succession` whose id ends in `-term` (`2016-07-28-kuczynski-term`); its `date`
is the first day in office and its `end` the last, or no `end` while the president is in office.
Terms are numbered 1st, 2nd, … from the first one starting on or after 28 July 2016.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from builder.record.dates import PartialDate
from builder.record.model import LANGUAGES, Event, Record
from builder.views.exports import human_date, xml_safe

SUCCESSION = "presidential-succession"
TERM_SUFFIX = "-term"
COUNT_FROM = dt.date(2016, 7, 28)  # Kuczynski's inauguration: the record counts from here
AXIS_START = dt.date(2016, 7, 1)
AXIS_END = dt.date(2026, 8, 1)  # the end of July 2026, unless a term runs later
SVG_NS = "http://www.w3.org/2000/svg"

# Geometry, in SVG user units (pixels at 100 %).
WIDTH = 960
PLOT_LEFT, PLOT_RIGHT = 310, 935
TOP = 84
TERM_ROW, GAP_ROW = 42, 30
BAR_HEIGHT = 18
MIN_BAR = 3.0  # Merino's five days are under a pixel at this scale: keep every bar visible

# Colours chosen for contrast on white (and in greyscale print): text 16:1, bars 8:1, gap 6:1.
INK, MUTED, GRID = "#1a1a1a", "#4a4a4a", "#d0d0d0"
BAR, GAP = "#1d4f91", "#b3261e"

TEXTS = {
    "en": {
        "title": "Presidents of Peru since {start}",
        "subtitle": "Counted from {name}'s inauguration on {start}. One bar per term, to scale.",
        "no_president": "No president",
        "in_office": "since {start} (in office)",
        "desc_intro": "Timeline of {count} presidential terms of Peru from {start}, drawn to scale "
        "on a time axis from {axis_start} to {axis_end}.",
        "desc_term": "{ordinal}: {name}, {start} to {end}.",
        "desc_current": "{ordinal}: {name}, from {start}; in office at the latest source ({known}).",
        "desc_gap": "No president from {start} to {end}.",
    },
    "es": {
        "title": "Presidentes del Perú desde el {start}",
        "subtitle": "Contados desde la asunción de {name} el {start}. Una barra por mandato, a escala.",
        "no_president": "Sin presidente",
        "in_office": "desde el {start} (en funciones)",
        "desc_intro": "Línea de tiempo de {count} mandatos presidenciales del Perú desde el {start}, "
        "a escala, sobre un eje de {axis_start} a {axis_end}.",
        "desc_term": "{ordinal}: {name}, del {start} al {end}.",
        "desc_current": "{ordinal}: {name}, desde el {start}; en funciones según la última fuente "
        "({known}).",
        "desc_gap": "Sin presidente del {start} al {end}.",
    },
}


@dataclass(frozen=True, slots=True)
class Term:
    """One presidential term; `end` is None while the president is in office."""

    event: Event
    ordinal: int
    name: str
    start: dt.date
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class Gap:
    """Days between two terms with no president: from the day one left to the day the next
    took office. `event` is the record's event describing the gap, when it has one."""

    start: dt.date
    end: dt.date
    event: Event | None


def is_term(event: Event) -> bool:
    """True for a presidential-term event (see the module docstring for the convention)."""
    return SUCCESSION in event.themes and event.id.endswith(TERM_SUFFIX)


def presidential_terms(record: Record, lang: str = "en") -> list[Term]:
    """The terms starting on or after 28 July 2016, in order, numbered from 1."""
    events = sorted(
        (e for e in record.events if is_term(e) and e.date.first_day() >= COUNT_FROM),
        key=Event.sort_key,
    )
    return [
        Term(
            event=e,
            ordinal=n,
            name=_president_name(record, e, lang),
            start=e.date.first_day(),
            end=e.end.last_day() if e.end else None,
        )
        for n, e in enumerate(events, start=1)
    ]


def _president_name(record: Record, event: Event, lang: str) -> str:
    """The name of the event's first actor who is a person (without an acronym such as PPK:
    the label column is narrow); the title if it names no person."""
    for actor_id in event.actors:
        actor = record.actors.get(actor_id)
        if actor is not None and actor.kind == "person":
            return (actor.name_es or actor.name) if lang == "es" else (actor.name_en or actor.name)
    return event.title.get(lang)


def presidential_gaps(record: Record, terms: list[Term]) -> list[Gap]:
    """Every change of president where the next took office on a later day than the last left.

    A period event of the succession theme that runs exactly from one term's last day to the
    next term's first day is the record's account of that gap, and the chart links to it.
    """
    periods = {
        (e.date.first_day(), e.end.last_day()): e
        for e in sorted(record.events, key=Event.sort_key)
        if SUCCESSION in e.themes and e.end is not None and not is_term(e)
    }
    gaps = []
    for before, after in zip(terms, terms[1:], strict=False):
        if before.end is not None and after.start > before.end:
            key = (before.end, after.start)
            gaps.append(Gap(before.end, after.start, periods.get(key)))
    return gaps


def _known_until(record: Record) -> dt.date | None:
    """The latest day the record's sources speak for: the last source publication date."""
    days = [
        citation.source.date.last_day()
        for event in record.events
        for citation in event.sources
        if citation.source.date is not None
    ]
    return max(days, default=None)


def ordinal(n: int, lang: str) -> str:
    """1st, 2nd, 3rd, 4th, 11th … in English; 1.º, 2.º … in Spanish."""
    if lang == "es":
        return f"{n}.º"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _short(day: dt.date, lang: str) -> str:
    return human_date(PartialDate(day.year, day.month, day.day), lang, abbreviated=True)


def _long(day: dt.date, lang: str) -> str:
    return human_date(PartialDate(day.year, day.month, day.day), lang)


def _span(start: dt.date, end: dt.date, lang: str) -> str:
    """'28 Jul 2016 – 23 Mar 2018', or '17–18 Feb 2026' within one month."""
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{_short(end, lang)}"
    return f"{_short(start, lang)} – {_short(end, lang)}"


def _num(value: float) -> str:
    """A coordinate with at most two decimals, written the same way on every platform."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


class _Canvas:
    """An SVG document under construction; every text is escaped by ElementTree."""

    def __init__(self, width: int, height: int, label_id: str):
        self.root = ET.Element(
            "svg",
            {
                "xmlns": SVG_NS,
                "role": "img",
                "viewBox": f"0 0 {width} {height}",
                "width": str(width),
                "height": str(height),
                "aria-labelledby": f"{label_id}-title {label_id}-desc",
                "font-family": "system-ui, sans-serif",
                "class": "presidents-chart",
            },
        )

    def add(
        self, parent: ET.Element | None, tag: str, text: str | None = None, **attrs
    ) -> ET.Element:
        """A child element; attribute names use '_' for '-' (font_size → font-size)."""
        attrib = {k.rstrip("_").replace("_", "-"): xml_safe(str(v)) for k, v in attrs.items()}
        element = ET.SubElement(self.root if parent is None else parent, tag, attrib)
        if text is not None:
            element.text = xml_safe(text)
        return element

    def serialize(self) -> str:
        ET.indent(self.root)
        return ET.tostring(self.root, encoding="unicode") + "\n"


def presidents_chart_svg(record: Record, lang: str = "en") -> str:
    """An accessible SVG timeline of the terms, one bar per term, each linked to its event.

    Links are relative (`../events/<id>/`) because the chart is shown on the page `presidents/`
    (or `es/presidents/`). The output depends only on the record: two calls are identical.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    words = TEXTS[lang]
    terms = presidential_terms(record, lang)
    gaps = presidential_gaps(record, terms)
    known = _known_until(record)
    axis_end = _axis_end(terms, known)
    rows = sorted(
        [(t.start, 0, t) for t in terms] + [(g.start, 1, g) for g in gaps], key=lambda r: r[:2]
    )
    height = TOP + sum(TERM_ROW if isinstance(r[2], Term) else GAP_ROW for r in rows) + 44

    svg = _Canvas(WIDTH, height, "presidents-chart")
    svg.add(
        None,
        "title",
        words["title"].format(start=_long(COUNT_FROM, lang)),
        id="presidents-chart-title",
    )
    svg.add(
        None, "desc", _description(terms, gaps, known, axis_end, lang), id="presidents-chart-desc"
    )
    # An opaque background keeps the chart legible on a dark page theme and in print.
    svg.add(None, "rect", x=0, y=0, width=WIDTH, height=height, fill="#ffffff")
    svg.add(None, "text", words["title"].format(start=_long(COUNT_FROM, lang)),
            x=16, y=30, font_size=19, font_weight="bold", fill=INK)  # fmt: skip
    first = terms[0].name if terms else "—"
    subtitle = words["subtitle"].format(name=first, start=_long(COUNT_FROM, lang))
    svg.add(None, "text", subtitle, x=16, y=54, font_size=13, fill=MUTED)

    def x(day: dt.date) -> float:
        span = (axis_end - AXIS_START).days
        return PLOT_LEFT + (day - AXIS_START).days / span * (PLOT_RIGHT - PLOT_LEFT)

    bottom = height - 44
    _draw_axis(svg, x, axis_end, TOP - 8, bottom)
    y = TOP
    for _, _, row in rows:
        if isinstance(row, Term):
            _draw_term(svg, x, row, y, known, lang)
            y += TERM_ROW
        else:
            _draw_gap(svg, x, row, y, lang)
            y += GAP_ROW
    return svg.serialize()


def _axis_end(terms: list[Term], known: dt.date | None) -> dt.date:
    """July 2026's end, or the first of the month after the latest day a bar reaches."""
    latest = max([t.end for t in terms if t.end] + ([known] if known else []), default=AXIS_END)
    after = dt.date(latest.year + (latest.month == 12), latest.month % 12 + 1, 1)
    return max(AXIS_END, after)


def _description(terms, gaps, known, axis_end, lang) -> str:
    """The chart in words, for screen readers (the SVG is one image to them)."""
    words = TEXTS[lang]
    parts = [
        words["desc_intro"].format(
            count=len(terms),
            start=_long(COUNT_FROM, lang),
            axis_start=human_date(PartialDate(AXIS_START.year, AXIS_START.month), lang),
            axis_end=human_date(PartialDate(axis_end.year, axis_end.month), lang),
        )
    ]
    for term in terms:
        common = {
            "ordinal": ordinal(term.ordinal, lang),
            "name": term.name,
            "start": _long(term.start, lang),
        }
        if term.end:
            parts.append(words["desc_term"].format(end=_long(term.end, lang), **common))
        else:
            parts.append(
                words["desc_current"].format(known=_long(known, lang) if known else "—", **common)
            )
    for gap in gaps:
        parts.append(
            words["desc_gap"].format(start=_long(gap.start, lang), end=_long(gap.end, lang))
        )
    return " ".join(parts)


def _draw_axis(svg: _Canvas, x, axis_end: dt.date, top: float, bottom: float) -> None:
    """Year ticks: a light grid line and the year under the axis at each 1 January."""
    axis = svg.add(None, "g", font_size=12, fill=MUTED, text_anchor="middle")
    for year in range(AXIS_START.year + 1, axis_end.year + 1):
        day = dt.date(year, 1, 1)
        if day >= axis_end:
            break
        at = _num(x(day))
        svg.add(
            axis, "line", x1=at, x2=at, y1=_num(top), y2=_num(bottom), stroke=GRID, stroke_width=1
        )
        svg.add(axis, "text", str(year), x=at, y=_num(bottom + 20))
    svg.add(
        axis,
        "line",
        x1=PLOT_LEFT,
        x2=PLOT_RIGHT,
        y1=_num(bottom),
        y2=_num(bottom),
        stroke=MUTED,
        stroke_width=1,
    )


def _draw_term(svg: _Canvas, x, term: Term, y: float, known: dt.date | None, lang: str) -> None:
    words = TEXTS[lang]
    link = svg.add(None, "a", href=f"../events/{term.event.id}/")
    if term.end:
        dates = _span(term.start, term.end, lang)
        tooltip = f"{ordinal(term.ordinal, lang)}: {term.name}, {_long(term.start, lang)} – {_long(term.end, lang)}"
    else:
        dates = words["in_office"].format(start=_short(term.start, lang))
        tooltip = f"{ordinal(term.ordinal, lang)}: {term.name}, {dates}"
    svg.add(link, "title", tooltip)
    svg.add(
        link,
        "text",
        ordinal(term.ordinal, lang),
        x=16,
        y=_num(y + 15),
        font_size=14,
        font_weight="bold",
        fill=INK,
    )
    svg.add(link, "text", term.name, x=58, y=_num(y + 15), font_size=14, fill=INK)
    svg.add(link, "text", dates, x=58, y=_num(y + 31), font_size=12, fill=MUTED)
    # An in-office term runs to the last source's date, with an arrow: its end is not known.
    last = term.end or max(known or term.start, term.start)
    left, right = x(term.start), x(last)
    width = max(right - left, MIN_BAR)
    top = y + 6
    svg.add(link, "rect", x=_num(left), y=_num(top), width=_num(width), height=BAR_HEIGHT, fill=BAR)
    if term.end is None:
        tip = left + width
        points = f"{_num(tip)},{_num(top)} {_num(tip + 9)},{_num(top + BAR_HEIGHT / 2)} {_num(tip)},{_num(top + BAR_HEIGHT)}"
        svg.add(link, "polygon", points=points, fill=BAR)


def _draw_gap(svg: _Canvas, x, gap: Gap, y: float, lang: str) -> None:
    words = TEXTS[lang]
    parent = (
        svg.add(None, "a", href=f"../events/{gap.event.id}/") if gap.event else svg.add(None, "g")
    )
    dates = _span(gap.start, gap.end, lang)
    svg.add(
        parent,
        "title",
        f"{words['no_president']}: {_long(gap.start, lang)} – {_long(gap.end, lang)}",
    )
    svg.add(parent, "text", f"{words['no_president']}, {dates}", x=58, y=_num(y + 19), font_size=12,
            font_style="italic", fill=GAP)  # fmt: skip
    left = x(gap.start)
    width = max(x(gap.end) - left, MIN_BAR)
    # A dashed line from the bar before to the bar after shows where the gap falls between them.
    mid = _num(left + width / 2)
    svg.add(parent, "line", x1=mid, x2=mid, y1=_num(y - TERM_ROW + 6), y2=_num(y + GAP_ROW + 6 + BAR_HEIGHT),
            stroke=GAP, stroke_width=1, stroke_dasharray="3 2")  # fmt: skip
    svg.add(parent, "rect", x=_num(left), y=_num(y + 8), width=_num(width), height=14, fill=GAP)
