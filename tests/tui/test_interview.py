"""The interview around the answer: notes, flags, observations, saving, leaving, resuming."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, Select, TextArea

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.store import SessionSaveError
from esp_wizard.tui.screens.confirm import ConfirmModal
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.observation import ObservationModal
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview, palette_lists

SIZE = (100, 32)


def lock_of(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


async def test_note_quote_and_follow_up_are_kept_with_the_answer(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("2", "ctrl+t", *"Outages", "ctrl+t", *"It falls over", "enter")
        await pilot.press("ctrl+f")
        assert screen.focused is screen.answer.picker
    answer = on_disk(workspace, path).answers["stability"]
    assert (answer.value, answer.note, answer.quote) == (2, "Outages", "It falls over")
    assert answer.follow_up is True


async def test_dont_know_and_not_applicable_replace_the_answer_and_toggle_back(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"team_name": "CRM"}, current="team_name")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("ctrl+d")
        answer = on_disk(workspace, path).answers["team_name"]
        assert (answer.status, answer.value) == ("dont_know", None)
        assert screen.query_one("#line", Input).value == ""
        await pilot.press("ctrl+x")
        assert on_disk(workspace, path).answers["team_name"].status == "not_applicable"
        await pilot.press("ctrl+x")
        assert on_disk(workspace, path).answers["team_name"].status == "answered"


async def test_observation_is_recorded_against_the_current_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+o")
        modal = pilot.app.screen
        assert isinstance(modal, ObservationModal)
        modal.query_one("#category", Select).value = "hack"
        modal.query_one("#severity", Select).value = 4
        modal.query_one("#title", Input).focus()
        await pilot.press(*"Night job", "enter", *"A cron job re-sends", "ctrl+s")
        assert not isinstance(pilot.app.screen, ObservationModal)
    (observation,) = on_disk(workspace, path).observations
    assert observation.question == "stability"
    assert (observation.category, observation.severity, observation.impact) == ("hack", 4, 3)
    assert (observation.title, observation.text) == ("Night job", "A cron job re-sends")


async def test_an_observation_needs_its_text(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+o", "ctrl+s")
        modal = pilot.app.screen
        assert isinstance(modal, ObservationModal)
        assert "Write what you observed" in str(modal.query_one("#observation-problem").render())
        assert modal.focused is modal.query_one("#text", TextArea)
        await pilot.press("escape")
    assert on_disk(workspace, path).observations == []


async def test_a_failed_save_keeps_the_answer_and_the_message_until_it_succeeds(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire, current="team_name")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        real_save = app.store.save

        def disk_full(session: object, **_options: object) -> None:
            raise SessionSaveError("could not save session: No space left on device")

        monkeypatch.setattr(app.store, "save", disk_full)
        await pilot.press(*"CRM", "enter")
        assert screen.question.id == "team_name"
        assert screen.query_one("#line", Input).value == "CRM"
        banner = str(screen.query_one("#save-error").render())
        assert "No space left on device" in banner and "ctrl+s" in banner
        assert "team_name" not in on_disk(workspace, path).answers
        monkeypatch.setattr(app.store, "save", real_save)
        await pilot.press("ctrl+s")
        assert screen.query_one("#save-error").display is False
        assert str(screen.query_one("#saved").render()).strip() == "saved 09:30:00"
    assert on_disk(workspace, path).answers["team_name"].value == "CRM"


async def test_quitting_saves_the_typed_answer_and_releases_the_lock(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="team_name")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        assert lock_of(path).exists()
        await pilot.press(*"Ops", "ctrl+q")
    assert on_disk(workspace, path).answers["team_name"].value == "Ops"
    assert not lock_of(path).exists()


async def test_quitting_with_a_refused_answer_asks_first(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="contract_end")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"soon", "ctrl+c")
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("n")
        assert app.screen is screen
        assert screen.query_one("#line", Input).value == "soon"
        await pilot.press("ctrl+q", "y")
    assert app.return_code == 0
    assert "contract_end" not in on_disk(workspace, path).answers
    assert not lock_of(path).exists()


async def test_a_closed_terminal_saves_what_is_typed(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press(*"Half a story")
        app.hang_up()
        await pilot.pause()
    assert on_disk(workspace, path).answers["story"].value == "Half a story"
    assert not lock_of(path).exists()


async def test_reopening_goes_back_to_the_same_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("3", "enter", "ctrl+q")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        assert screen.question.id == "contract_end"
        await pilot.press("ctrl+r")
        assert screen.answer.value() == 3


async def test_escape_goes_home_saved_and_unlocked(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="team_name")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press(*"Ops", "ctrl+t", "escape", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert not lock_of(path).exists()
    assert on_disk(workspace, path).answers["team_name"].value == "Ops"


async def test_the_palette_finds_a_question_by_its_text_and_goes_there(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("ctrl+p", *"contract end")
        await palette_lists(pilot, "contract end")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.question.id == "contract_end"
    assert on_disk(workspace, path).current == "contract_end"


async def test_the_sidebar_reaches_a_section_and_shows_live_counts(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers={"uses_lists": False})
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        sections = screen.query_one("#sections")
        assert str(sections.render()).splitlines() == [
            "▶ Getting started 1/2",
            "  Lists and subscriber data skipped",
            "  The platform 0/4",
        ]
        sections.focus()
        await pilot.press("down", "enter")  # the skipped section is stepped over
        assert screen.question.id == "stability"
        assert str(sections.render()).splitlines()[2] == "▶ The platform 0/4"


async def test_elapsed_time_turns_red_past_the_planned_minutes(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire)
    session = on_disk(workspace, path)
    app = make_app(workspace, catalog, clock=lambda: session.started + dt.timedelta(minutes=31))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        header = screen.query_one("#interview-header")
        assert header.elapsed.strip() == "31:00 / 30 min"
        assert header.over_time
        assert str(header.render()).endswith(" 31:00 / 30 min ")
