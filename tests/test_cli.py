"""The command line as a person meets it: help, version, workspace choice, tables, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from esp_wizard import __version__
from esp_wizard.cli import main
from esp_wizard.questionnaire.loader import load_questionnaire
from esp_wizard.session.model import Interviewee
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

DATA = Path(__file__).parent / "data"


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "esp_wizard", *args], capture_output=True, text=True, env=env
    )


def make_session(root: Path, client: str = "Acme Retail", name: str = "Ana") -> str:
    questionnaire = load_questionnaire(DATA / "complete.toml")
    with SessionStore(Workspace(root)) as store:
        session = store.create(
            questionnaire_id=questionnaire.id,
            questionnaire_version=questionnaire.version,
            questionnaire_language=questionnaire.language,
            questionnaire_source=questionnaire.source,
            client=client,
            engagement="ESP move 2027",
            interviewees=[Interviewee(name=name, role="email-ops")],
        )
        from esp_wizard.session.interview import Interview

        interview = Interview(questionnaire, session)
        interview.answer("story", "We export, fix in Excel, upload.")
        interview.answer("uses_lists", True)
        store.save(session)
        return session.id


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"esp-wizard {__version__}"
    help_text = run("--help").stdout
    for command in ("questionnaires", "sessions", "--workspace"):
        assert command in help_text


def test_sessions_lists_the_workspace_given_by_option(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    session_id = make_session(tmp_path)
    result = run("--workspace", str(tmp_path), "sessions")
    assert result.returncode == 0, result.stderr
    header, row = result.stdout.splitlines()
    assert header.split("\t")[:3] == ["id", "client", "engagement"]
    cells = row.split("\t")
    assert cells[0] == session_id
    assert cells[1:4] == ["Acme Retail", "ESP move 2027", "Ana (email-ops)"]
    assert cells[5:7] == ["in progress", "2/8"]


def test_sessions_reads_the_workspace_from_the_environment(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    make_session(tmp_path, client="Globex")
    make_session(tmp_path, client="Initech", name="Bob")
    env = {
        "ESP_WIZARD_WORKSPACE": str(tmp_path),
        "PATH": "/usr/bin:/bin",
        "ESP_WIZARD_CACHE_DIR": os.environ["ESP_WIZARD_CACHE_DIR"],  # never the user's cache
    }
    rows = run("sessions", "--client", "globex", env=env).stdout.splitlines()[1:]
    assert [r.split("\t")[1] for r in rows] == ["Globex"]


def test_an_unreadable_session_is_named_and_left_alone(tmp_path: Path) -> None:
    (tmp_path / "sessions").mkdir()
    make_session(tmp_path)
    broken = tmp_path / "sessions" / "broken.toml"
    broken.write_text('id = "x"\nclient = \n', encoding="utf-8")
    result = run("--workspace", str(tmp_path), "sessions")
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 2
    assert "broken.toml:2:" in result.stderr
    assert broken.read_text(encoding="utf-8") == 'id = "x"\nclient = \n'


def test_a_missing_workspace_is_a_users_mistake(tmp_path: Path) -> None:
    result = run("--workspace", str(tmp_path / "nowhere"), "sessions")
    assert result.returncode == 2
    assert result.stderr.startswith("esp-wizard: workspace folder not found")
    assert "Traceback" not in result.stderr


def test_questionnaires_lists_bundled_and_workspace_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "questionnaires").mkdir()
    (tmp_path / "questionnaires" / "mine.toml").write_text(
        (DATA / "complete.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert main(["--workspace", str(tmp_path), "questionnaires"]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()[1:]]
    mine = [r for r in rows if r[0] == "spec-example"]
    assert mine and mine[0][-1] == "workspace"
    assert any(r[-1] == "bundled" for r in rows)


def test_a_workspace_questionnaire_replaces_the_bundled_one(tmp_path: Path) -> None:
    from esp_wizard.questionnaire.catalog import bundled_dir, load_catalog

    bundled = tmp_path / "bundled"
    bundled.mkdir()
    (tmp_path / "questionnaires").mkdir()
    text = (DATA / "complete.toml").read_text(encoding="utf-8")
    (bundled / "a.toml").write_text(text, encoding="utf-8")
    (tmp_path / "questionnaires" / "b.toml").write_text(
        text.replace('title = "Email operations', 'title = "Our own email operations'),
        encoding="utf-8",
    )
    catalog = load_catalog(tmp_path / "questionnaires", bundled=bundled)
    assert [e.origin for e in catalog.entries] == ["workspace"]
    assert catalog.find("spec-example").title.startswith("Our own")
    assert bundled_dir().is_dir()
