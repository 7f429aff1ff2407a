"""The home listing: from the cache when nothing changed, and never under a resume."""

from __future__ import annotations

from typing import Any

import pytest

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui import sessions
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.start import Start
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, settle

SIZE = (100, 30)


async def test_the_listing_waits_until_home_is_uncovered(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire, client="Globex")
    listed: list[Any] = []
    real = sessions.list_sessions

    def counted(where: Workspace) -> sessions.Listing:
        listed.append(where)
        return real(where)

    monkeypatch.setattr(sessions, "list_sessions", counted)
    store = SessionStore(workspace)
    opened = open_session(store, str(path), lambda: catalog)
    app = make_app(workspace, catalog, store=store, start=Start("interview", opened=opened))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert listed == []  # nothing competes with the first question
        await app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(listed) == 1
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
    store.close_all()


async def test_unchanged_sessions_are_in_the_first_frame_and_changes_show(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, client="Globex")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)  # the first listing reads the file and fills the cache
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE):
        assert isinstance(app.screen, HomeScreen)
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
    path.write_text(path.read_text("utf-8").replace('"Globex"', '"Initech"'), "utf-8")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [row.session.client for row in app.screen.shown_rows] == ["Initech"]
