"""The report screen and the cockpit share one compile worker (tui/compile_worker.py): a
compile that fails, whatever the reason, is said on the screen and the app keeps running."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from esp_wizard.findings.model import EngagementReport
from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.tui.screens.cockpit import CockpitScreen
from esp_wizard.tui.screens.report import ReportScreen
from esp_wizard.workspace import Workspace
from findings.fixture import CLIENT, ENGAGEMENT, build_fixture_engagement
from tui.conftest import make_app
from tui_report.test_report_screen import Host, settle

SIZE = (100, 30)


def core_bug(*_args: object) -> EngagementReport:
    raise RuntimeError("[bold red]unbalanced [/i] markup from a file name")


async def test_the_cockpit_of_an_empty_workspace_says_why_and_goes_back(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    app = make_app(workspace, load_catalog(workspace.questionnaires_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(CockpitScreen(workspace, "Nobody", ""))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, CockpitScreen)
        title = str(app.screen.query_one("#cockpit-title", Static).render())
        assert title.startswith("The engagement could not be compiled: ")
        assert "esp-wizard new" in title
        await pilot.press("escape")
        assert not isinstance(app.screen, CockpitScreen)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("screen_type", [ReportScreen, CockpitScreen])
async def test_a_failing_compile_is_shown_as_written_and_the_app_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, screen_type: type[ReportScreen]
) -> None:
    monkeypatch.setattr("esp_wizard.findings.compile_workspace", core_bug)
    workspace = build_fixture_engagement(tmp_path)
    app = make_app(workspace, load_catalog(workspace.questionnaires_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(screen_type(workspace, CLIENT, ENGAGEMENT))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, screen_type)
        status = "#report-title" if screen_type is ReportScreen else "#cockpit-title"
        title = str(app.screen.query_one(status, Static).render())
        notes = [str(n.message) for n in app._notifications]
    assert "could not be compiled: [bold red]unbalanced [/i] markup" in title
    assert any("[bold red]unbalanced [/i] markup" in note for note in notes)
    assert app.return_code in (None, 0)


async def test_saving_the_note_recompiles_through_the_same_worker(tmp_path: Path) -> None:
    """The report screen's recompile (after the executive note) shows the new report."""
    workspace = build_fixture_engagement(tmp_path)
    app = Host(ReportScreen(workspace, CLIENT, ENGAGEMENT))
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReportScreen) and screen.report is not None
        first = screen.report
        screen._note_saved(True)
        await settle(pilot)
        assert screen.report is not None and screen.report is not first
