"""Property tests: any file either loads into valid events or yields clean path:line errors."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.record.load import load_record
from builder.record.problems import RecordError
from tests.support.project import VALID_EVENT, VALID_NAME

# Pieces that exercise YAML's corners: indicators, anchors, tags, flow collections, quotes, odd dates.
FRAGMENTS = [
    "date:",
    " 2026-02-30",
    " 2026-13",
    " 2026",
    "title:",
    " no",
    " yes",
    " ~",
    " null",
    "\n",
    "  ",
    "- ",
    "&a ",
    "*a",
    "!!python/object:os.system",
    "!x ",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "'",
    '"',
    "|",
    ">",
    "#",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "regions:",
    " [PE-LMA]",
    "sources:",
    "\n  - id: x",
    "lat: 1e9",
    "\t",
    "\ufeff",
    "\u202e",
    "é",
    "\x00",
    "\x85",
    "? ",
    "<<: ",
    "end: 2025",
    "places:\n  - {lat: -12, lon: -77}",
]
yaml_like = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)


def assert_loads_or_explains(project, data: bytes) -> None:
    project.write(VALID_NAME, data)
    try:
        record = load_record(project.root)
    except RecordError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message and problem.fix
            assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.column}: ")
    else:
        assert len(record.events) == 1


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=yaml_like)
def test_yaml_like_text_never_crashes(project, text: str) -> None:
    assert_loads_or_explains(project, text.encode("utf-8", "surrogatepass"))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(project, data: bytes) -> None:
    assert_loads_or_explains(project, data)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    position=st.integers(min_value=0, max_value=len(VALID_EVENT)), insert=st.sampled_from(FRAGMENTS)
)
def test_a_valid_event_with_one_change_never_crashes(project, position: int, insert: str) -> None:
    text = VALID_EVENT[:position] + insert + VALID_EVENT[position:]
    assert_loads_or_explains(project, text.encode("utf-8", "surrogatepass"))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=st.text(min_size=1, max_size=200))
def test_any_quoted_title_is_kept_or_refused_cleanly(project, title: str) -> None:
    escaped = title.replace("\\", "\\\\").replace('"', '\\"')
    text = VALID_EVENT.replace(
        "title: Congress elects José María Balcázar and installs him as interim president",
        f'title: "{escaped}"',
        1,
    )
    assert_loads_or_explains(project, text.encode("utf-8", "surrogatepass"))
