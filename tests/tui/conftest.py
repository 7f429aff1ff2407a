"""A fixed workspace, clock and time zone for the TUI's Pilot and snapshot tests.

The workspace holds only the spec's example questionnaire (tests/data/complete.toml), so
what the screens list never depends on the bundled questionnaires; the current folder is
the workspace's parent, so paths on screen read `./workshop/…` wherever tmp_path is.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from esp_wizard.questionnaire.catalog import Catalog, load_catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee, Session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.app import WizardApp
from esp_wizard.workspace import Workspace

DATA = Path(__file__).parent.parent / "data"
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def fixed_clock() -> dt.datetime:
    return NOW


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Workspace:
    root = tmp_path / "workshop"
    (root / "questionnaires").mkdir(parents=True)
    shutil.copy(DATA / "complete.toml", root / "questionnaires" / "complete.toml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ESP_WIZARD_CONFIG_DIR", str(tmp_path / "config"))
    return Workspace(root)


@pytest.fixture
def catalog(workspace: Workspace) -> Catalog:
    return load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")


@pytest.fixture
def questionnaire(catalog: Catalog) -> Questionnaire:
    return catalog.find("spec-example")


def text_questionnaire(
    workspace: Workspace, questionnaire_id: str, questions: list[tuple[str, str]], help: str = ""
) -> Catalog:
    """A one-section questionnaire of text questions, (id, text) each, written into the
    workspace; the catalogue that holds it (for screens where only the texts matter)."""
    lines = [
        "format = 1",
        f'id = "{questionnaire_id}"',
        'version = "1.0.0"',
        'language = "en"',
        f'title = "{questionnaire_id.title()}"',
        'roles = ["email-ops"]',
        "minutes = 10",
        "",
        "[[sections]]",
        'id = "one"',
        'title = "One"',
    ]
    for question_id, text in questions:
        lines += ["", "[[sections.questions]]", f'id = "{question_id}"', 'type = "text"']
        lines += [f'text = "{text}"'] + ([f'help = "{help}"'] if help else [])
    path = workspace.questionnaires_dir / f"{questionnaire_id}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")


def make_app(workspace: Workspace, catalog: Catalog, **options: Any) -> WizardApp:
    fixed = {"clock": fixed_clock, "tz": dt.UTC, "cursor_blink": False}
    return WizardApp(workspace, catalog=catalog, **{**fixed, **options})


def make_session(
    workspace: Workspace,
    questionnaire: Questionnaire,
    *,
    answers: dict[str, Any] | None = None,
    current: str = "",
    client: str = "Acme",
    engagement: str = "ESP move 2027",
    people: Iterable[Interviewee] = (Interviewee(name="Ana Souza", role="email-ops"),),
) -> Path:
    """A session file as the core writes it, closed again so the app can open it."""
    with SessionStore(workspace) as store:
        session = store.create(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            questionnaire_language=questionnaire.language,
            questionnaire_source=questionnaire.source,
            client=client,
            engagement=engagement,
            facilitator="Fay",
            interviewees=people,
        )
        interview = Interview(questionnaire, session)
        for question_id, value in (answers or {}).items():
            interview.answer(question_id, value)
        if current:
            interview.move_to(current)
        store.save(session)
        path = store.path_of(session)
    assert path is not None
    return path


def at_the_choice(workspace: Workspace, questionnaire: Questionnaire) -> Path:
    """A session of the example questionnaire waiting at its choice question (list_source)."""
    return make_session(
        workspace, questionnaire, answers={"uses_lists": True}, current="list_source"
    )


def on_disk(workspace: Workspace, path: Path) -> Session:
    return SessionStore(workspace).load(path)


def screen_text(app: App[Any]) -> str:
    """Every line of the screen as it is drawn now (modals over what they cover)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot: Pilot) -> None:
    """Let workers (listing, catalog) finish and their results reach the screen."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_interview(pilot: Pilot, path: Path) -> Any:
    """From home, resume the session at `path`; returns the interview screen."""
    from esp_wizard.tui.screens.interview import InterviewScreen

    await settle(pilot)
    app = pilot.app
    assert isinstance(app, WizardApp)
    app.resume_session(str(path))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def palette_lists(pilot: Pilot, text: str = "") -> None:
    """Wait until the command palette shows its results, the highlighted one containing
    `text` (its search runs on a timer and streams hits in): synchronise on the list it
    shows, stable over two looks, never on a fixed sleep."""
    from textual.command import CommandList, CommandPalette

    seen = -1
    for _ in range(400):
        await pilot.pause(0.02)
        screen = pilot.app.screen
        if not isinstance(screen, CommandPalette):
            continue
        results = screen.query_one(CommandList)
        count = results.option_count
        if count and results.highlighted is not None:
            prompt = str(results.get_option_at_index(results.highlighted).prompt)
            if text.casefold() in prompt.casefold() and count == seen:
                return
        seen = count
    raise AssertionError(f"the command palette never listed {text!r}")
