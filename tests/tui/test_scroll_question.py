"""On a small terminal the question's column runs past the screen (the questionnaire's
description at the first question, a long help): ctrl+up and ctrl+down scroll it from the
keyboard, while the answer keeps the focus and what is typed goes on landing in it."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from textual.app import App
from textual.widgets import Static

from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, open_interview, screen_text

FIRST_LINE = "Working session with the one to three people who"  # email-ops' description


def help_rows(app: App[Any]) -> list[str]:
    """What F1's tables say each key does (the whole list, scrolled or not)."""
    statics = app.screen.query(".help-keys").results(Static)
    tables = [static.content for static in statics if isinstance(static.content, Table)]
    return [str(cell) for table in tables for cell in table.columns[1].cells]


async def test_ctrl_up_shows_the_description_a_small_screen_cut_and_ctrl_down_the_answer(
    workspace: Workspace,
) -> None:
    catalog = load_catalog(workspace.questionnaires_dir)
    path = make_session(workspace, catalog.find("email-ops", "en"))
    async with make_app(workspace, catalog).run_test(size=(80, 24)) as pilot:
        screen = await open_interview(pilot, path)
        answer = screen.app.focused
        assert FIRST_LINE not in screen_text(pilot.app)  # the answer box pushed it off
        await pilot.press("ctrl+up")
        assert FIRST_LINE in screen_text(pilot.app)
        assert screen.app.focused is answer
        await pilot.press("ctrl+down", *"Ten sends")
        shown = screen_text(pilot.app)
        assert FIRST_LINE not in shown
        assert "Ten sends" in shown  # typed into the answer, now in view again
        await pilot.press("alt+up")  # where macOS keeps ctrl+arrows for itself
        assert FIRST_LINE in screen_text(pilot.app)
        await pilot.press("alt+down")
        assert FIRST_LINE not in screen_text(pilot.app)
        await pilot.press("f1")  # every key, with what it does
        rows = help_rows(pilot.app)
        assert (
            "Scroll the question's text up (a long description or help on a small screen)" in rows
        )
        assert "Scroll the question's text down" in rows
