"""One page per event, at the permanent address made from its id."""

from __future__ import annotations

from builder.model import Citation, Event, Record
from builder.output import OutputFile
from builder.site import paths
from builder.site.facets import Facets
from builder.site.markdown_text import escape, html_block, plain_text, safe_url, shorten
from builder.site.rendering import PageContext, front_matter, render
from builder.site.settings import SiteSettings


def event_files(record: Record, facets: Facets, settings: SiteSettings) -> list[OutputFile]:
    """Every event's page, in record order."""
    return [event_file(record, facets, settings, event) for event in record.events]


def event_file(record: Record, facets: Facets, settings: SiteSettings, event: Event) -> OutputFile:
    """The page of `event`: facts, full text, sources, related events, citation, correction link."""
    here = paths.event_page(event.id, settings.lang)
    context = PageContext(record, facets, settings, here)
    n = facets.position[event.id]
    previous = record.events[n - 1] if n > 0 else None
    following = record.events[n + 1] if n + 1 < len(record.events) else None
    locator = None
    mapped = [code for code in event.regions if code in record.regions]
    if settings.region_locator is not None and mapped:
        locator = html_block(settings.region_locator(mapped, settings.lang))
    body = render(
        "event.md.j2",
        context,
        event=event,
        status_line=status_line(context, event),
        sources=[source_line(context, citation) for citation in event.sources],
        places="; ".join(
            f"{escape(place.name)} ({escape(context.region_name(place.region))})"
            for place in event.places
        ),
        related=facets.related.get(event.id, []),
        previous=previous,
        next=following,
        locator=locator,
        citation=citation(context, event),
        edit_url=settings.edit_url(event.path),
    )
    description = shorten(plain_text(event.summary.get(settings.lang)), 200)
    return OutputFile(
        here, front_matter(title=context.title(event), description=description) + body
    )


def status_line(context: PageContext, event: Event) -> str:
    """'Alleged — claimed by [X](…): a claim by a party…', as Markdown."""
    t = context.t
    label = f'<span class="pcr-status pcr-status--{event.status}">{context.status(event)}</span>'
    explained = escape(t["status_explained"][event.status])
    if event.status == "alleged" and event.claimed_by:
        claimants = ", ".join(
            f"[{escape(context.actor_name(a))}]({context.link(context.actor_path(a))})"
            for a in event.claimed_by
        )
        return f"{label}: {explained} {escape(t['claimed_by'])}: {claimants}."
    return f"{label}: {explained}"


def source_line(context: PageContext, citation: Citation) -> str:
    """One source as Markdown: publisher, title (linked only to a known URL), author, date or
    date note, pinpoint, language when it differs from the page's, and who is speaking."""
    t, source = context.t, citation.source
    title = escape(source.title)
    parts = [
        escape(source.publisher),
        f"[{title}]({safe_url(source.url)})" if source.url else title,
    ]
    if source.author:
        parts.append(escape(t["by"].format(author=source.author)))
    if source.date:
        parts.append(
            f'<time datetime="{source.date.iso()}">{escape(context.date(source.date))}</time>'
        )
    elif not source.date_note:
        parts.append(escape(t["undated"]))
    if citation.pinpoint:
        parts.append(escape(t["pinpoint"].format(pinpoint=citation.pinpoint)))
    line = ", ".join(parts)
    if source.date_note:
        line += f" ({escape(source.date_note)})"
    if source.language != context.lang:
        line += f" ({escape(t['in_spanish'] if source.language == 'es' else t['in_english'])})"
    if source.stance:
        line += f'. <span class="pcr-stance">{escape(source.stance)}</span>'
    return line


def citation(context: PageContext, event: Event) -> str:
    """A plain-text reference: title, the record's name, the event id, its date and address."""
    settings = context.settings
    page = paths.event_page(event.id, settings.lang)
    # The address cited is the published page's, in the offline copy too.
    published = settings.absolute_url(paths.page_url(page, settings.published_directory_urls))
    address = published or "/" + paths.page_url(page, settings.directory_urls)
    title = context.title(event)
    end = "" if title.endswith(("?", "!", ".")) else "."
    return (
        f"“{title}{end}” {settings.site_name}, {context.t['event_id'].lower()} {event.id} "
        f"({context.when(event)}). {address}"
    )
