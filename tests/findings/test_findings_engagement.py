"""Reading an engagement from a workspace, and one session's summary."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from esp_wizard.errors import UserError
from esp_wizard.findings import choose, compile_workspace, summarize_session
from esp_wizard.findings.summary import active_minutes
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.model import Session
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace
from findings.fixture import (
    at,
    build_fixture_engagement,
    fixture_questionnaire,
    make_opened,
    write_session,
)

DATA = Path(__file__).parents[1] / "data"


def sessions(*pairs: tuple[str, str]) -> list[Session]:
    ops = fixture_questionnaire("ops")
    found = []
    for n, (client, engagement) in enumerate(pairs):
        session = make_opened(ops, f"s{n}", day=n + 1).session
        session.client, session.engagement = client, engagement
        found.append(session)
    return found


def test_one_engagement_needs_no_option() -> None:
    chosen = choose(sessions(("Acme", "Wave 1"), ("acme ", "wave  1")))
    assert (chosen.client, chosen.engagement, chosen.sessions) == ("Acme", "Wave 1", 2)


def test_several_engagements_and_no_choice_list_them_with_the_options_to_type() -> None:
    found = sessions(("Acme", "Wave 1"), ("Acme", "Wave 2"), ("Globex Ltd", ""))
    with pytest.raises(UserError) as error:
        choose(found)
    message = str(error.value)
    assert "3 engagements" in message
    assert "--client Acme --engagement 'Wave 1' (1 session)" in message
    assert "--client Acme --engagement 'Wave 2'" in message
    assert "--client 'Globex Ltd' --engagement ''" in message
    assert "\n" not in message


def test_options_pick_an_engagement_case_and_space_insensitively() -> None:
    found = sessions(("Acme", "Wave 1"), ("Acme", "Wave 2"), ("Globex", ""))
    assert choose(found, client="globex").client == "Globex"
    assert choose(found, "ACME", " wave 2").engagement == "Wave 2"
    with pytest.raises(UserError, match="choose one"):
        choose(found, client="Acme")
    with pytest.raises(UserError, match="no engagement matches"):
        choose(found, client="Initech")


def test_an_empty_workspace_says_how_to_start() -> None:
    with pytest.raises(UserError, match="esp-wizard new"):
        choose([])


def test_a_session_without_its_questionnaire_copy_uses_the_installed_one(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path)
    complete = load_questionnaire(DATA / "complete.toml")
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "complete.toml").write_text(complete.source, "utf-8")
    session = write_session(
        workspace,
        complete,
        session_id="lost0001",
        started=at(2, 9),
        people=[("Ana", "email-ops")],
        answers={"uses_lists": True, "list_source": "csv_upload"},
    )
    SessionStore(workspace).questionnaire_copy_path(session).unlink()
    report = compile_workspace(workspace)
    assert [f.key for f in report.findings] == ["manual-list-upload"]
    assert len(report.warnings) == 1
    assert "lost0001" in report.warnings[0] and "installed" in report.warnings[0]


def test_unreadable_or_unknown_sessions_are_left_out_with_a_warning(tmp_path: Path) -> None:
    workspace = build_fixture_engagement(tmp_path)
    (workspace.sessions_dir / "2026-03-09-broken.toml").write_text("id = [", "utf-8")
    stray = next(workspace.sessions_dir.glob("*it4ddddd.toml"))
    session = SessionStore(workspace).load(stray)
    session.questionnaire.hash = "0" * 64  # a copy nobody has, of a questionnaire not installed
    stray.write_text(session.to_toml(), "utf-8")
    report = compile_workspace(workspace)
    assert [s.id for s in report.sessions] == ["ops1aaaa", "it2bbbbb", "ops3cccc"]
    assert len(report.warnings) == 2
    assert any("broken.toml" in w for w in report.warnings)
    assert any("it4ddddd left out" in w for w in report.warnings)


def test_a_session_summary_holds_every_active_answer_by_section(tmp_path: Path) -> None:
    ops = fixture_questionnaire("ops")
    opened = make_opened(
        ops,
        "s1",
        ["email-ops"],
        {
            "list_source": "csv_upload",
            "list_prep_hours": 3,
            "journeys": [{"name": "Welcome", "trigger": "signup", "must_move": True}],
        },
        notes={"list_source": {"quote": "We upload CSVs."}, "biggest_worry": {"note": "ask"}},
    )
    from esp_wizard.session.interview import Interview

    Interview(ops, opened.session).answer("list_source", "api")  # hides list_prep_hours
    summary = summarize_session(opened)
    shown = {s.id: [a.question_id for a in s.answers] for s in summary.sections}
    assert shown == {"opening": ["list_source"], "programs": ["journeys", "biggest_worry"]}
    journeys = summary.sections[1].answers[0]
    assert journeys.columns == ("Journey", "Trigger", "Owner", "Must it move?")
    assert journeys.rows == (("Welcome", "Sign-up", "", "yes"),)
    worry = summary.sections[1].answers[1]
    assert (worry.status, worry.answer, worry.note) == ("open", "(not answered)", "ask")
    assert (summary.answered, summary.total) == (2, 7)
    assert summary.planned_minutes == 45


def test_time_spent_leaves_out_pauses_longer_than_half_an_hour() -> None:
    ops = fixture_questionnaire("ops")
    session = make_opened(ops, "s1", answers={"list_source": "api", "biggest_worry": "x"}).session
    start = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    session.started = start
    session.answers["list_source"] = session.answers["list_source"].model_copy(
        update={"at": start + dt.timedelta(minutes=20)}
    )
    session.answers["biggest_worry"] = session.answers["biggest_worry"].model_copy(
        update={"at": start + dt.timedelta(hours=20, minutes=10)}  # resumed the next day
    )
    session.updated = start + dt.timedelta(hours=20, minutes=25)
    assert active_minutes(session) == 35  # 20 + 15; the night is a pause
