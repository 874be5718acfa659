"""Hostile text: script-injection payloads in every free-text field never run in a reader's browser.

The payloads of tests/hostile_payloads.yml are written into a real project (tests/hostile_site.py),
checked with `peru-timeline check`, built with `mkdocs build --strict`, and every kind of page is
opened in Debian's Chromium (tests/hostile_browser.py). The downloads are checked as files.

`python tests/test_hostile_input.py` builds, visits and prints the payload table for the closing
note: payload | where it was placed | what the reader's browser saw.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder.record.load import load_record
from builder.text.markup import plain_text, text_markdown
from tests.support.cli import run_cli
from tests.support.hostile_site import GROUPS, MARKER_RE, PLACES, Payload, payloads, screened
from tests.support.pagefind import fragments
from tests.support.project import VALID_EVENT, VALID_NAME, new_project
from tests.support.site import run_mkdocs_build

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
ATOM = "{http://www.w3.org/2005/Atom}"

# Addresses the checker must refuse in a URL field, and the scheme it names.
BAD_URLS = [
    ("javascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("&#106;avascript:alert(1)", "(none)"),
    ("data:text/html,<script>alert(1)</script>", "data"),
    ("vbscript:msgbox(1)", "vbscript"),
    ("java\u200bscript:alert(1)", "(none)"),
    (" javascript:alert(1)", "javascript"),  # the checker strips the space, then refuses
    ("//evil.example/x", "(none)"),
]


@dataclass
class Hostile:
    root: Path
    site: Path
    items: list[Payload]
    refused: dict[str, str]


def make_site(root: Path) -> Hostile:
    items, refused = screened(root, payloads())
    result = run_mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return Hostile(root, root / "site", items, refused)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Hostile:
    return make_site(tmp_path_factory.mktemp("hostile") / "project")


@pytest.fixture(scope="module")
def visits(hostile):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make deps)")
    pytest.importorskip("playwright.sync_api")
    from tests.support.hostile_browser import survey

    return survey(hostile.site, hostile.items)


# --- the checker ------------------------------------------------------------------------


def test_the_checker_accepts_every_payload_but_invisible_controls(hostile):
    assert set(hostile.refused) == {"rtl-override"}
    assert "invisible control character (U+202E)" in hostile.refused["rtl-override"]
    for command in (["check"], ["maps", "--check"]):
        result = run_cli(hostile.root, *command)
        assert result.exit_code == 0, result.stdout + result.stderr


def check_source_url(project, url: str):
    """`peru-timeline check` on `project` with `url` in an inline source and a registry source."""
    inline = VALID_EVENT.replace(
        "  - id: rpp-2026-02-18-balcazar\n",
        f"  - publisher: RPP\n    title: A headline\n    date: 2026-02-18\n    url: {json.dumps(url)}\n",
    )
    project.event(inline)
    registry = project.root / "events" / "registries" / "sources.yml"
    with registry.open("a", encoding="utf-8") as out:
        out.write(f"bad-source:\n  publisher: X\n  title: Y\n  date: 2026-01-01\n  language: es\n"
                  f"  url: {json.dumps(url)}\n")  # fmt: skip
    return run_cli(project.root, "check")


@pytest.mark.parametrize(("url", "scheme"), BAD_URLS)
def test_the_checker_refuses_a_source_url_that_is_not_http(project, url, scheme):
    result = check_source_url(project, url)
    assert result.exit_code == 1
    reason = f"uses the scheme '{scheme}'"
    assert f"{VALID_NAME}:21:10: 'url' {reason}" in result.output, result.output
    assert f"events/registries/sources.yml:12:8: 'url' {reason}" in result.output, result.output


# --- the browser --------------------------------------------------------------------------


@pytest.mark.browser
def test_no_payload_runs_in_any_page(visits):
    ran = [(v.kind, v.url, m) for v in visits for m in v.ran]
    dialogs = [(v.kind, v.url, d) for v in visits for d in v.dialogs]
    assert not ran and not dialogs


@pytest.mark.browser
def test_no_payload_is_live_in_any_page(visits):
    """No `on*`/`style` attribute, script element or javascript:/data: address from record text."""
    assert [(v.kind, v.url, live) for v in visits for live in v.live] == []


@pytest.mark.browser
def test_links_from_record_text_are_http_only(visits):
    links = {href for v in visits for _, href in v.links}
    assert links and all(href.startswith(("https://", "http://")) for href in links), links


@pytest.mark.browser
def test_every_page_kind_showed_the_payloads_as_text(visits, hostile):
    """The survey is real: each kind of page showed payload text (so a silent page fails)."""
    shown = defaultdict(set)
    for visit in visits:
        shown[visit.kind] |= visit.shown()
    ids = {p.id for p in hostile.items}
    for kind, markers in shown.items():
        assert markers, f"{kind} showed no payload"
    for n, kind in enumerate(("event page", "event page (es)", "timeline filter")):
        place = ("t", "et", "t")[n]
        assert {m.split("@")[0] for m in shown[kind] if m.endswith(f"@{place}")} == ids, kind
    # A result shows the page's title and an excerpt around the word searched (Pagefind's).
    assert any(m.endswith("@t") for m in shown["search results"])
    assert {m.rsplit("@")[1] for m in shown["map popups and tooltips"]} >= {"t", "mr", "mp", "mq"}
    assert next(v for v in visits if v.kind == "map popups and tooltips").shapes > 26
    assert any(m.endswith("@an") for m in shown["presidents chart"])
    assert {m.rsplit("@")[1] for m in shown["map page"]} >= {"mt", "ms", "md", "mn", "mc"}


@pytest.mark.browser
def test_template_syntax_is_shown_not_evaluated(visits, hostile):
    """Neither the site nor the maps run `{{ … }}` from the record as a template."""
    texts = "\n".join(v.text for v in visits)
    assert "T{{ 7*7 }}T" in texts and "J${7*7}J" in texts
    assert "P{{ lipsum.__globals__.os.getcwd() }}P" in texts
    for payload in hostile.items:
        assert not any(result in texts for result in payload.evaluated), payload.id
    # The map file (folium renders its output as a template again) keeps the text inert.
    raw = (hostile.site / "maps" / "pwn" / "map.html").read_text(encoding="utf-8")
    assert "lipsum.__globals__.os.getcwd()" in raw and "T49T" not in raw


# --- the downloads ------------------------------------------------------------------------


def test_feeds_parse_and_carry_the_titles_as_text(hostile):
    titles = {p.id: p.placed("t", single_line=True) for p in hostile.items}
    for feed in (hostile.site / "feed.xml", hostile.site / "es" / "feed.xml"):
        raw = feed.read_text(encoding="utf-8")
        assert "<script" not in raw and "<img" not in raw
        entries = ET.fromstring(raw).findall(f"{ATOM}entry")
        assert entries
        if feed.parent == hostile.site:
            for entry in entries:
                pid = re.search(r"-pwn-(.+)-term", entry.find(f"{ATOM}id").text).group(1)
                assert entry.find(f"{ATOM}title").text == titles[pid]


def test_calendar_lines_are_escaped_and_folded(hostile):
    raw = (hostile.site / "data" / "events.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
    assert b"\r" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    unfolded = raw.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]
    # Every logical line is a property: no payload starts a line or a component of its own.
    assert all(re.match(r"^[A-Z-]+[;:]", line) for line in unfolded)
    assert unfolded.count("BEGIN:VEVENT") == unfolded.count("END:VEVENT") == len(hostile.items)
    summary = next(line for line in unfolded if "ics-lines@t" in line)
    assert summary.startswith("SUMMARY:x END:VEVENT BEGIN:VEVENT")
    description = next(line for line in unfolded if "ics-lines@s" in line)
    assert "\\nEND:VEVENT\\n" in description


def csv_cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_csv_cells_never_start_a_formula(hostile):
    files = [
        *hostile.site.glob("**/data/events.csv"),
        *hostile.site.glob("**/maps/pwn/*.csv"),
    ]
    assert len(files) == 6
    guarded = set()
    for path in files:
        cells = csv_cells(path)
        if any(c.startswith(("'=", "'@")) for c in cells):
            guarded.add(path.relative_to(hostile.site).as_posix())
        numbers = re.compile(r"^-?\d+(\.\d+)?$")  # the points' coordinates
        risky = [c for c in cells if c.startswith(("=", "+", "-", "@")) and not numbers.match(c)]
        assert risky == [], path
    assert {"data/events.csv", "es/data/events.csv", "es/maps/pwn/pwn.csv"} <= guarded


def test_json_downloads_keep_the_text_as_data(hostile):
    data = json.loads((hostile.site / "data" / "events.json").read_text(encoding="utf-8"))
    titles = {e["id"]: e["title"] for e in data["events"]}
    summaries = {e.id: e.summary.en for e in load_record(hostile.root).events}
    geo = json.loads((hostile.site / "data" / "events.geojson").read_text(encoding="utf-8"))
    # The explorer's data: list shards hold [id, when, iso, title, short, …], text shards the text.
    folder = hostile.site / "timeline" / "data"
    rows, texts = [], []
    for shard in sorted(folder.glob("list-*.js")):
        rows += _loaded(shard)
        texts += _loaded(folder / shard.name.replace("list-", "text-"))
    for p in hostile.items:
        eid = next(i for i in titles if i.endswith(f"-pwn-{p.id}-term"))
        assert titles[eid] == p.placed("t", single_line=True)
        assert any(f["properties"]["title"] == titles[eid] for f in geo["features"])
        n = next(n for n, row in enumerate(rows) if row[0] == eid)
        assert rows[n][3] == titles[eid]
        assert texts[n] == plain_text(summaries[eid])


def _loaded(path) -> list:
    """The data of an explorer data file, `pcrExplorerLoad("name",[…]);`."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text.split(",", 1)[1].rsplit(")", 1)[0])


def test_search_index_holds_the_record_as_text(hostile):
    # Pagefind's index of the published site holds each page's text, the record's payloads as
    # the reader saw them on the page (their "<" and ">" characters are text, which Pagefind
    # escapes when it builds an excerpt, and search-pagefind.js escapes titles): the survey in
    # the browser (test_no_payload_is_live_in_any_page, "search results") shows none is live.
    hits = 0
    for lang in ("en", "es"):
        for url, fragment in fragments(hostile.site, lang).items():
            title = fragment["meta"].get("title", "")
            hits += len(re.findall(MARKER_RE, fragment["content"] + title))
            assert 'class="' not in fragment["content"], url  # the page's own markup is gone
    assert hits > len(hostile.items)


# --- the summary's Markdown subset ---------------------------------------------------------


def test_links_keep_balanced_parentheses_and_only_http():
    wiki = "https://en.wikipedia.org/wiki/Lima_(city)"
    assert text_markdown(f"See [Lima]({wiki}).") == (
        "See [Lima](https://en.wikipedia.org/wiki/Lima_%28city%29)."
    )
    assert plain_text(f"See [Lima]({wiki}) (a city).") == "See Lima (a city)."
    # Anything but an http(s) address stays literal text, brackets escaped.
    for url in ("javascript:alert(1)", "mailto:a@example.org", "data:text/html,x", "/x"):
        assert text_markdown(f"[x]({url})").startswith("\\[x\\]")


# --- the table for the closing note --------------------------------------------------------


def placements(root: Path) -> dict[tuple[str, str], set[str]]:
    """(payload id, group) -> the fields it was written into, read back from the project."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    files = [*root.glob("events/**/*.yml"), *root.glob("maps/*.yml")]
    for path in files:
        for found in re.finditer(MARKER_RE, path.read_text(encoding="utf-8")):
            pid, place = found.groups()
            if place in PLACES:
                group, name = PLACES[place]
                out[(pid, group)].add(name)
    return out


def table(hostile: Hostile, visits) -> str:
    """The Markdown table: one row per payload and place group, from the real run."""
    placed = placements(hostile.root)
    seen: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for visit in visits:

        def group_of(marker: str) -> tuple[str, str]:
            pid, place = marker.split("@")
            return pid, PLACES.get(place, ("?", "?"))[0]

        for marker in visit.ran:
            seen[group_of(marker)]["ran"].add(visit.kind)
        for marker, what in visit.live:
            seen[group_of(marker)]["live"].add(f"{what} on {visit.kind}")
        for marker, href in visit.links:
            seen[group_of(marker)]["links"].add(href)
        for marker in visit.shown():
            seen[group_of(marker)]["text"].add(re.sub(r" \(es\)$", "", visit.kind))
        if visit.dialogs:
            seen[("?", "?")]["ran"].add(f"a dialog on {visit.kind}")
    texts = "\n".join(v.text for v in visits)
    lines = [
        "| payload | where it was placed | what the reader's browser saw |",
        "| --- | --- | --- |",
    ]
    for p in payloads():
        if p.id in hostile.refused:
            message = hostile.refused[p.id].split(": ", 1)[1]
            lines.append(
                f"| {p.what} | every field | refused by `peru-timeline check`: {message} |"
            )
            continue
        for group in GROUPS:
            fields = sorted(placed.get((p.id, group), ()))
            if not fields:
                continue
            found = seen.get((p.id, group), {})
            if found.get("ran"):
                saw = "**ran** on " + ", ".join(sorted(found["ran"]))
            elif found.get("live"):
                saw = "**live** " + "; ".join(sorted(found["live"]))
            elif found.get("text"):
                saw = "text only, on: " + ", ".join(sorted(found["text"]))
            else:
                saw = "not shown on any page visited"
            if found.get("links"):
                saw += "; links kept: " + ", ".join(f"`{h}`" for h in sorted(found["links"])[:2])
            if p.evaluated:
                evaluated = any(r in texts for r in p.evaluated)
                saw += "; **evaluated**" if evaluated else "; shown unevaluated"
            total = [name for group_of_place, name in PLACES.values() if group_of_place == group]
            where = f"all {len(total)} fields" if len(fields) == len(total) else ", ".join(fields)
            lines.append(f"| {p.what} | {group}: {where} | {saw} |")
    for n, (url, _) in enumerate(BAD_URLS):
        result = check_source_url(new_project(hostile.root.parent / f"url-{n}"), url)
        first = result.output.splitlines()[0].split(": ", 1)[1].split(" — ")[0]
        verdict = (
            f"refused by `peru-timeline check`: {first}" if result.exit_code else "**accepted**"
        )
        lines.append(f"| `{url!r}` | source `url` (inline and registry) | {verdict} |")
    return "\n".join(lines)


if __name__ == "__main__":  # build, visit and print the payload table for the closing note
    import tempfile

    from tests.support.hostile_browser import survey

    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        site = make_site(folder / "project")
        found = survey(site.site, site.items)
        print(table(site, found))
        ran = sum(len(v.ran) + len(v.dialogs) for v in found)
        print(
            f"\n{len(found)} page visits, {len(site.items)} payloads built; payloads that ran: {ran}"
        )
    finally:
        shutil.rmtree(folder)
    sys.exit(0)
