"""The presidents chart: every presidential term since 28 July 2016, to scale, as an SVG.

The terms and the gaps between them are the record's (`builder.record.terms`); this module
only draws them, in two layouts: WIDE (names left of the bars, 960 units) for screens and paper,
and PHONE (names above the bars, 360 units), so that on a 390-pixel phone the labels keep their
size instead of shrinking to a third of it. `presidents_chart_html` gives both; the page's CSS
shows the one that fits.
"""

from __future__ import annotations

import datetime as dt
import textwrap
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from builder.record.dates import PartialDate
from builder.record.model import LANGUAGES, Event, Record
from builder.record.terms import (
    COUNT_FROM,
    SUCCESSION,
    Gap,
    Term,
    presidential_gaps,
    presidential_terms,
)
from builder.text.dates import date_label, day_label, short_span
from builder.text.markup import xml_safe
from builder.text.numbers import ordinal
from builder.text.strings import strings
from builder.views.memo import ViewMemo, with_events

AXIS_START = dt.date(2016, 7, 1)
AXIS_END = dt.date(2026, 8, 1)  # the end of July 2026, unless a term runs later
SVG_NS = "http://www.w3.org/2000/svg"


@dataclass(frozen=True)
class Layout:
    """Where things go, in SVG user units (pixels at 100 %)."""

    name: str  # the SVG's class suffix and id prefix
    width: int
    plot_left: float
    plot_right: float
    term_row: int  # the height of a term's row
    gap_row: int  # the height of a gap's row
    name_x: float  # where a term's name starts (its ordinal is at x = 16)
    dates_dy: float  # a term's dates, below its name
    bar_dy: float  # a term's bar, below the row's top
    gap_text_dy: float
    gap_bar_dy: float
    title_size: int
    year_step: int  # label every year, or every other year
    wrap: int | None  # the title's and subtitle's width in characters, when they must wrap
    connector: bool  # a dashed line through a gap's row from the bar before to the bar after


WIDE = Layout(
    name="wide", width=960, plot_left=310, plot_right=935, term_row=42, gap_row=30, name_x=58,
    dates_dy=16, bar_dy=6, gap_text_dy=19, gap_bar_dy=8, title_size=19, year_step=1, wrap=None,
    connector=True,
)  # fmt: skip
PHONE = Layout(
    name="phone", width=360, plot_left=16, plot_right=336, term_row=56, gap_row=36, name_x=52,
    dates_dy=16, bar_dy=36, gap_text_dy=14, gap_bar_dy=20, title_size=15, year_step=2, wrap=40,
    connector=False,  # it would cross the labels above the bars
)  # fmt: skip
# The names of the wide layout, kept for the tests that measure it.
WIDTH, PLOT_LEFT, PLOT_RIGHT = WIDE.width, WIDE.plot_left, WIDE.plot_right
BAR_HEIGHT = 18
GAP_BAR_HEIGHT = 14
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
                # A group, not an image: an image's content is hidden from screen readers,
                # and each bar is a link to its event.
                "role": "group",
                "viewBox": f"0 0 {width} {height}",
                "width": str(width),
                "height": str(height),
                "aria-labelledby": f"{label_id}-title",
                "aria-describedby": f"{label_id}-desc",
                "font-family": "system-ui, sans-serif",
                "class": f"presidents-chart {label_id}",
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


def presidents_chart_html(record: Record, lang: str = "en", memo: ViewMemo | None = None) -> str:
    """Both layouts, wide then phone, for the presidents page (its CSS shows one of them). With
    a `memo` (a preview's), the last run's while the events' `chart_reads` are the same."""
    if memo is not None:
        name = f"presidents chart {lang}"
        return memo.made_over(
            name, _chart_html, chart_reads, record.events, memo.names(record), lang
        )
    return presidents_chart_svg(record, lang) + presidents_chart_svg(record, lang, PHONE)


def chart_reads(event: Event) -> tuple:
    """What the chart reads of an event: the whole of one of the succession theme (terms and
    the gaps between them), and of any other the dates of its sources (`_known_until`)."""
    dates = tuple(citation.source.date for citation in event.sources)
    return (event if SUCCESSION in event.themes else None, dates)


def _chart_html(events: tuple[Event, ...], names: Record, lang: str) -> str:
    return presidents_chart_html(with_events(names, events), lang)


def presidents_chart_svg(record: Record, lang: str = "en", layout: Layout = WIDE) -> str:
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
    title = words["title"].format(start=day_label(COUNT_FROM, lang))
    first = terms[0].name if terms else "—"
    subtitle = words["subtitle"].format(name=first, start=day_label(COUNT_FROM, lang))
    title_lines = _wrapped(title, layout.wrap)
    subtitle_lines = _wrapped(subtitle, layout.wrap)
    # Title lines from y = 30, the subtitle 24 below the last, the bars 30 below the subtitle.
    title_ys = [30 + i * (layout.title_size + 4) for i in range(len(title_lines))]
    subtitle_ys = [title_ys[-1] + 24 + i * 17 for i in range(len(subtitle_lines))]
    top = subtitle_ys[-1] + 30
    rows_height = sum(layout.term_row if isinstance(r[2], Term) else layout.gap_row for r in rows)
    height = top + rows_height + 44

    label_id = "presidents-chart" if layout is WIDE else f"presidents-chart-{layout.name}"
    svg = _Canvas(layout.width, height, label_id)
    svg.add(None, "title", title, id=f"{label_id}-title")
    svg.add(None, "desc", _description(terms, gaps, known, axis_end, lang), id=f"{label_id}-desc")
    # An opaque background keeps the chart legible on a dark page theme and in print.
    svg.add(None, "rect", x=0, y=0, width=layout.width, height=height, fill="#ffffff")
    for line, y in zip(title_lines, title_ys, strict=True):
        svg.add(None, "text", line, x=16, y=y, font_size=layout.title_size, font_weight="bold",
                fill=INK)  # fmt: skip
    for line, y in zip(subtitle_lines, subtitle_ys, strict=True):
        svg.add(None, "text", line, x=16, y=y, font_size=13, fill=MUTED)

    def x(day: dt.date) -> float:
        span = (axis_end - AXIS_START).days
        return layout.plot_left + (day - AXIS_START).days / span * (
            layout.plot_right - layout.plot_left
        )

    bottom = height - 44
    _draw_axis(svg, layout, x, axis_end, top - 8, bottom)
    y = top
    for _, _, row in rows:
        if isinstance(row, Term):
            _draw_term(svg, layout, x, row, y, known, lang)
            y += layout.term_row
        else:
            _draw_gap(svg, layout, x, row, y, lang)
            y += layout.gap_row
    return svg.serialize()


def _wrapped(text: str, width: int | None) -> list[str]:
    """`text` as one line, or as lines of at most `width` characters."""
    return textwrap.wrap(text, width) if width else [text]


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


def _draw_axis(
    svg: _Canvas, layout: Layout, x, axis_end: dt.date, top: float, bottom: float
) -> None:
    """Year ticks: a light grid line at each 1 January, and the year under the axis (every
    `layout.year_step`-th year: on a phone a year is too narrow for every label)."""
    axis = svg.add(None, "g", font_size=12, fill=MUTED, text_anchor="middle")
    for year in range(AXIS_START.year + 1, axis_end.year + 1):
        day = dt.date(year, 1, 1)
        if day >= axis_end:
            break
        at = _num(x(day))
        svg.add(
            axis, "line", x1=at, x2=at, y1=_num(top), y2=_num(bottom), stroke=GRID, stroke_width=1
        )
        if year % layout.year_step == 0:
            svg.add(axis, "text", str(year), x=at, y=_num(bottom + 20))
    svg.add(
        axis,
        "line",
        x1=layout.plot_left,
        x2=layout.plot_right,
        y1=_num(bottom),
        y2=_num(bottom),
        stroke=MUTED,
        stroke_width=1,
    )


def _draw_term(
    svg: _Canvas, layout: Layout, x, term: Term, y: float, known: dt.date | None, lang: str
) -> None:
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
    name_x = layout.name_x
    svg.add(link, "text", term.name, x=name_x, y=_num(y + 15), font_size=14, fill=INK)
    svg.add(link, "text", dates, x=name_x, y=_num(y + 15 + layout.dates_dy), font_size=12,
            fill=MUTED)  # fmt: skip
    # An in-office term runs to the last source's date, with an arrow: its end is not known.
    last = term.end or max(known or term.start, term.start)
    left, right = x(term.start), x(last)
    width = max(right - left, MIN_BAR)
    top = y + layout.bar_dy
    svg.add(link, "rect", x=_num(left), y=_num(top), width=_num(width), height=BAR_HEIGHT, fill=BAR)
    if term.end is None:
        tip = left + width
        points = f"{_num(tip)},{_num(top)} {_num(tip + 9)},{_num(top + BAR_HEIGHT / 2)} {_num(tip)},{_num(top + BAR_HEIGHT)}"
        svg.add(link, "polygon", points=points, fill=BAR)


def _draw_gap(svg: _Canvas, layout: Layout, x, gap: Gap, y: float, lang: str) -> None:
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
    svg.add(parent, "text", f"{words['no_president']}, {dates}", x=layout.name_x,
            y=_num(y + layout.gap_text_dy), font_size=12, font_style="italic", fill=GAP)  # fmt: skip
    left = x(gap.start)
    width = max(x(gap.end) - left, MIN_BAR)
    if layout.connector:
        # A dashed line from the bar before to the bar after: where the gap falls between them.
        mid = _num(left + width / 2)
        above = y - layout.term_row + layout.bar_dy  # the top of the bar before
        below = y + layout.gap_row + layout.bar_dy + BAR_HEIGHT  # the bottom of the bar after
        svg.add(parent, "line", x1=mid, x2=mid, y1=_num(above), y2=_num(below),
                stroke=GAP, stroke_width=1, stroke_dasharray="3 2")  # fmt: skip
    svg.add(parent, "rect", x=_num(left), y=_num(y + layout.gap_bar_dy), width=_num(width),
            height=GAP_BAR_HEIGHT, fill=GAP)  # fmt: skip
