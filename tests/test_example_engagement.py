"""The fictional example engagement in the repository's `sessions/` and the script that builds it.

If a test here fails after a bundled questionnaire changed, rebuild the example:
`.venv/bin/python scripts/build_example.py`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from esp_wizard.questionnaire.model import ROLES
from esp_wizard.session.interview import Interview
from esp_wizard.session.lock import LockOwner, SessionLocked
from esp_wizard.session.model import Session
from esp_wizard.session.opened import questionnaire_of
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "build_example.py"
DESCRIPTION = REPO / "scripts" / "example"
CLIENT = "Northwind Outfitters (fictional example)"
WINDOW = (dt.date(2026, 10, 5), dt.date(2026, 10, 16))
SHARED_FACTS = {"list_source", "consent_record", "integration_maintainer", "report_production"}
SHARED_FACTS |= {"send_break_frequency"}
TELLTALES = {
    "platform-wobbly",  # "our system is wobbly"
    "sends-break-often",
    "manual-list-upload",  # hacks and manual steps
    "manual-pre-send-steps",
    "key-person-dependency",  # "I need Mary in IT to move the data for me"
    "integration-single-maintainer",
    "reports-by-hand",  # "I need outside processes to get the reports I need"
    "report-built-by-hand",
}


@pytest.fixture(scope="module")
def store() -> SessionStore:
    return SessionStore(Workspace(REPO))


@pytest.fixture(scope="module")
def interviews(store: SessionStore) -> list[Interview]:
    listing = store.list()
    assert not listing.problems, [str(p) for p in listing.problems]
    sessions = [e.session for e in listing if e.session.client == CLIENT]
    return [Interview(questionnaire_of(store, s)[0], s) for s in sessions]


@pytest.fixture
def builder(monkeypatch: pytest.MonkeyPatch) -> Iterator[ModuleType]:
    monkeypatch.syspath_prepend(str(SCRIPT.parent))
    yield importlib.import_module("build_example")


def roles_of(session: Session) -> tuple[str, ...]:
    return tuple(sorted(set(session.roles)))


# -- the sessions -------------------------------------------------------------------------------
def test_one_completed_english_session_per_role_plus_kickoff(interviews: list[Interview]) -> None:
    assert len(interviews) >= 10
    by_questionnaire: dict[str, list[Session]] = {}
    for interview in interviews:
        session = interview.session
        assert session.status == "completed", session.id
        assert session.questionnaire.language == "en"
        assert "example" in session.engagement and session.facilitator
        by_questionnaire.setdefault(session.questionnaire.id, []).append(session)
    assert set(by_questionnaire) >= {*ROLES, "kickoff"}
    for role in ROLES:
        assert all(role in s.roles for s in by_questionnaire[role]), role
    assert len(roles_of(by_questionnaire["kickoff"][0])) >= 3  # a group workshop


def test_every_questionnaire_copy_matches_its_hash(
    store: SessionStore, interviews: list[Interview]
) -> None:
    for interview in interviews:
        ref = interview.session.questionnaire
        text = store.questionnaire_text(interview.session)  # raises if missing or altered
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == ref.hash
        assert store.questionnaire_copy_path(interview.session).name.endswith(
            f"{ref.hash[:16]}.toml"
        )
        assert interview.questionnaire.hash == ref.hash


def test_answers_cover_the_active_questions(interviews: list[Interview]) -> None:
    marked = 0
    for interview in interviews:
        assert interview.progress().ratio >= 0.9, interview.session.id
        assert not interview.unanswered_required(), interview.session.id
        assert not interview.inactive_answers(), interview.session.id
        answers = interview.active_answers().values()
        marked += sum(1 for a in answers if a.status in ("dont_know", "not_applicable"))
    assert 3 <= marked <= 10  # a few "don't know" and "not applicable", not many


def test_times_fit_the_window_and_each_questionnaire(interviews: list[Interview]) -> None:
    for interview in interviews:
        session = interview.session
        assert WINDOW[0] <= session.started.date() <= WINDOW[1], session.id
        minutes = (session.updated - session.started).total_seconds() / 60
        planned = interview.questionnaire.minutes
        assert 0.75 * planned <= minutes <= 1.5 * planned, session.id
        moments = [a.at for a in session.answers.values()]
        moments += [o.at for o in session.observations]
        assert all(session.started < at < session.updated for at in moments), session.id


# -- what the example must show --------------------------------------------------------------
def conflicts(interviews: list[Interview]) -> dict[str, set[tuple[tuple[str, ...], str]]]:
    """Question id -> (roles, value) pairs, where sessions of different roles disagree."""
    given: dict[str, set[tuple[tuple[str, ...], str]]] = {}
    for interview in interviews:
        roles = roles_of(interview.session)
        for question_id, answer in interview.active_answers().items():
            if answer.status == "answered":
                given.setdefault(question_id, set()).add((roles, repr(answer.value)))
    return {
        question_id: pairs
        for question_id, pairs in given.items()
        if len({value for _, value in pairs}) > 1
        and any(r1 != r2 and v1 != v2 for r1, v1 in pairs for r2, v2 in pairs)
    }


def test_roles_disagree_on_shared_facts(interviews: list[Interview]) -> None:
    found = conflicts(interviews)
    assert len(found.keys() & SHARED_FACTS) >= 3, sorted(found)
    assert found.keys() >= SHARED_FACTS
    list_source = {value for roles, value in found["list_source"] if len(roles) == 1}
    assert {"'api'", "'csv_upload'"} <= list_source  # IT says API, the people who send say CSV


def test_the_telltale_complaints_fire(interviews: list[Interview]) -> None:
    fired: dict[str, set[str]] = {}
    for interview in interviews:
        for finding in interview.fired_findings():
            fired.setdefault(finding.rule.id, set()).add(interview.session.questionnaire.id)
    assert fired.keys() >= TELLTALES, sorted(TELLTALES - fired.keys())
    assert len(fired["key-person-dependency"]) >= 3  # several roles name the same person
    categories = {f.rule.category for i in interviews for f in i.fired_findings()}
    assert categories == {"strength", "gap", "hack", "manual"}
    quotes = [a.quote for i in interviews for a in i.session.answers.values()]
    assert "I need Mary in IT to move the data for me." in quotes


def test_notes_quotes_follow_ups_and_observations(interviews: list[Interview]) -> None:
    answers = [a for i in interviews for a in i.active_answers().values()]
    assert sum(1 for a in answers if a.note) >= 50
    assert sum(1 for a in answers if a.quote) >= 20
    assert sum(1 for a in answers if a.follow_up) >= 5
    categories = set()
    for interview in interviews:
        observations = interview.session.observations
        assert observations, interview.session.id
        for observation in observations:
            assert observation.title and observation.text
            assert interview.is_active(observation.question), observation.id
            categories.add(observation.category)
    assert categories == {"strength", "gap", "hack", "manual"}


def test_the_example_is_labelled_as_fiction() -> None:
    readme = (DESCRIPTION / "README.md").read_text(encoding="utf-8")
    assert "fictional" in readme.lower() and "fictional" in CLIENT


# -- the build script -------------------------------------------------------------------------
def example_files(root: Path) -> dict[Path, bytes]:
    """Every file of the example under `root/sessions`, questionnaire copies included."""
    sessions = root / "sessions"
    return {
        path.relative_to(sessions): path.read_bytes()
        for path in sorted(sessions.rglob("*.toml"))
        if path.parent.name == ".questionnaires" or CLIENT.encode() in path.read_bytes()
    }


def test_a_rebuild_gives_byte_identical_files(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    built = example_files(tmp_path)
    committed = example_files(REPO)
    assert len(built) >= 20  # ten sessions and their ten questionnaire copies
    stale = {p for p in committed if not p.parts[0].startswith(".")} - built.keys()
    assert not stale, f"example sessions not built by the script: {sorted(stale)}"
    for path, data in built.items():
        assert committed.get(path) == data, (
            f"sessions/{path} differs: rerun .venv/bin/python scripts/build_example.py"
        )


def test_a_rebuild_replaces_the_example_and_nothing_else(
    tmp_path: Path, builder: ModuleType
) -> None:
    workspace = Workspace(tmp_path)
    first = builder.build(DESCRIPTION, workspace)
    other = tmp_path / "sessions" / "2026-11-01-acme-ana-aaaaaaaa.toml"
    text = first[0].read_text(encoding="utf-8")
    other.write_text(text.replace(CLIENT, "Acme").replace(first_id(text), "aaaaaaaa"))
    before = other.read_bytes()
    # an earlier build, made with an older questionnaire: its copy must go, the other's stay
    executive = first[1].read_text(encoding="utf-8")
    old_hash = "0" * 64
    first[1].write_text(
        executive.replace(hash_of(executive), old_hash).replace("completed", "in_progress")
    )
    old_copy = tmp_path / "sessions" / ".questionnaires" / f"executive-en-{old_hash[:16]}.toml"
    old_copy.write_text("an older executive questionnaire")
    again = builder.build(DESCRIPTION, workspace)
    assert again == first
    assert other.read_bytes() == before
    assert first[1].read_text(encoding="utf-8") == executive
    assert not old_copy.exists()
    assert len(list((tmp_path / "sessions" / ".questionnaires").iterdir())) == len(first)
    assert not list((tmp_path / "sessions").glob("*.lock"))


def hash_of(text: str) -> str:
    line = next(line for line in text.splitlines() if line.startswith("hash = "))
    return line.split('"')[1]


def first_id(text: str) -> str:
    line = next(line for line in text.splitlines() if line.startswith("id = "))
    return line.split('"')[1]


def broken_description(tmp_path: Path, file: str, old: str, new: str) -> Path:
    copy = tmp_path / "description"
    shutil.copytree(DESCRIPTION, copy)
    path = copy / "sessions" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "03-email-ops.toml",
            'value = "csv_upload"\nquote',
            'value = "carrier_pigeon"\nquote',
            "answers.list_source: Pick one of the options.",
        ),
        (
            "03-email-ops.toml",
            "[answers.senders_count]",
            "[answers.senders_total]",
            "answers.senders_total: no such question in questionnaire email-ops",
        ),
        (
            "05-it-integrations.toml",
            "[answers.custom_scripts]\nvalue = true",
            "[answers.custom_scripts]\nvalue = false",
            "answers.scripts_documented: not asked: its condition is false",
        ),
        (
            "07-analytics.toml",
            "[answers.report_count]\nvalue = 6",
            "[answers.report_count]\nvalue = 6.5",
            "answers.report_count: Enter a whole number from 0 to 500 reports.",
        ),
        (
            "02-executive.toml",
            'category = "gap"\nseverity = 4',
            'category = "gap"\nseverity = 9',
            "observations #2 severity: Input should be less than or equal to 5",
        ),
    ],
)
def test_a_bad_description_fails_in_one_line_and_writes_nothing(
    tmp_path: Path,
    builder: ModuleType,
    capsys: pytest.CaptureFixture[str],
    file: str,
    old: str,
    new: str,
    message: str,
) -> None:
    description = broken_description(tmp_path, file, old, new)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    code = builder.main([str(workspace), "--description", str(description)])
    error = capsys.readouterr().err
    assert code == 2
    assert error.count("\n") == 1 and f"sessions/{file}: {message}" in error, error
    assert not (workspace / "sessions").exists()


def test_a_session_open_elsewhere_is_not_replaced(tmp_path: Path, builder: ModuleType) -> None:
    workspace = Workspace(tmp_path)
    paths = builder.build(DESCRIPTION, workspace)
    laptop = LockOwner(pid=4242, host="another-laptop", user="tom")
    with SessionStore(workspace, owner=laptop) as elsewhere:
        elsewhere.open(str(paths[0]))  # the oldest, listed last: nothing may go before it
        with pytest.raises(SessionLocked, match="is open in another window"):
            builder.build(DESCRIPTION, workspace)
        assert all(path.is_file() for path in paths)
    assert not list((tmp_path / "sessions").glob("*.lock"))


def test_the_description_is_valid_toml_for_every_session(builder: ModuleType) -> None:
    descriptions: list[Any] = builder.load_descriptions(DESCRIPTION / "sessions")
    assert len({d.session_id for d in descriptions}) == len(descriptions) >= 10
