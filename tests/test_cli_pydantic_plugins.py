"""No pydantic plugin installed beside esp-wizard is handed the sessions' content (cli.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from esp_wizard.cli import main


def test_the_command_turns_pydantic_plugins_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """pydantic reads this variable before handing any validation to a plugin."""
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "")  # as a user's shell might leave it
    assert main(["--workspace", str(tmp_path), "sessions"]) == 0
    capsys.readouterr()
    assert os.environ["PYDANTIC_DISABLE_PLUGINS"] == "__all__"
