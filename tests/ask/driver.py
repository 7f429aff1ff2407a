"""Drive `esp-wizard ask` with keystrokes through prompt_toolkit's pipe input.

As questionary's own tests do: every key is sent up front, then the pipe is closed, so a
script that runs short ends the run with EOFError (exit 130) instead of hanging a test.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import tomli
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output

from esp_wizard.cli import main

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
CLEAR = "\x15"  # ctrl+u: erase the line typed so far

NEW = (
    "--client",
    "Acme Retail",
    "--engagement",
    "ESP move 2027",
    "--questionnaire",
    "spec-example",
    "--interviewee",
    "Ana Souza:email-ops",
    "--facilitator",
    "Fay",
)


def run_ask(root: Path, *args: str, keys: Iterable[str] = (), output: Output | None = None) -> int:
    """`esp-wizard ask` with `keys` typed; prompts render to `output` (by default nowhere)."""
    screen = output or DummyOutput()
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=screen):
        pipe.send_text("".join(keys))
        pipe.close()
        return main(["--workspace", str(root), "ask", *args])


def typed(text: str) -> str:
    return text + ENTER


def pick(index: int) -> str:
    """Move down `index` entries of a select, then choose."""
    return DOWN * index + ENTER


def tick(*indexes: int) -> str:
    """Tick the entries at `indexes` (ascending) of a checkbox, then confirm."""
    keys, at = [], 0
    for index in indexes:
        keys.append(DOWN * (index - at) + SPACE)
        at = index
    return "".join(keys) + ENTER


def lines(*texts: str) -> str:
    """A long_text answer: one line each, then the empty line that ends it."""
    return "".join(typed(t) for t in texts) + ENTER


def session_files(root: Path) -> list[Path]:
    return sorted((root / "sessions").glob("*.toml"))


def on_disk(root: Path) -> dict[str, Any]:
    """The one session file of the workspace, as TOML on disk holds it."""
    (path,) = session_files(root)
    return tomli.loads(path.read_text(encoding="utf-8"))


def answers(root: Path) -> dict[str, dict[str, Any]]:
    return on_disk(root).get("answers", {})


def values(root: Path) -> dict[str, Any]:
    """Each question's stored value (questions with none left out)."""
    return {q: a["value"] for q, a in answers(root).items() if "value" in a}


def locks(root: Path) -> list[Path]:
    return sorted((root / "sessions").glob("*.lock"))
