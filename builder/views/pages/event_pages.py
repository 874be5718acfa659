"""One page per event, at the permanent address made from its id.

Event pages are most of the site's pages (one per event and language), so they are written as
HTML (`event.html.j2`), not Markdown: the HTML Python-Markdown made of the Markdown form, without
its cost. The page keeps its front matter (title, description) before the HTML; the plugin
hands it to the theme as it is (`builder.adapter.prerendered`), so links are final addresses here.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify, unique
from markupsafe import Markup

from builder.record.model import Citation, Event, Record
from builder.text.markup import escape_html, href, plain_text, shorten
from builder.views import paths
from builder.views.memo import ViewMemo
from builder.views.output import OutputFile, front_matter
from builder.views.pages.facets import NO_FACETS, Facets
from builder.views.pages.locator_figure import locator_images
from builder.views.pages.rendering import PageContext, render_html
from builder.views.settings import SiteSettings

# The issue form (.github/ISSUE_TEMPLATE/) an event page's correction link opens.
CORRECTION_FORM = "correct-an-event.yml"


def event_files(
    record: Record, facets: Facets, settings: SiteSettings, memo: ViewMemo | None = None
) -> list[OutputFile]:
    """Every event's page, in record order; with a `memo`, a page whose inputs are those of the
    memo's last run is not made again."""
    memo = memo or ViewMemo()
    names = memo.names(record)
    settings = memo.same(f"settings {settings.lang}", settings)
    events = record.events
    files = []
    for n, event in enumerate(events):
        previous = events[n - 1] if n > 0 else None
        following = events[n + 1] if n + 1 < len(events) else None
        related = tuple(facets.related.get(event.id, ()))
        here = paths.event_page(event.id, settings.lang)
        args = (names, settings, event, previous, following, related)
        files.append(memo.made(here, event_page, *args))
    return files


def event_page(
    names: Record,
    settings: SiteSettings,
    event: Event,
    previous: Event | None,
    following: Event | None,
    related: tuple[Event, ...],
) -> OutputFile:
    """The page of `event`: facts (with a link to the timeline at its date), full text, sources,
    related events, citation, correction link. It reads only its arguments (`names`: the
    record's registries, without events), so a memo may key it on them."""
    here = paths.event_page(event.id, settings.lang)
    context = PageContext(names, NO_FACETS, settings, here)
    t = context.t
    locator = locator_images(context, [code for code in event.regions if code in names.regions])
    edit_url = settings.edit_url(event.path)
    form_url = settings.issue_form_url(
        CORRECTION_FORM,
        {"title": f"Correction: {event.id}", "event": event_address(context, event)},
    )
    sections = [("title", context.title(event)), ("sources", t["sources"])]
    sections += [("related", t["related"])] if related else []
    sections += [("cite", t["cite"])] + ([("correct", t["correct"])] if edit_url else [])
    keys, texts = zip(*sections, strict=True)
    ids = dict(zip(keys, heading_ids(list(texts)), strict=True))
    body = render_html(
        "event.html.j2",
        context,
        event=event,
        ids=ids,
        status_line=status_line(context, event),
        sources=[source_line(context, citation) for citation in event.sources],
        places=Markup(
            "; ".join(
                f"{escape_html(place.name)} ({escape_html(context.region_name(place.region))})"
                for place in event.places
            )
        ),
        related=related,
        previous=previous,
        next=following,
        locator=locator,
        # A final address (MkDocs checks no link of an HTML page): the timeline at this event.
        timeline_url=context.href(paths.timeline_index(settings.lang))
        + paths.timeline_query({"event": event.id}),
        citation=citation(context, event),
        edit_url=href(edit_url) if edit_url else None,
        form_url=href(form_url) if form_url else None,
    )
    description = shorten(plain_text(event.summary.get(settings.lang)), 200)
    return OutputFile(
        here, front_matter(title=context.title(event), description=description) + body, html=True
    )


def heading_ids(headings: list[str]) -> list[str]:
    """The ids of a page's headings, as the Markdown `toc` extension makes them (slugs made
    unique by `_1`, `_2`…), so the addresses of an event page's sections stay what they were."""
    used: set[str] = set()
    return [unique(slugify(" ".join(text.split()), "-"), used) for text in headings]


def status_line(context: PageContext, event: Event) -> Markup:
    """'Alleged: a claim by a party… Claimed by: X.', as HTML (the claimants linked)."""
    t = context.t
    label = (
        f'<span class="pcr-status pcr-status--{event.status}">'
        f"{escape_html(context.status(event))}</span>"
    )
    # The explanation is the same words on every event page of a status: kept out of the
    # search index, where it would make "independent" or "confirmed" find every one.
    explained = (
        f"<span data-search-exclude>{escape_html(t['status_explained'][event.status])}</span>"
    )
    if event.status == "alleged" and event.claimed_by:
        claimants = context.html_links("actors", event.claimed_by)
        return Markup(f"{label}: {explained} {escape_html(t['claimed_by'])}: {claimants}.")
    return Markup(f"{label}: {explained}")


def source_line(context: PageContext, citation: Citation) -> Markup:
    """One source as HTML: publisher, title (linked only to a known URL), author, date or
    date note, pinpoint, language when it differs from the page's, and who is speaking."""
    t, source = context.t, citation.source
    title = escape_html(source.title_in(context.lang))
    date_note, stance = source.date_note_in(context.lang), source.stance_in(context.lang)
    parts = [
        escape_html(source.publisher),
        f'<a href="{href(source.url)}">{title}</a>' if source.url else title,
    ]
    if source.author:
        parts.append(escape_html(t["by"].format(author=source.author)))
    if source.date:
        parts.append(
            f'<time datetime="{source.date.iso()}">{escape_html(context.date(source.date))}</time>'
        )
    elif not date_note:
        parts.append(escape_html(t["undated"]))
    if citation.pinpoint:
        parts.append(escape_html(t["pinpoint"].format(pinpoint=citation.pinpoint)))
    line = ", ".join(parts)
    if date_note:
        line += f" ({escape_html(date_note)})"
    if source.language != context.lang:
        line += f" ({escape_html(t['in_spanish'] if source.language == 'es' else t['in_english'])})"
    if stance:
        line += f'. <span class="pcr-stance">{escape_html(stance)}</span>'
    return Markup(line)


def event_address(context: PageContext, event: Event) -> str:
    """The event page's address: the published page's, in the offline copy too; without the
    site's address, its path from the site's root."""
    settings = context.settings
    page = paths.event_page(event.id, settings.lang)
    published = settings.absolute_url(paths.page_url(page, settings.published_directory_urls))
    return published or "/" + paths.page_url(page, settings.directory_urls)


def citation(context: PageContext, event: Event) -> str:
    """A plain-text reference: title, the record's name, the event id, its date and address."""
    settings = context.settings
    address = event_address(context, event)
    title = context.title(event)
    end = "" if title.endswith(("?", "!", ".")) else "."
    return (
        f"“{title}{end}” {settings.site_name}, {context.t['event_id'].lower()} {event.id} "
        f"({context.when(event)}). {address}"
    )
