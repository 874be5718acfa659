"""`make audit`'s driver (tools/audit.py): which pages it picks from a built site, how it reads a
Lighthouse report, its table and exit status, and its server. Lighthouse itself never runs here:
`make audit` runs it; `lighthouse_report.json` is a real Lighthouse 12 report of the region page,
trimmed to the fields the driver reads, from before the fixes (it misses all four targets)."""

from __future__ import annotations

import gzip
import http.client
import json
from pathlib import Path

import pytest

from tools import audit

REPORT = Path(__file__).parent / "lighthouse_report.json"


def site_tree(root: Path, regions: list[str], maps_html: str) -> Path:
    """The few files of a built site that the driver reads to pick its pages."""
    (root / "timeline" / "data").mkdir(parents=True)
    rows = [["2026-02-18-older", "18 February 2026"], ["2026-03-01-newest", "1 March 2026"]]
    (root / "timeline" / "data" / "list-0.js").write_text(
        f'pcrExplorerLoad("list-0",{json.dumps(rows)});\n'
    )
    (root / "regions").mkdir()
    links = "".join(f'<a href="{code}/">{code}</a>' for code in regions)
    (root / "regions" / "index.html").write_text(f'<a href="../maps/">Maps</a>{links}')
    for code in regions:
        (root / "regions" / code).mkdir()
        (root / "regions" / code / "index.html").write_text(code)
    (root / "maps").mkdir()
    (root / "maps" / "index.html").write_text(maps_html)
    return root


MAPS = '<a href="../about/">About</a><a href="#maps">Maps</a><a href="ports/">Ports</a><a href="x/">X</a>'


def test_the_six_pages_are_both_homes_timeline_first_event_lima_and_first_map(tmp_path):
    site = site_tree(tmp_path / "site", ["pe-ama", "pe-lma"], MAPS)
    assert audit.pick_pages(site) == [
        ("home", ""),
        ("home (es)", "es/"),
        ("timeline", "timeline/"),
        ("event", "events/2026-03-01-newest/"),
        ("region", "regions/pe-lma/"),
        ("map", "maps/ports/"),
    ]


def test_without_metropolitan_lima_the_first_listed_region_is_audited(tmp_path):
    site = site_tree(tmp_path / "site", ["pe-cus", "pe-ama"], MAPS)
    assert dict(audit.pick_pages(site))["region"] == "regions/pe-cus/"


def test_a_site_without_maps_or_not_built_is_a_clear_error(tmp_path):
    site = site_tree(tmp_path / "site", ["pe-lma"], '<a href="../about/">About</a>')
    with pytest.raises(SystemExit, match="no map page linked"):
        audit.pick_pages(site)
    with pytest.raises(SystemExit, match="make build"):
        audit.pick_pages(tmp_path / "missing")


def test_a_report_gives_four_scores_and_the_audits_that_cost_points():
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    assert audit.scores(report) == {
        "performance": 94,
        "accessibility": 93,
        "best-practices": 96,
        "seo": 90,
    }
    found = {(f.category, f.id): f for f in audit.failures(report)}
    assert set(found) >= {
        ("performance", "total-blocking-time"),
        ("performance", "render-blocking-resources"),
        ("accessibility", "aria-dialog-name"),
        ("accessibility", "color-contrast"),
        ("best-practices", "errors-in-console"),
        ("seo", "hreflang"),
    }
    # Passing audits, metrics scored "good" and informative diagnostics are not listed.
    assert ("performance", "first-contentful-paint") not in found
    assert ("seo", "document-title") not in found
    assert all(f.category != "performance" or not f.id.endswith("-insight") for f in found.values())
    assert found["accessibility", "color-contrast"].where == (
        "footer.md-footer > div.md-footer-meta > div.md-footer-meta__inner > div.md-copyright",
    )
    assert (
        found["best-practices", "errors-in-console"]
        .where[0]
        .endswith("/regions/pe-lma/sitemap.xml")
    )


def test_the_text_shows_the_table_marks_misses_and_names_what_to_fix():
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    failing = audit.Result(
        "region", "regions/pe-lma/", audit.scores(report), audit.failures(report), 3
    )
    passing = audit.Result("home", "", dict.fromkeys(audit.CATEGORIES, 100), [], 1, "desktop")
    assert passing.misses() == []
    assert failing.misses() == ["performance", "accessibility", "best-practices", "seo"]
    text = audit.report_text([passing, failing])
    lines = text.splitlines()
    assert lines[0].split() == [
        *["page", "address", "device", "performance", "accessibility", "best", "practices"],
        *["SEO", "runs"],
    ]
    assert lines[1].split() == ["home", "/", "desktop", "100", "100", "100", "100", "1"]
    assert lines[2].split() == [
        *["region", "/regions/pe-lma/", "mobile", "94!", "93!", "96!", "90!", "3"]
    ]
    assert "median" in text
    assert (
        "region (/regions/pe-lma/, mobile) misses performance, accessibility, best-practices, seo:"
        in text
    )
    assert "[SEO] hreflang: Document doesn't have a valid `hreflang`" in text
    assert "home (/) misses" not in text


def test_a_page_that_misses_is_run_three_times_and_the_median_is_kept(monkeypatch, tmp_path):
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    performance = iter([0.80, 0.97, 0.91])

    def fake_lighthouse(url, output, device):
        report["categories"]["performance"]["score"] = next(performance)
        return report

    monkeypatch.setattr(audit, "lighthouse", fake_lighthouse)
    result = audit.audit_page("http://127.0.0.1:1/", "region", "regions/pe-lma/", 3, tmp_path)
    assert result.runs == 3
    assert result.scores["performance"] == 91
    assert "performance" in result.misses()


def test_a_page_that_meets_every_target_is_run_once(monkeypatch, tmp_path):
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    for category in report["categories"].values():
        category["score"] = 1
    calls = []
    monkeypatch.setattr(
        audit, "lighthouse", lambda url, output, device: calls.append((url, device)) or report
    )
    result = audit.audit_page("http://127.0.0.1:1/", "home (es)", "es/", 3, tmp_path, "desktop")
    assert (result.runs, calls, result.misses()) == (1, [("http://127.0.0.1:1/es/", "desktop")], [])
    assert result.device == "desktop"


def test_the_server_compresses_text_like_a_static_host(tmp_path):
    (tmp_path / "page").mkdir()
    html = "<p>" + "word " * 500 + "</p>"
    (tmp_path / "page" / "index.html").write_text(html)
    (tmp_path / "data.json.gz").write_bytes(gzip.compress(b'{"a": 1}'))
    with audit.serve(tmp_path) as base:
        host, port = base.removeprefix("http://").rstrip("/").split(":")

        def get(path: str) -> http.client.HTTPResponse:
            connection = http.client.HTTPConnection(host, int(port))
            connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
            return connection.getresponse()

        page = get("/page/")
        assert page.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(page.read()).decode() == html
        already = get("/data.json.gz")  # a gzip file is sent as it is
        assert already.getheader("Content-Encoding") is None
        assert gzip.decompress(already.read()) == b'{"a": 1}'
        redirect = get("/page")
        assert (redirect.status, redirect.getheader("Location")) == (301, "/page/")
        assert get("/nothing/").status == 404


def test_a_second_run_that_brings_the_median_to_the_target_ends_the_runs(monkeypatch, tmp_path):
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    for category in report["categories"].values():
        category["score"] = 1
    performance = iter([0.93, 0.99, 0.50])

    def fake_lighthouse(url, output, device):
        report["categories"]["performance"]["score"] = next(performance)
        return report

    monkeypatch.setattr(audit, "lighthouse", fake_lighthouse)
    result = audit.audit_page("http://127.0.0.1:1/", "home", "", 3, tmp_path)
    assert (result.runs, result.scores["performance"], result.misses()) == (2, 96, [])


@pytest.mark.parametrize(("device", "preset"), [("mobile", []), ("desktop", ["--preset=desktop"])])
def test_a_desktop_audit_takes_lighthouses_desktop_preset(monkeypatch, tmp_path, device, preset):
    report = json.loads(REPORT.read_text(encoding="utf-8"))
    commands = []

    def fake_run(command, **kwargs):
        commands.append(command)
        (tmp_path / "out.json").write_text(json.dumps(report), encoding="utf-8")
        return audit.subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(audit.subprocess, "run", fake_run)
    assert audit.lighthouse("http://127.0.0.1:1/", tmp_path / "out.json", device) == report
    assert [arg for arg in commands[0] if arg.startswith("--preset")] == preset
