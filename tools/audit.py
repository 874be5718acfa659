"""`make audit`: Lighthouse scores for five pages of the built site, against the project's targets.

It serves the built site (`site/`) on a free 127.0.0.1 port and runs Lighthouse (npm's
`lighthouse`, pinned in package.json, installed into node_modules/ by `npm ci`) with Debian's
Chromium on the home page, the Spanish home page, the timeline, an event page (the timeline's
first entry, its newest event), a region page (Metropolitan Lima) and a map page (the first map of
the maps page), each as a phone and as a desktop computer. It prints the four scores of each page
as a table and, for every page that misses a target, the audits that cost it points, so a
developer knows what to fix. Exit status 1 when a page misses a target.

Lighthouse's own settings are used unchanged: its default mobile ones (simulated Slow 4G, 4x CPU
slowdown) and its `desktop` preset. The server compresses text with gzip, as GitHub Pages does.
The performance score depends on how busy the machine is: a page that misses a target is audited
again, up to three runs, and the table shows the median of each score.

    python -m tools.audit [--site-dir site] [--runs 3] [--reports DIR] [--port 0]
                          [--device mobile|desktop]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-background-networking"

CATEGORIES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
DEVICES = ("mobile", "desktop")  # Lighthouse's default settings, then its desktop preset
REGION = "pe-lma"  # Metropolitan Lima: the region with the most events
COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "image/svg+xml",
)
_MAP_LINK = re.compile(r'href="([a-z0-9][a-z0-9-]*/)"')
_REGION_LINK = re.compile(r'href="(pe-[a-z]{3}/)"')


@dataclass(frozen=True)
class Failure:
    """An audit that cost a page points: its category, id, title and Lighthouse's figure."""

    category: str
    id: str
    title: str
    value: str
    where: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    """One page's scores (0-100, the median over its runs) and the failures of its median run,
    audited as a phone ("mobile") or a desktop computer."""

    label: str
    path: str
    scores: dict[str, int]
    failures: list[Failure]
    runs: int
    device: str = "mobile"

    def misses(self) -> list[str]:
        return [c for c, target in TARGETS.items() if self.scores[c] < target]


def pick_pages(site_dir: Path) -> list[tuple[str, str]]:
    """The six audited pages as (label, path under the site root), chosen from the built site."""
    newest = _built(site_dir / "timeline" / "data" / "list-0.js")
    rows = json.loads(_read(newest).split(",", 1)[1].rsplit(")", 1)[0])
    if not rows:
        raise SystemExit(f"{newest}: no events — build the real record")
    event = rows[-1][0]  # the timeline's first entry: the newest event
    region = f"regions/{REGION}/"
    if not (site_dir / region / "index.html").exists():
        found = _REGION_LINK.findall(_read(site_dir / "regions" / "index.html"))
        if not found:
            raise SystemExit(f"{site_dir}/regions/index.html: no region page linked")
        region = "regions/" + found[0]
    maps = _MAP_LINK.findall(_read(site_dir / "maps" / "index.html"))
    if not maps:
        raise SystemExit(f"{site_dir}/maps/index.html: no map page linked — are maps/ defined?")
    return [
        ("home", ""),
        ("home (es)", "es/"),
        ("timeline", "timeline/"),
        ("event", f"events/{event}/"),
        ("region", region),
        ("map", "maps/" + maps[0]),
    ]


def _built(path: Path) -> Path:
    if not path.exists():
        raise SystemExit(f"{path}: missing — run `make build` first")
    return path


def _read(path: Path) -> str:
    return _built(path).read_text(encoding="utf-8")


def scores(report: dict) -> dict[str, int]:
    """The four category scores of a Lighthouse JSON report, 0-100 (a missing score is 0)."""
    return {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}


def failures(report: dict) -> list[Failure]:
    """The audits that cost points: every weighted audit below a full score (performance
    metrics: below 0.9, Lighthouse's "good"), and Lighthouse's performance opportunities that
    it marks as failing, with the time or bytes they would save."""
    audits = report["audits"]
    found: list[Failure] = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = audits[ref["id"]]
            score = audit.get("score")
            if score is None or audit.get("scoreDisplayMode") in ("notApplicable", "manual"):
                continue
            if category != "performance":
                failing = ref.get("weight", 0) > 0 and score < 1
            elif ref.get("weight", 0) > 0:
                failing = score < 0.9
            else:
                failing = score < 0.9 and (audit.get("details") or {}).get("type") == "opportunity"
            if failing:
                value = audit.get("displayValue") or ""
                found.append(Failure(category, audit["id"], audit["title"], value, _where(audit)))
    return found


def _where(audit: dict, most: int = 3) -> tuple[str, ...]:
    """Where an audit failed: the first few elements (CSS selectors) or addresses it names."""
    places: list[str] = []
    for item in (audit.get("details") or {}).get("items") or []:
        if not isinstance(item, dict):
            continue
        node = item.get("node") if isinstance(item.get("node"), dict) else {}
        location = (
            item.get("sourceLocation") if isinstance(item.get("sourceLocation"), dict) else {}
        )
        source = item.get("source") if isinstance(item.get("source"), dict) else {}
        place = (
            node.get("selector") or source.get("snippet") or location.get("url") or item.get("url")
        )
        if isinstance(place, str) and place and place not in places:
            places.append(place)
    return tuple(places[:most])


@dataclass(frozen=True)
class Transfer:
    """One response of `serve`'s server: the address asked for and the bytes sent for it,
    headers included (gzipped when the text was)."""

    path: str
    size: int


class _CountingWriter:
    """A response stream that counts the bytes written through it."""

    def __init__(self, stream):
        self.stream = stream
        self.written = 0

    def write(self, data) -> int:
        self.written += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files like a static host: text compressed with gzip when the browser accepts it.
    Each response is added to the server's `transfers` list when it has one."""

    def log_message(self, *args):
        pass

    # One request a connection (HTTP/1.0, the handler's default), so a connection's bytes are
    # one response's.
    def setup(self):
        super().setup()
        self.wfile = _CountingWriter(self.wfile)

    def finish(self):
        transfers = getattr(self.server, "transfers", None)
        path = getattr(self, "path", None)  # unset when no request line was read
        if transfers is not None and path:
            transfers.append(Transfer(urlsplit(path).path, self.wfile.written))
        super().finish()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextmanager
def serve(site_dir: Path, port: int = 0, transfers: list[Transfer] | None = None) -> Iterator[str]:
    """Serve `site_dir` on 127.0.0.1 in a thread; yields the base address. Given a list as
    `transfers`, each response is appended to it once sent (`make bench` sums them)."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.transfers = transfers  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url: str, output: Path, device: str = "mobile") -> dict:
    """Run Lighthouse once on `url` with Debian's Chromium, as a phone ("mobile") or with its
    desktop preset ("desktop"); returns the parsed JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        *(["--preset=desktop"] if device == "desktop" else []),
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not output.exists():
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not load {url}: {report['runtimeError']['message']}")
    return report


def audit_page(
    base: str, label: str, path: str, runs: int, reports: Path, device: str = "mobile"
) -> Result:
    """Audit one page as `device`: once, then again (up to `runs` times) while the median of its
    runs so far misses a target. Scores are medians, rounded down; the failures listed are those
    of the run whose performance is the median one (of two, the lower)."""
    taken: list[tuple[dict[str, int], list[Failure]]] = []
    name = re.sub(r"[^a-z0-9]+", "-", label).strip("-")
    for run in range(1, runs + 1):
        report = lighthouse(base + path, reports / f"{name}-{device}-{run}.json", device)
        taken.append((scores(report), failures(report)))
        median = {c: math.floor(statistics.median(s[c] for s, _ in taken)) for c in CATEGORIES}
        middle = sorted(taken, key=lambda t: t[0]["performance"])[(len(taken) - 1) // 2]
        result = Result(label, path, median, middle[1], len(taken), device)
        if not result.misses():
            break
    return result


def table(results: list[Result]) -> str:
    """The scores as a fixed-width table, a page a row, misses marked with `!`."""
    heads = ["page", "address", "device", *(CATEGORIES[c] for c in CATEGORIES), "runs"]
    rows = []
    for r in results:
        cells = [f"{r.scores[c]}{'!' if c in r.misses() else ''}" for c in CATEGORIES]
        rows.append([r.label, "/" + r.path, r.device, *cells, str(r.runs)])
    widths = [max(len(row[i]) for row in [heads, *rows]) for i in range(len(heads))]
    lines = []
    for row in [heads, *rows]:
        cells = [
            cell.ljust(width) if i < 3 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def report_text(results: list[Result], runs: int = 3) -> str:
    """The table, the targets, and the failing audits of every page that misses one."""
    targets = ", ".join(f"{CATEGORIES[c]} {t}{'+' if t < 100 else ''}" for c, t in TARGETS.items())
    lines = [
        table(results),
        "",
        f"targets: {targets}. Scores are medians of up to {runs} Lighthouse runs per page (a page "
        "is run again only while the median of its runs misses a target); `!` marks a miss.",
    ]
    for result in results:
        if not result.misses():
            continue
        where = f"/{result.path}, {result.device}"
        lines += ["", f"{result.label} ({where}) misses {', '.join(result.misses())}:"]
        for f in result.failures:
            if f.category not in result.misses():
                continue
            value = f" ({f.value})" if f.value else ""
            lines.append(f"  [{CATEGORIES[f.category]}] {f.id}: {f.title}{value}")
            if f.where and f.category != "performance":
                lines.append(f"      at {'; '.join(f.where)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.audit", description=__doc__)
    parser.add_argument("--site-dir", type=Path, default=REPO / "site")
    parser.add_argument("--runs", type=int, default=3, help="most Lighthouse runs per page")
    parser.add_argument("--reports", type=Path, help="keep the JSON reports in this folder")
    parser.add_argument("--port", type=int, default=0, help="the server's port (0: any free one)")
    parser.add_argument(
        "--device",
        choices=DEVICES,
        action="append",
        help="audit as this device only (default: both)",
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE}: missing — run `npm ci` (make audit does)")
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"{CHROMIUM}: missing — install Debian's chromium (make deps)")
    pages = pick_pages(args.site_dir)
    with tempfile.TemporaryDirectory(prefix="audit-") as scratch:
        reports = args.reports or Path(scratch)
        reports.mkdir(parents=True, exist_ok=True)
        results = []
        with serve(args.site_dir, args.port) as base:
            for device in args.device or DEVICES:
                for label, path in pages:
                    print(f"auditing /{path} as {device} …", file=sys.stderr, flush=True)
                    results.append(audit_page(base, label, path, args.runs, reports, device))
    print(report_text(results, args.runs))
    return 1 if any(r.misses() for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
