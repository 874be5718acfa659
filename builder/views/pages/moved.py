"""Pages at an event's earlier addresses: a renamed event file (its `formerly` names) keeps the
addresses readers have cited leading to its page.

Each is a small HTML file, not a theme page: it sends the browser on at once (a refresh, which
also works from disk in the offline copy), names the event's page as canonical for search
engines, and shows a link for a reader whose browser does not follow.
"""

from __future__ import annotations

from builder.record.model import Record
from builder.text.markup import escape_html
from builder.text.strings import strings
from builder.views import paths
from builder.views.output import OutputFile
from builder.views.pages.rendering import relative_url
from builder.views.settings import SiteSettings


def moved_files(record: Record, settings: SiteSettings) -> list[OutputFile]:
    """One page per earlier name of every event, in the language of `settings`."""
    files = []
    for event in record.events:
        target = paths.page_url(paths.event_page(event.id, settings.lang), settings.directory_urls)
        for name in event.formerly:
            old = paths.page_url(paths.event_page(name, settings.lang), settings.directory_urls)
            files.append(
                OutputFile(
                    _file_of(old), _page(event.title.get(settings.lang), old, target, settings)
                )
            )
    return files


def _file_of(url: str) -> str:
    """The file the site serves at `url` (a folder's index.html for a folder address)."""
    return url + "index.html" if url.endswith("/") else url


def _page(title: str, old: str, target: str, settings: SiteSettings) -> str:
    href = escape_html(relative_url(old, target))
    words = strings(settings.lang)
    canonical = settings.absolute_url(target)
    head_link = f'<link rel="canonical" href="{escape_html(canonical)}">' if canonical else ""
    return (
        f'<!doctype html>\n<html lang="{settings.lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape_html(title)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        f'<meta name="robots" content="noindex">\n{head_link}\n</head>\n<body>\n'
        f'<p>{escape_html(words["moved_page"])} <a href="{href}">{escape_html(title)}</a></p>\n'
        "</body>\n</html>\n"
    )
