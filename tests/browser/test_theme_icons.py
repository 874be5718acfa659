"""The theme's icons, drawn from one shared stylesheet rather than written into every page.

Every page used to carry eleven inline SVG icons (3.5 KB), the repository's Font Awesome icon
twice with its licence comment. Now each page has empty `<svg class="pcr-icon pcr-icon--…">`
elements (templates/overrides/partials/pcr-icon.html) that
`assets/peru-timeline/icons.css` paints through the icon as a mask. These tests check the files
(no icon drawing left in a page, a rule for every icon a page names, the licence kept) and, in
Debian's Chromium, that the icons are painted, in the colour of the text around them, and still
painted in forced colours, where a background would otherwise take the page's colour.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
playwright_api = pytest.importorskip("playwright.sync_api")

ICONS = "assets/peru-timeline/icons.css"
EVENT = "events/2026-06-07-presidential-runoff/"
ICON_CLASS = re.compile(r'<svg class="pcr-icon pcr-icon--([a-z]+)"></svg>')


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def test_no_page_draws_a_theme_icon_and_the_stylesheet_has_each_one_a_page_names(repo_site):
    css = (repo_site / ICONS).read_text(encoding="utf-8")
    named: set[str] = set()
    for page in html_pages(repo_site):
        html = page.read_text(encoding="utf-8")
        named.update(ICON_CLASS.findall(html))
        chrome = html.split('<div class="md-content"', 1)[0]  # header and sidebars
        assert "<path" not in chrome, page
        assert "Font Awesome" not in html, page
    assert named == {"logo", "menu", "search", "previous", "close", "repo", "edit", "top"}
    for role in named:
        assert re.search(rf"\.pcr-icon--{role}\{{aspect-ratio:\d+/\d+;--pcr-icon:url\(", css), role
    # Font Awesome's licence travels with its icon, readable in the stylesheet.
    assert "Font Awesome Free" in css and "https://fontawesome.com/license/free" in css


SHOWN = """element => {
  const box = element.getBoundingClientRect();
  return element.checkVisibility({opacityProperty: true, visibilityProperty: true})
    && box.width > 0 && box.left >= 0 && box.top >= 0
    && box.right <= innerWidth && box.bottom <= innerHeight;
}"""


def icons_painted(page) -> list[tuple[str, bool]]:
    """Each icon in view (the theme fades some in: the search box's clear button once there is a
    query, back to top once scrolled) and whether hiding it changes the pixels of its box."""
    found = []
    for icon in page.locator("svg.pcr-icon").all():
        if not icon.evaluate(SHOWN):
            continue
        box = icon.bounding_box()
        clip = {"x": box["x"], "y": box["y"], "width": box["width"], "height": box["height"]}
        shown = page.screenshot(clip=clip)
        icon.evaluate("element => { element.style.visibility = 'hidden' }")
        hidden = page.screenshot(clip=clip)
        icon.evaluate("element => { element.style.visibility = '' }")
        found.append((icon.get_attribute("class"), shown != hidden))
    return found


@pytest.mark.parametrize("lang", ["", "es/"])
def test_the_icons_are_painted_in_the_colour_of_their_text(chromium, repo_url, lang):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(repo_url + lang + EVENT)
    painted = icons_painted(page)
    assert {name.split("--")[1] for name, _ in painted} >= {"logo", "search", "repo", "edit"}
    assert all(shown for _, shown in painted), painted
    for icon in page.locator("svg.pcr-icon").all():
        colour, paint = icon.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
        )
        assert paint == colour
        assert icon.evaluate("e => getComputedStyle(e).maskImage").startswith('url("data:')
    # The theme's own rules still size them: 1.2rem, the logo as wide as its drawing.
    logo = page.locator(".md-header .pcr-icon--logo").bounding_box()
    assert logo["width"] == logo["height"] == 24
    context.close()


def test_the_drawer_and_the_phone_search_show_their_icons(chromium, repo_url):
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(repo_url + EVENT)
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)  # the drawer slides in
    painted = dict(icons_painted(page))
    assert painted.get("pcr-icon pcr-icon--logo") and painted.get("pcr-icon pcr-icon--repo")
    page.keyboard.press("Escape")
    page.goto(repo_url + EVENT)
    page.click("label.md-header__button[for=__search]")
    page.keyboard.type("Lima")
    page.wait_for_timeout(300)
    painted = dict(icons_painted(page))
    assert painted.get("pcr-icon pcr-icon--previous") and painted.get("pcr-icon pcr-icon--close")
    context.close()


def test_in_forced_colours_the_icons_take_the_system_colours(chromium, repo_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, forced_colors="active")
    page = context.new_page()
    page.goto(repo_url + EVENT)
    painted = icons_painted(page)
    assert painted and all(shown for _, shown in painted), painted
    edit = page.locator(".md-content__button .pcr-icon")
    link = page.locator(".md-content__button")
    assert edit.evaluate("e => getComputedStyle(e).backgroundColor") == link.evaluate(
        "e => getComputedStyle(e).color"
    )
    context.close()
