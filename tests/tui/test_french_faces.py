"""The TUI for a French consultant (interface language fr), at 80x24: home, the interview on a
French questionnaire, the review, the help and the dialogs speak French; dates are read
and typed the French way; o and y both answer oui. Snapshots: test_snapshots_french.py."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, RadioButton, Static

from esp_wizard import i18n
from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.widgets.key_bar import KeyBar
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, on_disk, open_interview, settle
from tui.fixtures import three_sessions

SIZE = (80, 24)
FRENCH = """\
format = 1
id = "operations-fr"
version = "1.0.0"
language = "fr"
title = "Opérations e-mail"
roles = ["email-ops"]
minutes = 20

[[sections]]
id = "listes"
title = "Listes et abonnés"

[[sections.questions]]
id = "listes_maison"
type = "yes_no"
text = "Envoyez-vous à des listes que vous gérez vous-mêmes ?"
required = true

[[sections.questions]]
id = "source"
type = "choice"
text = "Comment les listes arrivent-elles dans l'ESP ?"
required = true
options = [
  { value = "api", label = "Synchronisation automatique" },
  { value = "csv", label = "Import CSV à la main" },
]
other = true

[[sections.questions]]
id = "fin_contrat"
type = "date"
text = "Quand le contrat actuel se termine-t-il ?"
max = 2030-12-31

[[sections.questions]]
id = "equipe"
type = "text"
text = "Quelle équipe prépare les listes ?"
"""


@pytest.fixture
def french(workspace: Workspace) -> tuple[Catalog, Questionnaire]:
    (workspace.questionnaires_dir / "operations.fr.toml").write_text(FRENCH, encoding="utf-8")
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    return catalog, catalog.find("operations-fr")


def shown(widget: Static) -> str:
    """What a Static shows, as plain text (a rich Table too)."""
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def key_bar(screen: object) -> str:
    return shown(screen.query_one(KeyBar))  # type: ignore[attr-defined]


async def test_home_speaks_french_with_unambiguous_dates(
    french_ui: None, workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one("#sessions", DataTable)
        headers = [str(column.label) for column in table.columns.values()]
        assert headers[:4] == ["Client", "Personnes interrogées", "Questionnaire", "Statut"]
        assert headers[-1] == "Modifié"
        changed = [str(table.get_row_at(row)[-1]) for row in range(table.row_count)]
        assert all(cell.split()[1] in ("janv.", "févr.", "mars", "déc.") for cell in changed)
        assert "en cours" in [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
        placeholder = pilot.app.screen.query_one("#filter", Input).placeholder
        assert placeholder.startswith("Filtrer (/) : client")


async def test_an_empty_workspace_says_so_in_french(
    french_ui: None, workspace: Workspace, catalog: Catalog
) -> None:
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)
        empty = shown(pilot.app.screen.query_one("#empty", Static))
        assert "Pas encore d'entretien dans" in empty
        assert "pour en commencer un" in empty
        assert "F1 montre toutes les touches" in empty


async def test_the_interview_key_bar_and_question_words_are_french(
    french_ui: None, workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    path = make_session(workspace, questionnaire)
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        keys = key_bar(screen)
        assert "Suivante" in keys and "Retour" in keys and "Palette" in keys
        assert "Next" not in keys
        await pilot.press("o")  # oui
        await pilot.press("enter")
        assert screen.question.id == "source"
        await pilot.press("ctrl+r")
        await pilot.press("n", "ctrl+r", "y", "enter")  # non, back, then y: also oui
    assert on_disk(workspace, path).answers["listes_maison"].value is True


async def test_a_french_date_and_its_limit_are_french(
    french_ui: None, workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    path = make_session(workspace, questionnaire, current="fin_contrat")
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        screen = await open_interview(pilot, path)
        line = screen.query_one("#line", Input)
        assert line.placeholder == "JJ/MM/AAAA"
        await pilot.press(*"31/03/2031", "enter")
        assert "31/12/2030" in shown(screen.query_one("#validation", Static))
        line.value = "2026-12-31"  # ISO is accepted too
        await pilot.press("enter")
        assert screen.question.id == "equipe"
    assert on_disk(workspace, path).answers["fin_contrat"].value == dt.date(2026, 12, 31)


async def test_review_help_and_dialogs_are_french(
    french_ui: None, workspace: Workspace, french: tuple[Catalog, Questionnaire]
) -> None:
    catalog, questionnaire = french
    path = make_session(workspace, questionnaire, answers={"listes_maison": True})
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await open_interview(pilot, path)
        await pilot.press("ctrl+l")
        await pilot.pause()
        title = shown(pilot.app.screen.query_one("#review-summary", Static))
        assert title.startswith("Revue · Opérations e-mail")
        assert "1 sur 4 répondues" in title
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        help_text = " ".join(shown(s) for s in pilot.app.screen.query(Static))
        assert "Touches d'esp-wizard" in help_text
        assert "Enregistrer cette réponse et passer à la question suivante" in help_text
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = pilot.app.screen
        assert shown(dialog.query_one("#export-heading", Static)).strip() == "Exporter"
        choices = [str(button.label) for button in dialog.query(RadioButton)]
        assert choices[:2] == ["Résumé de cette session", "Rapport de la mission"]
        assert "Constats en CSV (.csv)" in choices


async def test_an_english_app_after_a_french_one_is_english(
    workspace: Workspace, catalog: Catalog
) -> None:
    """The TUI's worker threads speak the app's language, and only while it runs."""
    with i18n.use("fr"):
        async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert i18n._("Yes") == "Oui"
    assert i18n.current() == "en"
    async with make_app(workspace, catalog).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No interviews yet in" in shown(pilot.app.screen.query_one("#empty", Static))


def test_the_french_questionnaire_fixture_is_french(
    french: tuple[Catalog, Questionnaire], tmp_path: Path
) -> None:
    _catalog, questionnaire = french
    assert questionnaire.language == "fr"
