"""The checker on real files: every bad input is refused with its exact message."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from builder.record.load import load_record
from builder.record.problems import RecordError
from tests.support.project import VALID_EVENT, VALID_NAME, Project

# (case, file name, file text, the exact message). Each row is one test; the closing note's
# table of bad inputs is printed from this list (`python tests/test_check.py`).
BAD_INPUTS = [
    (
        "YAML syntax error",
        VALID_NAME,
        VALID_EVENT.replace("title: Congress", "title: Congress: elects"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:2:16: line 2 has a ': ' inside a value, which YAML reads as a new field — put the whole value in double quotes",
    ),
    (
        "field name without its colon (reported on its own line, not the next)",
        VALID_NAME,
        VALID_EVENT.replace("status: verified", "status verified"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:1: line 16 has no ':' after its field name — write 'name: value', with a colon and a space",
    ),
    (
        "field indented under es:",
        VALID_NAME,
        VALID_EVENT.replace("\nthemes:", "\n  themes:"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:11:3: 'themes' is indented under 'es:', so it reads as part of it — start 'themes:' at the beginning of its line, as 'es:' starts",
    ),
    (
        "Spanish field indented too little",
        VALID_NAME,
        VALID_EVENT.replace("  summary: >-\n    El", " summary: >-\n    El"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:8:1: line 8 starts with 1 space, but the fields of its group (from line 1) start with no space — start line 8 with no space as they do, or quote the text if it belongs to the value above",
    ),
    (
        "field indented deeper than the one before",
        VALID_NAME,
        VALID_EVENT.replace("\nstatus: verified", "\n  status: verified"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:1: line 16 starts with 2 spaces, but the fields of its group (from line 1) start with no space — start line 16 with no space as they do, or quote the text if it belongs to the value above",
    ),
    (
        "field indented deeper than a text field before it",
        VALID_NAME,
        VALID_EVENT.replace("\nthemes:", "\nnote: Sources agree\n  themes:"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:12:1: line 12 starts with 2 spaces, more than the field on line 11 (no space) — indent 'themes:' as line 11 is, or quote the text if it belongs to the value above",
    ),
    (
        "tab used for indentation",
        VALID_NAME,
        VALID_EVENT.replace("  title: El Congreso", "\ttitle: El Congreso"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:7:1: line 7 is indented with a tab; YAML indents with spaces only — replace the tab with spaces (two per level, as the lines around it)",
    ),
    (
        "tab inside a quoted title",
        VALID_NAME,
        VALID_EVENT.replace(
            "title: Congress elects José María Balcázar and installs him as interim president",
            'title: "Congress elects\tJosé María Balcázar"',
        ),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:2:8: 'title' contains a tab character — replace the tab with a space",
    ),
    (
        "list not closed",
        VALID_NAME,
        VALID_EVENT.replace("[presidential-succession]", "[presidential-succession"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:11:9: the '[' opened on line 11 is not closed before line 12 — close it with ']' on line 11, and separate the items with ', '",
    ),
    (
        "quote not closed",
        VALID_NAME,
        VALID_EVENT.replace("status: verified", 'status: "verified'),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:9: the quoted text that starts on line 16 has no closing quote — close the quote on the same line",
    ),
    (
        "duplicate key",
        VALID_NAME,
        VALID_EVENT + "date: 2026-02-19\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:19:1: duplicate key 'date' (first written on line 1) — keep one of the two; YAML would silently drop the first",
    ),
    (
        "anchor",
        VALID_NAME,
        VALID_EVENT.replace("themes: [", "themes: &t ["),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:11:9: anchor '&t' is not allowed — remove the anchor and write values out in full",
    ),
    (
        "alias (billion laughs)",
        VALID_NAME,
        "a: &a [x, x]\nb: [*a, *a]\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:4: anchor '&a' is not allowed — remove the anchor and write values out in full",
    ),
    (
        "custom tag",
        VALID_NAME,
        VALID_EVENT.replace("status: verified", "status: !!python/object/apply:os.system [ls]"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:9: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed — remove the tag; write plain values",
    ),
    (
        "not UTF-8",
        VALID_NAME,
        VALID_EVENT.replace("José", "Jos\udce9").encode("utf-8", "surrogateescape"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:2:27: file is not UTF-8 (byte 0xe9) — save the file as UTF-8 in your editor",
    ),
    (
        "empty file",
        VALID_NAME,
        "\n  \n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: file is empty — fill in the event (see events/README.md)",
    ),
    (
        "not a mapping",
        VALID_NAME,
        "- date: 2026-02-18\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: top level is not a mapping of fields — start the file with fields such as 'date: 2026-06-07'",
    ),
    (
        "over the size limit",
        VALID_NAME,
        VALID_EVENT + "note: " + "x" * 70_000 + "\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: file is 70,729 bytes, over the 65,536-byte limit — split it into several events or shorten the summary",
    ),
    (
        "two documents",
        VALID_NAME,
        VALID_EVENT + "---\ndate: 2026\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:19:1: file holds more than one YAML document — keep one event per file and remove '---'",
    ),
    (
        "impossible date",
        "events/2026/2026-02-30-congress-installs-balcazar.yml",
        VALID_EVENT.replace("date: 2026-02-18", "date: 2026-02-30"),
        "events/2026/2026-02-30-congress-installs-balcazar.yml:1:7: 'date': 2026-02 has 28 days, so day 30 does not exist — write YYYY, YYYY-MM or YYYY-MM-DD with a real date; use a shorter form when the day is unknown",
    ),
    (
        "end before date",
        VALID_NAME,
        VALID_EVENT + "end: 2026-01\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:19:1: 'end' 2026-01 is before 'date' 2026-02-18 — swap them, or fix the year or month of one of them",
    ),
    (
        "unknown field",
        VALID_NAME,
        VALID_EVENT + "titel: x\n",
        "events/2026/2026-02-18-congress-installs-balcazar.yml:19:1: unknown field 'titel' in an event (did you mean \"title\"?) — use one of: date, end, approximate, title, summary, es, themes, regions, places, actors, status, claimed_by, note, sources, related, formerly",
    ),
    (
        "unknown theme",
        VALID_NAME,
        VALID_EVENT.replace("[presidential-succession]", "[presidential-sucession]"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:11:10: unknown theme 'presidential-sucession' (did you mean \"presidential-succession\"?) — use an id from events/registries/themes.yml, or add it there",
    ),
    (
        "unknown region",
        VALID_NAME,
        VALID_EVENT.replace("regions: [PE-LMA]", "regions: [PE-LMN]"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:12:11: unknown region 'PE-LMN' (did you mean \"PE-LMA\"?) — use an id from maps/regions.yml (ISO 3166-2:PE codes, national or abroad), or add it there",
    ),
    (
        "unknown actor",
        VALID_NAME,
        VALID_EVENT.replace("jose-maria-balcazar, congress]", "jose-maria-balcazr, congress]"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:15:10: unknown actor 'jose-maria-balcazr' (did you mean \"jose-maria-balcazar\"?) — use an id from events/registries/actors.yml, or add it there",
    ),
    (
        "missing sources",
        VALID_NAME,
        VALID_EVENT.split("sources:")[0],
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: 'sources' is missing in an event — add 'sources:' with at least one '- ' item",
    ),
    (
        "unknown source id",
        VALID_NAME,
        VALID_EVENT.replace("id: rpp-2026-02-18-balcazar", "id: rpp-2026-02-18-balcazr"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:18:9: unknown source 'rpp-2026-02-18-balcazr' (did you mean \"rpp-2026-02-18-balcazar\"?) — use a key of events/registries/sources.yml, or write the source inline",
    ),
    (
        "inline source without title",
        VALID_NAME,
        VALID_EVENT.replace(
            "  - id: rpp-2026-02-18-balcazar", "  - publisher: RPP\n    date: 2026-02-18"
        ),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:18:5: 'title' is missing in an inline source — add 'title:' with a value",
    ),
    (
        "javascript: URL",
        VALID_NAME,
        VALID_EVENT.replace(
            "  - id: rpp-2026-02-18-balcazar",
            "  - publisher: RPP\n    title: Balcázar\n    date: 2026-02-18\n    url: javascript:alert(1)",
        ),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:21:10: 'url' uses the scheme 'javascript', which is not allowed — give the full https:// (or http://) address of the page, or leave the URL out",
    ),
    (
        "file name does not match the date",
        "events/2026/2026-02-19-congress-installs-balcazar.yml",
        VALID_EVENT,
        "events/2026/2026-02-19-congress-installs-balcazar.yml:1:1: file name '2026-02-19-congress-installs-balcazar.yml' does not match the date 2026-02-18 — name it 2026-02-18-<words-in-lower-case>.yml (the slug starts with a letter)",
    ),
    (
        "wrong year folder",
        "events/2025/2026-02-18-congress-installs-balcazar.yml",
        VALID_EVENT,
        "events/2025/2026-02-18-congress-installs-balcazar.yml:1:1: event of 2026 is in folder '2025' — move it to events/2026/",
    ),
    (
        ".yaml extension",
        "events/2026/2026-02-18-congress-installs-balcazar.yaml",
        VALID_EVENT,
        "events/2026/2026-02-18-congress-installs-balcazar.yaml:1:1: '2026-02-18-congress-installs-balcazar.yaml' is not an event file — event files end in .yml; rename it or move it out of events/",
    ),
    (
        "place outside Peru",
        VALID_NAME,
        VALID_EVENT.replace("lat: -12.0453, lon: -77.0297", "lat: -16.5, lon: -68.15"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:14:5: the point (-16.5, -68.15) is outside Peru — check lat and lon (both are negative in Peru), or mark it region: abroad",
    ),
    (
        "place in another region",
        VALID_NAME,
        VALID_EVENT.replace("lat: -12.0453, lon: -77.0297", "lat: -11.59, lon: -77.27"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:14:5: the point (-11.59, -77.27) lies in PE-LIM, not PE-LMA — set region: PE-LIM, or check lat and lon",
    ),
    (
        "alleged without claimed_by",
        VALID_NAME,
        VALID_EVENT.replace("status: verified", "status: alleged"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:1: an alleged event needs 'claimed_by' — name who made the claim: claimed_by: [actor-id]",
    ),
    (
        "unknown status",
        VALID_NAME,
        VALID_EVENT.replace("status: verified", "status: confirmed"),
        "events/2026/2026-02-18-congress-installs-balcazar.yml:16:9: 'status' is \"confirmed\" — use one of: verified, reported, alleged",
    ),
]


@pytest.mark.parametrize(
    ("case", "name", "text", "message"), BAD_INPUTS, ids=[row[0] for row in BAD_INPUTS]
)
def test_bad_input_is_refused_with_its_message(
    project: Project, case: str, name: str, text, message: str
) -> None:
    project.event(text, name=name)
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    messages = [str(p) for p in caught.value.problems if p.severity == "error"]
    assert message in messages, "\n".join(messages)


def test_valid_event_loads(project: Project) -> None:
    project.event(VALID_EVENT)
    record = load_record(project.root)
    (event,) = record.events
    assert event.id == "2026-02-18-congress-installs-balcazar"
    assert event.date.iso() == "2026-02-18"
    assert event.places[0].region == "PE-LMA"
    assert event.sources[0].source.publisher == "RPP"
    assert record.warnings == []


def test_yaml_1_1_booleans_stay_text(project: Project) -> None:
    project.event(
        VALID_EVENT.replace(
            "title: Congress elects José María Balcázar and installs him as interim president",
            "title: no",
        ).replace("title: El Congreso", "title: yes, El Congreso")
    )
    (event,) = load_record(project.root).events
    assert event.title.en == "no"
    assert event.title.es.startswith("yes")


@pytest.mark.parametrize(
    "block",
    [
        ">-\n  First paragraph,\n  still the first.\n\n  Second paragraph.\n",
        ">-\n  First paragraph, still the first.\n\n\n  Second paragraph.\n",
        "|\n  First paragraph,\n  still the first.\n\n  Second paragraph.\n",
        '"First paragraph, still the first.\\n\\nSecond paragraph."\n',
    ],
    ids=["folded", "folded-two-blank-lines", "literal", "quoted"],
)
def test_one_blank_line_makes_one_paragraph_in_every_style(project: Project, block: str) -> None:
    start = VALID_EVENT.index("summary:")
    end = VALID_EVENT.index("es:")
    project.event(VALID_EVENT[:start] + "summary: " + block + VALID_EVENT[end:])
    (event,) = load_record(project.root).events
    assert event.summary.en == "First paragraph, still the first.\n\nSecond paragraph."


def test_month_precision_is_kept(project: Project) -> None:
    project.event(
        VALID_EVENT.replace("date: 2026-02-18", "date: 2026-02").replace(
            "lat: -12.0453", "lat: -12.0453"
        ),
        name="events/2026/2026-02-congress-installs-balcazar.yml",
    )
    (event,) = load_record(project.root).events
    assert event.date.precision == "month"
    assert event.date.iso() == "2026-02"


def test_same_date_and_title_in_two_files_is_one_event(project: Project) -> None:
    project.event(VALID_EVENT)
    project.event(
        VALID_EVENT.replace(
            "installs him as interim president", "installs him as interim president!"
        ),
        name="events/2026/2026-02-18-balcazar-sworn-in.yml",
    )
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    assert [str(p) for p in caught.value.problems] == [
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: same date and title as "
        "events/2026/2026-02-18-balcazar-sworn-in.yml: it describes the same event — merge the two files, "
        "or make the titles say how the events differ"
    ]


def test_same_id_in_two_folders(project: Project) -> None:
    project.event(VALID_EVENT)
    project.event(VALID_EVENT, name="events/2026/extra/2026-02-18-congress-installs-balcazar.yml")
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    assert any("is also used by" in str(p) for p in caught.value.problems)


def test_missing_spanish_is_a_warning_unless_strict(project: Project) -> None:
    text = VALID_EVENT.split("es:\n")[0] + "themes:" + VALID_EVENT.split("themes:")[1]
    project.event(text)
    record = load_record(project.root)
    assert [str(w) for w in record.warnings] == [
        "events/2026/2026-02-18-congress-installs-balcazar.yml:1:1: warning: no Spanish text for title, summary"
        " — write them under 'es:', or, if you do not write Spanish, delete the empty 'es:' lines:"
        " the Spanish page shows the English text, marked, until someone translates it"
    ]
    with pytest.raises(RecordError):
        load_record(project.root, strict_languages=True)


def test_an_es_block_left_empty_as_new_writes_it_is_a_warning(project: Project) -> None:
    """`peru-timeline new` writes `es:` with an empty title and summary: left so, it warns."""
    text = VALID_EVENT.split("es:\n")[0] + "es:\n  title:\n  summary: >-\n\nthemes:"
    project.event(text + VALID_EVENT.split("themes:")[1])
    record = load_record(project.root)
    assert [w.message for w in record.warnings] == ["no Spanish text for title, summary"]
    assert record.events[0].title.es is None
    with pytest.raises(RecordError):
        load_record(project.root, strict_languages=True)


def test_every_problem_in_a_file_is_reported_at_once(project: Project) -> None:
    project.event(
        VALID_EVENT.replace("[presidential-succession]", "[nope]").replace(
            "status: verified", "status: sure"
        )
    )
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    assert len(caught.value.problems) == 2


def test_registry_errors_are_reported(project: Project) -> None:
    project.write(
        "events/registries/actors.yml",
        "keiko:\n  name: Keiko Fujimori\n  kind: person\n  role: x\n  party: fuerza-popular\n",
    )
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    assert str(caught.value.problems[0]) == (
        "events/registries/actors.yml:5:10: actor 'keiko' has party 'fuerza-popular', which is not a party in this "
        "registry — add the party as an actor with kind: party, or fix the id"
    )


def test_billion_laughs_is_refused_quickly(project: Project) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    project.event("\n".join(lines) + "\n")
    started = time.perf_counter()
    with pytest.raises(RecordError):
        load_record(project.root)
    assert time.perf_counter() - started < 5  # expanding it would need billions of nodes


if __name__ == "__main__":  # print the table of bad inputs for the closing note
    print("| bad input | message |\n| --- | --- |")
    for case, _, _, message in BAD_INPUTS:
        print(f"| {case} | `{message}` |")


def test_a_memo_reads_again_only_the_files_that_changed(project: Project, monkeypatch) -> None:
    """A preview reloads the record after every edit: with a memo, an unchanged event file is
    not parsed again, and the record (and its problems) are those of a load without one."""
    from builder.record import load as load_module
    from builder.record.load import EventMemo

    first = project.event(VALID_EVENT)
    second = project.event(
        VALID_EVENT.replace("installs him as", "swears him in as"),
        name="events/2026/2026-02-18-balcazar-sworn-in.yml",
    )
    parsed: list[str] = []
    read_mapping = load_module.read_mapping
    monkeypatch.setattr(
        load_module,
        "read_mapping",
        lambda path, display, problems: (
            parsed.append(path.name) or read_mapping(path, display, problems)
        ),
    )
    memo = EventMemo()
    assert load_record(project.root, memo=memo) == load_record(project.root)
    parsed.clear()
    assert load_record(project.root, memo=memo) == load_record(project.root)
    assert sorted(parsed) == sorted([first.name, second.name]), "the memo's load parsed a file"

    parsed.clear()
    second.write_text(second.read_text(encoding="utf-8").replace("swears", "sweats"), "utf-8")
    remembered = load_record(project.root, memo=memo)
    assert parsed == [second.name]
    assert remembered == load_record(project.root)
    assert any("sweats" in event.title.en for event in remembered.events)

    # A file with an error is reported from the memo as from the file.
    second.write_text(second.read_text(encoding="utf-8").replace("status: ", "status: x"), "utf-8")
    with pytest.raises(RecordError) as without:
        load_record(project.root)
    for _ in range(2):
        with pytest.raises(RecordError) as caught:
            load_record(project.root, memo=memo)
        assert [str(p) for p in caught.value.problems] == [str(p) for p in without.value.problems]

    # Another registry: every file is read again.
    parsed.clear()
    second.write_text(first.read_text(encoding="utf-8").replace("installs him as", "x"), "utf-8")
    actors = project.root / "events/registries/actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert load_record(project.root, memo=memo) == load_record(project.root)
    assert parsed.count(first.name) == 2  # with the memo and without


def _settle(monkeypatch) -> None:
    """Let the files written so far settle (see load.SETTLE_NS), as a preview's unchanged files
    have, within a tenth of a second rather than two."""
    from builder.record import load as load_module

    monkeypatch.setattr(load_module, "SETTLE_NS", 50_000_000)
    time.sleep(0.1)


def test_a_memo_takes_a_settled_file_without_reading_it(project: Project, monkeypatch) -> None:
    """A file whose status (size, times, inode) is the one it had, settled, when the memo read
    it is not read again; one rewritten since, even with its size and modification time put
    back, is (its change time moved)."""
    from builder.record.load import EventMemo

    first = project.event(VALID_EVENT)
    second = project.event(
        VALID_EVENT.replace("installs him as", "swears him in as"),
        name="events/2026/2026-02-18-balcazar-sworn-in.yml",
    )
    memo = EventMemo()
    load_record(project.root, memo=memo)
    # The files were just written: their status cannot yet vouch for their bytes, which the
    # next load reads and compares (a second write within the clock's grain keeps the times).
    assert all(entry.stat is None for entry in memo.files.values())
    _settle(monkeypatch)
    load_record(project.root, memo=memo)  # reads both again, and keeps their settled status
    read: list[str] = []
    read_bytes = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: read.append(self.name) or read_bytes(self))
    remembered = load_record(project.root, memo=memo)
    assert not {first.name, second.name} & set(read), "the memo's load read an event file"
    assert remembered == load_record(project.root)

    read.clear()
    before = second.stat()
    second.write_text(second.read_text(encoding="utf-8").replace("swears", "sweats"), "utf-8")
    os.utime(second, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert second.stat().st_size == before.st_size
    remembered = load_record(project.root, memo=memo)
    assert second.name in read and first.name not in read
    assert any("sweats" in event.title.en for event in remembered.events)


def test_a_memo_catches_a_duplicate_an_edit_makes(project: Project, monkeypatch) -> None:
    """While serving, an edit that gives one event the date and title of another the memo kept
    is refused as a load without the memo refuses it; undoing it loads again."""
    from builder.record.load import EventMemo

    project.event(VALID_EVENT)
    second = project.event(
        VALID_EVENT.replace("installs him as", "swears him in as"),
        name="events/2026/2026-02-18-balcazar-sworn-in.yml",
    )
    _settle(monkeypatch)
    memo = EventMemo()
    for _ in range(2):
        load_record(project.root, memo=memo)
    original = second.read_text(encoding="utf-8")
    second.write_text(original.replace("swears him in as", "installs him as"), "utf-8")
    with pytest.raises(RecordError) as without:
        load_record(project.root)
    with pytest.raises(RecordError) as caught:
        load_record(project.root, memo=memo)
    messages = [str(p) for p in caught.value.problems]
    assert messages == [str(p) for p in without.value.problems]
    assert len(messages) == 1 and "same date and title as" in messages[0]

    second.write_text(original, "utf-8")
    assert load_record(project.root, memo=memo) == load_record(project.root)
