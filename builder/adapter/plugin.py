"""The MkDocs plugin `peru-timeline`: the record's generated pages, handed to MkDocs in memory.

Only hooks live here; each hands its work to a module of this package: `config` (the options),
`producers` (the views, in order), `languages`, `search`, `offline` and `prerendered` (event
pages written as HTML). It loads the record, asks every producer for its files in every
language, and adds each as a generated MkDocs file: so `mkdocs build --strict` checks every link
between Markdown pages, search indexes them, and `mkdocs serve` rebuilds them when an event
changes. Event pages come as HTML with final links (tests check those links).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import get_navigation
from mkdocs.utils import normalize_url

from builder.adapter import (
    languages,
    offline,
    pagefind_index,
    pagefind_marks,
    previews,
    reuse,
    search,
    sitemap,
)
from builder.adapter.cache import FileCache, compiled_templates
from builder.adapter.config import RecordPluginConfig
from builder.adapter.forked import Forked, both, can_fork
from builder.adapter.heap import PreviewCollector
from builder.adapter.indentation import without_indentation
from builder.adapter.kept_anchors import PageAnchors, carried_over
from builder.adapter.prerendered import PrerenderedPage
from builder.adapter.producers import PRODUCERS, Job, Producer, feed_of
from builder.adapter.rebuilds import ChangedFiles
from builder.adapter.skeleton import SKELETON_TEMPLATE, Skeletons
from builder.adapter.watcher import use_system_events
from builder.record.history import RecordHistory, read_history
from builder.record.load import EventMemo, load_record
from builder.record.model import Record
from builder.record.problems import RecordError
from builder.text.strings import strings
from builder.views import paths
from builder.views.memo import ViewMemo
from builder.views.output import OutputFile
from builder.views.pages import rendering
from builder.views.pages.assets import SCRIPT, STYLESHEET
from builder.views.settings import SiteSettings

log = logging.getLogger("mkdocs.plugins.peru-timeline")

# The Markdown features the generated pages are written with.
MARKDOWN_EXTENSIONS = ("attr_list", "def_list", "admonition", "md_in_html", "tables", "toc")
OVERRIDES = Path(__file__).parent.parent / "templates" / "overrides"
WATCHED = ("events", "maps")
# The theme's icons, drawn from one stylesheet rather than written into every page
# (templates/overrides/assets/peru-timeline/icons.css, rendered once per build).
ICONS_STYLESHEET = "assets/peru-timeline/icons.css"


class RecordPlugin(BasePlugin[RecordPluginConfig]):
    """Generates the record's site: timeline, event, browse and home pages, downloads and maps."""

    def __init__(self, producers: tuple[Producer, ...] = PRODUCERS) -> None:
        self.producers = producers
        self.root = Path(".")
        self.edit_urls: dict[str, str] = {}
        self.pages: set[str] = set()
        self.directory_urls = True
        self.navs: dict = {}
        self.prerendered: set[str] = set()
        self.skeletons = Skeletons()
        self.offline = False
        self.pagefind = False  # the published site's search is Pagefind's (pagefind_index.py)
        self.indexer: pagefind_index.PagefindIndexer | None = None
        self.page_lists: list[str] = []  # the sitemap's, made in on_env (sitemap.py)
        self.published_directory_urls = True
        self.cache: FileCache | None = None
        self.templates = None  # Jinja's compiled templates, kept beside the cache
        # While serving, a broken record does not stop the preview: the last good record and
        # each producer's last good files are shown, under the problems (previews.py).
        self.serving = False
        self.last_record: Record | None = None
        self.memo = EventMemo()  # a preview's rebuild reads only the event files that changed
        self.views = ViewMemo()  # and makes again only the pages whose inputs changed
        self.last_made: dict[tuple[str, str], list[OutputFile]] = {}
        self.problems: list[str] = []
        # A preview's dirty rebuilds render only what an edit changed (rebuilds.py).
        self.changed: ChangedFiles | None = None
        self.collector: PreviewCollector | None = None  # a preview's collector passes (heap.py)
        self.search_index = search.PreviewIndex()  # a preview's, kept between rebuilds
        # A build after an edit to the record takes the unchanged files from the last (reuse.py).
        self.previous: reuse.PreviousSite | None = None
        self.page_order: list[str] = []
        self.documentation: Sequence[File] = []  # this build's pages, listed once (on_nav)
        # Each page's anchors, given back to the pages a rebuild does not render (kept_anchors.py).
        self.anchors: PageAnchors = {}

    # Runs once when MkDocs starts; its instance then lives across the preview's rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.changed = ChangedFiles() if self.serving and dirty else None
        self.collector = PreviewCollector() if self.changed is not None else None
        # `peru-timeline build` asks for a dirty build only to reuse its previous site.
        building_on = command == "build" and dirty
        self.previous = reuse.PreviousSite.from_environment() if building_on else None
        self.anchors = self.previous.anchors if self.previous is not None else {}

    # Runs first, once the configuration is read: everything later hooks need is set up here,
    # and the theme must learn about our overrides before MkDocs builds its template loader.
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.collector is not None:  # a preview's: no collector pass while an edit waits
            self.collector.build_begins()
        base = Path(config.config_file_path or ".").resolve().parent
        self.root = (base / self.config.root).resolve()
        self.cache = FileCache(self.root / self.config.cache_dir) if self.config.cache_dir else None
        if self.config.cache_dir:
            self.templates = compiled_templates(self.root / f"{self.config.cache_dir}-templates")
        for env in (rendering.environment(), rendering.html_environment()):
            env.bytecode_cache = self.templates
        for name in MARKDOWN_EXTENSIONS:
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
        theme_dirs = config.theme.dirs
        # A site's own custom_dir (first) still overrides ours.
        position = 1 if config.theme.custom_dir else 0
        if str(OVERRIDES) not in theme_dirs:
            theme_dirs.insert(position, str(OVERRIDES))
        for stylesheet in (ICONS_STYLESHEET, STYLESHEET):
            if stylesheet not in config.extra_css:
                config.extra_css.append(stylesheet)
        config.theme.static_templates.add(ICONS_STYLESHEET)
        if SCRIPT not in [str(script) for script in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        # The sitemap index (templates/overrides/) beside each other language's feed too, where
        # the theme's script looks for one; the page lists it names are sitemap.py's, and a
        # preview writes none (`on_env`): no search engine reads it there.
        for lang in self.config.languages:
            if lang != "en":
                config.theme.static_templates.add(f"{paths.lang_prefix(lang)}sitemap.xml")
        self.offline = offline.wants_offline(self.config.offline)
        self.published_directory_urls = config.use_directory_urls
        if self.offline:
            offline.configure_offline(config)
        self.pagefind = (
            pagefind_index.uses_pagefind(self.config.pagefind, self.offline, self.serving)
            and "material/search" in config.plugins
        )
        if self.pagefind:
            pagefind_index.skip_theme_page_indexing(config)
        problems = self.config.check_languages()
        if problems:
            raise PluginError(problems[0])
        return config

    # Runs after MkDocs has collected the hand-written pages and before it builds the
    # navigation: generated files added here are linked, checked and indexed like any page.
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.problems = []
        record = self._load_record()
        history = self._history()
        existing = frozenset(file.src_uri for file in files)
        outputs: list[OutputFile] = []
        self.edit_urls = {}
        self.prerendered = set()
        feeds: dict[str, str | None] = {}
        views = self.views if self.serving else None
        jobs = {
            lang: Job(
                record,
                self.root,
                self._settings(lang, existing, config),
                self.cache,
                history,
                views,
            )
            for lang in self.config.languages
        }
        made = self._made_per_language(jobs)
        for lang, job in jobs.items():
            settings, lang_outputs = job.settings, made[lang]
            feeds[lang] = feed_of(lang_outputs)
            outputs += lang_outputs
            self.prerendered.update(file.path for file in lang_outputs if file.html)
            for event in record.events:
                page = paths.event_page(event.id, lang)
                edit_url = settings.edit_url(event.path)
                if edit_url:
                    self.edit_urls[page] = edit_url
        if self.serving:
            log.debug(f"{self.views.made_again} page(s) or download piece(s) made again")
            self.views.settle()
        has_search = "material/search" in config.plugins
        if has_search:
            outputs += search.search_scripts(self.pagefind)
        config.extra["peru_timeline"] = {
            "feed": feeds.get("en"),
            "feeds": feeds,
            "search_script": search.SEARCH_SCRIPT if has_search else None,
            "pagefind": pagefind_index.SCRIPT if self.pagefind else None,
            "search_elsewhere_script": search.ELSEWHERE_SCRIPT if has_search else None,
            "not_found": [
                {
                    "lang": lang,
                    "home": paths.page_url(paths.home(lang), config.use_directory_urls),
                    **strings(lang)["not_found"],
                }
                for lang in self.config.languages
            ],
        }
        self._add(files, outputs, config)
        # MkDocs lists the pages anew at every call (43,000 files at 10,000 events): once here.
        documentation = files.documentation_pages()
        self._leave_translations_out_of_the_nav(documentation)
        if self.cache is not None:
            self.cache.prune()
        self.pages = {file.src_uri for file in files if file.src_uri.endswith(".md")}
        self.directory_urls = config.use_directory_urls
        if self.changed is not None:
            contents = {output.path: output.content for output in outputs}
            count = self.changed.mark(files, self.problems, Path(config.site_dir), contents)
            log.info(f"{count} generated file(s) to render or copy")
        if self.previous is not None:
            count = self.previous.mark(files, Path(config.site_dir))
            log.info(f"{count} file(s) to render or copy, the others from the previous site")
        self.page_order = reuse.page_addresses(documentation)
        reuse.write_digests(files)
        return files

    # Runs once MkDocs has built the navigation from mkdocs.yml: the other languages' pages get
    # the same navigation with their own titles and pages, so a reader stays in one language.
    # Pages written as HTML (event, timeline period and browse pages: builder.adapter.prerendered)
    # get pages that convert no Markdown.
    def on_nav(self, nav, *, config: MkDocsConfig, files: Files):
        self.navs = {}
        # The pages as MkDocs reads them (its exclusions applied), listed once for this hook
        # and `on_env`: MkDocs lists them anew at every call.
        self.documentation = files.documentation_pages()
        for path in sorted(self.prerendered):  # those in a navigation; the others have theirs
            file = files.get_file_from_path(path)
            if not isinstance(file.page, PrerenderedPage):
                PrerenderedPage(None, file, config)
        if not config.nav:
            return nav
        english_nav = config.nav
        for lang in self.config.languages:
            if lang == "en":
                continue
            config.nav = languages.translated_nav(english_nav, lang, self.pages)
            # MkDocs reuses a file's page, made untitled when the English navigation left it
            # out: the translated navigation makes its own, titled as it says ("Inicio").
            prefix = paths.lang_prefix(lang)
            for file in self.documentation:
                if file.src_uri.startswith(prefix) and file.src_uri not in self.prerendered:
                    file.page = None
            try:
                self.navs[lang] = get_navigation(files, config)
            finally:
                config.nav = english_nav
        return nav

    # Runs once MkDocs has made its template environment, with every page known: the sitemap's
    # page lists, each page with its versions, which the sitemap index names; event pages are
    # written from skeletons the theme renders once per kind (skeleton.py); the pages a rebuild
    # does not render get their anchors back (kept_anchors.py).
    def on_env(self, env, *, config, files):
        self.anchors = carried_over(files, self.documentation, self.anchors)
        reuse.write_anchors(self.anchors)
        env.bytecode_cache = self.templates  # before the theme loads its first template
        env.globals["pcr_languages_of"] = self._versions_of
        # A preview writes no page list: no search engine reads it, and at 10,000 events it was
        # half a second of every rebuild.
        self.page_lists = (
            []
            if self.serving
            else sitemap.page_lists(
                sitemap.site_entries(self.documentation, config.site_url or "", self._versions_of)
            )
        )
        env.globals["pcr_page_lists"] = sitemap.list_names(len(self.page_lists))
        self.skeletons.reset()
        env.globals["pcr_skeleton_page"] = self.skeletons.page
        if self.pagefind:  # Pagefind indexes each page as it is written, on the other core
            site_dir = Path(config.site_dir)
            self.indexer = pagefind_index.PagefindIndexer(site_dir, self.config.languages)
            self.indexer.expect(
                {
                    file.dest_uri: languages.language_of(file.src_uri, self.config.languages)
                    for file in self.documentation
                }
            )
        return env

    # Runs per page once its content is HTML, before MkDocs picks the page's template: an event
    # page's is the one that writes it from its skeleton.
    def on_page_content(self, html: str, *, page, config, files) -> str:
        if self.skeletons.enabled and isinstance(page, PrerenderedPage):
            page.meta.setdefault("template", SKELETON_TEMPLATE)
        return html

    # Runs per page just before the theme renders it: the edit button of an event page opens
    # its YAML file, not a Markdown file that does not exist; the page sees the site in its own
    # language.
    def on_page_context(self, context, *, page, config, nav):
        # MkDocs has picked the template: the page's front matter is again what its file says
        # (the theme writes some whitespace by whether a page has any front matter at all).
        if isinstance(page, PrerenderedPage) and page.meta.get("template") == SKELETON_TEMPLATE:
            del page.meta["template"]
        edit_url = self.edit_urls.get(page.file.src_uri)
        if edit_url:
            page.edit_url = edit_url
        language = self._versions_of(page.file.src_uri)
        # The switch's addresses, relative to the page (as the `url` filter makes them).
        for other in language["others"]:
            other["href"] = normalize_url(other["url"], page=page)
        context["pcr_language"] = language
        lang = language["lang"]
        translated_nav = self.navs.get(lang)
        if translated_nav is not None:
            context["nav"] = translated_nav
        if lang != "en":
            # The theme writes config's site name and description into the header and head, and
            # its logo leads to the navigation's home: here, the page's language's own.
            description = self.config.site_descriptions.get(lang) or config.site_description
            home = paths.page_url(f"{paths.lang_prefix(lang)}index.md", config.use_directory_urls)
            context["config"] = languages.LocalConfig(
                config,
                site_name=self._site_name(lang, config),
                site_description=description,
                copyright=self.config.copyrights.get(lang) or config.copyright,
                extra={**config.extra, "homepage": home},
            )
        context["pcr_made_with"] = strings(lang)["made_with"]
        context["pcr_offline_copy"] = offline.offline_copy_link(lang, self.offline, config.site_url)
        return context

    # Runs once the theme has rendered a page (its <html lang> already the page's own, through
    # the language.html override): its search reads its own language's index; on the published
    # site, Pagefind leaves out what the theme's index would, and Pagefind's indexer reads the
    # page as it is written; and it loses the theme's indentation (a sixth of its bytes:
    # indentation.py), unless its skeleton wrote it without (skeleton.py; the edits above change
    # no whitespace, so they are the same made before or after).
    def on_post_page(self, output: str, *, page, config) -> str:
        lang = languages.language_of(page.file.src_uri, self.config.languages)
        output = languages.with_search_base(output, lang)
        searchable = not (page.meta.get("search") or {}).get("exclude")
        if self.pagefind:  # Pagefind reads what the theme's index would have read
            templated = isinstance(page, PrerenderedPage)  # its template marked its sections
            output = pagefind_marks.marked(output, searchable, sections=not templated)
        if page.file.src_uri not in self.skeletons.stripped:
            output = without_indentation(output)
        if self.problems:
            output = previews.with_problems(output, self.problems)
        if self.indexer is not None:
            self.indexer.add(page.file.dest_uri, output if searchable else None)
        return output

    # Runs last, once the theme's search plugin has written its one index (and the theme's own
    # offline plugin, if a site enables it, its search_index.js): one index per language, whole
    # again after a preview's rebuild; on the published site, Pagefind's index, which has read
    # each page as it was written, of the whole site. The sitemap's page lists are written last.
    @event_priority(-110)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.changed is not None:  # a preview's rebuild indexed only the pages it rendered
            rendered = None if self.changed.everything else self.changed.rendered
            self.search_index.write(
                site_dir, self.config.languages, self.page_order, rendered, self.offline
            )
        else:
            if self.previous is not None:  # a build that took the other pages from the last
                self.previous.complete_search_index(
                    site_dir, self.page_order, self.config.languages
                )
            search.split_index(site_dir, self.config.languages, self.offline)
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.finish()
        sitemap.write_page_lists(site_dir, self.page_lists)
        self._build_ends()

    # Runs when a build fails: Pagefind's indexer stops with it; a preview's collector makes its
    # pass (heap.py).
    def on_build_error(self, *, error: Exception) -> None:
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.stop()
        self._build_ends()

    # Runs when MkDocs stops (a preview too): no collector pass is left waiting (heap.py).
    def on_shutdown(self) -> None:
        if self.collector is not None:
            self.collector.stop()

    def _build_ends(self) -> None:
        """This build's pages no longer held; a preview's collector pass once they are served."""
        self.documentation = []
        if self.collector is not None:
            self.collector.build_ends()

    # Runs when `mkdocs serve` starts: editing an event or a map definition rebuilds the site,
    # which hears of the edit from the system where it can, not by polling (watcher.py). Before
    # other plugins' `on_serve`, so that what they watch is watched by the observer that stays.
    @event_priority(100)
    def on_serve(self, server, *, config, builder):
        # What MkDocs may watch already: its docs, mkdocs.yml, the theme (`--watch-theme`).
        watched = [config.docs_dir, config.config_file_path, *config.theme.dirs]
        folders = [str(self.root / folder) for folder in WATCHED if (self.root / folder).is_dir()]
        use_system_events(server, [path for path in watched if path], folders)
        for folder in folders:
            server.watch(folder)
        return server

    def _versions_of(self, src_uri: str) -> dict:
        return languages.versions_of(
            src_uri, self.config.languages, self.pages, self.directory_urls
        )

    def _site_name(self, lang: str, config: MkDocsConfig) -> str:
        """The site's name in `lang`: the `site_names` option's, else mkdocs.yml's `site_name`."""
        return self.config.site_names.get(lang) or config.site_name

    def _settings(self, lang: str, existing: frozenset[str], config: MkDocsConfig) -> SiteSettings:
        """What the views know of the site in `lang`."""
        return SiteSettings(
            lang=lang,
            site_name=self._site_name(lang, config),
            site_url=config.site_url,
            repo_url=config.repo_url,
            branch=self.config.branch,
            directory_urls=config.use_directory_urls,
            page_size=self.config.page_size,
            browse_page_size=self.config.browse_page_size,
            search_event_text=self.config.search_event_text,
            content_pages=existing,
            offline=self.offline,
            published_directory_urls=self.published_directory_urls,
        )

    def _made_per_language(self, jobs: dict[str, Job]) -> dict[str, list[OutputFile]]:
        """Each language's files. On a build, the other languages' are made by child processes
        (forked.py) while this one makes the first's; a child that fails leaves its language
        to this process, which reports its errors as ever. A preview makes them here (its
        rebuilds keep each producer's last good files)."""
        first, *others = jobs
        parallel = not self.serving and can_fork()
        children = {lang: Forked(partial(self._produce, jobs[lang])) for lang in others if parallel}
        try:
            made = {first: self._produce(jobs[first])}
            for lang in others:
                child = children.pop(lang, None)
                files = child.result() if child else None
                made[lang] = files if files is not None else self._produce(jobs[lang])
        finally:  # the build failed: the children left are not needed
            for child in children.values():
                child.stop()
        return made

    def _produce(self, job: Job) -> list[OutputFile]:
        """Every producer's files for one language: made in the producers' order, listed in the
        order the site publishes them (search and the sitemap list pages in that order)."""
        made: dict[Producer, list[OutputFile]] = {}
        for producer in self.producers:
            earlier = [file for files in made.values() for file in files]
            key = (producer.name, job.settings.lang)
            try:
                made[producer] = producer.make(job, earlier)
            except RecordError as error:  # a map definition (or other input) is wrong
                where = self.root / producer.folder
                failure = _problems_error(f"the {producer.inputs} under {where}", error)
                if not self.serving or key not in self.last_made:
                    raise failure from None
                self._preview_despite(failure, error)
                made[producer] = self.last_made[key]
            self.last_made[key] = made[producer]
        ordered = sorted(made, key=lambda producer: producer.published)
        return [file for producer in ordered for file in made[producer]]

    def _load_record(self) -> Record:
        try:
            # A preview reads only the files that changed; a build reads half of a large
            # record's files in a forked child (forked.py), before anything else can start.
            memo, split = (self.memo, None) if self.serving else (None, both)
            record = load_record(self.root, memo=memo, both=split)
        except RecordError as error:
            failure = _problems_error(f"the record under {self.root}", error)
            if not self.serving or self.last_record is None:
                raise failure from None
            self._preview_despite(failure, error)
            return self.last_record
        if record.warnings:
            # Warnings (a missing translation) must not stop a --strict build: info, not warning.
            log.info(
                "%d record warning(s); run peru-timeline check to list them", len(record.warnings)
            )
        self.last_record = record
        return record

    def _history(self) -> RecordHistory:
        """The repository's history of events/, which orders the feed; said once per build
        when it is missing, since the feed then falls back to the order of event dates."""
        history = read_history(self.root)
        if not history.complete:
            log.info(
                "No usable git history (%s): the feed lists events by date, newest first",
                history.reason,
            )
        return history

    def _preview_despite(self, failure: PluginError, error: RecordError) -> None:
        """While serving: log the problems, and show them on every page of the last good site."""
        log.error("%s\nShowing the last good version until the files are fixed.", failure)
        self.problems += [str(problem) for problem in error.problems]

    def _leave_translations_out_of_the_nav(self, documentation: Sequence[File]) -> None:
        """Other languages' pages belong to their translated navigation (`on_nav`), not to
        mkdocs.yml's English one: MkDocs need not list them as missing from it."""
        prefixes = tuple(paths.lang_prefix(lang) for lang in self.config.languages if lang != "en")
        for file in documentation:
            if prefixes and file.src_uri.startswith(prefixes):
                file.inclusion = InclusionLevel.NOT_IN_NAV

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
            file = File.generated(config, output.path, content=output.content, inclusion=inclusion)
            files.append(file)
            if output.html and not in_nav:
                # Its page now: MkDocs' navigation would make each page outside it a Markdown
                # page first, for `on_nav` to replace (22,000 pages made twice at 10,000 events).
                PrerenderedPage(None, file, config)


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
