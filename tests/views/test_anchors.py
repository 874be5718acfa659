"""The `id` attributes of a page written as HTML, found as the regular expressions that say
what an id is would find them (builder/views/pages/anchors.py)."""

from __future__ import annotations

import random
import re

from builder.views.pages.anchors import ids, with_heading_ids

# What an id is, as a look-behind says it: the way that is tried at every position of a page.
_AFTER_NO_NAME = re.compile(r'(?<![\w-])id="([^"]*)"')
_AFTER_NO_WORD = re.compile(r'\bid="([^"]*)"')
_WORD = re.compile(r"\w")


def test_ids_are_what_the_look_behind_finds_on_random_markup():
    pieces = ['id="', "id=", '"', "i", "d", "x", "-", " ", "é", "_", "<h2 ", ">"]
    rng = random.Random(5)
    for _ in range(20000):
        page = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert ids(page) == _AFTER_NO_NAME.findall(page), repr(page)
        assert ids(page, not_after=_WORD) == _AFTER_NO_WORD.findall(page), repr(page)


def test_an_id_inside_a_refused_one_is_found():
    page = 'xid=" id="kept" data-id="no"'
    assert ids(page) == ["kept"]
    assert ids(page, not_after=_WORD) == ["kept", "no"]


def test_a_heading_gets_an_id_unique_against_every_id_of_the_page():
    page = '<p id="economy">x</p><h2>Economy</h2><h2 data-id="y">Economy</h2>'
    assert with_heading_ids(page) == (
        '<p id="economy">x</p><h2 id="economy_1">Economy</h2>'
        '<h2 data-id="y" id="economy_2">Economy</h2>'
    )
