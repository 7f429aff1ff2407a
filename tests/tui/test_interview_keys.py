"""Keys in and around the interview: the observation dialog takes the first words typed,
and a letter typed in a list never leaves the interview."""

from __future__ import annotations

from textual.widgets import TextArea

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.screens.observation import ObservationModal
from esp_wizard.tui.widgets.multi_choice_answer import TogglePicker
from esp_wizard.tui.widgets.state_radio import StateRadioButton
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (100, 32)


async def test_the_observation_dialog_keeps_the_first_words_typed_and_shows_its_keys(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+o", *"Night job re-sends", "ctrl+s")
        assert not isinstance(pilot.app.screen, ObservationModal)
        await pilot.press("ctrl+o")
        modal = pilot.app.screen
        assert isinstance(modal, ObservationModal)
        assert modal.focused is modal.query_one("#text", TextArea)
        keys = str(modal.query_one("#observation-keys").render())
        assert "Record" in keys and "Cancel" in keys and "Next" not in keys.split("Record")[0]
        assert "Don't know" not in keys and "Note" not in keys
        await pilot.press("escape")
    (observation,) = on_disk(workspace, path).observations
    assert observation.text == "Night job re-sends"


async def test_r_in_a_list_question_stays_in_the_interview(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(
        workspace,
        questionnaire,
        answers={"story": "x", "uses_lists": True},
        current="list_source",
    )
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        assert screen.question.id == "list_source"
        await pilot.press("r")
        assert isinstance(pilot.app.screen, InterviewScreen)
        assert pilot.app.screen.question.id == "list_source"


async def test_the_description_and_a_sections_intro_are_shown_at_their_first_question(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        intro = screen.query_one("#section-intro")
        assert str(intro.render()) == "Who to invite, what to prepare."
        await pilot.press("ctrl+n")  # the second question of the first section
        assert not intro.display
    path = make_session(
        workspace, questionnaire, answers={"uses_lists": True}, current="list_source"
    )
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        intro = screen.query_one("#section-intro")
        assert str(intro.render()) == "Read aloud before the first question."


async def test_ticked_options_show_a_tick_not_only_a_colour(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    answers = {"uses_lists": True, "channels": ["sms"]}
    path = make_session(workspace, questionnaire, answers=answers, current="channels")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        picker = screen.answer.query_one(TogglePicker)
        rows = [picker.render_line(y).text for y in range(3)]
        assert [row[1] for row in rows] == [" ", "✓", " "]  # Email, SMS (ticked), Push
        await pilot.press("1")
        assert picker.render_line(0).text[1] == "✓"


async def test_the_export_dialog_shows_which_radio_button_is_pressed_by_a_glyph(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+e")
        buttons = list(pilot.app.screen.query(StateRadioButton))
        assert [b.BUTTON_INNER for b in buttons if b.value] == ["●", "●"]  # what, format
        assert {b.BUTTON_INNER for b in buttons if not b.value} == {" "}
