"""An event's earlier file names (`formerly`), as the checker reads them."""

from __future__ import annotations

import pytest

from builder.record.load import load_record
from builder.record.problems import RecordError
from tests.support.project import VALID_EVENT, VALID_NAME, Project

OLD = "2026-02-congress-installs-balcazar"
NEW_ID = "2026-02-18-congress-installs-balcazar"


def _errors(project: Project) -> list[str]:
    with pytest.raises(RecordError) as caught:
        load_record(project.root)
    return [str(p) for p in caught.value.problems if p.severity == "error"]


def test_an_earlier_name_loads(project: Project) -> None:
    project.event(VALID_EVENT + f"formerly: [{OLD}]\n")
    assert load_record(project.root).events[0].formerly == (OLD,)


def test_an_earlier_name_must_be_a_file_name(project: Project) -> None:
    project.event(VALID_EVENT + "formerly: [Congress Installs Balcazar]\n")
    assert any(
        "'Congress Installs Balcazar' is not an event file name" in message
        for message in _errors(project)
    )


def test_an_earlier_name_no_event_has_now(project: Project) -> None:
    project.event(VALID_EVENT + f"formerly: [{NEW_ID}]\n")
    assert any(f"an event file is named '{NEW_ID}' now" in m for m in _errors(project))


def test_an_earlier_name_belongs_to_one_event(project: Project) -> None:
    project.event(VALID_EVENT + f"formerly: [{OLD}]\n")
    other = VALID_EVENT.replace("date: 2026-02-18", "date: 2026-02-19").replace(
        "title: Congress", "title: Again, Congress"
    )
    project.event(other + f"formerly: [{OLD}]\n", VALID_NAME.replace("02-18", "02-19"))
    assert any(f"'{OLD}' is also listed in 'formerly'" in m for m in _errors(project))
