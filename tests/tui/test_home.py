"""Home: the workspace's interviews, filtering, resuming, and the way to start."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import DataTable, Static

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.lock import LockOwner
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.screens.export_modal import ExportModal
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.screens.report import ReportScreen
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, palette_lists, settle
from tui.fixtures import three_sessions

SIZE = (150, 30)


def rendered(content: object) -> str:
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


def column(table: DataTable, index: int) -> list[str]:
    return [str(table.get_row_at(row)[index]) for row in range(table.row_count)]


async def test_an_empty_workspace_says_where_it_is_and_how_to_start(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = str(app.screen.query_one("#empty", Static).render())
        assert "No interviews yet in ./workshop/sessions" in text
        assert "Press  n  to start one" in text
        await pilot.press("n")
        assert isinstance(app.screen, NewInterviewScreen)


async def test_sessions_are_listed_newest_first_with_who_and_how_far(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        assert column(table, 0) == ["Globex", "Acme", "Acme"]
        assert column(table, 2)[1] == "Bo Chen (IT integrations), Cy Diaz (Data and CRM)"
        assert column(table, 4) == ["in progress", "completed", "in progress"]
        assert column(table, 5) == ["0/6", "2/6", "2/9"]
        assert column(table, 6) == ["2026-03-02 09:10", "2026-03-01 15:30", "2026-03-01 10:05"]


async def test_typing_in_the_filter_narrows_the_table_and_escape_clears_it(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#sessions", DataTable)
        await pilot.press("slash", *"acme int")
        assert column(table, 2) == ["Bo Chen (IT integrations), Cy Diaz (Data and CRM)"]
        await pilot.press("escape")
        assert table.row_count == 3
        assert app.focused is table


async def test_enter_resumes_the_selected_session_where_it_was_left(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.live.session.id == "acme0001"
        assert screen.question.id == "list_prep_hours"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_open_in_another_window_is_refused_with_a_message(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    paths = three_sessions(workspace, questionnaire)
    elsewhere = SessionStore(workspace, owner=LockOwner(pid=1, host="other-laptop", user="bo"))
    elsewhere.open(str(paths[2]))
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
        (notice,) = app._notifications
        assert "other-laptop" in str(notice.message)
    elsewhere.close_all()


async def test_report_and_export_open_for_the_selected_sessions_engagement(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "r")
        report = app.screen
        assert isinstance(report, ReportScreen)
        assert (report.client, report.engagement) == ("Acme", "ESP move 2027")
        await pilot.press("escape", "ctrl+e")
        export = app.screen
        assert isinstance(export, ExportModal)
        assert export.session_id == "acme0002"


async def test_an_unreadable_session_file_is_named_not_fatal(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    (workspace.sessions_dir / "broken.toml").write_text("client = [", encoding="utf-8")
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#sessions", DataTable).row_count == 3
        assert "broken.toml" in str(app.screen.query_one("#problems", Static).render())


async def test_the_palette_offers_the_screens_keys_as_commands(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New interview", "Filter", "Report", "Export", "Help"} <= titles
        await pilot.press("ctrl+p", *"new interv")
        await palette_lists(pilot, "new interview")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, NewInterviewScreen)


async def test_f1_lists_every_screens_keys_and_why(workspace: Workspace, catalog: Catalog) -> None:
    from esp_wizard.tui.screens.help import HelpScreen

    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        shown = "\n".join(rendered(s.content) for s in app.screen.query(Static))
        assert "PageDown" in shown and "ctrl+n" in shown
        assert "Mark the session completed and see the findings it raised" in shown
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_chosen_theme_is_remembered_for_next_time(
    workspace: Workspace, catalog: Catalog
) -> None:
    from esp_wizard.config import load_config

    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        pilot.app.theme = "textual-light"
        await pilot.pause()
    assert load_config().theme == "textual-light"
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        assert pilot.app.theme == "textual-light"
