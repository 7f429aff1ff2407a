"""End to end: the real `esp-wizard` in tmux at 80×24, killed mid-interview, resumed.

Creates an interview through the screens, answers several questions, SIGKILLs the process
(no chance to clean up), starts the command again, resumes from home, and finds every
answer both on screen and in the file. Skipped only where tmux is not installed (`.ci/run`
installs it).

Every key is sent only once the screen (or, where a key shows nothing, the session file)
says the previous one has been handled: the test waits on state, never on a pause, so it
passes on a loaded machine as on an idle one.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from esp_wizard.session.model import Session
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]
DATA = Path(__file__).parent.parent / "data"
COMMAND = Path(sys.executable).parent / "esp-wizard"


class Tmux:
    """One private tmux server (its own socket), so nothing else's sessions are touched."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, env=self.env
        )
        return result.stdout

    def start(self, name: str, command: list[str]) -> None:
        self.run("new-session", "-d", "-s", name, "-x", "80", "-y", "24", *command)

    def screen(self, name: str) -> str:
        return self.run("capture-pane", "-p", "-t", name)

    def wait_for(self, name: str, text: str, timeout: float = 60.0) -> str:
        """The screen once `text` is on it (polled; a generous bound for a loaded machine)."""
        return self.wait_for_match(name, re.escape(text), timeout)

    def wait_for_match(self, name: str, pattern: str, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen(name)
            if re.search(pattern, shown):
                return shown
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} never appeared; the screen was:\n{self.screen(name)}")

    def keys(self, name: str, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", name, key)

    def type(self, name: str, text: str) -> None:
        self.run("send-keys", "-t", name, "-l", text)

    def pane_pid(self, name: str) -> int:
        return int(self.run("display-message", "-p", "-t", name, "#{pane_pid}").strip())


def descendants(pid: int) -> list[int]:
    """The process and everything it started (the console script may sit under a shell)."""
    found = [pid]
    children = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True
    )
    for child in children.stdout.split():
        found += descendants(int(child))
    return found


def wait_for_session(
    workspace: Workspace, done: Callable[[Session], bool], timeout: float = 60.0
) -> Session:
    """The session file once `done` holds for it (for keys that change nothing on screen)."""
    deadline = time.monotonic() + timeout
    session = None
    while time.monotonic() < deadline:
        paths = list(workspace.sessions_dir.glob("*.toml"))
        if len(paths) == 1:
            session = SessionStore(workspace).load(paths[0])
            if done(session):
                return session
        time.sleep(0.05)
    raise AssertionError(f"the session file never got there: {session}")


def value_of(session: Session, question_id: str) -> object:
    answer = session.answers.get(question_id)
    return answer.value if answer is not None else None


def wait_until_gone(pids: list[int], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(Path(f"/proc/{pid}").exists() for pid in pids):
            return
        time.sleep(0.05)
    raise AssertionError(f"processes {pids} outlived SIGKILL")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    env = {
        **os.environ,
        "ESP_WIZARD_CONFIG_DIR": str(tmp_path / "config"),
        "TERM": "xterm-256color",
    }
    env.pop("TMUX", None)
    server = Tmux(f"esp-wizard-e2e-{os.getpid()}-{tmp_path.name}", env)
    yield server
    server.run("kill-server")


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    """The spec's questionnaire, written for a role of its own so it is listed first."""
    root = tmp_path / "workshop"
    (root / "questionnaires").mkdir(parents=True)
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    text = text.replace('roles = ["email-ops"]', 'roles = ["e2e-tester"]')
    (root / "questionnaires" / "complete.toml").write_text(text, encoding="utf-8")
    return Workspace(root)


def test_answers_survive_a_sigkill_and_come_back_on_resume(
    tmux: Tmux, workspace: Workspace
) -> None:
    command = [str(COMMAND), "--workspace", str(workspace.root)]
    tmux.start("first", command)
    tmux.wait_for("first", "No interviews yet")
    tmux.keys("first", "n")
    tmux.wait_for("first", "Questionnaire")
    for label, value in (("Client", "Acme"), ("Engagement", "Move"), ("Facilitator", "Fay")):
        tmux.type("first", value)
        tmux.wait_for_match("first", rf"{label} +{value}\n")  # in its own field
        tmux.keys("first", "Enter")
    tmux.type("first", "Ana")
    tmux.wait_for_match("first", r"Interviewees +Ana\b")
    tmux.keys("first", "Enter")
    tmux.type("first", "e2e-tester")
    tmux.wait_for_match("first", r"Interviewees +Ana +e2e-tester")
    tmux.keys("first", "Enter")
    # the questionnaire written for the role comes first, once the catalogue is read (the
    # ★ of the list's heading is there from the start: ctrl+s then finds nothing to start)
    tmux.wait_for("first", "★ Email operations")
    tmux.keys("first", "C-s")
    tmux.wait_for("first", "Thank them for their time")
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "Walk me through the last send.")
    tmux.type("first", "We export by hand")
    tmux.wait_for("first", "We export by hand")
    tmux.keys("first", "C-n")
    tmux.wait_for("first", "Do you send to lists you manage yourselves?")
    tmux.keys("first", "y")
    tmux.wait_for("first", "● y  Yes")
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "How do subscriber lists get into the ESP today?")
    tmux.keys("first", "3")
    tmux.wait_for("first", "● 3  Manual CSV upload")
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "Hours per week spent preparing lists by hand?")
    tmux.type("first", "6")
    tmux.wait_for_match("first", r"▊ +6 +▎ hours/week")
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "Which channels run on the platform?")
    for key, chosen in (("1", ["email"]), ("2", ["email", "sms"])):  # a toggle is saved at once
        tmux.keys("first", key)
        wait_for_session(workspace, lambda s, c=chosen: value_of(s, "channels") == c)
    tmux.keys("first", "Enter")
    tmux.wait_for("first", "How stable is the platform?")
    tmux.keys("first", "4")
    tmux.wait_for_match("first", r"● +4")
    tmux.keys("first", "PageDown")
    tmux.wait_for("first", "When does the contract end?")
    wait_for_session(workspace, lambda s: s.current == "contract_end")

    killed = descendants(tmux.pane_pid("first"))
    for pid in reversed(killed):
        os.kill(pid, signal.SIGKILL)
    wait_until_gone(killed)  # its lock is stale only once the process is really gone

    tmux.start("second", command)
    tmux.wait_for("second", "in progress")  # the table has its rows, and the focus
    tmux.keys("second", "Enter")
    tmux.wait_for("second", "When does the contract end?")  # back where it was left
    tmux.keys("second", "C-l")
    shown = tmux.wait_for("second", "Which team owns email?")  # the review's table is drawn
    for answer in ("We export by hand", "yes", "Manual CSV upload", "6 hours/week", "Email, SMS"):
        assert answer in shown

    (path,) = workspace.sessions_dir.glob("*.toml")
    session = SessionStore(workspace).load(path)
    values = {qid: answer.value for qid, answer in session.answers.items()}
    assert values == {
        "story": "We export by hand",
        "uses_lists": True,
        "list_source": "csv_upload",
        "list_prep_hours": 6,
        "channels": ["email", "sms"],
        "stability": 4,
    }
    assert session.current == "contract_end"
    assert session.interviewees[0].role == "e2e-tester"
