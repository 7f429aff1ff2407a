"""The engagement cockpit: from home in one key, the plan, and an interview from a plan row."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.tui.screens.cockpit import CockpitScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.widgets.plan_strip import PlanStrip
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker
from esp_wizard.workspace import Workspace
from findings.fixture import at, write_session
from tui.conftest import make_app, settle

SIZE = (80, 24)
CLIENT, ENGAGEMENT = "Acme Outdoor", "ESP move 2027"


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    """Two interviews with the bundled questionnaires, naming three people to talk to."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ESP_WIZARD_CONFIG_DIR", str(tmp_path / "config"))
    workspace = Workspace(tmp_path / "acme")
    catalog = load_catalog(workspace.questionnaires_dir)
    kickoff = {
        "current_esp": "mailchimp",
        "contract_months_left": 5,
        "who_else": [
            {"name": "Nadia Flores", "role": "Junior designer", "why": "Swaps the images"},
            {"name": "Ben Adeyemi", "role": "Deliverability lead", "why": "Domains and IPs"},
            {"name": "Fiona Walsh", "role": "Procurement", "why": "The contract's exit clause"},
        ],
    }
    write_session(
        workspace, catalog.find("kickoff", "en"), session_id="kick0001", started=at(2, 9),
        people=[("Helen Marsh", "executive"), ("Tom Okafor", "email-ops")], answers=kickoff,
        client=CLIENT, engagement=ENGAGEMENT,
    )  # fmt: skip
    deliverability = {"daily_peak_volume": 40_000, "one_click_unsubscribe": "no_header"}
    write_session(
        workspace, catalog.find("deliverability", "en"), session_id="deli0002",
        started=at(3, 9), people=[("Ben Adeyemi", "deliverability")], answers=deliverability,
        client=CLIENT, engagement=ENGAGEMENT,
    )  # fmt: skip
    return workspace


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
        assert strip.startswith(
            "Interview plan Nadia Flores (Creative and content), Fiona Walsh (kickoff?) · 6 roles"
        )
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CockpitScreen)
        title = screen_text(screen, "#cockpit-title")
        assert title.startswith("Discovery report: Acme Outdoor — ESP move 2027  ·  2 sessions")
        summary = screen_text(screen, "#cockpit-summary")
        assert "Heard   Executive sponsor, Email operations, Deliverability" in summary
        assert "Missing Data and CRM, IT integrations, Creative and content" in summary
        assert "must-fix ·" in summary and "conflicts to settle" in summary
        assert "Go/no-go no-go" in summary
        assert "fits the contract" in summary
        plan = screen.query_one("#plan-table", DataTable)
        assert [str(plan.get_row_at(r)[0]) for r in range(3)] == [
            "Nadia Flores",
            "Fiona Walsh",
            "Ben Adeyemi",
        ]
        assert str(plan.get_row_at(2)[2]) == "interviewed"
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
        await pilot.press("enter")  # Nadia Flores, junior designer
        await settle(pilot)
        form = app.screen
        assert isinstance(form, NewInterviewScreen)
        assert form.query_one("#client", Input).value == CLIENT
        assert form.query_one("#engagement", Input).value == ENGAGEMENT
        assert form.query_one(".person-name", Input).value == "Nadia Flores"
        assert form.query_one(".person-role", Input).value == "Creative and content"
        picker = form.query_one("#questionnaires", QuestionnairePicker)
        assert picker.chosen is not None and picker.chosen.id == "creative-content"


def test_the_cockpit_at_80x24(snap_compare, example: Workspace, bundled: Catalog) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)

    app = make_app(example, bundled)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
