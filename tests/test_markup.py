"""Event prose becomes safe HTML whatever a contributor writes."""

from __future__ import annotations

import html.parser

import pytest

from builder.markup import ALLOWED_TAGS, plain_text, prose_html

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](https://example.org/x.png)",
    '<svg onload="alert(1)"><circle r=1></svg>',
    '<iframe src="https://example.org"></iframe>',
    '<p style="background:url(javascript:alert(1))" onclick="alert(1)">x</p>',
    "<a href='&#106;avascript:alert(1)'>x</a>",
    '[x](https://example.org "title" onmouseover="alert(1)")',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<<script>script>alert(1)<</script>/script>",
    "＜script＞alert(1)＜/script＞",
]


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def parse(fragment: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    collector = _Collector()
    collector.feed(fragment)
    return collector.tags


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_leaves_only_allowed_markup(payload: str) -> None:
    out = prose_html(f"Before.\n\n{payload}\n\nAfter.")
    for tag, attrs in parse(out):
        assert tag in ALLOWED_TAGS, out
        for name, value in attrs:
            assert name in ("href", "rel"), out
            if name == "href":
                assert (
                    value.split(":", 1)[0].lower() in ("https", "http", "mailto")
                    or ":" not in value
                ), out
    assert "<script" not in out.lower()
    assert "alert(1)</script" not in out


def test_the_subset_renders() -> None:
    out = prose_html("One *two* **three**.\n\nA [link](https://example.org/a?b=1&c=2).")
    assert out == (
        "<p>One <em>two</em> <strong>three</strong>.</p>\n"
        '<p>A <a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">link</a>.</p>'
    )


def test_plain_text_escapes_everything() -> None:
    assert plain_text('<b a="1">&\'') == "&lt;b a=&quot;1&quot;&gt;&amp;&#x27;"
