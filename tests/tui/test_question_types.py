"""Each question type, driven with the keys a facilitator presses; the file on disk decides."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, TextArea

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.inventory_row import InventoryRowModal
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (100, 32)
LISTS = {"uses_lists": True}


async def test_note_has_nothing_to_answer_and_enter_moves_on(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        assert screen.question.id == "welcome"
        await pilot.press("enter")
        assert screen.question.id == "story"
    assert on_disk(workspace, path).current == "story"


async def test_long_text_keeps_its_lines_and_ctrl_n_saves_and_moves_on(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"We export", "enter", *"then upload", "ctrl+n")
        assert screen.question.id == "uses_lists"
        await pilot.press("pageup")
        assert screen.query_one(TextArea).text == "We export\nthen upload"
    session = on_disk(workspace, path)
    assert session.answers["story"].value == "We export\nthen upload"
    assert session.current == "story"


async def test_yes_no_key_saves_at_once_and_skip_logic_follows(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="uses_lists")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("n")
        assert on_disk(workspace, path).answers["uses_lists"].value is False
        assert screen.query_one("#progress").count == "1/6"
        await pilot.press("enter")
        assert screen.question.id == "stability"  # the lists section is skipped
        await pilot.press("pageup", "y", "enter")
        assert screen.question.id == "list_source"
    assert on_disk(workspace, path).answers["uses_lists"].value is True


async def test_choice_number_key_picks_and_enter_moves_on(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers=LISTS, current="list_source")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("3")
        assert on_disk(workspace, path).answers["list_source"].value == "csv_upload"
        await pilot.press("enter")
        assert screen.question.id == "list_prep_hours"  # only asked after a manual upload
    assert on_disk(workspace, path).current == "list_prep_hours"


async def test_choice_other_is_saved_only_with_its_text(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers=LISTS, current="list_source")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("5", "enter")
        assert "Say what “Other” is." in str(screen.query_one("#validation").render())
        assert screen.question.id == "list_source"
        assert "list_source" not in on_disk(workspace, path).answers
        await pilot.press(*"Zapier", "enter")
        assert screen.question.id == "channels"
    answer = on_disk(workspace, path).answers["list_source"]
    assert (answer.value, answer.other) == ("other", "Zapier")


async def test_number_refused_is_not_saved_and_stays_in_the_widget(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    answers = {**LISTS, "list_source": "csv_upload"}
    path = make_session(workspace, questionnaire, answers=answers, current="list_prep_hours")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"500", "enter")
        assert screen.question.id == "list_prep_hours"
        assert screen.query_one("#line", Input).value == "500"
        message = str(screen.query_one("#validation").render())
        assert "Enter a number from 0 to 168 hours/week." in message
        assert "list_prep_hours" not in on_disk(workspace, path).answers
        await pilot.press("backspace", "backspace", "backspace", *"12,5", "enter")
        assert screen.question.id == "channels"
    assert on_disk(workspace, path).answers["list_prep_hours"].value == 12.5


async def test_multi_choice_toggles_save_and_a_refused_set_stays(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, answers=LISTS, current="channels")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("space", "2")
        assert on_disk(workspace, path).answers["channels"].value == ["email", "sms"]
        await pilot.press("3", "4", *"Fax", "enter")  # a fourth: more than max_selected
        assert "Pick at most 3 (now 4)." in str(screen.query_one("#validation").render())
        assert screen.question.id == "channels"
        assert on_disk(workspace, path).answers["channels"].value == ["email", "sms", "push"]
        assert screen.answer.value() == ["email", "sms", "push", "other"]
        screen.answer.picker.focus()
        await pilot.press("1", "enter")
        assert screen.question.id == "stability"
    answer = on_disk(workspace, path).answers["channels"]
    assert (answer.value, answer.other) == (["sms", "push", "other"], "Fax")


async def test_scale_number_key_picks_the_point(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("4")
        assert on_disk(workspace, path).answers["stability"].value == 4
        await pilot.press("5", "enter")
        assert screen.question.id == "contract_end"
    assert on_disk(workspace, path).answers["stability"].value == 5


async def test_date_must_be_an_iso_date_in_range(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="contract_end")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"31/12/2027", "enter")
        assert "Enter a date as YYYY-MM-DD" in str(screen.query_one("#validation").render())
        assert "contract_end" not in on_disk(workspace, path).answers
        screen.query_one("#line", Input).value = ""
        await pilot.press(*"2027-12-31", "enter")
        assert screen.question.id == "team_name"
    assert on_disk(workspace, path).answers["contract_end"].value == dt.date(2027, 12, 31)


async def test_text_enter_saves_and_moves_on(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="team_name")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"CRM team", "enter")
        assert screen.question.id == "systems"
    assert on_disk(workspace, path).answers["team_name"].value == "CRM team"


async def test_inventory_rows_are_added_edited_and_deleted_through_a_form(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="systems")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("a")
        assert isinstance(pilot.app.screen, InventoryRowModal)
        await pilot.press(*"Salesforce", "ctrl+s")
        assert on_disk(workspace, path).answers["systems"].value == [{"name": "Salesforce"}]
        await pilot.press("e", "tab", "tab", "tab", *"Mia", "ctrl+s")
        rows = [{"name": "Salesforce", "owner": "Mia"}]
        assert on_disk(workspace, path).answers["systems"].value == rows
        await pilot.press("a", *"salesforce ", "ctrl+s")  # the same system again
        message = str(screen.query_one("#validation").render())
        assert "Row 2 repeats row 1 (salesforce)." in message
        assert on_disk(workspace, path).answers["systems"].value == rows
        assert len(screen.answer.rows) == 2
        await pilot.press("d", "y")
        assert len(screen.answer.rows) == 1
        assert screen.query_one("#validation").display is False
    assert on_disk(workspace, path).answers["systems"].value == rows


async def test_inventory_row_form_refuses_a_row_without_its_required_field(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="systems")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("a", "tab", "tab", "tab", *"Mia", "ctrl+s")
        modal = pilot.app.screen
        assert isinstance(modal, InventoryRowModal)
        assert "System: required." in str(modal.query_one("#row-problem").render())
        await pilot.press("escape")
    assert "systems" not in on_disk(workspace, path).answers
