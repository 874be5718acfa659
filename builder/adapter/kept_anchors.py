"""Links to anchors checked as a clean build checks them, in builds that render only some pages.

MkDocs checks a link to `page.md#anchor` only when it rendered both pages in the same build: a page
it did not render has no anchors and no links (`Page.validate_anchor_links` skips it). A preview's
rebuild (rebuilds.py) and a reused build (reuse.py) render only the pages an edit changed, so a
page they left as it was could keep a link to a heading the edit removed from another page, and
the build would pass where a clean build fails. `carried_over` keeps each page's anchors and its
links to anchors from the build that rendered it, and gives them back to the pages a build does
not render, so that MkDocs checks every link against every page as a clean build does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mkdocs.structure.files import File, Files

# By page (its src_uri): its anchors, and its links to anchors by the page they point into
# ({target src_uri: {anchor: the link as written}}).
PageAnchors = dict[str, tuple[set[str], dict[str, dict[str, str]]]]


def carried_over(files: Files, documentation: Iterable[File], earlier: PageAnchors) -> PageAnchors:
    """Every documentation page's (`documentation`: `files.documentation_pages()`) anchors and
    links to anchors: a page rendered in this build
    gives its own; one it did not render gets back `earlier`'s (the build that rendered it).
    Call once every page has been read and rendered (MkDocs' `on_env`), before MkDocs checks
    the links."""
    kept: PageAnchors = {}
    for file in documentation:
        page = file.page
        if page is None:
            continue
        if page.present_anchor_ids is not None:  # rendered in this build
            links = {
                target.src_uri: dict(anchors)
                for target, anchors in (page.links_to_anchors or {}).items()
            }
            kept[file.src_uri] = (page.present_anchor_ids, links)
            continue
        last = earlier.get(file.src_uri)
        if last is None:
            continue
        ids, links = last
        page.present_anchor_ids = ids
        if links:  # most pages link to no anchor of another page
            page.links_to_anchors = {
                target: dict(anchors)
                for target_uri, anchors in links.items()
                if (target := files.get_file_from_path(target_uri)) is not None
            }
        kept[file.src_uri] = last
    return kept


def as_data(anchors: PageAnchors) -> dict[str, list]:
    """`anchors` as JSON data (an `id` without a value, None to MkDocs, names no anchor)."""
    return {
        page: [sorted(anchor for anchor in ids if anchor is not None), links]
        for page, (ids, links) in anchors.items()
    }


def from_data(data: Mapping[str, list]) -> PageAnchors:
    """The anchors `as_data` wrote."""
    return {page: (set(ids), links) for page, (ids, links) in data.items()}
