"""A session together with the exact questionnaire it ran with.

Old sessions open against their own copy (kept by content hash), so a changed questionnaire
never reinterprets answers given to its earlier version. When the copy is missing (a session
file copied from another laptop alone), the installed questionnaire of the same id and
language is used, and the caller is told so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from esp_wizard.errors import FileProblems
from esp_wizard.i18n import _
from esp_wizard.questionnaire.checkedcopy import load_checked
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.integrity import answer_problems
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Session
from esp_wizard.session.store import SessionStore

if TYPE_CHECKING:  # a resume loads the catalog only if the copy is unusable
    from esp_wizard.questionnaire.catalog import Catalog


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
        warning = _("{problems}; using the installed {id} ({language}) instead").format(
            problems=problems, id=ref.id, language=ref.language
        )
    store.check_answers(session, answer_problems(questionnaire, session))
    return questionnaire, warning


def with_questionnaire(
    store: SessionStore,
    session: Session,
    catalog: Callable[[], Catalog],
    path: Path | None = None,
) -> OpenedSession:
    """`session` with the questionnaire it ran with: its own copy, else the installed one.

    `catalog` is only called when the copy is unusable (loading every questionnaire costs
    time); the warning then says which questionnaire is used instead. Every face and the
    report open sessions through here.
    """
    try:
        questionnaire, warning = questionnaire_of(store, session)
    except FileProblems:
        questionnaire, warning = questionnaire_of(store, session, catalog())
    return OpenedSession(session, questionnaire, path or store.path_of(session), warning)


def open_session(store: SessionStore, ref: str, catalog: Callable[[], Catalog]) -> OpenedSession:
    """Lock and read a session with its questionnaire, for an interview.

    The lock is released again if the session cannot be opened at all, so a failed attempt
    leaves nothing behind.
    """
    session = store.open(ref)
    try:
        return with_questionnaire(store, session, catalog)
    except BaseException:
        store.close(session)
        raise


@cache
def _parse_copy(text: str, file: str) -> Questionnaire:
    """Sessions of one questionnaire share its parsed copy (a report opens dozens); a copy
    checked before, in any run, is not checked again (checkedcopy.py)."""
    return load_checked(text, file)
