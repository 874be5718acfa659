"""Event pages written from a skeleton the theme renders once per kind of page, not each whole.

The theme renders every page whole (head, header, sidebars, footer, scripts): for the thousands
of event pages, which sit outside the navigation, that render is the same page after page but
for a few values of the page's own. So the theme renders a *skeleton* once per language,
folder, table of contents and shape (`skeleton_key`): the first event page of its kind, with
each of its own values replaced by a marker. Every event page is then that skeleton with its
values put back where the markers were, the same bytes the theme would have written (the tests
compare the two, page for page).

The page's own values, as the theme and `templates/overrides/` write them: the title (head and
header), the description, the canonical address, the edit button's address, the content, the
skip link (the first heading's anchor) and the language switch's addresses. Each is written
as it is (no filter changes it), which the markers check: a marker the theme changed on its
way (escaped, cut) is not found whole, and the pages of that kind are rendered by the theme
as before. So are they when the theme reads more of the page than its slots and what is the
same for a kind (`_SAME_FOR_A_KIND`), and pages whose chrome depends on more (in the
navigation, front matter the theme reads beyond title and description). One thing no check
sees: a theme writing the page's own address as it is (not through the `url` filter).

MkDocs still renders each event page through a template (`SKELETON_TEMPLATE`, one line calling
`Skeletons.page`), so plugins' page hooks, the search index and the sitemap see every page.

Every page loses the theme's indentation after it is rendered (indentation.py), a pass over the
whole page. A page filled from a skeleton is filled without it instead: the skeleton's parts are
taken out of their indentation once, the page's own values each time, and `Skeletons.stripped`
tells the plugin the page needs no pass (unless the values join the parts where the pass would
have written something else: then the page is filled as it is and passed as ever).
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from builder.adapter.indentation import Piece, joined

log = logging.getLogger("mkdocs.plugins.peru-timeline")

# The template event pages name in their front matter: it writes the filled skeleton.
SKELETON_TEMPLATE = "pcr-skeleton-page.html"
# The theme's page template, which renders the skeleton (and pages no skeleton fits).
PAGE_TEMPLATE = "main.html"
# Front matter the theme reads per page that a skeleton puts back (title, description), or
# that its key holds (hide), or that no template reads (search).
_FRONT_MATTER = frozenset({"title", "description", "hide", "search"})
# What the theme may read of a page besides its slots' values, the same for every page of a
# kind: its address (the `url` filter makes others relative to its folder) and its place in
# the navigation (none). A theme that reads more gets no skeleton.
_SAME_FOR_A_KIND = frozenset(
    {"url", "previous_page", "next_page", "parent", "ancestors", "is_homepage", "active"}
)
# The record's text reaches a page only through its slots: the rest is the theme's and
# mkdocs.yml's, which hold no NUL (if they did, the skeleton would be refused, not wrong). The
# quote shows a marker the theme escaped (which the slot's value would then have to be too).
_MARKER = re.compile('\x00pcr-slot:([^\x00"]*)"\x00')
# The page's title is written as it is and without tags: a tag in its marker tells the two.
_TITLE_TAG = "<i></i>"


def _marker(name: str) -> str:
    return f'\x00pcr-slot:{name}"\x00'


@dataclass(frozen=True)
class Skeleton:
    """A rendered page cut at its slots: `parts` around `slots`, one more part than slots."""

    parts: tuple[str, ...]
    slots: tuple[str, ...]
    pieces: tuple[Piece, ...]  # the parts without their indentation

    @classmethod
    def cut(cls, rendered: str) -> Skeleton | None:
        """The skeleton of a page rendered with markers; None if a marker came out changed or
        an unknown one came out (its values cannot be put back as the theme would write them)."""
        pieces = _MARKER.split(rendered)
        parts, names = tuple(pieces[0::2]), tuple(pieces[1::2])
        if any("\x00" in part for part in parts) or not all(map(_known, names)):
            return None
        return cls(parts, names, tuple(map(Piece.of, parts)))

    def fill(self, values: dict[str, str]) -> str:
        """The page: the skeleton with `values` (one per slot name) in its slots."""
        out = [self.parts[0]]
        for name, part in zip(self.slots, self.parts[1:], strict=True):
            out += (values[name], part)
        return "".join(out)

    def fill_without_indentation(self, values: dict[str, str]) -> str | None:
        """The page as `fill` writes it, without its indentation (indentation.py); None where
        the values do not join the parts as the whole page's pass would have."""
        pieces = {name: Piece.of(value) for name, value in values.items()}
        out = [self.pieces[0]]
        for name, piece in zip(self.slots, self.pieces[1:], strict=True):
            out += (pieces[name], piece)
        return joined(out)


# Each slot's value, from the real page (and its languages, for the switch's addresses).
_SLOT_VALUES: dict[str, Callable[[Page, dict], str]] = {
    "meta-title": lambda page, language: page.meta["title"],
    "description": lambda page, language: page.meta["description"],
    "title" + _TITLE_TAG: lambda page, language: page.title,
    "title": lambda page, language: Markup(page.title).striptags(),
    "canonical": lambda page, language: page.canonical_url,
    "edit": lambda page, language: page.edit_url,
    "content": lambda page, language: page.content,
    "content<h1": lambda page, language: page.content,
    "skip": lambda page, language: next(iter(page.toc)).id,
}
_SWITCH = "switch-"


def _known(name: str) -> bool:
    return name in _SLOT_VALUES or name.startswith(_SWITCH)


def slot_value(name: str, page: Page, language: dict) -> str:
    """The value the theme writes in the slot `name` of `page`."""
    if name.startswith(_SWITCH):
        lang = name[len(_SWITCH) :]
        return next(other["href"] for other in language["others"] if other["lang"] == lang)
    return _SLOT_VALUES[name](page, language)


class Skeletons:
    """The skeletons of one build's event pages, and the template function that writes a page
    from one: `{{ pcr_skeleton_page() }}`. `enabled` False renders every event page with the
    theme (the tests compare the two); `filled` counts the pages written from a skeleton;
    `stripped` holds the pages (by source path) written without the theme's indentation."""

    def __init__(self) -> None:
        self.enabled = True
        self.skeletons: dict[tuple, Skeleton | None] = {}
        self.filled = 0
        self.stripped: set[str] = set()

    def reset(self) -> None:
        """Forget the last build's skeletons (a new build has a new theme environment)."""
        self.skeletons = {}
        self.filled = 0
        self.stripped = set()

    @pass_context
    def page(self, context: Context) -> str:
        """The page of `context`, from its skeleton; rendered whole by the theme when none fits."""
        values = context.get_all()
        page, language = values["page"], values["pcr_language"]
        template = context.environment.get_template(PAGE_TEMPLATE)
        if not fits(page, language):
            return template.render(values)
        key = skeleton_key(page, language)
        if key not in self.skeletons:
            marked = MarkedPage(page)
            rendered = template.render(
                {**values, "page": marked, "pcr_language": _marked(language)}
            )
            self.skeletons[key] = (
                Skeleton.cut(rendered) if marked.read <= _SAME_FOR_A_KIND else None
            )
            if self.skeletons[key] is None:
                log.info("The theme writes %s differently: its kind is rendered whole", page.url)
        skeleton = self.skeletons[key]
        if skeleton is None:
            return template.render(values)
        self.filled += 1
        values = {name: slot_value(name, page, language) for name in set(skeleton.slots)}
        stripped = skeleton.fill_without_indentation(values)
        if stripped is None:
            return skeleton.fill(values)
        self.stripped.add(page.file.src_uri)
        return stripped


def fits(page: Page, language: dict) -> bool:
    """Whether a skeleton can make the page: one outside the navigation, whose front matter
    the theme reads only for title and description, whose edit address the theme writes as it
    is (it rewrites GitHub's `/blob/` ones)."""
    in_nav = page.parent is not None or page.previous_page or page.next_page
    return (
        not in_nav
        and not page.is_homepage
        and page.meta.keys() <= _FRONT_MATTER
        and "/blob/" not in (page.edit_url or "")
    )


def skeleton_key(page: Page, language: dict) -> tuple:
    """What an event page's skeleton depends on: its language and folder (addresses are
    relative to it; no link of the theme's leads into a page's own folder), what it hides,
    its table of contents without its first heading (the page's title, whose anchor is a
    slot) and which of its own values it has."""
    folder = _folder(page.url)
    toc = list(page.toc)
    # The first heading's anchor is the skip link's slot; the theme's sidebar leaves out a
    # first level-1 heading (the page's title) and lists its children.
    contents = _toc_key(toc[1:])
    if toc:
        first = toc[0]
        title = first.title if first.level != 1 else None
        contents = ((first.level, title, _toc_key(first.children)), contents)
    shape = (
        tuple(sorted(page.meta.keys() & {"title", "description"})),
        bool(page.canonical_url),
        bool(page.edit_url),
        "<h1" in page.content,
        tuple(other["lang"] for other in language["others"]),
    )
    return (language["lang"], folder, repr(page.meta.get("hide")), contents, shape)


def _folder(url: str) -> tuple[str, bool]:
    """Where a page's relative addresses start, as far as the theme's links are concerned: a
    page that is its folder's own (`events/<id>/`, `timeline/2025/index.html`) links out of it
    as its siblings do; a page in a shared folder (`events/<id>.html`) as the others in it."""
    directory, _, name = url.rpartition("/")
    if name in ("", "index.html"):
        return directory.rpartition("/")[0], True
    return directory, False


def _toc_key(items) -> tuple:
    return tuple((item.level, item.id, item.title, _toc_key(item.children)) for item in items)


class MarkedPage:
    """The page as its skeleton's render sees it: its own values are markers, the rest its own;
    `read` lists the rest the render read."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self.read: set[str] = set()
        self.meta = {**page.meta}
        for key, name in (("title", "meta-title"), ("description", "description")):
            if key in self.meta:
                self.meta[key] = _marker(name)
        self.title = _marker("title" + _TITLE_TAG)
        self.canonical_url = _marker("canonical") if page.canonical_url else page.canonical_url
        self.edit_url = _marker("edit") if page.edit_url else page.edit_url
        self.content = _marker("content<h1" if "<h1" in page.content else "content")
        self.toc = _marked_toc(page.toc)

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self._page, name)


def _marked_toc(toc: TableOfContents) -> TableOfContents:
    """The table of contents with its first heading's anchor a marker (the skip link's)."""
    items = list(toc)
    if not items:
        return toc
    first = copy.copy(items[0])
    first.id = _marker("skip")
    return TableOfContents([first, *items[1:]])


def _marked(language: dict) -> dict:
    """The page's languages with the switch's addresses markers."""
    others = [{**other, "href": _marker(_SWITCH + other["lang"])} for other in language["others"]]
    return {**language, "others": others}
