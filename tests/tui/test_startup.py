"""Start-up: what nobody sees at once waits until the first frame is on the terminal."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui import collector
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.start import Start
from esp_wizard.tui.widgets.answer_area import AnswerArea
from esp_wizard.tui.widgets.plan_strip import PlanStrip
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, settle

SIZE = (100, 30)


async def test_the_plan_strip_compiles_only_after_the_first_frame(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_session(workspace, questionnaire, client="Globex")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)  # fills the listing cache: the next table is in the first frame
    compiled: list[tuple[str, bool]] = []

    def compile_plan(strip: PlanStrip, _where: Workspace, client: str, _engagement: str) -> None:
        app = strip.app
        assert isinstance(app, WizardApp)
        compiled.append((client, app.painted))

    monkeypatch.setattr(PlanStrip, "compile_plan", compile_plan)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
        assert compiled == [("Globex", True)]


async def test_callbacks_after_the_first_paint_run_once_painted(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    ran: list[bool] = []
    app.after_first_paint(lambda: ran.append(app.painted))
    assert not app.painted
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert ran == [True]
        app.after_first_paint(lambda: ran.append(app.painted))  # later: at the next refresh
        await settle(pilot)
        assert ran == [True, True]


def test_the_collector_is_held_until_the_first_frame() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    with collector.held_until_first_frame():
        assert not gc.isenabled()
        collector.first_frame_painted()
        assert gc.isenabled()
        assert gc.get_freeze_count() > before  # start-up's objects are left out of collections
    gc.unfreeze()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_command_ends_without_a_frame() -> None:
    before = gc.get_freeze_count()
    with pytest.raises(RuntimeError), collector.held_until_first_frame():
        raise RuntimeError("no terminal")
    assert gc.isenabled()
    collector.first_frame_painted()  # too late to matter: nothing is frozen
    assert gc.get_freeze_count() == before


def test_a_collector_turned_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        with collector.held_until_first_frame():
            collector.first_frame_painted()
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


async def test_a_resume_paints_its_question_before_preparing_the_other_answer_widgets(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire, client="Globex")
    prepared: list[bool] = []
    real = AnswerArea.prepare

    async def prepare(area: AnswerArea, questions: Any) -> None:
        app = area.app
        assert isinstance(app, WizardApp)
        prepared.append(app.painted)
        await real(area, questions)

    monkeypatch.setattr(AnswerArea, "prepare", prepare)
    store = SessionStore(workspace)
    opened = open_session(store, str(path), lambda: catalog)
    app = make_app(workspace, catalog, store=store, start=Start("interview", opened=opened))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert prepared == [True]
    store.close_all()
