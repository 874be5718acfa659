"""The plugin's options in mkdocs.yml (`plugins: - peru-timeline: ...`)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from builder.record.model import LANGUAGES
from builder.views.settings import DEFAULT_BROWSE_PAGE_SIZE, DEFAULT_PAGE_SIZE


class RecordPluginConfig(Config):
    root = c.Type(str, default=".")
    """The project folder holding events/ and maps/, relative to mkdocs.yml."""
    languages = c.ListOfItems(c.Choice(LANGUAGES), default=list(LANGUAGES))
    """The languages of the site: English at the root, every other under `<lang>/`."""
    site_names = c.DictOfItems(c.Type(str), default={})
    """The site's name in other languages (`es: Registro de la crisis del Perú`); a language
    without one uses mkdocs.yml's `site_name`."""
    site_descriptions = c.DictOfItems(c.Type(str), default={})
    """The site's description in other languages, for the pages that have none of their own
    (`<meta name="description">`); a language without one uses `site_description`."""
    copyrights = c.DictOfItems(c.Type(str), default={})
    """The footer's notice (mkdocs.yml's `copyright`) in other languages; a language without one
    shows mkdocs.yml's."""
    branch = c.Type(str, default="main")
    """The repository branch that 'suggest a correction' links edit."""
    page_size = c.Type(int, default=DEFAULT_PAGE_SIZE)
    """Events per timeline page: bounds every page's size whatever the record's."""
    browse_page_size = c.Type(int, default=DEFAULT_BROWSE_PAGE_SIZE)
    """Events per theme, region or actor page (one line each)."""
    search_event_text = c.Type(bool, default=True)
    """False keeps event summaries out of the search index, which the theme loads on a reader's
    first search (18 MB at 10,000 events); the timeline's word filter still searches them."""
    pagefind = c.Type(bool, default=True)
    """Search the published site with Pagefind's index, fetched in chunks by the words searched
    (builder/adapter/pagefind_index.py), behind the theme's search box; False keeps the theme's
    own index, which a reader downloads whole. The offline copy and `serve` always keep it."""
    cache_dir = c.Type(str, default=".cache/peru-timeline")
    """Where drawn print maps are kept between builds, relative to `root` (content-keyed: a
    rebuild redraws only the maps whose data, words or code changed), and beside it, in
    `<cache_dir>-templates`, Jinja's compiled templates; "" draws every map and compiles every
    template."""
    offline = c.Type(bool, default=False)
    """Build the copy read from disk (site.zip): pages link `.html` files, search and the
    timeline's data load without a server. Also set by the environment's PERU_TIMELINE_OFFLINE=1."""

    def check_languages(self) -> list[str]:
        """Problems with the per-language options: a language the site does not know."""
        return [
            f"mkdocs.yml: peru-timeline: {option} has the unknown language '{lang}' — use one "
            f"of {', '.join(LANGUAGES)}"
            for option in ("site_names", "site_descriptions", "copyrights")
            for lang in self[option]
            if lang not in LANGUAGES
        ]
