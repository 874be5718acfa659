"""The MkDocs plugin `peru-timeline`: the record's generated pages, handed to MkDocs in memory.

This and `builder.adapter.prerendered` are the only modules that import MkDocs. It loads the record, asks
the views (`builder.views.pages`), the downloads (`builder.views.exports`), the presidents chart and the maps
for their files, and adds each as a generated MkDocs file: so `mkdocs build --strict` checks every
link between Markdown pages, search indexes them, and `mkdocs serve` rebuilds them when an event
changes. Event pages come as HTML with final links (tests check those links).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import get_navigation

from builder.adapter.build import OFFLINE_ENV
from builder.adapter.prerendered import BlockCache, PrerenderedPage, nav_key
from builder.record.load import load_record
from builder.record.model import LANGUAGES
from builder.record.problems import RecordError
from builder.text.strings import strings
from builder.views import pages as site
from builder.views import paths
from builder.views.output import OutputFile
from builder.views.pages.assets import OFFLINE_SCRIPT, SCRIPT, STYLESHEET
from builder.views.settings import DEFAULT_BROWSE_PAGE_SIZE, DEFAULT_PAGE_SIZE

log = logging.getLogger("mkdocs.plugins.peru-timeline")

# The Markdown features the generated pages are written with.
MARKDOWN_EXTENSIONS = ("attr_list", "def_list", "admonition", "md_in_html", "tables", "toc")
OVERRIDES = Path(__file__).parent.parent / "templates" / "overrides"
WATCHED = ("events", "maps")
# The theme's page settings: `"base": "../.."`, the site root relative to the page.
_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": )"([^"]*)"'
)
# The offline copy's address on the published site, beside its home page.
OFFLINE_COPY = "site.zip"
# Loads the theme's search index and worker on the reader's first search, not on every page
# (assets/search-on-demand.js); main.html puts it just before the theme's bundle.
SEARCH_SCRIPT = "assets/peru-timeline/search-on-demand.js"


class TimelinePluginConfig(Config):
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
    branch = c.Type(str, default="main")
    """The repository branch that 'suggest a correction' links edit."""
    page_size = c.Type(int, default=DEFAULT_PAGE_SIZE)
    """Events per timeline page: bounds every page's size whatever the record's."""
    browse_page_size = c.Type(int, default=DEFAULT_BROWSE_PAGE_SIZE)
    """Events per theme, region or actor page (one line each)."""
    search_event_text = c.Type(bool, default=True)
    """False keeps event summaries out of the search index, which the theme loads on a reader's
    first search (18 MB at 10,000 events); the timeline's word filter still searches them."""
    offline = c.Type(bool, default=False)
    """Build the copy read from disk (site.zip): pages link `.html` files, search and the
    timeline's data load without a server. Also set by the environment's PERU_TIMELINE_OFFLINE=1."""


class TimelinePlugin(BasePlugin[TimelinePluginConfig]):
    """Generates the timeline, event, browse and home pages, the downloads and the maps."""

    def __init__(self) -> None:
        self.root = Path(".")
        self.edit_urls: dict[str, str] = {}
        self.pages: set[str] = set()
        self.directory_urls = True
        self.navs: dict = {}
        self.prerendered: set[str] = set()
        self.nav_cache = BlockCache()
        self.offline = False
        self.published_directory_urls = True

    # Runs first, once the configuration is read: everything later hooks need is set up here,
    # and the theme must learn about our overrides before MkDocs builds its template loader.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve()
        for name in MARKDOWN_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        theme_dirs = config.theme.dirs
        # A site's own custom_dir (first) still overrides ours.
        position = 1 if config.theme.custom_dir else 0
        if str(OVERRIDES) not in theme_dirs:
            theme_dirs.insert(position, str(OVERRIDES))
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        # The sitemaps (templates/overrides/): the page list with each page's versions, and an
        # index beside each other language's feed, where the theme's script looks for one.
        config.theme.static_templates.add("sitemap-pages.xml")
        for lang in self.config.languages:
            if lang != "en":
                config.theme.static_templates.add(f"{paths.lang_prefix(lang)}sitemap.xml")
        self._offline_config(config)
        for option in ("site_names", "site_descriptions"):
            for lang in self.config[option]:
                if lang not in LANGUAGES:
                    raise PluginError(
                        f"mkdocs.yml: peru-timeline: {option} has the unknown language "
                        f"'{lang}' — use one of {', '.join(LANGUAGES)}"
                    )
        return config

    def _offline_config(self, config: MkDocsConfig) -> None:
        """The offline copy: links name `.html` files (a folder opened from disk lists its
        files, it does not open its index.html), and search runs without a web worker.

        The theme's own `offline` plugin does the same but loads its worker stand-in from
        unpkg.com: the site requests nothing from another host, so ours is in the copy."""
        self.offline = self.config.offline or os.environ.get(OFFLINE_ENV) == "1"
        self.published_directory_urls = config.use_directory_urls
        if not self.offline:
            return
        config.use_directory_urls = False
        polyfills = config.extra.get("polyfills") or []
        if OFFLINE_SCRIPT not in polyfills:
            config.extra["polyfills"] = [*polyfills, OFFLINE_SCRIPT]

    # Runs after MkDocs has collected the hand-written pages and before it builds the
    # navigation: generated files added here are linked, checked and indexed like any page.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        record = self._load_record()
        existing = {file.src_uri for file in files}
        outputs: list[OutputFile] = []
        self.edit_urls = {}
        self.prerendered = set()
        feeds: dict[str, str | None] = {}
        for lang in self.config.languages:
            lang_outputs = self._language_files(record, lang, existing, config)
            feeds[lang] = next((f.path for f in lang_outputs if f.path.endswith("feed.xml")), None)
            outputs += lang_outputs
        search = "material/search" in config.plugins
        if search:
            outputs.append(_search_script())
        config.extra["peru_timeline"] = {
            "feed": feeds.get("en"),
            "feeds": feeds,
            "search_script": SEARCH_SCRIPT if search else None,
        }
        self._add(files, outputs, config)
        self.pages = {file.src_uri for file in files if file.src_uri.endswith(".md")}
        self.directory_urls = config.use_directory_urls
        return files

    def _language_files(self, record, lang: str, existing: set[str], config) -> list[OutputFile]:
        """Every generated file of one language: pages, downloads and maps."""
        exports = self._exports(record, lang, config)
        maps = self._maps(record, lang, config)
        data_page = paths.data_page(lang)
        maps_page = f"{paths.lang_prefix(lang)}maps/index.md"
        feed = next((f.path for f in exports if f.path.endswith("feed.xml")), None)
        settings = site.SiteSettings(
            lang=lang,
            site_name=self._site_name(lang, config),
            site_url=config.site_url,
            repo_url=config.repo_url,
            branch=self.config.branch,
            directory_urls=config.use_directory_urls,
            page_size=self.config.page_size,
            browse_page_size=self.config.browse_page_size,
            search_event_text=self.config.search_event_text,
            region_locator=_optional("builder.views.maps.locator", "region_locator_svg"),
            presidents_chart=_optional("builder.views.presidents_chart", "presidents_chart_svg"),
            data_page=data_page if data_page in existing else None,
            maps_page=maps_page if any(f.path == maps_page for f in maps) else None,
            feed_path=feed,
            content_pages=frozenset(existing),
            offline=self.offline,
            published_directory_urls=self.published_directory_urls,
            boundaries_file=_boundaries_file(self.root),
        )
        for event in record.events:
            self.prerendered.add(paths.event_page(event.id, lang))  # written as HTML
            edit_url = settings.edit_url(event.path)
            if edit_url:
                self.edit_urls[paths.event_page(event.id, lang)] = edit_url
        return site.site_files(record, settings) + exports + maps

    # Runs once MkDocs has built the navigation from mkdocs.yml: the Spanish pages get the same
    # navigation with Spanish titles and Spanish pages, so a reader stays in one language.
    # Event pages, written as HTML (builder.adapter.prerendered), get pages that convert no Markdown.
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.navs = {}
        for path in sorted(self.prerendered):
            PrerenderedPage(None, files.get_file_from_path(path), config)
        if not config.nav:
            return nav
        english_nav = config.nav
        for lang in self.config.languages:
            if lang == "en":
                continue
            config.nav = _translated_nav(english_nav, lang, self.pages)
            # MkDocs reuses a file's page, made untitled when the English navigation left it
            # out: the translated navigation makes its own, titled as it says ("Inicio").
            prefix = paths.lang_prefix(lang)
            for file in files.documentation_pages():
                if file.src_uri.startswith(prefix) and file.src_uri not in self.prerendered:
                    file.page = None
            try:
                self.navs[lang] = get_navigation(files, config)
            finally:
                config.nav = english_nav
        return nav

    # Runs per page just before the theme renders it: the edit button of an event page opens
    # its YAML file, not a Markdown file that does not exist.
    def on_page_context(self, context, *, page, config, nav):
        edit_url = self.edit_urls.get(page.file.src_uri)
        if edit_url:
            page.edit_url = edit_url
        context["pcr_language"] = self._languages_of(page.file.src_uri)
        lang = context["pcr_language"]["lang"]
        translated_nav = self.navs.get(lang)
        if translated_nav is not None:
            context["nav"] = translated_nav
        if lang != "en":
            # The theme writes config's site name and description into the header and head, and
            # its logo leads to the navigation's home: here, the page's language's own.
            site_name = self._site_name(lang, config)
            description = self.config.site_descriptions.get(lang) or config.site_description
            home = paths.page_url(f"{paths.lang_prefix(lang)}index.md", config.use_directory_urls)
            context["config"] = _NamedConfig(
                config,
                site_name=site_name,
                site_description=description,
                extra={**config.extra, "homepage": home},
            )
        if isinstance(page, PrerenderedPage):  # main.html renders its sidebars once per key
            context["pcr_nav_key"] = nav_key(page, lang)
        context["pcr_offline_copy"] = self._offline_copy_link(lang, config)
        return context

    def _offline_copy_link(self, lang: str, config: MkDocsConfig) -> dict | None:
        """The footer's link to the offline copy: on the site, site.zip beside the home page
        (the publishing workflow puts it there); in the copy itself, the latest one online."""
        words = strings(lang)
        if not self.offline:
            return {"href": OFFLINE_COPY, "relative": True, "label": words["offline_copy"]}
        if not config.site_url:
            return None
        href = config.site_url.rstrip("/") + "/" + OFFLINE_COPY
        return {"href": href, "relative": False, "label": words["offline_copy_latest"]}

    # Runs once the theme has rendered a page (its <html lang> already the page's own, through
    # the language.html override): the theme's search reads the index found under its "base"
    # address, so a Spanish page's base is the Spanish tree.
    def on_post_page(self, output: str, *, page, config) -> str:
        lang = _language_of(page.file.src_uri, self.config.languages)
        if lang == "en":
            return output
        return _CONFIG_BASE.sub(
            lambda m: f'{m.group(1)}"{m.group(2).rstrip("/")}/{lang}/"', output, count=1
        )

    # Runs once MkDocs has made its template environment: the sitemap lists each page's versions;
    # main.html renders event pages' sidebars through the block cache.
    def on_env(self, env, *, config, files):
        env.globals["pcr_languages_of"] = self._languages_of
        self.nav_cache.blocks = {}
        env.globals["pcr_cached"] = self.nav_cache
        return env

    # Runs last, once the theme's search plugin has written its one index (and the theme's own
    # offline plugin, if a site enables it, its search_index.js): each language gets its own
    # (Spanish pages search Spanish pages, with Spanish stemming and stop words), as JSON and,
    # read from disk, as a script.
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        index_path = Path(config.site_dir) / "search" / "search_index.json"
        if not index_path.is_file():
            return
        as_script = self.offline or index_path.with_suffix(".js").is_file()
        if len(self.config.languages) < 2:
            if as_script:
                _write_script_index(index_path)
            return
        index = json.loads(index_path.read_text(encoding="utf-8"))
        by_language: dict[str, list] = {lang: [] for lang in self.config.languages}
        for doc in index["docs"]:
            lang = _language_of(doc["location"], self.config.languages)
            prefix = paths.lang_prefix(lang)
            by_language[lang].append({**doc, "location": doc["location"][len(prefix) :]})
        for lang, docs in by_language.items():
            target = (
                Path(config.site_dir) / paths.lang_prefix(lang) / "search" / "search_index.json"
            )
            target.parent.mkdir(parents=True, exist_ok=True)
            language_index = {"config": {**index["config"], "lang": [lang]}, "docs": docs}
            target.write_text(
                json.dumps(language_index, separators=(",", ":"), ensure_ascii=True),
                encoding="utf-8",
            )
            if as_script:
                _write_script_index(target)

    def _languages_of(self, src_uri: str) -> dict:
        """The page's language and the same page in every language that has it (for hreflang)."""
        lang = _language_of(src_uri, self.config.languages)
        base = src_uri[len(paths.lang_prefix(lang)) :]
        versions = {}
        for other in self.config.languages:
            path = paths.lang_prefix(other) + base
            if path in self.pages:
                versions[other] = paths.page_url(path, self.directory_urls)
        others = [
            {"lang": other, "url": url, **_switch_words(other)}
            for other, url in versions.items()
            if other != lang
        ]
        return {"lang": lang, "versions": versions, "others": others}

    # Runs when `mkdocs serve` starts: editing an event or a map definition rebuilds the site.
    def on_serve(self, server, *, config, builder):
        for folder in WATCHED:
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

    def _site_name(self, lang: str, config: MkDocsConfig) -> str:
        """The site's name in `lang`: the `site_names` option's, else mkdocs.yml's `site_name`."""
        return self.config.site_names.get(lang) or config.site_name

    def _load_record(self):
        try:
            record = load_record(self.root)
        except RecordError as error:
            raise _problems_error(f"the record under {self.root}", error) from None
        if record.warnings:
            # Warnings (a missing translation) must not stop a --strict build: info, not warning.
            log.info(
                "%d record warning(s); run peru-timeline check to list them", len(record.warnings)
            )
        return record

    def _exports(self, record, lang: str, config) -> list[OutputFile]:
        export_files = _optional("builder.views.exports", "export_files")
        return export_files(record, lang, config.site_url) if export_files else []

    def _maps(self, record, lang: str, config) -> list[OutputFile]:
        map_files = _optional("builder.views.maps.pages", "map_files")
        if map_files is None:
            return []
        try:
            return map_files(
                record,
                self.root,
                lang,
                site_url=config.site_url,
                site_name=self._site_name(lang, config),
                directory_urls=config.use_directory_urls,
            )
        except RecordError as error:  # a map definition is wrong
            raise _problems_error(
                f"the map definitions under {self.root / 'maps'}", error
            ) from None

    def _add(self, files: Files, outputs: list[OutputFile], config: MkDocsConfig) -> None:
        """Add every output as a generated file; a clash with another file is an error."""
        index_pages = set().union(*(_nav_pages(lang) for lang in self.config.languages))
        seen: set[str] = set()
        for output in outputs:
            if output.path in seen or files.get_file_from_path(output.path) is not None:
                raise PluginError(
                    f"'{output.path}' is generated by peru-timeline but already exists; "
                    "remove or rename the hand-written file"
                )
            seen.add(output.path)
            # Event and listing pages stay out of the navigation: a theme renders the whole
            # navigation into every page, so listing them all would make the build quadratic.
            in_nav = not output.is_page or output.path in index_pages
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(
                File.generated(config, output.path, content=output.content, inclusion=inclusion)
            )


class _NamedConfig:
    """The configuration as the templates of one page see it: the same, with the site's name and
    description in the page's language."""

    def __init__(self, config: MkDocsConfig, **overrides) -> None:
        self._config = config
        self._overrides = overrides

    def __getattr__(self, name: str):
        if name in self._overrides:
            return self._overrides[name]
        return getattr(self._config, name)

    def __getitem__(self, key: str):
        return self._overrides[key] if key in self._overrides else self._config[key]

    def __contains__(self, key: object) -> bool:
        return key in self._config

    def get(self, key: str, default=None):
        return self[key] if key in self._config else default


def _search_script() -> OutputFile:
    """The script that holds back the theme's search index and worker until the reader first
    reaches for search (assets/search-on-demand.js)."""
    source = Path(__file__).parent.parent / "assets" / "search-on-demand.js"
    return OutputFile(SEARCH_SCRIPT, source.read_text(encoding="utf-8"))


def _write_script_index(index_path: Path) -> None:
    """search_index.js beside a search index, for the offline copy: a page opened from disk
    cannot fetch the JSON, so the theme loads this script and reads its global `__index`."""
    text = index_path.read_text(encoding="utf-8")
    index_path.with_suffix(".js").write_text(f"var __index = {text};\n", encoding="utf-8")


def _problems_error(what: str, error: RecordError) -> PluginError:
    """A build error listing every problem as `path:line:column: what is wrong — how to fix it`."""
    errors = [p for p in error.problems if p.severity == "error"]
    listing = "\n".join(f"  {problem}" for problem in error.problems)
    return PluginError(
        f"{what} has {len(errors)} error(s); fix them (peru-timeline check lists them too):\n"
        f"{listing}"
    )


def _language_of(src_uri: str, languages) -> str:
    """The language of the page at `src_uri`: its first folder if that is a language, else English."""
    first = src_uri.split("/", 1)[0]
    return first if first in languages and first != "en" and "/" in src_uri else "en"


def _translated_nav(items: list, lang: str, pages: set[str]) -> list:
    """mkdocs.yml's navigation for `lang`: its titles translated, its pages in that language.

    A page without a version in `lang` is left out: its English page belongs to the English nav.
    """
    titles = strings(lang)["nav"]
    translated = []
    for item in items:
        if isinstance(item, dict):
            ((title, value),) = item.items()
            title = titles.get(title, title)
            if isinstance(value, list):
                translated.append({title: _translated_nav(value, lang, pages)})
            else:
                path = paths.lang_prefix(lang) + value
                if path in pages:
                    translated.append({title: path})
        else:
            path = paths.lang_prefix(lang) + item
            if path in pages:
                translated.append(path)
    return translated


def _switch_words(lang: str) -> dict[str, str]:
    """How the language switch names `lang`: in that language, as a reader of it looks for it."""
    words = strings(lang)
    return {"name": words["language_name"], "label": words["switch_language_label_to"]}


def _nav_pages(lang: str) -> set[str]:
    """The generated pages a site's navigation may list: home and the indexes."""
    return {
        paths.home(lang),
        paths.timeline_index(lang),
        paths.themes_index(lang),
        paths.regions_index(lang),
        paths.actors_index(lang),
        paths.presidents_page(lang),
        f"{paths.lang_prefix(lang)}maps/index.md",
    }


def _boundaries_file(root: Path) -> Path | None:
    """The project's region outlines, which the timeline's map draws, if it has them."""
    path = root / "maps" / "boundaries" / "peru-regions.geojson"
    return path if path.is_file() else None


def _optional(module: str, name: str):
    """`module.name` when another part of the project provides it, else None.

    Only a module that does not exist is optional: an error inside one that does is raised.
    """
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:  # the parent package is missing
        return None
    if spec is None:
        return None
    return getattr(importlib.import_module(module), name)
