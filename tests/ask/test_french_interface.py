"""`esp-wizard --lang fr ask`: the lines around the questions, the closing summary and its
confirmation speak French; the confirmation takes o (oui) as well as y, and n."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output

from ask.driver import ENTER, NEW, on_disk, typed, values
from ask.test_output import screen
from ask.test_yes_no_french import FRENCH
from esp_wizard.cli import main


@pytest.fixture
def french_root(root: Path) -> Path:
    (root / "questionnaires" / "complete.toml").write_text(FRENCH, encoding="utf-8")
    return root


def ask_in_french(root: Path, keys: list[str], output: Output | None = None) -> int:
    with (
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=output or DummyOutput()),
    ):
        pipe.send_text("".join(keys))
        pipe.close()
        return main(["--lang", "fr", "--workspace", str(root), "ask", *NEW])


@pytest.mark.parametrize(
    ("key", "status"),
    [("oui", "completed"), ("o", "completed"), ("y", "completed"), ("non", "in_progress")],
)
def test_the_closing_confirmation_takes_o_y_and_n(
    french_root: Path, key: str, status: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert ask_in_french(french_root, [typed("oui"), typed("CRM"), typed(key)]) == 0
    assert on_disk(french_root)["status"] == status
    assert values(french_root) == {"listes_maison": True, "equipe": "CRM"}
    out = capsys.readouterr().out
    assert "== Fin du questionnaire ==" in out
    assert "2 sur 2 faites." in out
    assert "Commandes, à taper à toute invite :" in out
    if status == "completed":
        assert "terminée. Pour l'exporter : esp-wizard export" in out
    else:
        assert "Laissée en cours ; reprendre avec : esp-wizard ask --resume" in out


def test_the_confirmation_is_shown_with_o_n(french_root: Path) -> None:
    written, output = screen()
    assert ask_in_french(french_root, [typed("o"), typed("CRM"), typed("o")], output=output) == 0
    shown = written.getvalue()
    assert "Marquer la session comme terminée ?" in shown
    assert "(O/n)" in shown and "(Y/n)" not in shown


def test_plain_mode_speaks_french(
    french_root: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("peut-être\nnon\nCRM\noui\n"))
    args = ["--lang", "fr", "--workspace", str(french_root), "ask", "--plain", *NEW]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Marquer la session comme terminée ? (O/n)" in out
    assert on_disk(french_root)["status"] == "completed"
    assert values(french_root) == {"listes_maison": False, "equipe": "CRM"}


def test_a_french_confirmation_takes_the_whole_word_and_nothing_spills(french_root: Path) -> None:
    """ "non" + Enter at "Add another interviewee?": the next prompt gets none of it."""
    options = [a for a in NEW if not a.startswith("Ana")]
    options.remove("--interviewee")
    keys = [typed("Ana Souza"), ENTER, typed("non"), typed("oui"), typed("CRM"), typed("oui")]
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(keys))
        pipe.close()
        args = ["--lang", "fr", "--workspace", str(french_root), "ask", *options]
        assert main(args) == 0
    session = on_disk(french_root)
    assert [person["name"] for person in session["interviewees"]] == ["Ana Souza"]
    assert values(french_root) == {"listes_maison": True, "equipe": "CRM"}
    assert session["status"] == "completed"
