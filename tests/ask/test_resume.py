"""Interruptions lose nothing, sessions resume in either mode, and starting asks what is missing."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ask.driver import (
    CTRL_C,
    ENTER,
    NEW,
    lines,
    locks,
    on_disk,
    pick,
    run_ask,
    session_files,
    tick,
    typed,
    values,
)
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.lock import LockOwner
from esp_wizard.session.model import Interviewee
from esp_wizard.session.opened import questionnaire_of
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

FIRST_HALF = [lines("We export."), "y", pick(2), typed("6")]
FIRST_HALF_VALUES = {
    "story": "We export.",
    "uses_lists": True,
    "list_source": "csv_upload",
    "list_prep_hours": 6,
}
SECOND_HALF = [tick(0), pick(3), typed("2028-01-31"), typed("Ops"), pick(1), "y"]
SECOND_HALF_VALUES = {
    "channels": ["email"],
    "stability": 4,
    "contract_end": dt.date(2028, 1, 31),
    "team_name": "Ops",
}


def last_line(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_ctrl_c_keeps_every_answer_given_and_a_resume_finishes_the_interview(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[*FIRST_HALF, CTRL_C]) == 130
    session = on_disk(root)
    assert values(root) == FIRST_HALF_VALUES
    assert session["current"] == "channels"
    assert locks(root) == []
    assert last_line(capsys) == f"saved; resume with: esp-wizard ask --resume {session['id']}"

    assert run_ask(root, "--resume", session["id"][:5], keys=SECOND_HALF) == 0
    assert values(root) == {**FIRST_HALF_VALUES, **SECOND_HALF_VALUES}
    assert on_disk(root)["status"] == "completed"
    assert len(session_files(root)) == 1
    assert locks(root) == []


def test_a_closed_input_ends_like_ctrl_c(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_ask(root, *NEW, keys=FIRST_HALF[:2]) == 130
    assert values(root) == {"story": "We export.", "uses_lists": True}
    assert last_line(capsys).startswith("saved; resume with: esp-wizard ask --resume ")
    assert locks(root) == []


def test_ctrl_c_before_the_session_exists_starts_none(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, keys=[typed("Acme"), CTRL_C]) == 130
    assert last_line(capsys) == "cancelled; no session was started"
    assert session_files(root) == []


def test_a_session_started_in_ask_is_finished_through_the_engine_the_tui_uses(
    root: Path,
) -> None:
    assert run_ask(root, *NEW, keys=[*FIRST_HALF, tick(0), ":stop\r"]) == 0
    session_id = on_disk(root)["id"]

    with SessionStore(Workspace(root)) as store:
        session = store.open(session_id)
        questionnaire, warning = questionnaire_of(store, session)
        interview = Interview(questionnaire, session)
        assert warning == ""
        assert interview.resume_question().id == "stability"
        for question_id, value in [
            ("stability", 2),
            ("contract_end", dt.date(2029, 3, 1)),
            ("team_name", "Lifecycle"),
            ("systems", [{"name": "Shop", "owner": "Bea"}]),
        ]:
            interview.answer(question_id, value)
            store.save(session)
        session.status = "completed"
        store.save(session)

    assert values(root) == {
        **FIRST_HALF_VALUES,
        "channels": ["email"],
        "stability": 2,
        "contract_end": dt.date(2029, 3, 1),
        "team_name": "Lifecycle",
        "systems": [{"name": "Shop", "owner": "Bea"}],
    }
    assert on_disk(root)["status"] == "completed"


def test_a_session_started_through_the_engine_is_finished_in_ask(root: Path) -> None:
    questionnaire = load_questionnaire(root / "questionnaires" / "complete.toml")
    with SessionStore(Workspace(root)) as store:
        session = store.create(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            questionnaire_language=questionnaire.language,
            questionnaire_source=questionnaire.source,
            client="Acme Retail",
            interviewees=[Interviewee(name="Ana", role="email-ops")],
        )
        interview = Interview(questionnaire, session)
        interview.answer("story", "Typed in the TUI.")
        interview.answer("uses_lists", True)
        interview.move_to("list_source")
        store.save(session)

    keys = [pick(1), tick(1), pick(0), typed("2030-12-31"), typed("Ops"), pick(1), "y"]
    assert run_ask(root, "--resume", session.id, keys=keys) == 0
    assert values(root) == {
        "story": "Typed in the TUI.",
        "uses_lists": True,
        "list_source": "sftp",
        "channels": ["sms"],
        "stability": 1,
        "contract_end": dt.date(2030, 12, 31),
        "team_name": "Ops",
    }
    assert on_disk(root)["status"] == "completed"


def test_a_session_open_in_another_window_is_refused(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[lines("Mine."), ":stop\r"]) == 0
    session_id = on_disk(root)["id"]
    elsewhere = LockOwner(pid=4242, host="another-laptop", user="bea")
    with SessionStore(Workspace(root), owner=elsewhere) as other:
        other.open(session_id)
        capsys.readouterr()
        assert run_ask(root, "--resume", session_id, keys=[typed(":dk")]) == 2
    assert capsys.readouterr().err.startswith("esp-wizard: ")
    assert values(root) == {"story": "Mine."}


def test_a_completed_session_is_reopened_only_when_confirmed(root: Path) -> None:
    skip_all = [typed(":skip"), ":skip\r", ":skip\r", typed(":skip"), typed(":skip"), ":skip\r"]
    assert run_ask(root, *NEW, keys=[*skip_all, "y"]) == 0
    session_id = on_disk(root)["id"]
    assert on_disk(root)["status"] == "completed"

    assert run_ask(root, "--resume", session_id, keys=["n"]) == 0
    assert on_disk(root)["status"] == "completed"

    assert run_ask(root, "--resume", session_id, keys=["y", ":stop\r"]) == 0
    assert on_disk(root)["status"] == "in_progress"


def test_resume_refuses_the_options_of_a_new_session(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, "--resume", "abc", "--client", "Other") == 2
    assert "leave out --client" in capsys.readouterr().err


def test_whatever_the_options_leave_out_is_asked(root: Path) -> None:
    keys = [
        typed("Acme"),  # client
        ENTER,  # engagement: none
        pick(0),  # the one questionnaire of this workspace
        typed("Ana"),
        ENTER,  # role: the questionnaire's own role comes first
        "y",  # another interviewee
        typed("Bo"),
        pick(9),  # "Another role…", after the nine known roles
        typed("procurement"),
        "n",
        typed("Fay"),  # facilitator
        CTRL_C,
    ]
    assert run_ask(root, keys=keys) == 130
    session = on_disk(root)
    assert session["client"] == "Acme"
    assert "engagement" not in session
    assert session["facilitator"] == "Fay"
    assert session["questionnaire"]["id"] == "spec-example"
    assert session["interviewees"] == [
        {"name": "Ana", "role": "email-ops"},
        {"name": "Bo", "role": "procurement"},
    ]


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (("--interviewee", ":email-ops"), "--interviewee needs a name"),
        (("--questionnaire", "nope"), "no questionnaire 'nope'"),
    ],
)
def test_a_bad_option_is_one_line_and_exit_2(
    root: Path, capsys: pytest.CaptureFixture[str], option: tuple[str, str], message: str
) -> None:
    args = ["--client", "Acme", "--engagement", "", "--facilitator", "", *option]
    assert run_ask(root, *args) == 2  # refused before any prompt
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert message in err
    assert session_files(root) == []


def test_a_session_whose_questionnaire_copy_is_gone_resumes_with_the_installed_one(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_ask(root, *NEW, keys=[lines("Kept."), ":stop\r"]) == 0
    for copy in (root / "sessions" / ".questionnaires").iterdir():
        copy.unlink()
    session_id = on_disk(root)["id"]
    assert run_ask(root, "--resume", session_id, keys=["y", ":stop\r"]) == 0
    assert values(root) == {"story": "Kept.", "uses_lists": True}
    assert "using the installed spec-example (en) instead" in capsys.readouterr().out


@pytest.mark.slow
def test_a_closed_terminal_unwinds_like_ctrl_c_and_releases_the_lock(root: Path) -> None:
    command = [sys.executable, "-m", "esp_wizard", "--workspace", str(root), "ask", *NEW]
    with subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write("Before the hang-up.\n\n")  # a pipe: plain mode, whole lines
        process.stdin.flush()
        for line in process.stdout:  # wait until the answer is saved and the next is asked
            if line.startswith("[question 2 of"):
                break
        process.send_signal(signal.SIGHUP)
        assert process.wait(timeout=30) == 130
    assert values(root) == {"story": "Before the hang-up."}
    assert locks(root) == []
