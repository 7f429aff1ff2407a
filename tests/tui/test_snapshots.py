"""What the screens look like, at 80×24 and 120×40: fixed workspace, clock and ids.

Update after checking the new pictures by eye:
    .venv/bin/python -m pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.app import WizardApp
from esp_wizard.workspace import Workspace
from tui.conftest import NOW, make_app, settle
from tui.fixtures import three_sessions, write_session

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Before = Callable[[Pilot], Awaitable[None]]


def live_session(workspace: Workspace, questionnaire: Questionnaire, current: str) -> Path:
    """An interview twelve minutes in, with a few answers of each kind already given."""
    answers = {
        "story": "We export the list from the CRM, fix it in Excel,\n"
        "then upload it again. Every Monday.",
        "uses_lists": True,
        "list_source": "csv_upload",
        "stability": 2,
        "systems": [
            {"name": "Salesforce", "kind": "crm", "transport": "api", "owner": "Mia"},
            {"name": "Shopify", "kind": "ecommerce", "transport": "manual", "must_move": True},
        ],
    }
    return write_session(
        workspace, questionnaire, "live0001",
        client="Acme", engagement="ESP move 2027",
        people=[("Ana Souza", "email-ops"), ("Bo Chen", "it-integrations")],
        started=NOW - dt.timedelta(minutes=12), updated=NOW, answers=answers, current=current,
    )  # fmt: skip


def resume(path: Path, *keys: str) -> Before:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        app = pilot.app
        assert isinstance(app, WizardApp)
        app.resume_session(str(path))
        await pilot.pause()
        await pilot.press(*keys)

    return run_before


@pytest.mark.parametrize("size", SIZES)
def test_home(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    three_sessions(workspace, questionnaire)
    assert snap_compare(make_app(workspace, catalog), terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES)
def test_new_interview(snap_compare, workspace: Workspace, catalog: Catalog, size) -> None:
    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press(*"Acme", "enter", "enter", *"Fay", "enter", *"Ana", "enter", *"email")

    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_interview_on_a_choice(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    path = live_session(workspace, questionnaire, "list_source")
    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=size, run_before=resume(path, "down"))


@pytest.mark.parametrize("size", SIZES)
def test_interview_on_an_inventory(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    path = live_session(workspace, questionnaire, "systems")
    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=size, run_before=resume(path))


@pytest.mark.parametrize("size", SIZES)
def test_interview_on_a_long_text(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    path = live_session(workspace, questionnaire, "story")
    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=size, run_before=resume(path))


@pytest.mark.parametrize("size", SIZES)
def test_review(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire, size
) -> None:
    path = live_session(workspace, questionnaire, "stability")
    app = make_app(workspace, catalog)
    assert snap_compare(app, terminal_size=size, run_before=resume(path, "ctrl+f", "ctrl+l"))
