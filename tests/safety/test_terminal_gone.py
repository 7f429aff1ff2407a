"""Guarantee: when its terminal goes away (tmux server killed), the TUI ends promptly,
its session lock released and its session file intact, every time."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from esp_wizard.session.store import load_session

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

COMMAND = Path(sys.executable).parent / "esp-wizard"
ENDS_WITHIN = 30.0  # generous for a loaded machine; the process normally ends in well under 5 s


def ended(pid: int) -> bool:
    """Gone, or a zombie: it has exited (its parent, the tmux server, is dead)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")


def wait_until(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("keys_before_kill", [0, 1, 3, 0, 2])
def test_killing_the_terminal_ends_the_tui_and_releases_the_lock(
    example: Path, tmp_path: Path, keys_before_kill: int
) -> None:
    socket = f"esp-wizard-gone-{os.getpid()}-{tmp_path.name}"
    env = {**os.environ, "TERM": "xterm-256color", "ESP_WIZARD_CONFIG_DIR": str(tmp_path / "c")}
    env.pop("TMUX", None)

    def tmux(*args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", socket, *args], capture_output=True, text=True, env=env, check=False
        )
        return done.stdout

    target = next((example / "sessions").glob("*nwemlops.toml"))
    before = load_session(target)
    try:
        command = [str(COMMAND), "--workspace", str(example), "resume", "nwemlops"]
        tmux("new-session", "-d", "-s", "s", "-x", "100", "-y", "30", *command)
        pid = int(tmux("display-message", "-p", "-t", "s", "#{pane_pid}").strip())
        assert wait_until(lambda: "Northwind" in tmux("capture-pane", "-p", "-t", "s"), 60)
        assert list((example / "sessions").glob("*.lock"))  # open for writing
        for _ in range(keys_before_kill):
            tmux("send-keys", "-t", "s", "Down")
    finally:
        tmux("kill-server")
    assert wait_until(lambda: ended(pid), ENDS_WITHIN), "the TUI outlived its terminal"
    assert not list((example / "sessions").glob("*.lock"))
    after = load_session(target)
    assert after.answers == before.answers


def test_output_to_a_dead_terminal_never_blocks() -> None:
    """Textual's own output thread dies on the first failed write and its driver then waits
    forever to queue the next; ours drops output once the terminal is gone."""
    import threading

    from esp_wizard.tui import terminal_guard

    reader, writer = os.pipe()
    os.close(reader)  # the terminal is gone: every write fails
    stream = os.fdopen(writer, "w")
    thread = terminal_guard.SafeWriterThread(stream)
    thread.start()
    finished = threading.Event()

    def write_a_lot_then_stop() -> None:
        for _ in range(500):  # far more than the queue holds
            thread.write("\x1b[?1000l" * 100)
        thread.stop()
        finished.set()

    worker = threading.Thread(target=write_a_lot_then_stop, daemon=True)
    worker.start()
    assert finished.wait(ENDS_WITHIN), "a write to a dead terminal blocked"
    terminal_guard._gone.clear()


WATCHED = """
import os, pty, sys, threading
from pathlib import Path
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace
from esp_wizard.tui import terminal_guard

store = SessionStore(Workspace(Path(sys.argv[1])))
session = store.open("nwemlops")
session.client = "Changed, not yet saved"
master, slave = pty.openpty()
with terminal_guard.guarded(os.fdopen(slave, "w")):
    print("watching", flush=True)
    os.close(master)  # the terminal goes away
    threading.Event().wait()  # the main thread is stuck, as in Textual's driver
"""


def test_the_watch_saves_releases_and_ends_a_stuck_process(example: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WATCHED, str(example)],
        capture_output=True,
        text=True,
        timeout=ENDS_WITHIN + 30,
        check=False,
    )
    assert "watching" in done.stdout, done.stderr
    assert done.returncode == 129, done.stderr
    assert not list((example / "sessions").glob("*.lock"))
    target = next((example / "sessions").glob("*nwemlops.toml"))
    assert load_session(target).client == "Changed, not yet saved"
