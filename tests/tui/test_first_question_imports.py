"""A resumed interview's first frame imports what it shows: the widget of the question on
screen, not every answer widget, and not the expression parser or checker (its copy was
checked before). The rest is imported after that frame, and each still works."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from esp_wizard.questionnaire.checkedcopy import remember_checked
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.workspace import Workspace
from helpers.fresh import fresh_python
from tui.conftest import make_session, on_disk

WIDGETS = "esp_wizard.tui.widgets."
PARSER = "esp_wizard.questionnaire.expression.parser"
CHECKER = "esp_wizard.questionnaire.expression.types"

# In a fresh interpreter (this one has imported everything): `esp-wizard resume` in a
# headless app, the modules loaded as its first frame is painted, and once it has settled.
RESUME = """
import asyncio, json, sys
from pathlib import Path
from esp_wizard.questionnaire.checkedcopy import kept_later
from esp_wizard.session.opened import open_session
from esp_wizard.session.store import SessionStore
from esp_wizard.tui.app import WizardApp
from esp_wizard.tui.start import Start
from esp_wizard.workspace import Workspace

def no_catalog():
    raise AssertionError("the copy was checked: no catalog needed")

store = SessionStore(Workspace(Path(sys.argv[1])))
with kept_later():
    opened = open_session(store, sys.argv[2], no_catalog)
seen = {}

ready = WizardApp.on_ready

def on_ready(app):
    seen["first frame"] = sorted(sys.modules)
    seen["question"] = app.screen.question.type
    ready(app)

WizardApp.on_ready = on_ready

async def main():
    app = WizardApp(store.workspace, store=store, start=Start("interview", opened=opened))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        area = app.screen.query_one("#answer-area")
        seen["prepared"] = sorted(type(child).__name__ for child in area.children)
        await pilot.press(*"By hand", "ctrl+n")  # answered: on to a yes/no question
        for _ in range(50):  # the save, then the next question
            await pilot.pause()
            if app.screen.question.type != "long_text":
                break
        seen["next"] = app.screen.question.type
    seen["settled"] = sorted(sys.modules)
    store.close_all()

asyncio.run(main())
print(json.dumps(seen))
"""


def resume(workspace: Workspace, path: Path) -> dict[str, Any]:
    code = [sys.executable, "-c", RESUME, str(workspace.root), str(path)]
    done = subprocess.run(code, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen


def test_the_first_frame_imports_only_the_widget_it_shows(
    workspace: Workspace, questionnaire: Questionnaire
) -> None:
    path = make_session(workspace, questionnaire, current="story")  # a long text, as bench/
    remember_checked(questionnaire)  # as after any earlier opening on this machine
    seen = resume(workspace, path)
    assert seen["question"] == "long_text"
    first = set(seen["first frame"])
    widgets = {name.removeprefix(WIDGETS) for name in first if name.startswith(WIDGETS)}
    assert "long_text_answer" in widgets
    later = {"yes_no_answer", "multi_choice_answer", "inventory_answer", "choice_answer"}
    assert not widgets & later
    assert PARSER not in first and CHECKER not in first
    # After the first frame, every type still to come is prepared, and the interview goes on.
    assert {"InventoryAnswer", "MultiChoiceAnswer", "YesNoAnswer"} <= set(seen["prepared"])
    assert seen["next"] == "yes_no"
    assert on_disk(workspace, path).answers["story"].value == "By hand"
    settled = set(seen["settled"])
    assert {WIDGETS + name for name in later} <= settled


def test_the_parser_and_checker_still_load_on_first_use() -> None:
    """Imported lazily by name from the expression package, as the loader uses them."""
    code = (
        "import sys\n"
        "from esp_wizard.questionnaire import expression\n"
        f"print({PARSER!r} in sys.modules, {CHECKER!r} in sys.modules)\n"
        "from esp_wizard.questionnaire.expression import Scope, check, parse\n"
        "expr = parse('size > 3')\n"
        "size = expression.NameType(kind='number')\n"
        "check(expr, Scope(names={'size': size}))\n"
        "print(expression.evaluate(expr, expression.MappingEnv({'size': 5})))\n"
    )
    assert fresh_python(code).split() == ["False", "False", "True"]
