"""The percent type in the TUI: its own line with "%" after it, as a question and in a row."""

from __future__ import annotations

import shutil

import pytest
from textual.widgets import DataTable, Label

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.inventory_row import InventoryRowModal
from esp_wizard.workspace import Workspace
from tui.conftest import DATA, make_app, make_session, on_disk, open_interview

SIZE = (100, 32)


@pytest.fixture
def percent_catalog(workspace: Workspace) -> Catalog:
    shutil.copy(DATA / "percent.toml", workspace.questionnaires_dir / "percent.toml")
    return load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")


@pytest.fixture
def percent(percent_catalog: Catalog) -> Questionnaire:
    return percent_catalog.find("percent-example")


async def test_a_percentage_typed_with_a_comma_is_saved_and_drives_the_next_question(
    workspace: Workspace, percent_catalog: Catalog, percent: Questionnaire
) -> None:
    path = make_session(workspace, percent)
    async with make_app(workspace, percent_catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        assert screen.question.id == "bounce_rate"
        assert str(screen.answer.query_one(".unit", Label).render()) == "%"
        await pilot.press(*"120", "enter")
        assert "percentage from 0 to 100" in str(screen.query_one("#validation").render())
        await pilot.press("ctrl+u", *"7,5", "enter")
        assert screen.question.id == "cleans_lists"  # asked above 2.5 %
    assert on_disk(workspace, path).answers["bounce_rate"].value == 7.5


async def test_a_percent_cell_of_a_row_is_typed_and_shown_with_its_sign(
    workspace: Workspace, percent_catalog: Catalog, percent: Questionnaire
) -> None:
    path = make_session(workspace, percent, answers={"bounce_rate": 1}, current="segments")
    async with make_app(workspace, percent_catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        await pilot.press("a")
        assert isinstance(pilot.app.screen, InventoryRowModal)
        await pilot.press(*"VIP", "tab", *"12,5", "ctrl+s")
        table = screen.answer.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)] == ["VIP", "12.5 %"]
    rows = on_disk(workspace, path).answers["segments"].value
    assert rows == [{"name": "VIP", "share": 12.5}]
