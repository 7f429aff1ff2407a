"""New interview: the form creates the session file at once and opens the interview."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input

from esp_wizard.config import UserConfig, load_config, save_config
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.model import Interviewee
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.screens.new_interview import NewInterviewScreen
from esp_wizard.tui.start import NewPresets, Start
from esp_wizard.tui.widgets.questionnaire_picker import QuestionnairePicker
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, on_disk, settle
from tui.fixtures import three_sessions

SIZE = (100, 36)


async def open_form(pilot: Pilot[None]) -> None:
    """From the home screen, once loaded, to the new-interview form, once loaded."""
    await settle(pilot)
    await pilot.press("n")
    await settle(pilot)


def session_files(workspace: Workspace) -> list:
    return sorted(workspace.sessions_dir.glob("*.toml")) if workspace.sessions_dir.is_dir() else []


async def test_the_form_creates_the_session_and_opens_its_first_question(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await pilot.press(*"Acme", "enter", *"Move", "enter", *"Fay", "enter")
        await pilot.press(*"Ana", "enter", *"email", "enter", "ctrl+n", *"Bo", "tab", *"it")
        await pilot.press("ctrl+s")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.question.id == "welcome"
    (path,) = session_files(workspace)
    session = on_disk(workspace, path)
    assert (session.client, session.engagement, session.facilitator) == ("Acme", "Move", "Fay")
    assert session.interviewees == [
        Interviewee(name="Ana", role="email-ops"),
        Interviewee(name="Bo", role="it"),
    ]
    assert session.questionnaire.id == "spec-example"
    assert load_config().facilitator == "Fay"


async def test_missing_client_and_interviewee_are_said_beside_them_and_nothing_is_created(
    workspace: Workspace, catalog: Catalog
) -> None:
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await pilot.press("ctrl+s")
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        assert str(screen.query_one("#client-problem").render()) == "Client: required."
        assert str(screen.query_one("#people-problem").render()) == "Name at least one interviewee."
        assert app.focused is screen.query_one("#client", Input)
        await pilot.press(*"Acme")
        assert screen.query_one("#client-problem").display is False
    assert session_files(workspace) == []


async def test_the_facilitator_is_remembered_and_known_clients_are_suggested(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    three_sessions(workspace, questionnaire)
    save_config(UserConfig(facilitator="Fay Green"))
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        screen = app.screen
        assert screen.query_one("#facilitator", Input).value == "Fay Green"
        await pilot.press(*"glo", "right")
        assert screen.query_one("#client", Input).value == "Globex"


async def test_options_from_the_command_line_are_shown_and_not_asked_again(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    presets = NewPresets(client="Acme", interviewees=(Interviewee(name="Ana", role="email-ops"),))
    app = make_app(workspace, catalog, start=Start("new", presets))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        client = screen.query_one("#client", Input)
        assert (client.value, client.disabled) == ("Acme", True)
        assert app.focused is screen.query_one("#engagement", Input)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, InterviewScreen)
    (path,) = session_files(workspace)
    assert on_disk(workspace, path).interviewees == [Interviewee(name="Ana", role="email-ops")]


async def test_enter_in_the_list_starts_with_the_questionnaire_its_message_names(
    workspace: Workspace, catalog: Catalog
) -> None:
    """The Start message carries the choice: the screen does not read the list back."""
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await open_form(pilot)
        await pilot.press(*"Acme", "enter", "enter", "enter", *"Ana", "enter")
        screen = app.screen
        picker = screen.query_one(QuestionnairePicker)
        assert picker.chosen is not None  # highlighted, but the message says none
        picker.post_message(QuestionnairePicker.Start(None))
        await settle(pilot)
        assert app.screen is screen
        problem = str(screen.query_one("#questionnaire-problem").render())
        assert problem == "Pick a questionnaire."
    assert session_files(workspace) == []
