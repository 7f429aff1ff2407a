"""One writer per session: refusals name the holder, stale locks are taken over safely."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from esp_wizard.session.lock import LockOwner, SessionLock, SessionLocked, pid_alive
from esp_wizard.session.model import Answer, Session
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

HOST = socket.gethostname()
MESSAGE = (
    r"session {name} is open in another window \(pid {pid} on host {host}, user {user}, "
    r"since \d\d:\d\d UTC\); close it there first \(if it is open nowhere, delete .*\.lock\)"
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SessionStore]:
    with SessionStore(Workspace(tmp_path)) as store:
        yield store


@pytest.fixture
def session(store: SessionStore) -> Session:
    return store.create(
        questionnaire_id="core",
        questionnaire_version="1",
        questionnaire_language="en",
        questionnaire_source='format = 1\nid = "core"\n',
        client="Acme",
    )


def dead_pid() -> int:
    """A pid that was just used and is now free (reuse within the test is vanishingly rare)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not pid_alive(child.pid)
    return child.pid


def other_live_owner(user: str = "bo") -> LockOwner:
    """Another process on this host that is alive: our parent (pytest's launcher)."""
    return LockOwner(os.getppid(), HOST, user)


def write_lock(session_path: Path, pid: int, host: str = HOST, user: str = "ghost") -> Path:
    lock = session_path.with_name(session_path.name + ".lock")
    record = {"pid": pid, "host": host, "user": user, "started": "2026-01-01T10:02:00Z"}
    lock.write_text(json.dumps(record), encoding="utf-8")
    return lock


def test_a_second_writer_in_this_process_is_refused_with_a_clear_message(
    store: SessionStore, session: Session
) -> None:
    path = store.path_of(session)
    assert path is not None
    owner = LockOwner.current()
    other = SessionStore(store.workspace, owner=other_live_owner())
    with pytest.raises(SessionLocked) as caught:
        other.open(session.id)
    message = str(caught.value)
    expected = MESSAGE.format(name=path.stem, pid=owner.pid, host=HOST, user=owner.user)
    assert "\n" not in message
    assert __import__("re").fullmatch(expected, message), message
    assert caught.value.holder is not None and caught.value.holder.pid == os.getpid()
    other.close_all()
    assert Path(f"{path}.lock").exists()  # the refused store did not touch our lock


@pytest.mark.slow
def test_a_second_writer_in_another_process_is_refused(
    store: SessionStore, session: Session
) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from esp_wizard.errors import UserError
        from esp_wizard.session.store import SessionStore
        from esp_wizard.workspace import Workspace
        try:
            SessionStore(Workspace(Path({str(store.workspace.root)!r}))).open({session.id!r})
        except UserError as error:
            print(error)
            sys.exit(2)
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2, result.stderr
    path = store.path_of(session)
    assert path is not None
    owner = LockOwner.current()
    assert __import__("re").fullmatch(
        MESSAGE.format(name=path.stem, pid=owner.pid, host=HOST, user=owner.user),
        result.stdout.strip(),
    )


def test_a_lock_taken_by_another_writer_stops_our_saves(
    store: SessionStore, session: Session
) -> None:
    path = store.path_of(session)
    assert path is not None
    before = path.read_bytes()
    write_lock(path, os.getppid(), user="bo")  # someone took it (e.g. deleted ours, then opened)
    session.answers["q"] = Answer(value="x")
    with pytest.raises(SessionLocked, match="user bo"):
        store.save(session)
    assert path.read_bytes() == before


def test_a_vanished_lock_is_taken_again_on_save(store: SessionStore, session: Session) -> None:
    path = store.path_of(session)
    assert path is not None
    lock = Path(f"{path}.lock")
    lock.unlink()
    session.answers["q"] = Answer(value="x")
    store.save(session)
    assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert store.read(session.id).answers["q"].value == "x"


def test_a_stale_lock_on_this_host_is_taken_over(store: SessionStore, session: Session) -> None:
    path = store.path_of(session)
    store.close(session)
    assert path is not None
    lock = write_lock(path, dead_pid())
    reopened = store.open(session.id)
    assert json.loads(lock.read_text())["pid"] == os.getpid()
    reopened.answers["q"] = Answer(value="after the crash")
    store.save(reopened)
    assert not Path(f"{lock}.break").exists()


def test_a_lock_from_another_host_is_never_stale(store: SessionStore, session: Session) -> None:
    path = store.path_of(session)
    assert path is not None
    store.close(session)
    lock = write_lock(path, dead_pid(), host="other-laptop", user="ana")
    with pytest.raises(SessionLocked, match="on host other-laptop, user ana, since") as caught:
        store.open(session.id)
    assert "2026-01-01 10:02 UTC" in str(caught.value)  # another day: the date is shown
    assert lock.exists()


def test_an_unreadable_lock_is_respected_until_it_is_old(
    store: SessionStore, session: Session
) -> None:
    path = store.path_of(session)
    assert path is not None
    store.close(session)
    lock = Path(f"{path}.lock")
    lock.write_text("{half a lock", encoding="utf-8")
    with pytest.raises(SessionLocked, match="is locked by another window"):
        store.open(session.id)
    old = time.time() - 60
    os.utime(lock, (old, old))
    store.open(session.id)
    assert json.loads(lock.read_text())["pid"] == os.getpid()


def test_release_leaves_someone_elses_lock(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    mine = SessionLock(target)
    mine.acquire()
    lock = write_lock(target, os.getppid(), user="bo")  # taken over behind our back
    mine.release()
    assert lock.exists() and json.loads(lock.read_text())["user"] == "bo"


def test_locks_are_per_process_and_counted(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    first, second = SessionLock(target), SessionLock(target)
    with first:
        first.acquire()  # idempotent
        second.acquire()  # same process: shares the lock
        second.release()
        assert first.path.exists()
    assert not first.path.exists()
    assert first.holder() is None


def test_reopening_in_the_same_store_is_idempotent(store: SessionStore, session: Session) -> None:
    path = store.path_of(session)
    again = store.open(session.id)
    assert again == session and store.path_of(again) == path
    store.close(session)
    assert not Path(f"{path}.lock").exists()


def test_racers_for_a_stale_lock_never_both_win(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    owners = [LockOwner(os.getpid(), HOST, "a"), LockOwner(os.getppid(), HOST, "b")]
    if pid_alive(1):
        owners.append(LockOwner(1, HOST, "c"))
    for _ in range(20):
        write_lock(target, dead_pid())
        barrier = threading.Barrier(len(owners))
        winners: list[SessionLock] = []
        losers: list[SessionLock] = []

        def race(
            lock: SessionLock,
            barrier: threading.Barrier = barrier,
            winners: list[SessionLock] = winners,
            losers: list[SessionLock] = losers,
        ) -> None:
            barrier.wait()
            try:
                lock.acquire()
                winners.append(lock)
            except SessionLocked:
                losers.append(lock)

        locks = [SessionLock(target, owner=owner) for owner in owners]
        threads = [threading.Thread(target=race, args=(lock,)) for lock in locks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(winners) == 1, [lock.owner.user for lock in winners]
        holder = json.loads(Path(f"{target}.lock").read_text())
        assert holder["user"] == winners[0].owner.user
        for lock in locks:
            lock.release()  # only the winner's removes the file
        assert not Path(f"{target}.lock").exists()


RACER = """
import sys
from esp_wizard.session.lock import SessionLock, SessionLocked
lock = SessionLock(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # the parent says go once every racer is ready
try:
    lock.acquire()
except SessionLocked:
    print("locked", flush=True)
else:
    print("won", flush=True)
    sys.stdin.read()  # hold the lock until every racer has answered
    lock.release()
"""


@pytest.mark.slow
def test_processes_racing_for_a_stale_lock_never_both_win(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    write_lock(target, dead_pid())
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    pipes = [(racer.stdin, racer.stdout) for racer in racers]
    assert all(stdin and stdout for stdin, stdout in pipes)
    assert [out.readline().strip() for _, out in pipes if out] == ["ready"] * 4
    for racer in racers:  # started together, as far as the machine allows
        if racer.stdin:
            racer.stdin.write("go\n")
            racer.stdin.flush()
    results = sorted(out.readline().strip() for _, out in pipes if out)
    for racer in racers:
        racer.communicate(timeout=30)
    assert results == ["locked", "locked", "locked", "won"]
    assert not Path(f"{target}.lock").exists()


def test_a_shared_lock_is_checked_against_the_file(tmp_path: Path) -> None:
    target = tmp_path / "s.toml"
    first = SessionLock(target)
    first.acquire()
    write_lock(target, os.getppid(), user="bo")  # ours was replaced by a live writer's
    with pytest.raises(SessionLocked, match="user bo"):
        SessionLock(target).acquire()
    first.release()
