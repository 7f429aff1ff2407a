"""The new-interview form's role field speaks labels in the interface's language: it shows,
suggests and completes "Intégrations SI", accepts the id too, and the file keeps the id."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from esp_wizard import i18n
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.roles import role_id, shown_role
from esp_wizard.session.model import Interviewee
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.start import NewPresets, Start
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, on_disk, settle
from tui.test_new_interview import open_form, session_files

SIZE = (100, 36)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("it-integrations", "it-integrations"),
        ("IT integrations", "it-integrations"),
        ("  intégrations   si ", "it-integrations"),
        ("Juridique et protection des données", "legal-privacy"),
        ("Procurement", "Procurement"),
        ("", ""),
    ],
)
def test_a_role_is_kept_as_its_id_whichever_language_it_was_typed_in(typed: str, kept: str) -> None:
    assert role_id(typed) == kept


def test_a_field_shows_a_known_role_as_its_label_and_any_other_as_it_is() -> None:
    with i18n.use("fr"):
        assert shown_role("email-ops") == "Opérations email"
        assert shown_role("field_sales") == "field_sales"  # saved again unchanged


async def test_in_french_the_role_completes_to_its_label_and_the_file_keeps_the_id(
    french_ui: None, workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        hint = str(screen.query_one("#people-hint", Static).render())
        assert "Intégrations SI" in hint and "it-integrations" not in hint
        role = screen.query(".person-role").first(Input)
        assert role.placeholder == "Rôle, par ex. Opérations email (→ complète)"
        await pilot.press(*"Acme", "enter", "enter", "enter", *"Ana", "enter")
        await pilot.press(*"intég", "enter")
        assert role.value == "Intégrations SI"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InterviewScreen)
    (path,) = session_files(workspace)
    assert on_disk(workspace, path).interviewees == [
        Interviewee(name="Ana", role="it-integrations")
    ]


async def test_a_preset_role_is_shown_as_its_label_and_saved_as_its_id(
    workspace: Workspace, catalog: Catalog
) -> None:
    people = (Interviewee(name="Ana", role="data-crm"), Interviewee(name="Bo", role="field_sales"))
    app = make_app(workspace, catalog, start=Start("new", NewPresets(interviewees=people)))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        shown = [field.value for field in screen.query(".person-role").results(Input)]
        assert shown == ["Data and CRM", "field_sales"]
        await pilot.press(*"Acme", "ctrl+s")
        assert isinstance(app.screen, InterviewScreen)
    (path,) = session_files(workspace)
    assert on_disk(workspace, path).interviewees == list(people)


@pytest.mark.parametrize(
    ("raw", "role"),
    [
        ("Ana Souza:email-ops", "email-ops"),
        ("Ana Souza:Opérations email", "email-ops"),
        ("Ana Souza: IT integrations ", "it-integrations"),
        ("Ana Souza:Procurement", "Procurement"),
        ("Ana Souza", ""),
    ],
)
def test_the_interviewee_option_takes_a_role_by_its_id_or_its_label(raw: str, role: str) -> None:
    assert Interviewee.parse(raw) == Interviewee(name="Ana Souza", role=role)
