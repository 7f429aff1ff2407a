"""The interview screen on a French questionnaire, at 80x24: the words about the question
(Other, its prompt, the date form, validation) are French, and a date is typed the French way."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import Input

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.inventory_row import InventoryRowModal
from esp_wizard.tui.widgets.option_picker import OptionPicker
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview

SIZE = (80, 24)


@pytest.fixture
def french(workspace: Workspace) -> tuple[Catalog, Questionnaire]:
    path = workspace.questionnaires_dir / "complete.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('language = "en"', 'language = "fr"', 1),
        encoding="utf-8",
    )
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    return catalog, catalog.find("spec-example")


async def test_a_french_date_is_typed_31_03_and_refused_in_french(
    workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    path = make_session(workspace, questionnaire, current="contract_end")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        line = screen.query_one("#line", Input)
        assert line.placeholder == "JJ/MM/AAAA"
        await pilot.press(*"31/13/2027", "enter")
        assert "Saisissez une date au format JJ/MM/AAAA" in str(
            screen.query_one("#validation").render()
        )
        line.value = ""
        await pilot.press(*"31/12/2027", "enter")
        assert screen.question.id == "team_name"
    assert on_disk(workspace, path).answers["contract_end"].value == dt.date(2027, 12, 31)


async def test_other_is_autre_on_a_french_choice(
    workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    path = make_session(
        workspace, questionnaire, answers={"uses_lists": True}, current="list_source"
    )
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        picker = screen.query_one("#picker", OptionPicker)
        labels = [str(picker.get_option_at_index(i).prompt) for i in range(picker.option_count)]
        assert labels[-1].endswith("Autre…")
        other = screen.query_one("#other-text", Input)
        assert other.placeholder == "De quoi s'agit-il (« Autre ») ?"


async def test_a_number_out_of_range_is_refused_in_french(
    workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    answers = {"uses_lists": True, "list_source": "csv_upload"}
    path = make_session(workspace, questionnaire, answers=answers, current="list_prep_hours")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press(*"500", "enter")
        assert screen.question.id == "list_prep_hours"
        message = str(screen.query_one("#validation").render())
        assert "Saisissez un nombre de 0 à 168 hours/week." in message
    assert "list_prep_hours" not in on_disk(workspace, path).answers


async def test_inventory_rows_are_refused_in_french(
    french_ui: None, workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    """The row form's missing field and the table's repeated row, said in French."""
    catalog, questionnaire = french
    path = make_session(workspace, questionnaire, current="systems")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("a", "tab", "tab", "tab", *"Mia", "ctrl+s")
        modal = pilot.app.screen
        assert isinstance(modal, InventoryRowModal)
        assert "System : obligatoire." in str(modal.query_one("#row-problem").render())
        await pilot.press("escape")
        await pilot.press("a", *"Salesforce", "ctrl+s")
        assert on_disk(workspace, path).answers["systems"].value == [{"name": "Salesforce"}]
        await pilot.press("a", *"salesforce ", "ctrl+s")
        message = str(screen.query_one("#validation").render())
        assert "La ligne 2 répète la ligne 1 (salesforce)." in message
    assert on_disk(workspace, path).answers["systems"].value == [{"name": "Salesforce"}]
