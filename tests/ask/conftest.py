"""A temporary workspace holding tests/data/complete.toml as its own questionnaire."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from esp_wizard.questionnaire import catalog

DATA = Path(__file__).parent.parent / "data"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "questionnaires").mkdir()
    shutil.copy(DATA / "complete.toml", tmp_path / "questionnaires" / "complete.toml")
    monkeypatch.delenv("NO_COLOR", raising=False)
    # Only the workspace's questionnaire: the bundled ones are other tests' business.
    monkeypatch.setattr(catalog, "bundled_dir", lambda: tmp_path / "no-bundled")
    return tmp_path
