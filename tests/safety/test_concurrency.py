"""Guarantee: a save never overwrites a change it has not seen; one id in two files is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from esp_wizard.cli import main
from esp_wizard.session.lock import LockOwner
from esp_wizard.session.store import SessionChangedOnDisk, SessionStore
from esp_wizard.workspace import Workspace
from safety.conftest import session_files


def window(root: Path, pid: int) -> SessionStore:
    """Another window: another process holding its own lock."""
    return SessionStore(Workspace(root), owner=LockOwner(pid, "laptop", "ana"))


def test_a_deleted_lock_does_not_let_window_a_overwrite_window_b(example: Path) -> None:
    a, b = window(example, 1), window(example, 2)
    session_a = a.open("nwemlops")
    next((example / "sessions").glob("*.lock")).unlink()  # the refusal message suggests it
    session_b = b.open("nwemlops")
    session_b.client = "Changed in window B"
    b.save(session_b)
    b.close_all()  # B is done; its lock goes
    path = a.path_of(session_a)
    assert path is not None
    before = path.read_bytes()
    session_a.facilitator = "Changed in window A"
    with pytest.raises(SessionChangedOnDisk, match="changed on disk since this window read it"):
        a.save(session_a)
    assert path.read_bytes() == before
    assert b"Changed in window B" in before


def test_a_hand_edit_while_open_is_not_overwritten(example: Path) -> None:
    store = window(example, 3)
    session = store.open("nwexecut")
    path = store.path_of(session)
    assert path is not None
    edited = path.read_text(encoding="utf-8").replace("Helen Marsh", "Helen Marsh-Jones")
    path.write_text(edited, encoding="utf-8")
    session.status = "in_progress"
    with pytest.raises(SessionChangedOnDisk) as refused:
        store.save(session)
    assert len(str(refused.value).splitlines()) == 1
    assert path.read_text(encoding="utf-8") == edited


def test_saves_of_one_window_follow_each_other(example: Path) -> None:
    store = window(example, 4)
    session = store.open("nwexecut")
    for client in ("A", "B", "C"):
        session.client = client
        store.save(session)
    assert 'client = "C"' in (store.path_of(session) or Path()).read_text(encoding="utf-8")


def test_one_id_in_two_files_is_a_conflict_in_sessions_and_report(
    example: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = next(p for p in session_files(example) if "nwexecut" in p.name)
    copy = original.with_name(original.stem + " (conflicted copy 2026-10-06).toml")
    copy.write_bytes(original.read_bytes())
    healthy = len(session_files(example)) - 1
    assert main(["--workspace", str(example), "sessions"]) == 0
    err = capsys.readouterr().err
    assert "conflict: session id nwexecut is in 2 files" in err
    assert original.name in err and copy.name in err
    assert main(["--workspace", str(example), "report", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    import json

    assert len(json.loads(out)["sessions"]) == healthy  # counted once
    assert original.name in err and copy.name in err
    assert main(["--lang", "fr", "--workspace", str(example), "report", "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "l'identifiant de session nwexecut figure dans 2 fichiers : " in err
    assert f"seul {original.name} (modifié en dernier) est utilisé" in err
