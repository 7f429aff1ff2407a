"""A worker that fails (an unreadable workspace, broken questionnaires) never closes the app:
the problem is said on the screen and the user can go on."""

from __future__ import annotations

import errno

import pytest
from textual.widgets import Static

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.tui import sessions
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, settle

SIZE = (100, 32)


def unreadable(*_args: object) -> None:
    raise PermissionError("[Errno 13] Permission denied: 'workshop/sessions'")


async def test_a_workspace_that_cannot_be_listed_is_said_and_the_app_stays(
    workspace: Workspace, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sessions, "list_sessions", unreadable)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, HomeScreen)
        shown = str(app.screen.query_one("#empty", Static).render())
        assert "Could not read the workspace's sessions" in shown
        assert "Permission denied" in shown
        await pilot.press("n")
        assert isinstance(app.screen, NewInterviewScreen)
    assert app.return_code in (None, 0)


async def test_questionnaires_that_cannot_be_loaded_are_said_in_the_form(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, None)
    app.catalog = unreadable  # type: ignore[assignment,method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        screen = app.screen
        assert app.is_running and isinstance(screen, NewInterviewScreen)
        picker = screen.query_one(QuestionnairePicker)
        shown = str(picker.get_option_at_index(0).prompt)
        assert "Could not load the questionnaires" in shown
        await pilot.press(*"Acme")
        assert screen.query_one("#client").value == "Acme"  # type: ignore[attr-defined]
    assert app.return_code in (None, 0)


async def test_a_workspace_that_cannot_be_listed_says_why_in_french(
    french_ui: None, workspace: Workspace, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", "workshop/sessions")

    monkeypatch.setattr(sessions, "list_sessions", refused)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = str(app.screen.query_one("#empty", Static).render())
        assert "workshop/sessions : permission refusée" in shown
        assert "Permission denied" not in shown and "Errno" not in shown
