"""Shared fixtures: the spec's example questionnaire and fresh sessions for it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard import i18n
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


@pytest.fixture
def french_ui() -> Iterator[None]:
    """The interface in French, as `--lang fr` or LANG=fr_FR.UTF-8 make it: for this
    context and, as the app sets it, for the process (the event loop running a test may
    hold a context copied before this fixture ran, and worker threads hold none)."""
    previous = i18n.set_fallback("fr")
    try:
        with i18n.use("fr"):
            yield
    finally:
        i18n.set_fallback(previous)
