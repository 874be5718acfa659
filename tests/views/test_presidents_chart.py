"""The presidents chart: terms read from the record, drawn to scale, escaped, accessible, stable."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from builder.record.load import load_record
from builder.record.problems import RecordError
from builder.record.terms import is_term
from builder.text.numbers import ordinal
from builder.views.presidents_chart import (
    AXIS_START,
    PHONE,
    PLOT_LEFT,
    PLOT_RIGHT,
    WIDE,
    presidents_chart_html,
    presidents_chart_svg,
)
from tests.support.project import ACTORS, REPO, VALID_EVENT, VALID_NAME

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE_NAME = 'Ana "<b>&amp;</b>" Pérez <script>alert(1)</script>'

PERSONS = f"""\
ollanta-humala:
  name: Ollanta Humala
  kind: person
  role: President of Peru 2011–2016
pedro-pablo-kuczynski:
  name: Pedro Pablo Kuczynski
  acronym: PPK
  kind: person
  role: President of Peru 2016–2018
martin-vizcarra:
  name: Martín Vizcarra
  kind: person
  role: President of Peru 2018–2020
hostile-president:
  name: '{HOSTILE_NAME}'
  kind: person
  role: A name full of markup
jose-jeri:
  name: José Jerí
  kind: person
  role: President of Peru 2025–2026
"""


def term(
    date: str, end: str | None, actors: str, title: str, source_date: str = "2026-02-18"
) -> str:
    end_line = f"end: {end}\n" if end else ""
    return f"""\
date: {date}
{end_line}title: {title}
summary: A presidential term.
es:
  title: {title} (es)
  summary: Un mandato presidencial.
themes: [presidential-succession]
regions: [national]
actors: [{actors}]
status: verified
sources:
  - publisher: RPP
    title: Fuente
    date: {source_date}
"""


GAP = """\
date: 2026-02-17
end: 2026-02-18
title: A night and a day without a president
summary: No one held the office.
es:
  title: Una noche y un día sin presidente
  summary: Nadie ocupó el cargo.
themes: [presidential-succession]
regions: [national]
actors: [congress]
status: verified
sources:
  - id: rpp-2026-02-18-balcazar
"""

TERMS = {
    "events/2011/2011-07-28-humala-term.yml": term(
        "2011-07-28", "2016-07-28", "ollanta-humala", "Humala"
    ),
    "events/2016/2016-07-28-kuczynski-term.yml": term(
        "2016-07-28", "2018-03-23", "pedro-pablo-kuczynski, congress", "Kuczynski"
    ),
    # The first actor is an institution: the name must come from the first *person*.
    "events/2018/2018-03-23-vizcarra-term.yml": term(
        "2018-03-23", "2020-11-09", "congress, martin-vizcarra", "Vizcarra"
    ),
    "events/2020/2020-11-10-hostile-term.yml": term(
        "2020-11-10", "2025-10-10", "hostile-president", "Hostile"
    ),
    "events/2025/2025-10-10-jeri-term.yml": term("2025-10-10", "2026-02-17", "jose-jeri", "Jeri"),
    "events/2026/2026-02-17-gap-without-president.yml": GAP,
    # In office: no end; its latest source is dated June 2026.
    "events/2026/2026-02-18-balcazar-term.yml": term(
        "2026-02-18", None, "jose-maria-balcazar", "Balcazar", source_date="2026-06"
    ),
    VALID_NAME: VALID_EVENT,  # a succession event that is not a term
}
IN_ORDER = ["kuczynski", "vizcarra", "hostile", "jeri", "balcazar"]


@pytest.fixture
def record(project):
    project.write("events/registries/actors.yml", ACTORS + PERSONS)
    for name, text in TERMS.items():
        project.event(text, name)
    return load_record(project.root)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def links(root: ET.Element) -> dict[str, ET.Element]:
    return {a.get("href"): a for a in root.iter(f"{SVG}a")}


def term_links(root: ET.Element) -> list[ET.Element]:
    return [a for href, a in links(root).items() if href.endswith("-term/")]


def bar(link: ET.Element) -> tuple[float, float]:
    rect = link.find(f"{SVG}rect")
    return float(rect.get("x")), float(rect.get("width"))


def texts(element: ET.Element) -> list[str]:
    return [t.text for t in element.iter(f"{SVG}text")]


def test_accessible_svg(record):
    root = parse(presidents_chart_svg(record))
    # A group, not an image: the links inside an image would be hidden from screen readers.
    assert root.tag == f"{SVG}svg" and root.get("role") == "group"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Presidents of Peru since 28 July 2016"
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert "1st: Pedro Pablo Kuczynski, 28 July 2016 to 23 March 2018." in desc.text
    assert "No president from 17 February 2026 to 18 February 2026." in desc.text
    assert "in office at the latest source (30 June 2026)" in desc.text
    assert "system-ui" in root.get("font-family")
    assert "http" not in presidents_chart_svg(record).replace(
        "http://www.w3.org/2000/svg", ""
    )  # no fonts


def test_one_bar_per_term_since_2016_in_order(record):
    root = parse(presidents_chart_svg(record))
    bars = term_links(root)
    assert [a.get("href") for a in bars] == [
        "../events/2016-07-28-kuczynski-term/",
        "../events/2018-03-23-vizcarra-term/",
        "../events/2020-11-10-hostile-term/",
        "../events/2025-10-10-jeri-term/",
        "../events/2026-02-18-balcazar-term/",
    ]
    assert sum(is_term(e) for e in record.events) == 6  # Humala's term is before the count
    labels = [texts(a)[:2] for a in bars]
    assert labels == [
        ["1st", "Pedro Pablo Kuczynski"],
        ["2nd", "Martín Vizcarra"],
        ["3rd", HOSTILE_NAME],
        ["4th", "José Jerí"],
        ["5th", "José María Balcázar"],
    ]
    assert texts(bars[0])[2] == "28 Jul 2016 – 23 Mar 2018"
    assert texts(bars[4])[2] == "since 18 Feb 2026 (in office)"
    starts = [bar(a)[0] for a in bars]
    assert starts == sorted(starts)


def test_bars_are_to_scale(record):
    root = parse(presidents_chart_svg(record))
    bars = {a.get("href").split("-")[-2]: bar(a) for a in term_links(root)}
    axis_days = (dt.date(2026, 8, 1) - AXIS_START).days
    per_day = (PLOT_RIGHT - PLOT_LEFT) / axis_days

    def expected(start: dt.date, end: dt.date) -> tuple[float, float]:
        return PLOT_LEFT + (start - AXIS_START).days * per_day, (end - start).days * per_day

    for name, start, end in [
        ("kuczynski", dt.date(2016, 7, 28), dt.date(2018, 3, 23)),
        ("vizcarra", dt.date(2018, 3, 23), dt.date(2020, 11, 9)),
        ("jeri", dt.date(2025, 10, 10), dt.date(2026, 2, 17)),
        ("balcazar", dt.date(2026, 2, 18), dt.date(2026, 6, 30)),  # to the latest source
    ]:
        assert bars[name] == pytest.approx(expected(start, end), abs=0.01), name
    years = [t for t in texts(root) if t.isdigit()]
    assert years == [str(y) for y in range(2017, 2027)]


def test_in_office_term_has_an_open_end(record):
    root = parse(presidents_chart_svg(record))
    arrows = [a.get("href") for a in term_links(root) if a.find(f"{SVG}polygon") is not None]
    assert arrows == ["../events/2026-02-18-balcazar-term/"]


def test_gaps_without_a_president(record):
    root = parse(presidents_chart_svg(record))
    gap = links(root)["../events/2026-02-17-gap-without-president/"]
    assert texts(gap) == ["No president, 17–18 Feb 2026"]
    # Vizcarra left on 9 November and the next took office on the 10th: a gap with no event.
    unlinked = [g for g in root.iter(f"{SVG}g") if texts(g) == ["No president, 9–10 Nov 2020"]]
    assert len(unlinked) == 1
    # Same-day handovers (Kuczynski to Vizcarra, the 3rd to Jerí) are not gaps.
    assert sum(t.startswith("No president") for t in texts(root)) == 2


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_phone_layout_keeps_its_labels_at_size_on_a_phone(record, lang):
    """On a 390-pixel phone the wide chart is shown at 358/960 of its size, its 12-unit labels
    at 4.5 pixels; the phone layout is 360 units wide, so its labels keep their size."""
    wide = parse(presidents_chart_svg(record, lang))
    phone = parse(presidents_chart_svg(record, lang, PHONE))
    assert phone.get("width") == "360" and phone.get("viewBox").split()[2] == "360"
    sizes = {float(t.get("font-size") or 0) for t in phone.iter(f"{SVG}text")} - {0.0}
    assert min(sizes | {12.0}) >= 12  # texts without a size inherit the axis group's 12
    assert min(float(g.get("font-size")) for g in phone.iter(f"{SVG}g") if g.get("font-size")) >= 12
    # Every text inside the 360 units, by a generous estimate of its width (0.6 em a character);
    # the fixture's hostile name is 50 characters of markup, longer than any real one.
    for text in phone.iter(f"{SVG}text"):
        if text.text == HOSTILE_NAME:
            continue
        size = float(text.get("font-size") or 12)
        width = len(text.text) * size * 0.6
        start = float(text.get("x")) - (width / 2 if text.text.isdigit() else 0)  # years centred
        assert start >= 0 and start + width <= 360, (text.text, size, start, width)
    # The same terms, links, gaps and description as the wide chart.
    assert list(links(phone)) == list(links(wide))
    assert phone.find(f"{SVG}desc").text == wide.find(f"{SVG}desc").text
    ids = {e.get("id") for e in phone.iter() if e.get("id")}
    assert not ids & {e.get("id") for e in wide.iter() if e.get("id")}  # both on one page
    both = presidents_chart_html(record, lang)
    assert both == presidents_chart_svg(record, lang) + presidents_chart_svg(record, lang, PHONE)
    assert {WIDE.name, PHONE.name} == {"wide", "phone"}


def test_hostile_text_is_escaped(record):
    svg = presidents_chart_svg(record)
    assert "<script>" not in svg and "&amp;amp;" in svg
    assert HOSTILE_NAME in texts(parse(svg))


def test_deterministic(record, project):
    first = presidents_chart_svg(record)
    assert first == presidents_chart_svg(record)
    assert first == presidents_chart_svg(load_record(project.root))


def test_spanish(record):
    root = parse(presidents_chart_svg(record, "es"))
    assert root.find(f"{SVG}title").text == "Presidentes del Perú desde el 28 de julio de 2016"
    bars = term_links(root)
    assert [texts(a)[0] for a in bars] == ["1.º", "2.º", "3.º", "4.º", "5.º"]
    assert texts(bars[1])[2] == "23 mar 2018 – 9 nov 2020"
    assert "Sin presidente, 17–18 feb 2026" in texts(root)
    with pytest.raises(ValueError, match="unknown language"):
        presidents_chart_svg(record, "fr")


@pytest.mark.parametrize(
    ("n", "en"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (8, "8th"), (11, "11th"), (12, "12th"),
     (13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th")],
)  # fmt: skip
def test_ordinals(n, en):
    assert ordinal(n, "en") == en
    assert ordinal(n, "es") == f"{n}.º"


def test_real_record_chart():
    try:
        record = load_record(REPO)
    except RecordError as exc:
        pytest.skip(f"the repository's record does not load yet ({len(exc.problems)} problem(s))")
    terms = [e for e in record.events if is_term(e) and e.date.first_day() >= dt.date(2016, 7, 28)]
    for lang in ("en", "es"):
        svg = presidents_chart_svg(record, lang)
        root = parse(svg)
        assert len(term_links(root)) == len(terms)
        assert svg == presidents_chart_svg(record, lang)
    by_id = record.by_id()
    if "2026-02-17-interim-gap-without-president" in by_id:
        root = parse(presidents_chart_svg(record))
        assert "../events/2026-02-17-interim-gap-without-president/" in links(root)
