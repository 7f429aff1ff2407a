"""Typing ahead in the new-interview form: every key lands in the field where it was typed.

A terminal hands the app a burst of keys at once; the ones typed right after `n` arrive
before the form exists or has focus, and while the questionnaires are still loading. The
burst is posted here exactly as the driver posts it, all at once, with the questionnaire
catalog held back until the keys have been handled.
"""

from __future__ import annotations

import threading

from textual import events
from textual.widgets import Input

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, settle

SIZE = (100, 36)


def burst(typed: str) -> list[events.Key]:
    """Keys as the driver makes them: ⏎ is Enter, ⌫ Backspace, ⇥ Tab."""
    named = {"⏎": ("enter", "\r"), "⌫": ("backspace", "\x7f"), "⇥": ("tab", "\t")}
    return [events.Key(*named.get(ch, (ch, ch))) for ch in typed]


def fields(screen: NewInterviewScreen) -> list[str]:
    return [field.value for field in screen.query("#form Input").results(Input)]


async def test_keys_typed_before_the_form_is_ready_land_where_they_were_typed(
    workspace: Workspace, catalog: Catalog
) -> None:
    loaded = threading.Event()
    app = make_app(workspace, None)

    def slow_catalog() -> Catalog:
        loaded.wait(timeout=30)
        return catalog

    app.catalog = slow_catalog  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")  # returns once the key is handled, not once the form is ready
        for key in burst("Acme⏎Movx⌫e⏎Fay⇥Ana⏎email-ops⏎"):
            app.post_message(key)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        assert screen.catalog is None  # still loading while the keys were handled
        assert fields(screen) == ["Acme", "Move", "Fay", "Ana", "email-ops"]
        assert isinstance(screen.focused, QuestionnairePicker)
        loaded.set()
        await settle(pilot)
        assert screen.query_one(QuestionnairePicker).chosen is not None
        assert fields(screen) == ["Acme", "Move", "Fay", "Ana", "email-ops"]


async def test_a_role_typed_ahead_is_completed_on_enter(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        for key in burst("Acme⏎⏎⏎Ana⏎data⏎"):
            app.post_message(key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        assert fields(screen) == ["Acme", "", "", "Ana", "Data and CRM"]  # its label
        assert screen.roles() == {"data-crm"}  # the id the session file keeps
