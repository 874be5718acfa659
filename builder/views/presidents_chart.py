"""The presidents chart: every presidential term since 28 July 2016, to scale, as an SVG.

The terms and the gaps between them are the record's (`builder.record.terms`); this module
only draws them.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from builder.record.dates import PartialDate
from builder.record.model import LANGUAGES, Record
from builder.record.terms import COUNT_FROM, Gap, Term, presidential_gaps, presidential_terms
from builder.text.dates import date_label, day_label, short_span
from builder.text.markup import xml_safe
from builder.text.numbers import ordinal
from builder.text.strings import strings

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


def _known_until(record: Record) -> dt.date | None:
    """The latest day the record's sources speak for: the last source publication date."""
    days = [
        citation.source.date.last_day()
        for event in record.events
        for citation in event.sources
        if citation.source.date is not None
    ]
    return max(days, default=None)


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
    words = strings(lang)["chart"]
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
        words["title"].format(start=day_label(COUNT_FROM, lang)),
        id="presidents-chart-title",
    )
    svg.add(
        None, "desc", _description(terms, gaps, known, axis_end, lang), id="presidents-chart-desc"
    )
    # An opaque background keeps the chart legible on a dark page theme and in print.
    svg.add(None, "rect", x=0, y=0, width=WIDTH, height=height, fill="#ffffff")
    svg.add(None, "text", words["title"].format(start=day_label(COUNT_FROM, lang)),
            x=16, y=30, font_size=19, font_weight="bold", fill=INK)  # fmt: skip
    first = terms[0].name if terms else "—"
    subtitle = words["subtitle"].format(name=first, start=day_label(COUNT_FROM, lang))
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
    words = strings(lang)["chart"]
    parts = [
        words["desc_intro"].format(
            count=len(terms),
            start=day_label(COUNT_FROM, lang),
            axis_start=date_label(PartialDate(AXIS_START.year, AXIS_START.month), lang),
            axis_end=date_label(PartialDate(axis_end.year, axis_end.month), lang),
        )
    ]
    for term in terms:
        common = {
            "ordinal": ordinal(term.ordinal, lang),
            "name": term.name,
            "start": day_label(term.start, lang),
        }
        if term.end:
            parts.append(words["desc_term"].format(end=day_label(term.end, lang), **common))
        else:
            parts.append(
                words["desc_current"].format(
                    known=day_label(known, lang) if known else "—", **common
                )
            )
    for gap in gaps:
        parts.append(
            words["desc_gap"].format(start=day_label(gap.start, lang), end=day_label(gap.end, lang))
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
    words = strings(lang)["chart"]
    link = svg.add(None, "a", href=f"../events/{term.event.id}/")
    if term.end:
        dates = short_span(term.start, term.end, lang)
        tooltip = f"{ordinal(term.ordinal, lang)}: {term.name}, {day_label(term.start, lang)} – {day_label(term.end, lang)}"
    else:
        dates = words["in_office"].format(start=day_label(term.start, lang, abbreviated=True))
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
    words = strings(lang)["chart"]
    parent = (
        svg.add(None, "a", href=f"../events/{gap.event.id}/") if gap.event else svg.add(None, "g")
    )
    dates = short_span(gap.start, gap.end, lang)
    svg.add(
        parent,
        "title",
        f"{words['no_president']}: {day_label(gap.start, lang)} – {day_label(gap.end, lang)}",
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
