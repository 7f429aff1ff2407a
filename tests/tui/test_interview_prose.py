"""The questionnaire's description, a section's intro and a question's help fill the width of
the question column: they break where the screen ends, not where the author's editor did."""

from __future__ import annotations

from textual.widgets import Static

from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.workspace import Workspace
from tui.conftest import make_app, make_session, open_interview

QUESTIONNAIRE = '''format = 1
id = "prose"
version = "1.0.0"
language = "en"
title = "Prose"
roles = ["email-ops"]
minutes = 10
description = """
Working session with the people
who build and send the emails.

Ask them to prepare the send
calendar of last month."""

[[sections]]
id = "one"
title = "One"
intro = """
Open the list of automations
and take them one by one."""

[[sections.questions]]
id = "first"
type = "text"
text = "Who presses Send?"
help = """
Include agency staff
and occasional senders."""
'''


def shown_lines(widget: Static) -> list[str]:
    return [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]


async def test_the_description_and_intro_wrap_to_the_column_not_to_the_source(
    workspace: Workspace,
) -> None:
    (workspace.questionnaires_dir / "prose.toml").write_text(QUESTIONNAIRE, encoding="utf-8")
    catalog = load_catalog(workspace.questionnaires_dir, bundled=workspace.root / "none")
    path = make_session(workspace, catalog.find("prose"))
    async with make_app(workspace, catalog).run_test(size=(100, 32)) as pilot:
        screen = await open_interview(pilot, path)
        lines = shown_lines(screen.query_one("#section-intro", Static))
        help_lines = shown_lines(screen.query_one("#question-help", Static))
    assert lines == [
        "Working session with the people who build and send the emails.",
        "",
        "Ask them to prepare the send calendar of last month.",
        "",
        "Open the list of automations and take them one by one.",
    ]
    assert [line.strip() for line in help_lines] == ["Include agency staff and occasional senders."]
