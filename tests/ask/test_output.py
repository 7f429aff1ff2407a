"""Readable without colour and without a full terminal: NO_COLOR, pipes, plain lines."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.output.vt100 import Vt100_Output

from ask.driver import NEW, lines, on_disk, pick, run_ask, tick, typed
from esp_wizard.ask.specials import SPECIALS, help_lines

COLOUR = re.compile(r"\x1b\[[0-9;]*m")
FULL_INTERVIEW = [
    lines("We export."),
    "y",
    pick(0),
    tick(0),
    pick(4),
    typed("2027-06-30"),
    typed("CRM team"),
    pick(0),
    typed("Shop"),
    pick(0),
    pick(0),
    typed("Bea"),
    "y",
    pick(3),
    "y",
]


def screen() -> tuple[io.StringIO, Vt100_Output]:
    """A 256-colour terminal whose bytes are kept, to see what the prompts drew."""
    written = io.StringIO()
    return written, Vt100_Output(written, lambda: Size(rows=40, columns=120), term="xterm-256color")


def styles_drawn(text: str) -> set[str]:
    return set(COLOUR.findall(text)) - {"\x1b[0m"}


def test_prompts_are_drawn_in_colour_by_default(root: Path) -> None:
    written, output = screen()
    assert run_ask(root, *NEW, keys=[lines("Story."), ":stop\r"], output=output) == 0
    assert styles_drawn(written.getvalue())


def test_no_color_draws_every_prompt_without_styling(
    root: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    written, output = screen()
    assert run_ask(root, *NEW, keys=FULL_INTERVIEW, output=output) == 0
    assert on_disk(root)["status"] == "completed"
    assert "How stable is the platform?" in written.getvalue()
    assert styles_drawn(written.getvalue()) == set()
    assert "\x1b" not in capsys.readouterr().out  # the lines between prompts are plain text


def test_help_names_every_special_answer() -> None:
    text = "\n".join(help_lines())
    for special in SPECIALS:
        assert f"{special.typed} " in text


PLAIN_INTERVIEW = ["We export.", "", "y", "1", "1", "5", "2027-06-30", "CRM team"]
PLAIN_INTERVIEW += ["1", "Shop", "1", "1", "Bea", "y", "Done", "y"]  # a row, then complete


@pytest.mark.slow
def test_a_full_interview_runs_with_pipes_instead_of_a_terminal(root: Path) -> None:
    """stdin and stdout both pipes: plain mode reads whole lines (options by number or
    text); the interview completes and the output holds no escape sequence at all."""
    result = subprocess.run(
        [sys.executable, "-m", "esp_wizard", "--workspace", str(root), "ask", *NEW],
        input="\n".join(PLAIN_INTERVIEW) + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert on_disk(root)["status"] == "completed"
    assert "Session file: " in result.stdout
    assert "\x1b" not in result.stdout


@pytest.mark.slow
def test_the_bundled_email_ops_questionnaire_starts_and_stops_cleanly(tmp_path: Path) -> None:
    """As a new user tries it: the bundled questionnaire; engagement and facilitator are
    asked (left empty), then ctrl+c at the first question."""
    args = ["--client", "Demo", "--questionnaire", "email-ops", "--interviewee", "Ana:email-ops"]
    result = subprocess.run(
        [sys.executable, "-m", "esp_wizard", "--workspace", str(tmp_path), "ask", *args],
        input="\n\n",  # then the end of input, as ctrl+d
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 130, result.stderr
    (path,) = (tmp_path / "sessions").glob("*.toml")
    assert result.stdout.strip().splitlines()[-1].startswith("saved; resume with: esp-wizard ask")
    assert 'id = "email-ops"' in path.read_text(encoding="utf-8")


def imported_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_help_loads_no_prompt_library_and_ask_never_loads_textual() -> None:
    help_run = (
        "from esp_wizard.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert {"questionary", "prompt_toolkit", "textual"}.isdisjoint(imported_after(help_run))
    assert "textual" not in imported_after("import esp_wizard.ask.main")
