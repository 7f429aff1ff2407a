"""What a French consultant sees at 80x24 (interface in French, a French questionnaire):
home, a question, the review and the export dialog. Fixed workspace, clock and ids.

Update after checking the new pictures by eye:
    .venv/bin/python -m pytest tests/tui/test_snapshots_french.py --snapshot-update
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.workspace import Workspace
from tui.conftest import NOW, make_app, settle
from tui.fixtures import three_sessions, write_session
from tui.test_french_faces import french  # noqa: F401  (the French questionnaire fixture)

SIZE = (80, 24)


pytestmark = pytest.mark.usefixtures("french_ui")


def interview(workspace: Workspace, questionnaire: Questionnaire, current: str, *keys: str):
    path = write_session(
        workspace, questionnaire, "fr000001",
        client="Acme", engagement="Migration ESP 2027",
        people=[("Ana Souza", "email-ops")],
        started=NOW, updated=NOW, answers={"listes_maison": True}, current=current,
    )  # fmt: skip

    async def run_before(pilot: Pilot) -> None:
        await settle(pilot)
        pilot.app.resume_session(str(path))  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press(*keys)
        await settle(pilot)

    return run_before


def test_home_in_french(
    snap_compare, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    assert snap_compare(make_app(workspace, catalog), terminal_size=SIZE, run_before=settle)


def test_a_french_question(
    snap_compare,
    workspace: Workspace,
    french: tuple[Catalog, Questionnaire],  # noqa: F811
) -> None:
    catalog, questionnaire = french
    before = interview(workspace, questionnaire, "source")
    assert snap_compare(make_app(workspace, catalog), terminal_size=SIZE, run_before=before)


def test_a_french_date_refused(
    snap_compare,
    workspace: Workspace,
    french: tuple[Catalog, Questionnaire],  # noqa: F811
) -> None:
    catalog, questionnaire = french
    before = interview(workspace, questionnaire, "fin_contrat", *"31/03/2031", "enter")
    assert snap_compare(make_app(workspace, catalog), terminal_size=SIZE, run_before=before)


def test_the_review_in_french(
    snap_compare,
    workspace: Workspace,
    french: tuple[Catalog, Questionnaire],  # noqa: F811
) -> None:
    catalog, questionnaire = french
    before = interview(workspace, questionnaire, "source", "ctrl+l")
    assert snap_compare(make_app(workspace, catalog), terminal_size=SIZE, run_before=before)


def test_the_export_dialog_in_french(
    snap_compare,
    workspace: Workspace,
    french: tuple[Catalog, Questionnaire],  # noqa: F811
) -> None:
    catalog, questionnaire = french
    before = interview(workspace, questionnaire, "source", "ctrl+e")
    assert snap_compare(make_app(workspace, catalog), terminal_size=SIZE, run_before=before)
