"""An old session keeps opening against the exact questionnaire it ran with."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard.errors import FileProblems
from esp_wizard.questionnaire.catalog import load_catalog
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.opened import questionnaire_of
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

DATA = Path(__file__).parent / "data"


def start(root: Path) -> tuple[SessionStore, str]:
    (root / "sessions").mkdir()
    (root / "questionnaires").mkdir()
    own = root / "questionnaires" / "ops.toml"
    own.write_text((DATA / "complete.toml").read_text(encoding="utf-8"), encoding="utf-8")
    questionnaire = load_questionnaire(own)
    store = SessionStore(Workspace(root))
    session = store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client="Acme",
    )
    store.close(session)
    return store, session.id


def test_a_changed_questionnaire_does_not_change_an_old_session(tmp_path: Path) -> None:
    store, session_id = start(tmp_path)
    own = tmp_path / "questionnaires" / "ops.toml"
    own.write_text(
        own.read_text(encoding="utf-8").replace('version = "1.2.0"', 'version = "2.0.0"'),
        encoding="utf-8",
    )
    session = store.read(session_id)
    questionnaire, warning = questionnaire_of(store, session, load_catalog(own.parent))
    assert questionnaire.version == "1.2.0" and warning == ""
    assert questionnaire.hash == session.questionnaire.hash


def test_a_missing_copy_falls_back_to_the_installed_one_with_a_warning(tmp_path: Path) -> None:
    store, session_id = start(tmp_path)
    session = store.read(session_id)
    store.questionnaire_copy_path(session).unlink()
    with pytest.raises(FileProblems):
        questionnaire_of(store, session)
    questionnaire, warning = questionnaire_of(
        store, session, load_catalog(tmp_path / "questionnaires")
    )
    assert questionnaire.id == "spec-example"
    assert "questionnaire copy not found" in warning and "using the installed" in warning
