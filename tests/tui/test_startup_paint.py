"""What a resume or home does before its first frame, and what waits until after it: the
checked questionnaire copy is kept from a worker, the stylesheets are parsed once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from esp_wizard.filecache import cache_dir
from esp_wizard.questionnaire import checkedcopy
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.checkedcopy import FOLDER, kept_later
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.tui.screens.interview import InterviewScreen
from esp_wizard.tui.start import Start
from esp_wizard.tui.widgets.key_bar import KeyFooter
from esp_wizard.workspace import Workspace
from helpers.fresh import fresh_python
from tui.conftest import make_app, make_session, settle

SIZE = (100, 30)


def kept() -> list[Path]:
    return sorted((cache_dir() / FOLDER).glob("*.pickle"))


def resumed_app(
    workspace: Workspace, catalog: Catalog, path: Path
) -> tuple[WizardApp, SessionStore]:
    """The app as `esp-wizard resume` starts it: the session opened before Textual runs."""
    store = SessionStore(workspace)
    with kept_later():
        opened = open_session(store, str(path), lambda: catalog)
    return make_app(workspace, catalog, store=store, start=Start("interview", opened=opened)), store


def question_shown(app: WizardApp) -> str:
    return str(app.screen.query_one("#question-text", Static).render())


async def test_a_copy_checked_at_resume_is_kept_after_its_first_question_shows(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire)
    app, store = resumed_app(workspace, catalog, path)
    assert kept() == []  # checked, not written yet
    written: list[tuple[bool, str]] = []
    real = checkedcopy._write

    def write(*args: Any) -> None:
        written.append((app.painted, question_shown(app)))
        real(*args)

    monkeypatch.setattr(checkedcopy, "_write", write)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
        assert [painted for painted, _ in written] == [True]
        assert written[0][1] and written[0][1] == question_shown(app)  # on screen already
    store.close_all()
    assert len(kept()) == 1


async def test_a_copy_that_cannot_be_kept_leaves_the_interview_open(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make_session(workspace, questionnaire)

    def broken(_questionnaire: Questionnaire) -> None:
        raise RuntimeError("the cache is on a disk that just went away")

    monkeypatch.setattr(checkedcopy, "remember_checked", broken)
    app, store = resumed_app(workspace, catalog, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, InterviewScreen)
        assert question_shown(app)
        await pilot.press("ctrl+n")  # and the interview goes on
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, InterviewScreen)
    store.close_all()
    assert app.return_code in (None, 0)
    assert kept() == []


@pytest.mark.parametrize("start", ["home", "interview"])
async def test_every_stylesheet_is_parsed_once_before_the_first_frame(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
    start: str,
) -> None:
    """A screen's own stylesheet read as it is shown would parse them all again."""
    path = make_session(workspace, questionnaire)
    reparsed: list[bool] = []
    real = Stylesheet.reparse

    def reparse(stylesheet: Stylesheet) -> None:
        reparsed.append(app.painted)
        real(stylesheet)

    monkeypatch.setattr(Stylesheet, "reparse", reparse)
    store = None
    if start == "home":
        app = make_app(workspace, catalog)
    else:
        app, store = resumed_app(workspace, catalog, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen if start == "home" else InterviewScreen)
        assert False not in reparsed
    if store is not None:
        store.close_all()


async def test_leaving_a_resumed_interview_shows_home_with_its_stylesheet(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    """Home is built when the interview is left (the lobby underneath), styled as at start."""
    path = make_session(workspace, questionnaire, client="Globex")
    app, store = resumed_app(workspace, catalog, path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.pop_screen()
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        table = app.screen.query_one("#sessions")
        assert table.styles.margin.top == 1  # home.tcss
        assert [row.session.client for row in app.screen.shown_rows] == ["Globex"]
    store.close_all()


def test_home_does_not_import_the_text_area() -> None:
    """TextArea (document, history, syntax) is for notes and long answers, not home."""
    code = (
        "import sys\n"
        "import esp_wizard.tui.app, esp_wizard.tui.screens.home, esp_wizard.tui.sessions\n"
        "print('textual.widgets._text_area' in sys.modules)\n"
    )
    assert fresh_python(code) == "False"


def test_the_command_builds_models_without_reading_package_metadata() -> None:
    """pydantic's plugin lookup, turned off, does not import importlib.metadata."""
    code = (
        "import sys\n"
        "from esp_wizard.cli import _no_pydantic_plugins\n"
        "_no_pydantic_plugins()\n"
        "from esp_wizard.session.model import Interviewee\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "assert Interviewee(name='Ana').name == 'Ana' and list(get_plugins()) == []\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    assert fresh_python(code) == "False"


async def test_homes_footer_is_built_once_as_home_settles(
    workspace: Workspace,
    catalog: Catalog,
    questionnaire: Questionnaire,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual's footer rebuilds its keys at every focus change, each a frame of its own;
    the keys home shows are the same throughout, and stay right when they change."""
    make_session(workspace, questionnaire, client="Globex")
    built: list[str] = []
    real = KeyFooter.recompose

    async def recompose(footer: KeyFooter) -> None:
        built.append(type(footer.screen).__name__)
        await real(footer)

    monkeypatch.setattr(KeyFooter, "recompose", recompose)
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert built == ["HomeScreen"]
        keys = [key.description for key in app.screen.query(FooterKey) if key.display]
        assert "New interview" in keys and "Filter" in keys
        await pilot.press("n")  # a screen of its own, its own footer
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.is_running


def test_homes_plan_line_from_the_last_report_loads_no_compiler() -> None:
    """The plan strip's worker, on a cache hit, runs right after home's first frame: it
    must not load the compiler and every model (~250 ms of CPU) to read one small file."""
    code = (
        "import sys\n"
        "from esp_wizard.findings.glance import cached_plan\n"
        "from esp_wizard.findings import compile_workspace\n"  # still there, when wanted
        "print(callable(compile_workspace))\n"
    )
    light = "import sys\nimport esp_wizard.findings.glance\nprint('pydantic' in sys.modules)\n"
    for source, expected in ((light, "False"), (code, "True")):
        assert fresh_python(source) == expected
