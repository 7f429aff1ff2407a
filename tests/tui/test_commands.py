"""`esp-wizard`, `new` and `resume`: options checked before the TUI opens; one-line mistakes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from esp_wizard.cli import main
from esp_wizard.config import ENV_VAR, UserConfig, config_path, load_config, save_config
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.tui.start import Start
from esp_wizard.workspace import Workspace
from tui.conftest import make_session, on_disk


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Start]:
    """Run the commands without a terminal: record what the TUI would open on."""
    calls: list[Start] = []

    def fake_run_app(workspace: Workspace, start: Start, **options: Any) -> int:
        calls.append(start)
        if start.opened is not None:
            assert options["store"].path_of(start.opened.session) is not None  # locked for us
        return 0

    monkeypatch.setattr("esp_wizard.tui.app.run_app", fake_run_app)
    return calls


def test_without_a_command_the_home_screen_opens(
    workspace: Workspace, started: list[Start]
) -> None:
    assert main(["--workspace", str(workspace.root)]) == 0
    assert started == [Start()]


def test_new_with_everything_given_creates_the_session_before_the_tui_opens(
    workspace: Workspace, started: list[Start]
) -> None:
    code = main([
        "--workspace", str(workspace.root), "new", "--client", "Acme",
        "--questionnaire", "spec-example", "--interviewee", "Ana Souza:email-ops",
        "--facilitator", "Fay",
    ])  # fmt: skip
    assert code == 0
    (start,) = started
    assert start.screen == "interview" and start.opened is not None
    (path,) = workspace.sessions_dir.glob("*.toml")
    session = on_disk(workspace, path)
    assert (session.client, session.facilitator, session.interviewees[0].role) == (
        "Acme",
        "Fay",
        "email-ops",
    )
    assert not path.with_name(path.name + ".lock").exists()  # released after the TUI
    assert load_config().facilitator == "Fay"


def test_new_with_some_options_opens_the_form_with_them(
    workspace: Workspace, started: list[Start]
) -> None:
    assert main(["--workspace", str(workspace.root), "new", "--client", "Acme"]) == 0
    (start,) = started
    assert (start.screen, start.presets.client, start.presets.questionnaire) == (
        "new",
        "Acme",
        None,
    )
    assert not workspace.sessions_dir.exists()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--questionnaire", "nope"], "no questionnaire 'nope'"),
        (["--interviewee", ":email-ops"], "--interviewee needs a name"),
        (["--client", "  "], "--client needs a name"),
    ],
)
def test_new_refuses_a_bad_option_in_one_line_before_asking_anything(
    workspace: Workspace,
    started: list[Start],
    capsys: pytest.CaptureFixture[str],
    options: list[str],
    message: str,
) -> None:
    assert main(["--workspace", str(workspace.root), "new", *options]) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1
    assert started == []


def test_resume_opens_the_session_locked_and_releases_it_after(
    workspace: Workspace, questionnaire: Questionnaire, started: list[Start]
) -> None:
    path = make_session(workspace, questionnaire, current="stability")
    session_id = on_disk(workspace, path).id
    assert main(["--workspace", str(workspace.root), "resume", session_id[:5]]) == 0
    (start,) = started
    assert start.opened is not None and start.opened.session.current == "stability"
    assert not path.with_name(path.name + ".lock").exists()


def test_resume_of_an_unknown_session_is_one_line(
    workspace: Workspace, started: list[Start], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--workspace", str(workspace.root), "resume", "zzzz"]) == 2
    assert "no session matches 'zzzz'" in capsys.readouterr().err
    assert started == []


def test_help_lists_the_tui_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "new" in out and "resume" in out


def test_the_config_is_remembered_under_the_environment_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "cfg"))
    assert load_config() == UserConfig()
    assert save_config(UserConfig(facilitator="Fay", theme="textual-light")) == ""
    assert config_path() == tmp_path / "cfg" / "config.toml"
    assert load_config() == UserConfig(facilitator="Fay", theme="textual-light")


def test_a_broken_config_reads_as_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_VAR, str(tmp_path))
    (tmp_path / "config.toml").write_text("facilitator = [", encoding="utf-8")
    assert load_config() == UserConfig()
    (tmp_path / "config.toml").write_text("facilitator = 3\ntheme = 'nord'\n", encoding="utf-8")
    assert load_config() == UserConfig(theme="nord")
