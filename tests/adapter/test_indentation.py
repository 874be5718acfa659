"""The theme's indentation taken out of built pages, whitespace kept where it shows."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from builder.adapter.indentation import Piece, joined, without_indentation

PAGE = """<!doctype html>
<html>
  <head>
    <script>
      var a = 1
      var b = `two
        lines`
    </script>
    <style>
      p {  color: red  }
    </style>
  </head>
  <body>

    <nav   class="md-nav"
           aria-label="Navigation">
      <a href="x">
        <span class="md-ellipsis">

          Home

        </span>
      </a>
    </nav>
    <p>One  space  stays, <em>inline</em> <strong>words</strong> keep their spaces.</p>
<pre><code>def f():
    return  1

</code></pre>
    <p>Inline <code>a
      b</code> and <kbd>Ctrl
      C</kbd>.</p>
    <TEXTAREA>
  kept
    </TEXTAREA>
  </body>
</html>
"""


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.parts.append(f"<{tag} {sorted((k, ' '.join((v or '').split())) for k, v in attrs)}>")

    def handle_data(self, data):
        self.parts.append(" ".join(data.split()))


def _read(page: str) -> list[str]:
    parser = _Text()
    parser.feed(page)
    return [part for part in parser.parts if part]


def test_indentation_and_blank_lines_go():
    compact = without_indentation(PAGE)
    markup = compact.split("</style>")[1].split("<pre>")[0]
    assert "\n " not in markup and "\n\n" not in markup
    assert '<nav   class="md-nav"\naria-label="Navigation">' in compact
    assert '<span class="md-ellipsis">\nHome\n</span>' in compact
    assert len(compact) < 0.9 * len(PAGE)


def test_whitespace_that_shows_is_kept():
    compact = without_indentation(PAGE)
    assert "<pre><code>def f():\n    return  1\n\n</code></pre>" in compact
    assert "<code>a\n      b</code>" in compact and "<kbd>Ctrl\n      C</kbd>" in compact
    assert "<TEXTAREA>\n  kept\n    </TEXTAREA>" in compact
    assert "var b = `two\n        lines`" in compact and "p {  color: red  }" in compact
    assert "<p>One  space  stays, <em>inline</em> <strong>words</strong>" in compact


def test_a_reader_sees_the_same_elements_attributes_and_words():
    assert _read(without_indentation(PAGE)) == _read(PAGE)
    assert without_indentation(without_indentation(PAGE)) == without_indentation(PAGE)


# The rule as one regular expression (what the function did before it was made faster): each
# kept element whole, else spaces and tabs, a line break and all whitespace after it.
_RULE = re.compile(
    r"(<(pre|textarea|code|kbd|script|style)\b.*?</\2\s*>)|[ \t]*\n\s*",
    re.DOTALL | re.IGNORECASE,
)


def _by_the_rule(page: str) -> str:
    return _RULE.sub(lambda match: match.group(1) or "\n", page)


@pytest.mark.parametrize(
    "page",
    [
        PAGE,
        "a \t \n \n\t b",  # spaces and tabs before and after, blank lines
        "a\xa0 \nb",  # a no-break space before the break stays, the space goes
        "a \r\n b",  # a carriage return is not a space or tab: kept with what precedes it
        "a\n\xa0\u2003b",  # any whitespace after the break goes
        "x  \n<pre> \n </pre>  \n<CODE>\n</code >\t\ny",  # kept elements, any case
        "<script>\n  </script><pre>unclosed \n  end",  # an unclosed element is not kept
        "  \n",
        "",
    ],
)
def test_the_same_as_the_rule_written_as_one_expression(page):
    assert without_indentation(page) == _by_the_rule(page)


def test_the_same_as_the_rule_on_random_pieces_of_markup():
    pieces = [" ", "\t", "\n", "\r", "\xa0", "a", "<pre>", "</pre>", "<code>", "</CODE >", "<b>"]
    rng = random.Random(12)
    for _ in range(5000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert without_indentation(page) == _by_the_rule(page), repr(page)


def _pieces(*texts: str) -> str | None:
    return joined(Piece.of(text) for text in texts)


def test_pieces_join_to_what_the_whole_page_becomes():
    # Cut where a skeleton is cut: in an attribute, between elements, inside a kept element's
    # neighbour; each piece loses its indentation alone, the page is the same.
    cuts = [PAGE.index("aria-label") + 5, PAGE.index("Home"), PAGE.index("<pre>") - 2]
    texts = [PAGE[a:b] for a, b in zip([0, *cuts], [*cuts, len(PAGE)], strict=True)]
    assert _pieces(*texts) == without_indentation(PAGE)
    assert _pieces("<p>\n  a ", "", "\n  b</p>") is None  # an empty piece between: one run


@pytest.mark.parametrize(
    "texts",
    [
        ("a  ", "\n  b"),  # a run of whitespace across the cut: one line break, not two pieces
        ("<pre>\n  a", "\n  </pre>"),  # a kept element across the cut
        ("<pre>a</pre><code>\n", " x</code>"),  # one left open after a closed one
        ("x <pr", "e>\n  a</pre>"),  # an element's name cut
        ("x <", "code>\n  a</code>"),
    ],
)
def test_pieces_that_the_whole_page_s_pass_would_treat_otherwise_do_not_join(texts):
    assert _pieces(*texts) is None


def test_random_pieces_join_to_the_whole_page_s_pass_or_not_at_all():
    pieces = [
        " ",
        "\t",
        "\n",
        "\xa0",
        "a",
        "<",
        "pre",
        ">",
        "<pre>",
        "</pre>",
        "<code>",
        "</CODE >",
    ]
    rng = random.Random(7)
    joins = 0
    for _ in range(20000):
        texts = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(1, 4))
        ]
        page = _pieces(*texts)
        if page is not None:
            joins += 1
            assert page == without_indentation("".join(texts)), repr(texts)
    assert joins > 5000  # and the check is not so cautious that nothing joins
