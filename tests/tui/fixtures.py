"""Session files with fixed ids and timestamps, written as the store writes them.

Snapshots and ordering tests need sessions whose id, start and last change are known; the
store draws random ids and stamps the current time, so these files are built from the
same model and serialisation, beside the questionnaire copy the store would keep.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Interviewee, QuestionnaireRef, Session
from esp_wizard.session.store import SessionStore, session_file_name
from esp_wizard.workspace import Workspace


def write_session(
    workspace: Workspace,
    questionnaire: Questionnaire,
    session_id: str,
    *,
    client: str,
    engagement: str,
    people: list[tuple[str, str]],
    started: dt.datetime,
    updated: dt.datetime,
    answers: dict[str, Any] | None = None,
    current: str = "",
    status: str = "in_progress",
) -> Path:
    ref = QuestionnaireRef(
        id=questionnaire.id,
        version=questionnaire.version,
        language=questionnaire.language,
        hash=questionnaire.hash,
    )
    session = Session(
        id=session_id,
        client=client,
        engagement=engagement,
        facilitator="Fay",
        questionnaire=ref,
        interviewees=[Interviewee(name=name, role=role) for name, role in people],
        started=started,
        status=status,  # type: ignore[arg-type]
    )
    interview = Interview(questionnaire, session)
    for question_id, value in (answers or {}).items():
        interview.answer(question_id, value)
    for question_id, answer in session.answers.items():
        session.answers[question_id] = answer.model_copy(update={"at": updated})
    session.current = current
    session.updated = updated
    copy = SessionStore(workspace).questionnaire_copy_path(session)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(questionnaire.source, encoding="utf-8")
    path = workspace.sessions_dir / session_file_name(session)
    path.write_text(session.to_toml(), encoding="utf-8")
    return path


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, minute, tzinfo=dt.UTC)


def three_sessions(workspace: Workspace, questionnaire: Questionnaire) -> list[Path]:
    """Two clients, three interviews, last changed on different days (newest: Globex)."""
    return [
        write_session(
            workspace,
            questionnaire,
            "acme0001",
            client="Acme",
            engagement="ESP move 2027",
            people=[("Ana Souza", "email-ops")],
            started=at(1, 9),
            updated=at(1, 10, 5),
            answers={"uses_lists": True, "list_source": "csv_upload"},
            current="list_prep_hours",
        ),
        write_session(
            workspace,
            questionnaire,
            "acme0002",
            client="Acme",
            engagement="ESP move 2027",
            people=[("Bo Chen", "it-integrations"), ("Cy Diaz", "data-crm")],
            started=at(1, 14),
            updated=at(1, 15, 30),
            answers={"uses_lists": False, "stability": 2},
            current="stability",
            status="completed",
        ),
        write_session(
            workspace,
            questionnaire,
            "globex01",
            client="Globex",
            engagement="Discovery",
            people=[("Dee Evans", "executive")],
            started=at(2, 8, 45),
            updated=at(2, 9, 10),
            current="welcome",
        ),
    ]
