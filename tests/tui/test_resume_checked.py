"""A session started in the TUI resumes without its questionnaire being checked again."""

from __future__ import annotations

import pytest

from esp_wizard.questionnaire import checkedcopy
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.session.opened import with_questionnaire
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, settle


async def test_a_new_sessions_questionnaire_is_kept_as_checked(
    workspace: Workspace, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Acme", "enter", *"Move", "enter", *"Fay", "enter")
        await pilot.press(*"Ana", "enter", *"email", "enter", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)

    def no_check(*_: object) -> None:
        raise AssertionError("the copy was parsed and checked again")

    monkeypatch.setattr(checkedcopy, "parse_questionnaire", no_check)
    with SessionStore(workspace) as store:
        (path,) = workspace.sessions_dir.glob("*.toml")
        opened = with_questionnaire(store, store.load(path), lambda: catalog)
        assert not opened.warning
        assert opened.questionnaire.id == "spec-example"
        assert opened.questionnaire.source == store.questionnaire_text(opened.session)
