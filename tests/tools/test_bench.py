"""`make bench`'s report (tools/bench.py): the build figures side by side. The builds themselves
run only in `make bench`."""

from __future__ import annotations

from tools.bench import Measurement, SiteFigures, report
from tools.edit_bench import GOALS_LARGE, GOALS_REAL, EditLoop, lines

FIGURES = SiteFigures(10, 5, 1.0, ("index.html", 2048), {}, 0)


def test_the_build_time_is_shown_as_a_multiple_of_plain_mkdocs_when_both_built():
    ours = (Measurement(52.7, 300, True, 0, ""), FIGURES)
    plain = (Measurement(48.7, 40, True, 0, ""), FIGURES)
    assert "  build time      52.7 s (×1.1 plain)  48.7 s" in report(10, ours, plain)


def test_without_a_plain_build_the_time_stands_alone():
    ours = (Measurement(52.7, 300, True, 0, ""), FIGURES)
    skipped = (Measurement(0, 0, False, None, "skipped"), None)
    stopped = (Measurement(600, 900, False, None, ""), None)
    assert "52.7 s  " in report(10, ours, skipped) and "plain)" not in report(10, ours, skipped)
    assert "stopped at 600 s" in report(10, ours, stopped)
    assert "plain)" not in report(10, ours, stopped)


def test_the_edit_loop_is_printed_beside_its_goals():
    loop = EditLoop(unchanged=2.4, one_changed=3.6, to_page=[1.2, 5.9, 1.8])
    text = "\n".join(lines("the real record (79 events)", loop, GOALS_REAL))
    assert "rebuild, nothing changed      2.4 s (goal ≤ 3 s: within)" in text
    assert "rebuild, one event changed    3.6 s (goal ≤ 3 s: OVER)" in text
    # The slowest edit counts: a contributor waits for that one too.
    assert "save to served page (serve)   5.9 s (goal ≤ 2 s: OVER) [each: 1.2, 5.9, 1.8 s]" in text
    large = "\n".join(lines("10,000 events", loop, GOALS_LARGE))
    assert "rebuild, nothing changed      2.4 s\n" in large
    assert "(goal ≤ 5 s: OVER)" in large
