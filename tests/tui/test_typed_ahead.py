"""Keys typed just before ctrl+n (a fast typist, or keys queued while a busy machine was
drawing) arrive in one burst: the answer saved is the one typed, all of it, and none of it
lands in the next question. The same for ctrl+q: what was typed before quitting is saved."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import Static

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview, text_questionnaire

QUESTIONS = [("first", "Who sends?"), ("second", "Who approves?"), ("third", "Who checks?")]


def burst(pilot: Pilot[Any], *keys: str) -> None:
    """The keys as the terminal delivers them: no wait in between."""
    for key in keys:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))


async def arrive_at(pilot: Pilot[Any], screen: Any, question_id: str) -> None:
    for _ in range(50):
        await pilot.pause()
        if screen.question.id == question_id:
            return
    raise AssertionError(f"still at {screen.question.id}, not {question_id}")


async def test_keys_typed_in_a_burst_before_a_move_are_saved_with_the_answer(
    workspace: Workspace,
) -> None:
    catalog = text_questionnaire(workspace, "burst", QUESTIONS)
    path = make_session(workspace, catalog.find("burst"), current="first")
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        burst(pilot, *"Ana", "ctrl+n")
        await arrive_at(pilot, screen, "second")
        burst(pilot, *"Bo", "ctrl+r")
        await arrive_at(pilot, screen, "first")
        assert screen.answer.entry().value == "Ana"
    answers = on_disk(workspace, path).answers
    assert answers["first"].value == "Ana"
    assert answers["second"].value == "Bo"


async def test_keys_typed_in_a_burst_before_quitting_are_saved(workspace: Workspace) -> None:
    catalog = text_questionnaire(workspace, "burst", QUESTIONS)
    path = make_session(workspace, catalog.find("burst"), current="first")
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        await open_interview(pilot, path)
        burst(pilot, *"Ana", "ctrl+q")
        for _ in range(50):
            await pilot.pause()
            if pilot.app.return_code is not None:
                break
    assert on_disk(workspace, path).answers["first"].value == "Ana"


async def test_a_pick_or_toggle_typed_just_before_a_move_is_saved_with_it(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """Number keys pick (choice, scale, y/n) or toggle (multiple choice) in the focused list
    itself: as Textual bindings they ran only after a move typed right behind them, and the
    scale's `3` then ctrl+r lost the 3 and put a refusal on the question gone back to."""
    path = make_session(workspace, questionnaire, answers={"uses_lists": True}, current="channels")
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        burst(pilot, "1", "3", "ctrl+n")
        await arrive_at(pilot, screen, "stability")
        burst(pilot, "3", "ctrl+r")
        await arrive_at(pilot, screen, "channels")
        await pilot.pause()
        problem = str(screen.query_one("#validation", Static).render())
    answers = on_disk(workspace, path).answers
    assert answers["channels"].value == ["email", "push"]
    assert answers["stability"].value == 3
    assert not problem.strip()  # nothing refused at the question gone back to


async def test_keys_typed_after_enter_in_a_one_line_answer_go_to_the_next_question(
    workspace: Workspace,
) -> None:
    """Enter confirms a one-line answer and moves on, at once: what is typed right after it
    belongs to the next question (it was typed into this answer, saved as "AnaBo")."""
    catalog = text_questionnaire(workspace, "burst", QUESTIONS)
    path = make_session(workspace, catalog.find("burst"), current="first")
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        burst(pilot, *"Ana", "enter", *"Bo", "enter")
        await arrive_at(pilot, screen, "third")
    answers = on_disk(workspace, path).answers
    assert answers["first"].value == "Ana"
    assert answers["second"].value == "Bo"
