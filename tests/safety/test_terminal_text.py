"""Guarantee: text from sessions and questionnaires cannot move the cursor, clear the
screen, write the clipboard or reverse a line in the consultant's terminal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from esp_wizard.ask.prompter import Prompter
from esp_wizard.cli import main
from esp_wizard.commands import common
from esp_wizard.safetext import for_file, for_terminal, is_terminal_safe
from safety.conftest import session_files

# Clipboard write (OSC 52), clear screen (CSI), a hidden link (OSC 8), a C1 CSI, bell,
# backspace, a right-to-left override and rich markup that would make a link.
HOSTILE = (
    "Evil\x1b]52;c;ZXZpbA==\x07\x1b[2J\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"
    "\x9b31m\x08\u202eproC[link=http://evil]here[/link]"
)
TOML_HOSTILE = "".join(
    f"\\u{ord(c):04x}" if not " " <= c <= "~" or c in '"\\' else c for c in HOSTILE
)
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def test_for_terminal_shows_every_control_escaped() -> None:
    shown = for_terminal(HOSTILE, lines=False)
    assert UNSAFE.search(shown) is None
    assert "\\x1b]52;c;ZXZpbA==\\x07" in shown and "\\u202e" in shown and "\\x9b" in shown
    assert for_terminal("line one\n\tline two") == "line one\n\tline two"
    assert is_terminal_safe(for_terminal(HOSTILE))
    assert for_terminal("Société Générale — 東京") == "Société Générale — 東京"


def test_for_file_keeps_text_and_drops_controls() -> None:
    assert for_file("a\x1b[2Jb\u202ec\r\nd\te\x85") == "a[2Jb\u202ec\r\nd\te"


def make_hostile(root: Path) -> Path:
    target = next(p for p in session_files(root) if "nwemlops" in p.name)
    text = target.read_text(encoding="utf-8")
    old = 'client = "Northwind Outfitters (fictional example)"'
    assert old in text
    text = text.replace(old, f'client = "{TOML_HOSTILE}"')
    text = text.replace('note = "', f'note = "{TOML_HOSTILE} ', 1)
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> io.StringIO:
    """A terminal with colours off: any ESC on it came from user text."""
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=200, color_system=None)
    monkeypatch.setattr(common, "console", lambda stderr=False: console)
    return screen


def test_sessions_table_in_a_terminal_shows_hostile_text_escaped(
    example: Path, terminal: io.StringIO
) -> None:
    make_hostile(example)
    assert main(["--workspace", str(example), "sessions"]) == 0
    shown = terminal.getvalue()
    assert "Evil\\x1b]52" in shown
    assert UNSAFE.search(shown) is None


def test_sessions_in_a_pipe_shows_hostile_text_escaped(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_hostile(example)
    assert main(["--workspace", str(example), "sessions"]) == 0
    out = capsys.readouterr().out
    assert "Evil\\x1b]52" in out and UNSAFE.search(out) is None


@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_export_to_a_terminal_cannot_drive_it(
    example: Path, terminal: io.StringIO, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    make_hostile(example)
    assert main(["--workspace", str(example), "export", "nwemlops", "--format", fmt]) == 0
    shown = terminal.getvalue() + capsys.readouterr().out  # rich for md, plain for the rest
    assert "Evil" in shown and UNSAFE.search(shown) is None


def test_report_to_a_terminal_and_to_a_pipe(
    example: Path, terminal: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    make_hostile(example)
    args = ["--workspace", str(example), "report", "--client", HOSTILE]
    assert main(args) == 0
    shown = terminal.getvalue()
    assert "Evil" in shown and UNSAFE.search(shown) is None


def test_error_messages_show_hostile_names_escaped(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(example), "export", "\x1b[2J\u202eevil"]) == 2
    err = capsys.readouterr().err
    assert "\\x1b[2J\\u202eevil" in err and UNSAFE.search(err) is None


def test_a_report_file_keeps_the_text_without_controls(example: Path) -> None:
    make_hostile(example)
    out = example / "exports" / "r.md"
    assert main(["--workspace", str(example), "export", "nwemlops", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "ZXZpbA==" in text and "\x1b" not in text and "\x07" not in text


def test_ask_says_hostile_text_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    Prompter(colour=False).say(f"Client: {HOSTILE}")
    out = capsys.readouterr().out
    assert "Evil\\x1b]52" in out and UNSAFE.search(out) is None
