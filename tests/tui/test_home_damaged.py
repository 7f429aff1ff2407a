"""Home names every damaged session file with its located problem (issue 16).

A file that is not TOML is left out of the table and named under it; a file that reads but
whose answer does not fit its question (a number hand-edited to "lots") is listed, marked
"damaged", named under the table with file and line, and Enter on it says the same thing
in a notification: never a silent "?", never a traceback.
"""

from __future__ import annotations

from textual.widgets import DataTable, Static

from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.screens.home import HomeScreen
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, screen_text, settle

SIZE = (160, 30)


async def test_damaged_sessions_are_named_with_their_problem_and_open_to_a_located_error(
    workspace: Workspace, catalog: Catalog, questionnaire: Questionnaire
) -> None:
    make_session(workspace, questionnaire, client="Healthy", answers={"uses_lists": True})
    typed = make_session(workspace, questionnaire, client="Typed", answers={"list_prep_hours": 3})
    typed.write_text(typed.read_text().replace("value = 3", 'value = "lots"'))
    syntax = workspace.sessions_dir / "2026-01-01-broken-x-abcdefgh.toml"
    syntax.write_text('id = "abcdefgh"\nclient = [\n')
    before = typed.read_bytes(), syntax.read_bytes()
    app = make_app(workspace, catalog)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        problems = str(app.screen.query_one("#problems", Static).render())
        assert f"unreadable: workshop/sessions/{syntax.name}:2: TOML syntax" in text
        assert f"damaged, cannot be opened: workshop/sessions/{typed.name}:" in text
        assert "list_prep_hours › value: number question: expected a number, got 'lots'" in problems
        table = app.screen.query_one("#sessions", DataTable)
        rows = {str(table.get_row_at(i)[0]): str(table.get_row_at(i)[5]) for i in range(2)}
        assert rows == {"Typed": "damaged", "Healthy": "1/8"}
        app.resume_session(str(typed))
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [n.message for n in app._notifications]
        assert any(
            m.startswith(f"workshop/sessions/{typed.name}:") and "got 'lots'" in m for m in messages
        )
        assert app.is_running
    assert (typed.read_bytes(), syntax.read_bytes()) == before
