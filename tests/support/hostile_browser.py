"""The hostile site in headless Chromium: every kind of page that shows record text, and what ran.

`survey(site_dir, items)` serves the built site on 127.0.0.1, opens each page with the marker
`window.__pwned` installed in every frame, types into the timeline filter and the search box,
opens every map popup and tooltip, and returns one `Visit` per page: the markers that ran, the
ones found live in the page (an `on*` or `style` attribute, a `javascript:`/`data:` address, a
script element), the ones shown as text, the links kept, and any dialog.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.browser import launch_chromium
from tests.support.hostile_site import MAP_NAME, MARKER_RE, WORD, Payload, event_id, region_of
from tests.support.server import serve_quietly

# What the page holds that could run or navigate: returned per frame, checked in Python.
_INSPECT = r"""() => {
  const MARK = /[a-z][a-z0-9-]*@[a-z]+/g;
  const marks = (s) => Array.from(String(s).matchAll(MARK), (m) => m[0]);
  const URLS = ["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href",
                "background", "poster", "content"];
  const SCHEME = /^[\s\u0000-\u001f\u200b]*(javascript|vbscript|data):/i;
  const live = [], links = [];
  for (const el of document.querySelectorAll("*")) {
    const tag = el.tagName.toLowerCase();
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase(), value = attr.value;
      const found = marks(value);
      let what = null;
      if (name.startsWith("on") && found.length) what = `<${tag} ${name}>`;
      else if (name === "style" && found.length) what = `<${tag} style>`;
      else if (name === "srcdoc" && found.length) what = `<${tag} srcdoc>`;
      else if (URLS.includes(name) && SCHEME.test(value) && (found.length || tag === "a"))
        what = `<${tag} ${name}="${value.slice(0, 24)}…">`;
      if (what) (found.length ? found : ["?@unknown"]).forEach((m) => live.push([m, what]));
      else if (tag === "a" && name === "href" && found.length)
        found.forEach((m) => links.push([m, el.href]));
    }
    if (tag === "script" && /^\s*(parent\.)?__pwned\(/.test(el.textContent))
      marks(el.textContent).forEach((m) => live.push([m, "<script> element"]));
  }
  const text = (document.body ? document.body.innerText : "") + "\n" + document.title;
  return {live, links, text};
}"""

# Every region and point of a Leaflet map: hovered (tooltip) and clicked (popup), one by one.
_MAP_POPUPS = r"""async () => {
  const seen = [];
  const shapes = Array.from(document.querySelectorAll(".leaflet-interactive"));
  for (const shape of shapes) {
    for (const type of ["mouseover", "mousemove", "click"]) {
      const box = shape.getBoundingClientRect();
      shape.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true,
        clientX: box.x + box.width / 2, clientY: box.y + box.height / 2}));
    }
    await new Promise((done) => setTimeout(done, 10));
    for (const node of document.querySelectorAll(".leaflet-popup-content, .leaflet-tooltip"))
      seen.push(node.innerText);
  }
  return {count: shapes.length, text: seen.join("\n")};
}"""


@dataclass
class Visit:
    """What the browser met on one page (or one step of a page)."""

    kind: str
    url: str
    ran: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    live: list[tuple[str, str]] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    text: str = ""
    shapes: int = 0

    def shown(self) -> set[str]:
        return {m.group(0) for m in re.finditer(MARKER_RE, self.text)}


def pages(items: list[Payload]) -> list[tuple[str, str]]:
    """(kind, address) of every page that shows the payloads' text."""
    out = [("home", ""), ("home (es)", "es/")]
    for n, p in enumerate(items):
        eid = event_id(n, p)
        out += [("event page", f"events/{eid}/"), ("event page (es)", f"es/events/{eid}/")]
        # In Spanish, the theme, actor and region names are read on the index pages below.
        out += [("theme page", f"themes/pwn-{p.id}/"), ("actor page", f"actors/pwn-{p.id}/")]
    for code in sorted({region_of(n).lower() for n in range(len(items))}):
        out.append(("region page", f"regions/{code}/"))
    for lang in ("", "es/"):
        suffix = " (es)" if lang else ""
        out += [
            (f"timeline period page{suffix}", f"{lang}timeline/{year}/")
            for year in sorted({event_id(n, p)[:4] for n, p in enumerate(items)})
        ]
        out += [
            (f"themes index{suffix}", f"{lang}themes/"),
            (f"regions index{suffix}", f"{lang}regions/"),
            (f"actors index{suffix}", f"{lang}actors/"),
            (f"presidents chart{suffix}", f"{lang}presidents/"),
            (f"maps index{suffix}", f"{lang}maps/"),
            (f"map page{suffix}", f"{lang}maps/{MAP_NAME}/"),
        ]
    return out


def survey(site_dir: Path, items: list[Payload]) -> list[Visit]:
    """Serve `site_dir` and visit it in Chromium; runs in a thread of its own, so it can sit
    beside the session's other Playwright instance (one sync instance per thread)."""
    result: dict = {}
    with serve_quietly(site_dir) as base:

        def run() -> None:
            try:
                result["visits"] = _survey(base, items)
            except BaseException as exc:  # re-raised in the caller's thread
                result["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        thread.join()
    if "error" in result:
        raise result["error"]
    return result["visits"]


def _survey(base: str, items: list[Payload]) -> list[Visit]:
    from playwright.sync_api import sync_playwright

    visits: list[Visit] = []
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        current: list[Visit] = []
        context.expose_function("__pwned", lambda marker: current[-1].ran.append(str(marker)))
        # Foreign requests are refused: a payload must not be able to load anything either.
        context.route(re.compile(r"^(?!http://127\.0\.0\.1:).*"), lambda route: route.abort())
        page = context.new_page()

        def on_dialog(dialog) -> None:
            current[-1].dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)

        page.set_default_timeout(30_000)

        def visit(kind: str, path: str, action=None) -> None:
            if os.environ.get("HOSTILE_PROGRESS"):
                print(kind, path, file=sys.stderr, flush=True)
            current.append(Visit(kind, base + path))
            page.goto(base + path, wait_until="load")
            if action is not None:
                action(current[-1])
            page.wait_for_timeout(50)  # let load-time handlers (onerror, autofocus) fire
            _inspect(page, current[-1])
            visits.append(current[-1])

        for kind, path in pages(items):
            visit(kind, path)
        for lang, suffix in (("", ""), ("es/", " (es)")):
            visit(f"timeline filter{suffix}", f"{lang}timeline/", _filter_timeline(page))
            visit(f"search results{suffix}", lang, _search(page))
            visit(f"map popups and tooltips{suffix}", f"{lang}maps/{MAP_NAME}/map.html",
                  _open_popups(page))  # fmt: skip
        context.close()
        browser.close()
    return visits


def _inspect(page, visit: Visit) -> None:
    # The site's own frames (the map in its page). A frame a payload made (srcdoc, javascript:,
    # data:) is not read: it can stall evaluation, and what runs in it reports through __pwned.
    for frame in page.frames:
        if not frame.url.startswith(visit.url.split("/", 3)[0] + "//"):
            continue
        try:
            found = frame.evaluate(_INSPECT)
        except Exception:  # a frame that navigated away meanwhile
            continue
        visit.live += [tuple(x) for x in found["live"]]
        visit.links += [tuple(x) for x in found["links"]]
        visit.text += found["text"] + "\n"


def _filter_timeline(page):
    def action(visit: Visit) -> None:
        page.wait_for_selector("#pcr-explorer[data-ready]", timeout=15_000)
        page.fill("#pcr-text", WORD)
        page.press("#pcr-text", "Enter")
        page.wait_for_selector("#pcr-list article", timeout=15_000)
        # Point at the first entry: the map outlines its regions and names them.
        page.hover("#pcr-list article")
        page.wait_for_timeout(100)

    return action


def _search(page):
    def action(visit: Visit) -> None:
        page.keyboard.press("/")
        page.keyboard.type(WORD)
        page.wait_for_selector(".md-search-result__link", timeout=30_000)
        # The theme shows a few results and folds the rest: unfold them all.
        for more in page.locator(".md-search-result__more summary").all():
            more.click()
        page.wait_for_timeout(100)

    return action


def _open_popups(page):
    def action(visit: Visit) -> None:
        page.wait_for_selector(".leaflet-interactive", timeout=15_000)
        found = page.evaluate(_MAP_POPUPS)
        visit.shapes = found["count"]
        visit.text += found["text"] + "\n"

    return action
