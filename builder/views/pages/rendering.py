"""Templates to pages: the Jinja environments and the helpers every page template uses.

The few hand-shaped pages (home, the indexes, the timeline's explorer page) are Markdown (with a
little HTML), so autoescaping is off and record text passes through explicit filters: `md` for
inline text, `md_text` for summaries, `attr` for HTML. Event, period and browse pages, thousands
of them, are written as HTML directly (`*.html.j2`, autoescaped; the `text` filter renders
summaries): Python-Markdown would be most of the build's time.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import string

import jinja2
from markupsafe import Markup

from builder.record.model import LANGUAGES, Event, Record
from builder.text.dates import date_label, event_when, group_label
from builder.text.markup import (
    escape,
    escape_block,
    escape_html,
    plain_text,
    safe_url,
    shorten,
    text_html,
    text_markdown,
)
from builder.text.strings import plural, strings
from builder.views import paths
from builder.views.pages.facets import Facets
from builder.views.pages.listing import by_month, page_window
from builder.views.settings import SiteSettings


@functools.cache
def environment() -> jinja2.Environment:
    """One shared environment: templates compile once per process."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("builder", "templates"),
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape,
        md_block=escape_block,
        md_text=text_markdown,
        attr=lambda value: html.escape(str(value), quote=True),
        json=lambda value: json.dumps(value, ensure_ascii=False),
    )
    env.filters["safe_url"] = safe_url
    env.globals.update(plural=plural, by_month=by_month, page_window=page_window, paths=paths)
    return env


@functools.cache
def html_environment() -> jinja2.Environment:
    """The environment of the templates that write HTML: everything is escaped unless marked
    safe (`Markup`, what the context's `html_*` helpers return)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("builder", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["text"] = lambda value: Markup(text_html(value))
    env.globals.update(by_month=by_month, page_window=page_window, paths=paths)
    return env


class PageContext:
    """What a template may ask about the record, answered relative to the page being written.

    One is made per page (`here` is the page's docs path); labels and links come from here so
    templates stay free of lookups and path arithmetic.
    """

    def __init__(self, record: Record, facets: Facets, settings: SiteSettings, here: str):
        self.record = record
        self.facets = facets
        self.settings = settings
        self.lang = settings.lang
        self.here = here
        self.t = strings(settings.lang)

    def link(self, path: str) -> str:
        """A relative link from this page to the docs path `path`."""
        return paths.relative_link(self.here, path)

    def href(self, path: str) -> str:
        """The address of the docs path `path` relative to this page's, as the site publishes
        both (for HTML, which the site generator does not rewrite)."""
        directory_urls = self.settings.directory_urls
        return relative_url(
            paths.page_url(self.here, directory_urls), paths.page_url(path, directory_urls)
        )

    # --- dates ---------------------------------------------------------------------------
    def when(self, event: Event) -> str:
        return event_when(event, self.lang)

    def date(self, date) -> str:
        return date_label(date, self.lang)

    def group(self, year: int, month: int | None) -> str:
        return group_label(year, month, self.lang)

    # --- labels and addresses --------------------------------------------------------------
    def event_path(self, event: Event) -> str:
        return paths.event_page(event.id, self.lang)

    def title(self, event: Event) -> str:
        return event.title.get(self.lang)

    def short(self, event: Event) -> str:
        return shorten(plain_text(event.summary.get(self.lang)))

    def theme_name(self, theme_id: str) -> str:
        return self.record.themes[theme_id].name.get(self.lang)

    def theme_path(self, theme_id: str) -> str:
        return paths.theme_page(theme_id, self.lang)

    def region_name(self, code: str) -> str:
        if code in self.record.scopes:
            return self.record.scopes[code].name.get(self.lang)
        return self.record.regions[code].label(self.lang)

    def region_path(self, code: str) -> str:
        return paths.region_page(code, self.lang)

    def actor_name(self, actor_id: str) -> str:
        return self.record.actors[actor_id].label(self.lang)

    def actor_path(self, actor_id: str) -> str:
        return paths.actor_page(actor_id, self.lang)

    _kinds = {
        "themes": (theme_name, theme_path),
        "regions": (region_name, region_path),
        "actors": (actor_name, actor_path),
    }

    def links(self, kind: str, ids, separator: str = ", ") -> str:
        """Markdown links to the pages of themes, regions or actors (`kind`), joined."""
        name, path = self._kinds[kind]
        return separator.join(f"[{escape(name(self, i))}]({self.link(path(self, i))})" for i in ids)

    def event_link(self, event: Event) -> str:
        """A Markdown link to `event`'s page, labelled with its title (tagged lang=en when the
        title is English for want of a translation)."""
        link = f"[{escape(self.title(event))}]({self.link(self.event_path(event))})"
        return link + "{ lang=en }" if event.title.is_fallback(self.lang) else link

    def time(self, event: Event) -> str:
        """The event's date as an HTML `time` element (machine-readable start, readable text)."""
        return f'<time datetime="{event.date.iso()}">{escape(self.when(event))}</time>'

    def html_links(self, kind: str, ids, separator: str = ", ") -> Markup:
        """`links` as HTML."""
        name, path = self._kinds[kind]
        return Markup(
            separator.join(
                f'<a href="{self.href(path(self, i))}">{escape_html(name(self, i))}</a>'
                for i in ids
            )
        )

    def html_event_link(self, event: Event) -> Markup:
        """`event_link` as HTML."""
        lang = ' lang="en"' if event.title.is_fallback(self.lang) else ""
        return Markup(
            f'<a href="{self.href(self.event_path(event))}"{lang}>'
            f"{escape_html(self.title(event))}</a>"
        )

    def html_time(self, event: Event) -> Markup:
        """`time` as HTML."""
        return Markup(f'<time datetime="{event.date.iso()}">{escape_html(self.when(event))}</time>')

    def status(self, event: Event) -> str:
        return self.t["statuses"][event.status]

    def sentence(self, text: str, **links: tuple[str, str | None]) -> str:
        """`text` as Markdown with each `{name}` replaced by a link `(label, docs path)`.

        The words around the links are escaped; a link without a path becomes its plain label.
        """
        return _sentence(
            text, links, escape, lambda label, path: f"[{escape(label)}]({self.link(path)})"
        )

    def html_sentence(self, text: str, **links: tuple[str, str | None]) -> Markup:
        """`sentence` as HTML."""
        return Markup(
            _sentence(
                text,
                links,
                escape_html,
                lambda label, path: f'<a href="{self.href(path)}">{escape_html(label)}</a>',
            )
        )


def _sentence(text: str, links, escaped, linked) -> str:
    """`text` with each `{name}` replaced by `linked(label, path)` for its `(label, path)` in
    `links` (its `escaped` label without a path), and the words around them `escaped`."""
    out = []
    for literal, name, _spec, _conversion in string.Formatter().parse(text):
        out.append(escaped(literal))
        if name is None:
            continue
        label, path = links[name]
        out.append(linked(label, path) if path else escaped(label))
    return "".join(out)


def render(template: str, context: PageContext, **values) -> str:
    """The Markdown of one page: `template` rendered with the page's context as `p`."""
    return (
        environment()
        .get_template(template)
        .render(p=context, t=context.t, plural=_PLURALS[context.lang], **values)
    )


def render_html(template: str, context: PageContext, **values) -> str:
    """The HTML of one page: an HTML `template` rendered with the page's context as `p`."""
    return (
        html_environment()
        .get_template(template)
        .render(p=context, t=context.t, plural=_PLURALS[context.lang], **values)
    )


@functools.lru_cache(maxsize=65536)  # thousands of pages link the same few folders
def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page published at `from_url` to `to_url` (site-relative addresses, as
    `paths.page_url` makes them): `events/a/` to `themes/b/` is `../../themes/b/`."""
    base = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    if ".." in base or ".." in to_url:
        relative = posixpath.relpath("/" + to_url, "/" + base)
    else:  # relpath's steps without its normalising: it was a sixth of the views' time
        start, target = _segments(base), _segments(to_url)
        common = 0
        for here, there in zip(start, target, strict=False):
            if here != there:
                break
            common += 1
        relative = "/".join([".."] * (len(start) - common) + target[common:]) or "."
    return relative + "/" if to_url.endswith("/") else relative


def _segments(address: str) -> list[str]:
    """The folders and name of a site-relative address without `..`, as relpath reads it."""
    return [part for part in address.split("/") if part and part != "."]


# Counts in each language's conventions ('12,345 events', '12 345 hechos').
_PLURALS = {lang: functools.partial(plural, lang=lang) for lang in LANGUAGES}
