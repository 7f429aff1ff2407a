"""A workspace holding a copy of the example engagement's real session files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A workspace with the example's sessions (and their questionnaire copies); cwd is it."""
    shutil.copytree(REPO / "sessions", tmp_path / "sessions")
    (tmp_path / "questionnaires").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def session_files(root: Path) -> list[Path]:
    return sorted((root / "sessions").glob("*.toml"))
