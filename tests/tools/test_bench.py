"""`make bench`'s report (tools/bench.py): the build figures side by side. The builds themselves
run only in `make bench`."""

from __future__ import annotations

from tools.bench import Measurement, SiteFigures, report

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
