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

from esp_wizard.session.lock import (
    SessionLock,
    SessionLocked,
    _remove_if_holding,
    aside_name,
    sweep_asides,
)
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


def test_asides_left_by_dead_renamers_are_swept_by_the_next_writer(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    name = "s.toml.lock"
    dead = [aside_name(name, dead_pid()), aside_name(name + ".break", dead_pid())]
    alive = aside_name(name, os.getppid())  # a live renamer: in the middle of its takeover
    old_style = f"{name}.0a1b2c3d4e5f.old"  # named before asides said who renamed them
    other = f"{name}.h00000000-{dead_pid()}.0a1b2c3d4e5f.old"  # another host's: pid unknown
    for aside in [*dead, alive, old_style, other]:
        (tmp_path / aside).write_bytes(b"a renamed lock\n")
    long_ago = time.time() - 60
    os.utime(tmp_path / old_style, (long_ago, long_ago))
    (tmp_path / "t.toml.lock.0a1b2c3d4e5f.old").write_bytes(b"another session's\n")
    write_guard(target, dead_pid())
    with SessionLock(target):
        assert leftovers(tmp_path) == sorted([alive, other, "t.toml.lock.0a1b2c3d4e5f.old"])
    assert sweep_asides(tmp_path / name) == 0  # the live and fresh ones wait their turn


def test_an_aside_names_its_renamer(tmp_path: Path) -> None:
    name = aside_name("s.toml.lock", os.getpid())
    assert name.startswith("s.toml.lock.h") and f"-{os.getpid()}." in name
    assert name.endswith(".old") and name != aside_name("s.toml.lock", os.getpid())
