"""Shared fixtures: the spec's example questionnaire and fresh sessions for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import QuestionnaireRef, Session

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def complete() -> Questionnaire:
    return load_questionnaire(DATA / "complete.toml")


def new_session(questionnaire: Questionnaire, role: str = "email-ops") -> Session:
    from esp_wizard.session.model import Interviewee

    ref = QuestionnaireRef(
        id=questionnaire.id,
        version=questionnaire.version,
        language=questionnaire.language,
        hash=questionnaire.hash,
    )
    return Session(
        id="test0001",
        client="Acme",
        questionnaire=ref,
        interviewees=[Interviewee(name="Ana", role=role)],
    )


@pytest.fixture
def interview(complete: Questionnaire) -> Interview:
    return Interview(complete, new_session(complete))


@pytest.fixture(autouse=True)
def _own_cache_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing caches (filecache.py) go to a fresh folder per test, never the user's."""
    monkeypatch.setenv("ESP_WIZARD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
