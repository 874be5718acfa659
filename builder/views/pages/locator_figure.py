"""The small map that locates an event's or a region's regions, as a page shows it: the site's
shared drawings (`paths.locator_image`) stacked, the base map carrying the text alternative."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from builder.text.markup import escape_html
from builder.views import paths
from builder.views.pages.rendering import PageContext


def locator_images(context: PageContext, codes: Sequence[str]) -> Markup | None:
    """The locator of `codes` for the page of `context`, or None when the site draws no
    locators or none of `codes` is a region on the map ('national', 'abroad')."""
    locator = context.settings.region_locator
    if locator is None:
        return None
    regions = locator.regions(codes)
    if not regions:
        return None
    width, height = locator.size
    label = escape_html(locator.label(regions, context.lang)).replace('"', "&quot;")
    images = [
        f'<img src="{context.href(paths.locator_image(None))}" alt="{label}" '
        f'width="{width}" height="{height}">'
    ]
    images += [f'<img src="{context.href(paths.locator_image(code))}" alt="">' for code in regions]
    return Markup(f'<span class="pcr-locator__map">{"".join(images)}</span>')
