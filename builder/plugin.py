"""The MkDocs plugin `peru-timeline`: the record's generated pages, handed to MkDocs in memory.

This is the only module that imports MkDocs. It loads the record, asks the views
(`builder.site`), the downloads (`builder.exports`), the presidents chart and the maps for their
files, and adds each as a generated MkDocs file: so `mkdocs build --strict` checks every link
between pages, search indexes them, and `mkdocs serve` rebuilds them when an event changes.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from builder import site
from builder.model import LANGUAGES
from builder.output import OutputFile
from builder.problems import RecordError
from builder.record import load_record
from builder.site import paths
from builder.site.assets import SCRIPT, STYLESHEET
from builder.site.settings import DEFAULT_BROWSE_PAGE_SIZE, DEFAULT_PAGE_SIZE

log = logging.getLogger("mkdocs.plugins.peru-timeline")

# The Markdown features the generated pages are written with.
MARKDOWN_EXTENSIONS = ("attr_list", "def_list", "admonition", "md_in_html", "tables", "toc")
OVERRIDES = Path(__file__).parent / "templates" / "overrides"
WATCHED = ("events", "maps")


class TimelinePluginConfig(Config):
    root = c.Type(str, default=".")
    """The project folder holding events/ and maps/, relative to mkdocs.yml."""
    lang = c.Choice(LANGUAGES, default="en")
    branch = c.Type(str, default="main")
    """The repository branch that 'suggest a correction' links edit."""
    page_size = c.Type(int, default=DEFAULT_PAGE_SIZE)
    """Events per timeline page: bounds every page's size whatever the record's."""
    browse_page_size = c.Type(int, default=DEFAULT_BROWSE_PAGE_SIZE)
    """Events per theme, region or actor page (one line each)."""


class TimelinePlugin(BasePlugin[TimelinePluginConfig]):
    """Generates the timeline, event, browse and home pages, the downloads and the maps."""

    def __init__(self) -> None:
        self.root = Path(".")
        self.edit_urls: dict[str, str] = {}

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
        return config

    # Runs after MkDocs has collected the hand-written pages and before it builds the
    # navigation: generated files added here are linked, checked and indexed like any page.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        record = self._load_record()
        lang = self.config.lang
        outputs = self._exports(record, config)
        maps = self._maps(record, config)
        existing = {file.src_uri for file in files}
        data_page = paths.data_page(lang)
        maps_page = f"{paths.lang_prefix(lang)}maps/index.md"
        feed = next((f.path for f in outputs if f.path.endswith("feed.xml")), None)
        settings = site.SiteSettings(
            lang=lang,
            site_name=config.site_name,
            site_url=config.site_url,
            repo_url=config.repo_url,
            branch=self.config.branch,
            directory_urls=config.use_directory_urls,
            page_size=self.config.page_size,
            browse_page_size=self.config.browse_page_size,
            region_locator=_optional("builder.maps.locator", "region_locator_svg"),
            presidents_chart=_optional("builder.presidents_chart", "presidents_chart_svg"),
            data_page=data_page if data_page in existing else None,
            maps_page=maps_page if any(f.path == maps_page for f in maps) else None,
            feed_path=feed,
            content_pages=frozenset(existing),
        )
        outputs = site.site_files(record, settings) + outputs + maps
        config.extra["peru_timeline"] = {"feed": feed}
        self.edit_urls = {
            paths.event_page(event.id, lang): settings.edit_url(event.path)
            for event in record.events
            if settings.edit_url(event.path)
        }
        self._add(files, outputs, config)
        return files

    # Runs per page just before the theme renders it: the edit button of an event page opens
    # its YAML file, not a Markdown file that does not exist.
    def on_page_context(self, context, *, page, config, nav):
        edit_url = self.edit_urls.get(page.file.src_uri)
        if edit_url:
            page.edit_url = edit_url
        return context

    # Runs when `mkdocs serve` starts: editing an event or a map definition rebuilds the site.
    def on_serve(self, server, *, config, builder):
        for folder in WATCHED:
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server

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

    def _exports(self, record, config) -> list[OutputFile]:
        export_files = _optional("builder.exports", "export_files")
        return export_files(record, self.config.lang, config.site_url) if export_files else []

    def _maps(self, record, config) -> list[OutputFile]:
        map_files = _optional("builder.maps.pages", "map_files")
        if map_files is None:
            return []
        try:
            return map_files(
                record,
                self.root,
                self.config.lang,
                site_url=config.site_url,
                directory_urls=config.use_directory_urls,
            )
        except RecordError as error:  # a map definition is wrong
            raise _problems_error(
                f"the map definitions under {self.root / 'maps'}", error
            ) from None

    def _add(self, files: Files, outputs: list[OutputFile], config: MkDocsConfig) -> None:
        """Add every output as a generated file; a clash with another file is an error."""
        index_pages = _nav_pages(self.config.lang)
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


def _problems_error(what: str, error: RecordError) -> PluginError:
    """A build error listing every problem as `path:line:column: what is wrong — how to fix it`."""
    errors = [p for p in error.problems if p.severity == "error"]
    listing = "\n".join(f"  {problem}" for problem in error.problems)
    return PluginError(
        f"{what} has {len(errors)} error(s); fix them (peru-timeline check lists them too):\n"
        f"{listing}"
    )


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
