"""Guarantee: SIGTERM in `ask` saves and releases like a hang-up; a closed pipe ends quietly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ask.driver import NEW, locks, values

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "questionnaires").mkdir()
    shutil.copy(DATA / "complete.toml", tmp_path / "questionnaires" / "complete.toml")
    return tmp_path


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_in_ask_saves_says_how_to_resume_and_releases_the_lock(
    root: Path, number: signal.Signals
) -> None:
    command = [sys.executable, "-m", "esp_wizard", "--workspace", str(root), "ask", *NEW]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("Before the signal.\n\n")  # a pipe: plain mode, whole lines
        process.stdin.flush()
        for line in process.stdout:  # the answer is saved once the next question is asked
            if line.startswith("[question 2 of"):
                break
        process.send_signal(number)
        rest = process.stdout.read()
        assert process.wait(timeout=60) == 130
    assert "saved; resume with: esp-wizard ask --resume" in rest
    assert values(root) == {"story": "Before the signal."}
    assert locks(root) == []


def test_a_closed_pipe_ends_quietly_with_the_conventional_code(root: Path) -> None:
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before a byte is written: `| head -0`
    try:
        done = subprocess.run(
            [sys.executable, "-m", "esp_wizard", "--workspace", str(root), "questionnaires"],
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(writer)
    assert done.returncode == 141
    assert done.stderr == ""
