"""A session together with the exact questionnaire it ran with.

Old sessions open against their own copy (kept by content hash), so a changed questionnaire
never reinterprets answers given to its earlier version. When the copy is missing (a session
file copied from another laptop alone), the installed questionnaire of the same id and
language is used, and the caller is told so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from esp_wizard.errors import FileProblems
from esp_wizard.questionnaire.catalog import Catalog
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.integrity import answer_problems
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Session
from esp_wizard.session.store import SessionStore


@dataclass(frozen=True)
class OpenedSession:
    session: Session
    questionnaire: Questionnaire
    path: Path | None = None
    warning: str = ""  # set when the exact questionnaire copy could not be used

    def interview(self) -> Interview:
        return Interview(self.questionnaire, self.session)


def questionnaire_of(
    store: SessionStore, session: Session, catalog: Catalog | None = None
) -> tuple[Questionnaire, str]:
    """The questionnaire `session` ran with, and a warning if it is not the exact copy.

    The session's answers are checked against it: a value its question cannot take is a
    FileProblems about the session's file (SessionDamaged), whichever copy is used.
    """
    try:
        text = store.questionnaire_text(session)
        questionnaire = _parse_copy(text, str(store.questionnaire_copy_path(session)))
        warning = ""
    except FileProblems as problems:
        if catalog is None:
            raise
        ref = session.questionnaire
        questionnaire = catalog.find(ref.id, ref.language)
        warning = f"{problems}; using the installed {ref.id} ({ref.language}) instead"
    store.check_answers(session, answer_problems(questionnaire, session))
    return questionnaire, warning


@cache
def _parse_copy(text: str, file: str) -> Questionnaire:
    """Sessions of one questionnaire share its parsed copy (a report opens dozens)."""
    return parse_questionnaire(text, file)
