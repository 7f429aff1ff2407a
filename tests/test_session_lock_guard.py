"""The lock's takeover guard (`<lock>.break`) names its holder: a dead holder never blocks.

A process killed in the microseconds it holds the guard used to block the session for
10 s, during which the user was told the session was "open in another window" by a pid
that no longer ran. The guard now says who holds it, as the lock does.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from esp_wizard.session.lock import SessionLock, SessionLocked, _remove_if_holding
from test_session_lock import HOST, dead_pid, write_lock


def write_guard(session_path: Path, pid: int, host: str = HOST) -> Path:
    guard = session_path.with_name(session_path.name + ".lock.break")
    record = {"pid": pid, "host": host, "user": "ghost", "started": "2026-01-01T10:02:00Z"}
    guard.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return guard


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".break", ".old")))


def test_a_guard_left_by_a_dead_process_is_taken_over_at_once(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    write_lock(target, dead_pid())
    write_guard(target, dead_pid())  # fresh: the old rule waited 10 s for it
    lock = SessionLock(target)
    lock.acquire()
    assert json.loads(Path(f"{target}.lock").read_text())["pid"] == os.getpid()
    assert leftovers(tmp_path) == []
    lock.release()


def test_a_guard_held_by_a_live_process_is_respected_until_it_is_old(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    write_lock(target, dead_pid())
    guard = write_guard(target, os.getppid())  # alive: pytest's launcher
    with pytest.raises(SessionLocked, match="open in another window"):
        SessionLock(target).acquire()
    assert guard.exists()
    old = time.time() - 60
    os.utime(guard, (old, old))
    lock = SessionLock(target)
    lock.acquire()
    assert leftovers(tmp_path) == []
    lock.release()


def test_a_guard_from_another_host_is_not_judged_by_its_pid(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    write_lock(target, dead_pid())
    guard = write_guard(target, dead_pid(), host="other-laptop")
    with pytest.raises(SessionLocked):
        SessionLock(target).acquire()
    assert guard.exists()


def test_removing_a_guard_spares_one_a_racer_put_there_since(tmp_path: Path) -> None:
    guard = tmp_path / "s.toml.lock.break"
    guard.write_bytes(b"a racer's guard\n")
    _remove_if_holding(guard, b"the dead holder's guard\n")
    assert guard.read_bytes() == b"a racer's guard\n"
    _remove_if_holding(guard, b"a racer's guard\n")
    assert not guard.exists()
    assert leftovers(tmp_path) == []
