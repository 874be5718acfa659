"""Print maps: the paper sizes, byte-identical files, and type that stays legible."""

from __future__ import annotations

import dataclasses
import re
import struct

import matplotlib
import pytest
from matplotlib.text import Text

from builder.record.load import load_record
from builder.views.maps import print_maps
from builder.views.maps.measures import measure
from builder.views.maps.pages import files_for_map, print_context
from builder.views.maps.styling import classify
from tests.support.maps import with_maps, write_event

A4_POINTS = (595.28, 841.89)
A3_POINTS = (841.89, 1190.55)


@pytest.fixture
def maps(project):
    record, definitions, _ = with_maps(project)
    return {
        name: (measure(d, record), print_context(measure(d, record), record, "en", f"maps/{name}/"))
        for name, d in definitions.items()
    }


def media_box(pdf: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert match, "no MediaBox"
    return float(match.group(1)), float(match.group(2))


def png_chunks(png: bytes) -> list[bytes]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    chunks, position = [], 8
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position : position + 8])
        chunks.append(kind)
        position += 12 + length
    return chunks


@pytest.mark.parametrize(("paper", "size"), [("a4", A4_POINTS), ("a3", A3_POINTS)])
def test_the_pdf_page_is_the_paper_asked_for(maps, paper, size):
    data, context = maps["named"]
    pdf = print_maps.render(data, context, "en", paper, ("pdf",))["pdf"]
    assert pdf.startswith(b"%PDF")
    assert media_box(pdf) == pytest.approx(size, abs=0.05)


@pytest.mark.slow
def test_two_renders_are_byte_identical(maps):
    data, context = maps["named"]
    first = print_maps.render(data, context, "en", "a4", ("pdf", "svg", "png"))
    second = print_maps.render(data, context, "en", "a4", ("pdf", "svg", "png"))
    for fmt in ("pdf", "svg", "png"):
        assert first[fmt] == second[fmt], fmt


@pytest.mark.slow
def test_the_files_carry_no_dates_and_no_software_stamp(maps):
    data, context = maps["strikes"]
    files = print_maps.render(data, context, "en", "a4", ("pdf", "svg", "png"))
    assert b"/CreationDate" not in files["pdf"] and b"/ModDate" not in files["pdf"]
    assert b"<dc:date>" not in files["svg"]
    assert b"tEXt" not in png_chunks(files["png"]) and b"tIME" not in png_chunks(files["png"])


def test_text_is_at_least_7_points_on_a4_and_the_legend_is_there(maps):
    data, context = maps["named"]
    with matplotlib.rc_context(print_maps._RC):
        figure = print_maps._draw(data, context, "en", "a4")
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert min(t.get_fontsize() for t in texts) >= 7
    words = " ".join(t.get_text() for t in texts)
    for expected in (
        "Named places",
        "In both lists",
        "Only in the second",
        "In neither list",
        "Boundaries: Natural Earth (public domain)",
        "Lima and Callao",
        "km",
        "Built ",
        "maps/named/",
    ):
        assert expected in words


def test_no_data_is_hatched_and_a_count_map_without_gaps_has_no_hatch(maps):
    data, context = maps["strikes"]
    svg = print_maps.render(data, context, "en", "a4", ("svg",))["svg"]
    assert b"<pattern" not in svg
    unknown = data.regions["PE-ARE"].__class__("PE-ARE", None, (), known=False)
    gap = data.__class__(
        data.definition, data.selection, {**data.regions, "PE-ARE": unknown}, data.events, ()
    )
    svg = print_maps.render(gap, context, "en", "a4", ("svg",))["svg"]
    assert b"<pattern" in svg


def test_notes_too_long_for_the_page_give_a_clear_error(maps):
    """A footer that would leave no room for the map is the definition's fault, said as such."""
    from builder.record.model import Localized
    from builder.views.maps.definitions import DefinitionError

    data, context = maps["named"]
    wordy = dataclasses.replace(
        data.definition, notes=Localized("A note that goes on and on. " * 400)
    )
    with pytest.raises(DefinitionError) as raised:
        print_maps.render(
            dataclasses.replace(data, definition=wordy), context, "en", "a4", ("pdf",)
        )
    problem = str(raised.value.problems[0])
    assert problem.startswith(f"{data.definition.path}:1:1: the print map's notes")
    assert "shorten the map's notes" in problem


@pytest.mark.slow
def test_print_maps_show_the_definitions_window_not_a_readers(project):
    """The interactive map's window lives in the browser: the print files of the site are the
    definition's, whatever events the reader's control could choose from."""
    _, definitions, _ = with_maps(project)
    write_event(project, "2024-05", "strike-2024", ["strikes-and-protests"], ["PE-ARE"])
    record = load_record(project.root)
    data = measure(definitions["strikes"], record)
    assert len(data.undated) > len(data.events)  # the control offers more than the map shows
    files = {f.path: f.content for f in files_for_map(data, record, "en")}
    context = print_context(data, record, "en", "maps/strikes/")
    alone = print_maps.render(dataclasses.replace(data, undated=()), context, "en", "a4", ("svg",))
    assert files["maps/strikes/strikes.svg"] == alone["svg"]
    with matplotlib.rc_context(print_maps._RC):
        figure = print_maps._draw(data, context, "en", "a4")
    words = " ".join(t.get_text() for t in figure.findobj(Text))
    assert "Events from January 2026 to June 2026" in words
    # The regions are filled for the definition's window: Puno's blockade counts in it, and
    # the strike of 2024 in Arequipa, outside it, does not.
    assert classify(data).by_region["PE-PUN"].key == "1-1"
    assert classify(data).by_region["PE-ARE"].key == "0"
