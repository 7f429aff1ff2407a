"""A small, fully deterministic engagement for the report tests and the golden files.

Four interviews of "Acme Retail" (fixed ids and timestamps) with two test questionnaires
that share question ids, so the report has merged findings, differing scores, a session
with no role, conflicting answers, inventory rows to merge, drivers and follow-ups.
`scripts/update_goldens.py` renders the same engagement, so the goldens match the tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.questionnaire.model import Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import (
    Interviewee,
    Observation,
    QuestionnaireRef,
    Session,
    SessionStatus,
)
from esp_wizard.session.opened import OpenedSession
from esp_wizard.session.store import SessionStore, session_file_name
from esp_wizard.workspace import Workspace

DATA = Path(__file__).parent / "data"
CLIENT = "Acme Retail"
ENGAGEMENT = "ESP move 2027"
DONT_KNOW = object()  # an answer recorded as "don't know"


def fixture_questionnaire(name: str) -> Questionnaire:
    return load_questionnaire(DATA / f"{name}.toml")


def write_session(
    workspace: Workspace,
    questionnaire: Questionnaire,
    *,
    session_id: str,
    started: dt.datetime,
    people: list[tuple[str, str]],
    answers: Mapping[str, Any],
    notes: Mapping[str, Mapping[str, Any]] | None = None,
    observations: list[Observation] | None = None,
    client: str = CLIENT,
    engagement: str = ENGAGEMENT,
    facilitator: str = "Léa Martin",
    status: SessionStatus = "completed",
) -> Session:
    """Answer through the engine (so values are validated), then fix every timestamp."""
    session = Session(
        id=session_id,
        client=client,
        engagement=engagement,
        facilitator=facilitator,
        status=status,
        started=started,
        questionnaire=QuestionnaireRef(
            id=questionnaire.id,
            version=questionnaire.version,
            language=questionnaire.language,
            hash=questionnaire.hash,
        ),
        interviewees=[Interviewee(name=name, role=role) for name, role in people],
    )
    interview = Interview(questionnaire, session)
    for question_id, value in answers.items():
        if value is DONT_KNOW:
            interview.mark(question_id, "dont_know")
        else:
            interview.answer(question_id, value)
    for question_id, changes in (notes or {}).items():
        interview.annotate(question_id, **changes)
    moment = started
    for question_id in list(session.answers):
        moment += dt.timedelta(minutes=3)
        session.answers[question_id] = session.answers[question_id].model_copy(
            update={"at": moment}
        )
    session.observations = list(observations or [])
    session.updated = moment + dt.timedelta(minutes=2)
    session.current = ""
    _write(workspace, questionnaire, session)
    return session


def _write(workspace: Workspace, questionnaire: Questionnaire, session: Session) -> None:
    workspace.sessions_dir.mkdir(parents=True, exist_ok=True)
    path = workspace.sessions_dir / session_file_name(session)
    path.write_text(session.to_toml(), encoding="utf-8")
    copy = SessionStore(workspace).questionnaire_copy_path(session)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(questionnaire.source, encoding="utf-8")


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, 0, tzinfo=dt.UTC)


def build_fixture_engagement(root: Path) -> Workspace:
    """Write the four sessions into `root` (a folder) and return its workspace."""
    workspace = Workspace(root)
    ops, it = fixture_questionnaire("ops"), fixture_questionnaire("it")
    write_session(
        workspace,
        ops,
        session_id="ops1aaaa",
        started=at(2, 9),
        people=[("Ana Souza", "email-ops")],
        answers={
            "opening_story": "We export the list from the CRM, fix it in Excel,\n"
            "then upload it again. “It's wobbly.”",
            "list_source": "csv_upload",
            "list_prep_hours": 6,
            "platform_stability": 2,
            "transactional_in_esp": True,
            "journeys": [
                {"name": "Welcome", "trigger": "signup", "owner": "Bea", "must_move": True},
                {"name": "Cart reminder", "trigger": "cart_abandon", "must_move": True},
                {"name": "Birthday", "trigger": "date_based", "owner": "Bea", "must_move": False},
            ],
            "templates": [
                {"name": "Weekly news", "family": "newsletter", "variants": 3, "must_move": True},
                {"name": "Spring sale", "family": "promotional", "variants": 2},
                {"name": "Order receipt", "family": "transactional", "must_move": True},
            ],
            "biggest_worry": "Losing the unsubscribes.",
        },
        notes={
            "list_source": {
                "note": "Every Monday; Mary does it.",
                "quote": "I need Mary in IT to move the data for me.",
            },
            "biggest_worry": {"follow_up": True, "note": "Ask legal about suppressions."},
        },
        observations=[
            Observation(
                id="obs-key-person",
                category="hack",
                severity=4,
                impact=4,
                phase="move",
                title="One person loads every list",
                text="Mary in IT is the only one who can load lists; she is away in August.",
                question="list_source",
                at=at(2, 9) + dt.timedelta(minutes=10),
            )
        ],
    )
    write_session(
        workspace,
        it,
        session_id="it2bbbbb",
        started=at(3, 14),
        people=[("Raj Patel", "it-integrations")],
        answers={
            "list_source": "api",
            "platform_stability": 4,
            "integrations": [
                {
                    "name": "Salesforce",
                    "kind": "crm",
                    "direction": "to_esp",
                    "transport": "api",
                    "owner": "Raj",
                    "must_move": True,
                },
                {
                    "name": "Legacy FTP export",
                    "kind": "custom_script",
                    "direction": "from_esp",
                    "transport": "sftp",
                    "must_move": False,
                },
                {
                    "name": "Shop",
                    "kind": "ecommerce",
                    "direction": "both",
                    "transport": "sftp",
                    "must_move": True,
                },
            ],
            "api_messages": [
                {"name": "Password reset", "trigger_system": "Website", "must_move": True}
            ],
        },
        notes={"list_source": {"note": "The Salesforce sync runs every hour."}},
    )
    write_session(
        workspace,
        ops,
        session_id="ops3cccc",
        started=at(4, 10),
        people=[("Chloé Dubois", "")],
        status="in_progress",
        answers={
            "list_source": "csv_upload",
            "list_prep_hours": DONT_KNOW,
            "platform_stability": 3,
            "journeys": [
                {"name": " welcome ", "trigger": "signup", "must_move": True},
                {
                    "name": "CART  reminder",
                    "trigger": "cart_abandon",
                    "owner": "Zoé",
                    "must_move": False,
                },
            ],
        },
        notes={
            "list_source": {"quote": "On exporte, on corrige dans Excel, on réimporte."},
        },
    )
    write_session(
        workspace,
        it,
        session_id="it4ddddd",
        started=at(5, 11),
        people=[("Omar Haddad", "data-crm")],
        answers={
            "list_source": "csv_upload",
            "platform_stability": 1,
            "integrations": [
                {
                    "name": "salesforce",
                    "kind": "crm",
                    "direction": "to_esp",
                    "transport": "api",
                    "owner": "Omar",
                    "must_move": True,
                },
            ],
        },
    )
    return workspace


def make_opened(
    questionnaire: Questionnaire,
    session_id: str,
    roles: list[str] | None = None,
    answers: Mapping[str, Any] | None = None,
    *,
    day: int = 1,
    notes: Mapping[str, Mapping[str, Any]] | None = None,
    observations: list[Observation] | None = None,
) -> OpenedSession:
    """An in-memory session (no files) for unit tests; one interviewee per role given."""
    roles = ["email-ops"] if roles is None else roles
    session = Session(
        id=session_id,
        client=CLIENT,
        engagement=ENGAGEMENT,
        started=at(day, 9),
        questionnaire=QuestionnaireRef(
            id=questionnaire.id,
            version=questionnaire.version,
            language=questionnaire.language,
            hash=questionnaire.hash,
        ),
        interviewees=[Interviewee(name=f"Person {n}", role=r) for n, r in enumerate(roles)],
    )
    interview = Interview(questionnaire, session)
    for question_id, value in (answers or {}).items():
        if value is DONT_KNOW:
            interview.mark(question_id, "dont_know")
        else:
            interview.answer(question_id, value)
    for question_id, changes in (notes or {}).items():
        interview.annotate(question_id, **changes)
    session.observations = list(observations or [])
    return OpenedSession(session, questionnaire)
