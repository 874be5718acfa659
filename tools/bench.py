"""`make bench`: how the site build scales, beside a plain MkDocs build of as many pages.

The real record first (built where it is), then for each size (1,000 and 10,000 events by
default) a synthetic record that passes the checker, written into a temporary folder: each is
built with `mkdocs build --strict`, and the build time, the peak memory of the build process,
the site's size and its largest page are printed. Then a plain MkDocs + Material project with as
many Markdown pages as the record's site has, outside the navigation as the record's generated
pages are (MkDocs' own floor), is built and its figures printed beside them, the record's time
as a multiple of the plain one. Last, it times `peru-timeline check` on 1,000 event files.

The edit loop (tools/edit_bench.py), on a copy of the real record and on each synthetic one: a
second `peru-timeline build` with nothing changed and one with one event changed, and with
`peru-timeline serve` running, the seconds from saving an edit to the served page showing it,
each beside its goal.

In Debian's Chromium (tools/timeline_bench.py), on the real record and on the largest synthetic
one, it measures the timeline page (`/timeline/`, `/es/timeline/`): the bytes of its first load
against their budget (200 KB for the real record, 400 KB for the synthetic one) with the five
largest responses, and the median and maximum time of 20 moves of the explorer's time window
(budget at the largest size: median ≤ 100 ms), beside the real record's in the same run. The
machine's load average is printed with the figures: the times depend on how busy it is.

At each size and on the real record, also in Chromium (tools/search_bench.py): what opening the home page (English, then
Spanish) and a first search transfer, gzipped, against the goal of 600 KB, with the five largest
responses.

    python -m tools.bench [--sizes 1000 10000] [--plain-timeout 600] [--skip-plain]
                            [--skip-browser] [--skip-edit] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from builder.adapter.project import configured_site_url
from builder.record.load import load_record
from tools import edit_bench, search_bench, timeline_bench
from tools.synthetic import Corpus, plain_pages, real_corpus, write_synthetic_project

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 120
PAGE_LIMIT = 100 * 1024
# The explorer's first-load data (its index and the newest list shard) and the theme's index.
DATA_FILES = ("timeline/data/index.js", "timeline/data/list-0.js", "search/search_index.json")

# Runs a command as its only child, then reports that child's time and peak memory: in a fresh
# process RUSAGE_CHILDREN is exactly the build's, whatever this process itself has used.
_MEASURE = textwrap.dedent(
    """
    import json, resource, subprocess, sys, time
    timeout = float(sys.argv[1]) or None
    start = time.monotonic()
    try:
        done = subprocess.run(sys.argv[3:], cwd=sys.argv[2], capture_output=True, text=True,
                              timeout=timeout)
        finished, code, output = True, done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired as stopped:
        finished, code, output = False, None, str(stopped.output or "")[-2000:]
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_kb": peak, "finished": finished,
                      "returncode": code, "output": output[-4000:]}))
    """
)


@dataclass(frozen=True)
class Measurement:
    seconds: float
    peak_mb: float
    finished: bool
    returncode: int | None
    output: str


@dataclass(frozen=True)
class SiteFigures:
    files: int
    pages: int
    total_mb: float
    largest_page: tuple[str, int]
    data_files: dict[str, int]
    pages_over_limit: int


def write_plain_project(root: Path, n: int, corpus: Corpus) -> Path:
    """A plain MkDocs + Material project of `n` Markdown pages outside the navigation, as the
    record's generated pages are: MkDocs' own floor for as many pages."""
    docs = root / "docs"
    (docs / "pages").mkdir(parents=True)
    (docs / "index.md").write_text("# Plain site\n", encoding="utf-8")
    for number, text in enumerate(plain_pages(n, corpus)):
        (docs / f"pages/page-{number:05d}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n",
        encoding="utf-8",
    )
    return root


# --- measuring ----------------------------------------------------------------------------


def measure(command: list[str], cwd: Path, timeout: float | None = None) -> Measurement:
    """Run `command` in `cwd`; its wall time and the peak resident memory of its process tree."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}
    wrapper = [sys.executable, "-c", _MEASURE, str(timeout or 0), str(cwd), *command]
    done = subprocess.run(wrapper, capture_output=True, text=True, env=env, check=True)
    data = json.loads(done.stdout)
    return Measurement(
        data["seconds"],
        data["peak_kb"] / 1024,
        data["finished"],
        data["returncode"],
        data["output"],
    )


def site_figures(site: Path) -> SiteFigures:
    """Counts and sizes of a built site; `largest_page` is the biggest HTML file."""
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    data = {name: (site / name).stat().st_size for name in DATA_FILES if (site / name).exists()}
    return SiteFigures(
        files=len(files),
        pages=len(pages),
        total_mb=sum(p.stat().st_size for p in files) / 2**20,
        largest_page=(largest.relative_to(site).as_posix(), largest.stat().st_size),
        data_files=data,
        pages_over_limit=sum(p.stat().st_size > PAGE_LIMIT for p in pages),
    )


def mkdocs_build(
    root: Path, timeout: float | None = None, site_dir: Path | None = None
) -> tuple[Measurement, SiteFigures | None]:
    """Build the project at `root` into `site_dir` (default: its own `site/`)."""
    site_dir = site_dir or root / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    result = measure(command, root, timeout)
    built = result.finished and result.returncode == 0
    return result, site_figures(site_dir) if built else None


# --- report -------------------------------------------------------------------------------


def _kb(size: int) -> str:
    return f"{size / 1024:,.1f} KB"


def _column(result: Measurement, figures: SiteFigures | None) -> list[str]:
    if result.output == "skipped":
        return ["skipped"] + ["—"] * 5
    if not result.finished:
        return [f"stopped at {result.seconds:,.0f} s", f"{result.peak_mb:,.0f} MB (at stop)"] + [
            "—"
        ] * 4
    if result.returncode != 0 or figures is None:
        return ["FAILED", f"{result.peak_mb:,.0f} MB"] + ["—"] * 4
    path, size = figures.largest_page
    return [
        f"{result.seconds:,.1f} s",
        f"{result.peak_mb:,.0f} MB",
        f"{figures.total_mb:,.1f} MB in {figures.files:,} files",
        f"{figures.pages:,}",
        f"{_kb(size)} ({path})",
        f"{figures.pages_over_limit:,}",
    ]


def report(n: int, ours, plain) -> str:
    rows = [
        "build time",
        "peak memory",
        "site size",
        "HTML pages",
        "largest page",
        "pages > 100 KB",
    ]
    left, right = _column(*ours), _column(*plain)
    if ours[1] is not None and plain[1] is not None:  # both built: ours as a multiple of plain
        left[0] += f" ({timeline_bench.ratio(ours[0].seconds, plain[0].seconds)} plain)"
    width = max(len(x) for x in left + ["peru-timeline"]) + 2
    lines = [f"\n{n:,} events", f"  {'':16}{'peru-timeline':{width}}plain MkDocs (as many pages)"]
    lines += [f"  {row:16}{a:{width}}{b}" for row, a, b in zip(rows, left, right, strict=True)]
    result, figures = ours
    if figures:
        for name, size in figures.data_files.items():
            lines.append(f"  {'data file':16}{name}: {_kb(size)}")
        fast = "within" if result.seconds < TARGET_SECONDS else "OVER"
        small = "no page over" if not figures.pages_over_limit else "SOME PAGES OVER"
        lines.append(f"  target {TARGET_SECONDS} s, pages ≤ 100 KB: time {fast}, {small} 100 KB")
    else:
        lines.append("  peru-timeline build failed:\n" + textwrap.indent(result.output, "    "))
    return "\n".join(lines)


def real_record(work: Path, browser: bool, plain: bool, plain_timeout: float):
    """Build this project's own record into `work` beside a plain MkDocs build of as many pages,
    print both, and (in Chromium) its timeline page's and first search's figures; returns the
    timeline's update times, the reference for the synthetic record's."""
    count = len(load_record(REPO).events)
    ours = mkdocs_build(REPO, site_dir=work / "real-site")
    result, figures = ours
    if figures is None:
        print("\nthe real record's build failed:\n" + textwrap.indent(result.output, "    "))
        return None
    if plain:
        plain_root = write_plain_project(work / "plain-real", figures.pages, real_corpus())
        floor = mkdocs_build(plain_root, plain_timeout)
    else:
        floor = (Measurement(0, 0, False, None, "skipped"), None)
    print(report(count, ours, floor).replace(" events", " events (the real record)", 1), flush=True)
    if not browser:
        return None
    search_bench.measure_site(work / "real-site", f"the real record ({count} events)")
    return timeline_bench.measure_site(
        work / "real-site", f"the real record ({count} events)", timeline_bench.LOAD_BUDGET_REAL
    )


def _an_event(root: Path) -> tuple[Path, str]:
    """The event the edit loop edits (the newest file, by name) and its page under the preview's
    address (mkdocs.yml's site_url path)."""
    event = sorted((root / "events").glob("20*/*.yml"))[-1]
    base = urlsplit(configured_site_url(root) or "/").path.strip("/")
    return event, f"{base}/events/{event.stem}/".lstrip("/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--plain-timeout", type=float, default=600,
                        help="seconds before a plain MkDocs build is stopped (default 600)")  # fmt: skip
    parser.add_argument("--skip-plain", action="store_true", help="build only the record's site")
    parser.add_argument("--skip-browser", action="store_true",
                        help="leave out the timeline page's figures in Chromium")  # fmt: skip
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument("--skip-edit", action="store_true",
                        help="leave out the edit loop (rebuilds and serve)")  # fmt: skip
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="peru-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"benchmark on {os.cpu_count()} CPU(s), in {work}", flush=True)
    browser = not args.skip_browser
    if browser and (problem := timeline_bench.browser_problem()):
        print(f"the timeline page's figures in Chromium are left out: {problem}", flush=True)
        browser = False
    corpus = real_corpus()
    try:
        if not args.skip_edit:
            real = work / "real-project"
            for part in ("content", "events", "maps"):
                shutil.copytree(REPO / part, real / part)
            shutil.copy(REPO / "mkdocs.yml", real / "mkdocs.yml")
            loop = edit_bench.measure(real, *_an_event(real))
            label = f"the real record ({len(load_record(real).events)} events)"
            print("\n".join(edit_bench.lines(label, loop, edit_bench.GOALS_REAL)), flush=True)
        reference = real_record(work, browser, not args.skip_plain, args.plain_timeout)
        for n in args.sizes:
            ours_root = write_synthetic_project(work / f"record-{n}", n, corpus)
            ours = mkdocs_build(ours_root)
            if args.skip_plain:
                plain = (Measurement(0, 0, False, None, "skipped"), None)
            else:
                pages = ours[1].pages if ours[1] is not None else 2 * n
                plain_root = write_plain_project(work / f"plain-{n}", pages, corpus)
                plain = mkdocs_build(plain_root, args.plain_timeout)
            print(report(n, ours, plain), flush=True)
            if ours[1] is not None and not args.skip_edit:
                loop = edit_bench.measure(ours_root, *_an_event(ours_root))
                goals = edit_bench.GOALS_LARGE if n >= 10_000 else (None, edit_bench.GOALS_LARGE[1])
                print("\n".join(edit_bench.lines(f"{n:,} events", loop, goals)), flush=True)
            if browser and ours[1] is not None:
                search_bench.measure_site(ours_root / "site", f"{n:,} events")
            if browser and n == max(args.sizes) and ours[1] is not None:
                timeline_bench.measure_site(
                    ours_root / "site",
                    f"{n:,} events",
                    timeline_bench.LOAD_BUDGET_LARGE,
                    timeline_bench.UPDATE_BUDGET_MS,
                    reference,
                )
        check_root = work / "record-check"
        write_synthetic_project(check_root, 1000, corpus)
        checked = measure([str(Path(sys.executable).parent / "peru-timeline"), "check"], check_root)
        state = "ok" if checked.returncode == 0 else "FAILED"
        print(
            f"\nperu-timeline check on 1,000 event files: {checked.seconds:.1f} s ({state}), "
            f"peak {checked.peak_mb:,.0f} MB"
        )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
