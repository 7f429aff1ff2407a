"""The engagement cockpit: from home in one key, the plan, and an interview from a plan row."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.tui.screens.cockpit import CockpitScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.widgets.plan_strip import PlanStrip
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, settle

REPO = Path(__file__).resolve().parents[2]
SIZE = (80, 24)


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """The bundled example engagement, copied so nothing the test does can touch it."""
    root = tmp_path / "northwind"
    shutil.copytree(REPO / "sessions", root / "sessions")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ESP_WIZARD_CONFIG_DIR", str(tmp_path / "config"))
    return Workspace(root)


@pytest.fixture
def bundled(example: Workspace) -> Catalog:
    return load_catalog(example.questionnaires_dir)


def screen_text(screen: CockpitScreen, widget_id: str) -> str:
    return str(screen.query_one(widget_id, Static).render())


async def test_home_shows_the_plan_and_e_opens_the_cockpit(
    example: Workspace, bundled: Catalog
) -> None:
    app = make_app(example, bundled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)  # the plan strip compiles after the listing arrives
        strip = str(app.screen.query_one(PlanStrip).render())
        assert strip.startswith("Interview plan Kwame Mensah (it-integrations), Nadia Flores")
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CockpitScreen)
        title = screen_text(screen, "#cockpit-title")
        assert title.startswith("Discovery report: Northwind Outfitters (fictional example)")
        summary = screen_text(screen, "#cockpit-summary")
        assert "Missing none: every role heard" in summary
        assert "must-fix ·" in summary and "conflicts to settle" in summary
        assert "Go/no-go no-go" in summary
        assert "does not fit the contract" in summary
        plan = screen.query_one("#plan-table", DataTable)
        assert str(plan.get_row_at(0)[0]) == "Kwame Mensah"
        assert str(plan.get_row_at(0)[2]) == "to interview"
        await pilot.press("escape")
        assert not isinstance(app.screen, CockpitScreen)


async def test_enter_on_a_plan_row_prefills_the_new_interview(
    example: Workspace, bundled: Catalog
) -> None:
    app = make_app(example, bundled)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("down", "enter")  # Nadia Flores, junior designer
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewInterviewScreen)
        assert form.query_one("#client", Input).value == "Northwind Outfitters (fictional example)"
        assert form.query_one("#engagement", Input).value == "ESP migration 2027 (example)"
        assert form.query_one(".person-name", Input).value == "Nadia Flores"
        assert form.query_one(".person-role", Input).value == "creative-content"
        picker = form.query_one("#questionnaires", QuestionnairePicker)
        assert picker.chosen is not None and picker.chosen.id == "creative-content"


def test_the_cockpit_at_80x24(snap_compare, example: Workspace, bundled: Catalog) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)

    app = make_app(example, bundled)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
