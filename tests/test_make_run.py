"""`make run` opens a scratch copy of the example engagement: the repository stays clean.

The Makefile calls scripts/prepare_example.py, then the app on the copy; this runs the
script exactly as `make run` does (into another scratch folder, so a developer's own
`.scratch/example` is left alone) and asks git what changed.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "prepare_example.py"

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(), reason="needs a git checkout"
)


def git_status() -> str:
    result = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


@pytest.fixture
def scratch() -> Iterator[Path]:
    folder = ROOT / ".scratch" / f"test-{uuid.uuid4().hex[:8]}"
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def prepare(into: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--into", str(into)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_the_copy_holds_the_example_and_git_sees_no_change(scratch: Path) -> None:
    before = git_status()
    result = prepare(scratch)
    assert result.returncode == 0, result.stderr
    assert "ignored by git" in result.stdout
    copied = sorted(p.name for p in (scratch / "sessions").glob("*.toml"))
    assert copied == sorted(p.name for p in (ROOT / "sessions").glob("*.toml"))
    assert len(copied) >= 10
    assert any((scratch / "sessions" / ".questionnaires").iterdir())
    assert len(SessionStore(Workspace(scratch)).list().entries) == len(copied)
    assert git_status() == before


def test_an_interview_saved_in_the_copy_stays_out_of_the_repository(scratch: Path) -> None:
    before = git_status()
    assert prepare(scratch).returncode == 0
    store = SessionStore(Workspace(scratch))
    with store:
        session = store.create(
            questionnaire_id="email-ops",
            questionnaire_version="1",
            questionnaire_language="en",
            questionnaire_source='format = 1\nid = "email-ops"\n',
            client="Trial client",
            engagement="Trying it out",
            facilitator="Newcomer",
            interviewees=[],
        )
        store.save(session)
    assert git_status() == before
    assert prepare(scratch).returncode == 0  # the next `make run` starts from the example again
    names = [p.name for p in (scratch / "sessions").glob("*.toml")]
    assert not any("trial-client" in name for name in names)


def test_the_example_itself_is_never_the_target(monkeypatch: pytest.MonkeyPatch) -> None:
    """Asked to replace sessions/ or a folder holding it, the script stops before deleting."""
    spec = importlib.util.spec_from_file_location("prepare_example", SCRIPT)
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    deleted: list[Path] = []
    monkeypatch.setattr(script.shutil, "rmtree", lambda path, *a, **k: deleted.append(path))
    for target in (ROOT, ROOT / "sessions"):
        with pytest.raises(SystemExit, match="refusing"):
            script.prepare(target)
    assert deleted == []
