"""The preview's notice of a broken record: while `peru-timeline serve` runs, a file with errors
does not stop the preview; every page of the last good site shows the problems on top, as the
checker writes them (`path:line:column: what is wrong — how to fix it`), until the files are
fixed and the page reloads by itself."""

from __future__ import annotations

import html
import re

_BODY = re.compile(r"<body\b[^>]*>")
_STYLE = (
    "position:sticky;top:0;z-index:10;margin:0;padding:.8rem 1rem;background:#fdecea;"
    "color:#611a15;border-bottom:3px solid #b3261e;font:14px/1.45 system-ui,sans-serif"
)


def with_problems(page: str, problems: list[str]) -> str:
    """`page` with a notice listing `problems` at the top of its body."""
    items = "".join(
        f'<li style="font-family:monospace;white-space:pre-wrap">{html.escape(p)}</li>'
        for p in problems
    )
    notice = (
        f'<div class="pcr-preview-problems" role="alert" style="{_STYLE}">'
        f"<strong>The site was not rebuilt: {len(problems)} problem(s) in the project's files."
        "</strong> This is the last good version. Fix the files and save: this page reloads by "
        f'itself.<ul style="margin:.4rem 0 0;padding-left:1.2rem">{items}</ul></div>'
    )
    match = _BODY.search(page)
    if match is None:
        return notice + page
    return page[: match.end()] + notice + page[match.end() :]
