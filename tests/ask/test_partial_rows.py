"""Rows of an inventory below its `min_rows` are on disk the moment each is given: a
SIGKILL between rows (no chance to clean up) loses none of them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import tomli

from ask.driver import session_files

THREE_SYSTEMS = """format = 1
id = "three-systems"
version = "1"
language = "en"
title = "At least three systems"
minutes = 5
[[sections]]
id = "only"
title = "Only"
[[sections.questions]]
id = "systems"
type = "inventory"
item = "system"
text = "Which systems?"
min_rows = 3
fields = [{ id = "name", type = "text", text = "System", required = true }]
"""

# Two rows typed, then the pipe stays open: ask waits for the third, and is killed there.
CHILD = """
import sys
from pathlib import Path
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from esp_wizard.cli import main
from esp_wizard.questionnaire import catalog

root = Path(sys.argv[1])
catalog.bundled_dir = lambda: root / "no-bundled"
args = ["--workspace", str(root), "ask", "--client", "Acme", "--questionnaire",
        "three-systems", "--interviewee", "Ana", "--engagement", "", "--facilitator", ""]
with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
    pipe.send_text("\\rShop\\r" + "\\rCRM\\r")
    main(args)
"""


def rows_on_disk(root: Path) -> list[dict[str, str]]:
    files = session_files(root)
    if not files:
        return []
    data = tomli.loads(files[0].read_text(encoding="utf-8"))
    return data.get("answers", {}).get("systems", {}).get("value", [])


def test_rows_below_the_minimum_survive_a_sigkill_between_rows(tmp_path: Path) -> None:
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "three.toml").write_text(THREE_SYSTEMS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60  # a bound for a stuck child, not a synchronisation
        while len(rows_on_disk(tmp_path)) < 2 and child.poll() is None:
            assert time.monotonic() < deadline, "the two rows never reached the file"
            time.sleep(0.05)
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert rows_on_disk(tmp_path) == [{"name": "Shop"}, {"name": "CRM"}]
