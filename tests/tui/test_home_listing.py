"""The home listing: from the cache when nothing changed, and never under a resume.

Under a resume or a new interview home is not even built until it is uncovered; on its
own it lists once (from the cache when it can), and again each time it is returned to.
"""

from __future__ import annotations

import pytest

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui import sessions
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.start import NewPresets, Start
from esp_wizard.tui.widgets.session_table import SessionTable
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, settle

SIZE = (100, 30)


def count_listings(monkeypatch: pytest.MonkeyPatch) -> list[Workspace]:
    """Every full listing (the worker's) from now on, in a list."""
    listed: list[Workspace] = []
    real = sessions.list_sessions

    def counted(where: Workspace) -> sessions.Listing:
        listed.append(where)
        return real(where)

    monkeypatch.setattr(sessions, "list_sessions", counted)
    return listed


async def test_the_listing_waits_until_home_is_uncovered(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire, client="Globex")
    listed = count_listings(monkeypatch)
    store = SessionStore(workspace)
    opened = open_session(store, str(path), lambda: catalog)
    app = make_app(workspace, catalog, store=store, start=Start("interview", opened=opened))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert listed == []  # nothing competes with the first question
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)  # nor built
        await app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert len(listed) == 1
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
        assert app.screen.focused is app.screen.query_one(SessionTable)  # Enter resumes
    store.close_all()


async def test_home_is_built_when_a_new_interview_is_cancelled(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    make_session(workspace, questionnaire, client="Globex")
    app = make_app(workspace, catalog, start=Start("new", NewPresets()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any(isinstance(s, HomeScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]


async def test_home_from_the_cache_lists_once_then_again_on_each_return(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire, client="Globex")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)  # fills the listing cache
    listed = count_listings(monkeypatch)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
        assert listed == []  # the cache was enough: no second reading behind the first frame
        path.write_text(path.read_text("utf-8").replace('"Globex"', '"Initech"'), "utf-8")
        await pilot.press("f1")
        await pilot.press("escape")
        await settle(pilot)
        assert len(listed) == 1  # back on home: read again, and the change shows
        assert [row.session.client for row in app.screen.shown_rows] == ["Initech"]


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
