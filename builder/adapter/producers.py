"""The views the plugin publishes, as an explicit list of producers.

A producer takes one language's `Job` (the record, the project folder, the site's settings in that
language) and the files the producers before it made, and returns its own files. They run in the
order of `PRODUCERS`: the pages come last because they link the downloads and maps made before
them. A new view is a function here and a line in `PRODUCERS`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from builder.record.history import RecordHistory
from builder.record.model import Record
from builder.views import paths
from builder.views.exports import export_files
from builder.views.maps.locator import (
    locator_files,
    locator_label,
    locator_regions,
    locator_size,
)
from builder.views.maps.pages import map_files
from builder.views.maps.print_maps import Store
from builder.views.memo import ViewMemo
from builder.views.output import OutputFile
from builder.views.pages import site_files
from builder.views.presidents_chart import presidents_chart_html
from builder.views.settings import RegionLocator, SiteSettings


@dataclass(frozen=True)
class Job:
    """What every producer is given for one language of the site. `store` keeps drawn files
    between builds (the adapter's FileCache), or None to draw everything; `history` is the
    repository's (it orders the feed), or None where there is none; `memo` keeps the views'
    pages between a preview's rebuilds (builder/views/memo.py), or None to make every page."""

    record: Record
    root: Path
    settings: SiteSettings
    store: Store | None = None
    history: RecordHistory | None = None
    memo: ViewMemo | None = None


@dataclass(frozen=True)
class Producer:
    """One view of the site. `published` orders its files among the site's (the search index
    and the sitemap list pages in that order). A `RecordError` it raises is about its `inputs`,
    the files it reads beyond the record, in the project's `folder` (for the error message)."""

    name: str
    make: Callable[[Job, Sequence[OutputFile]], list[OutputFile]]
    published: int
    inputs: str = "record"
    folder: str = ""


def _downloads(job: Job, made: Sequence[OutputFile]) -> list[OutputFile]:
    settings = job.settings
    return export_files(job.record, settings.lang, settings.site_url, job.history, job.memo)


def _maps(job: Job, made: Sequence[OutputFile]) -> list[OutputFile]:
    settings = job.settings
    return map_files(
        job.record,
        job.root,
        settings.lang,
        site_url=settings.site_url,
        site_name=settings.site_name,
        directory_urls=settings.directory_urls,
        store=job.store,
    )


def _pages(job: Job, made: Sequence[OutputFile]) -> list[OutputFile]:
    lang = job.settings.lang
    made_paths = {file.path for file in made}
    data_page = paths.data_page(lang)
    maps_page = f"{paths.lang_prefix(lang)}maps/index.md"
    settings = dataclasses.replace(
        job.settings,
        region_locator=RegionLocator(locator_regions, locator_label, locator_size()),
        presidents_chart=presidents_chart_html,
        data_page=data_page if data_page in job.settings.content_pages else None,
        maps_page=maps_page if maps_page in made_paths else None,
        feed_path=feed_of(made),
        boundaries_file=_boundaries_file(job.root),
    )
    files = site_files(job.record, settings, job.memo)
    if lang == "en":  # the locators' drawings: one copy serves every language
        files += locator_files()
    return files


PAGES = Producer("pages", _pages, published=0)
DOWNLOADS = Producer("downloads", _downloads, published=1)
MAPS = Producer("maps", _maps, published=2, inputs="map definitions", folder="maps")
# In the order they run: the pages link what the others made.
PRODUCERS: tuple[Producer, ...] = (DOWNLOADS, MAPS, PAGES)


def feed_of(files: Sequence[OutputFile]) -> str | None:
    """The path of the news feed among `files`, if one was made."""
    return next((file.path for file in files if file.path.endswith("feed.xml")), None)


def _boundaries_file(root: Path) -> Path | None:
    """The project's region outlines, which the timeline's map draws, if it has them."""
    path = root / "maps" / "boundaries" / "peru-regions.geojson"
    return path if path.is_file() else None
