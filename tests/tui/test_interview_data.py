"""What the file holds while the facilitator works: notes as they are typed, the answer a
don't know replaced, and nothing at all when a finished session is only read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (100, 32)


async def test_a_note_is_on_disk_when_ctrl_t_moves_on_to_the_quote(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+t", *"Outages every month", "ctrl+t")
        assert on_disk(workspace, path).answers["stability"].note == "Outages every month"
        await pilot.press(*"It falls over")  # and nothing else: saved once typing stops
        for _ in range(100):  # synchronise on the file, whatever the machine's speed
            if on_disk(workspace, path).answers["stability"].quote == "It falls over":
                break
            await pilot.pause(0.05)
        assert on_disk(workspace, path).answers["stability"].quote == "It falls over"


async def test_undoing_dont_know_brings_back_the_choice_it_replaced(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(
        workspace,
        questionnaire,
        answers={"uses_lists": True, "list_source": "csv_upload"},
        current="list_source",
    )
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("ctrl+d")
        assert on_disk(workspace, path).answers["list_source"].status == "dont_know"
        await pilot.press("ctrl+d")
        answer = on_disk(workspace, path).answers["list_source"]
        assert (answer.status, answer.value) == ("answered", "csv_upload")
        assert screen.answer.value() == "csv_upload"


async def test_undoing_not_applicable_twice_brings_back_the_scale_answer(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"stability": 4}, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+x")
        assert on_disk(workspace, path).answers["stability"].status == "not_applicable"
        await pilot.press("ctrl+x")
        answer = on_disk(workspace, path).answers["stability"]
        assert (answer.status, answer.value) == ("answered", 4)


async def test_paging_through_a_completed_session_leaves_its_file_byte_identical(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    answers = {"story": "We export.", "uses_lists": True, "list_source": "csv_upload"}
    answers |= {"list_prep_hours": 6, "stability": 4, "team_name": "Ops"}
    path = make_session(workspace, questionnaire, answers=answers, current="welcome")
    with SessionStore(workspace) as store:
        session = store.open(str(path))
        session.status = "completed"
        store.save(session)
    before = Path(path).read_bytes()
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        for _ in range(6):
            await pilot.press("ctrl+n")
        assert screen.question.id != "welcome"
        await pilot.press("ctrl+q")
    assert Path(path).read_bytes() == before


async def test_the_clock_of_a_session_reopened_days_later_counts_only_time_spent(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"story": "We export."})
    with SessionStore(workspace) as store:  # ten minutes of interview, three days ago
        session = store.open(str(path))
        store.save(session, updated=session.started + dt.timedelta(minutes=10))
    reopened = session.started + dt.timedelta(days=3)
    async with make_app(workspace, catalog, clock=lambda: reopened).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        header = screen.query_one("#interview-header")
        assert header.elapsed.strip() == "10:00 / 30 min"  # not 72 hours, not 0
