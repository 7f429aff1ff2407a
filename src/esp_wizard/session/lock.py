"""One writer per session file: a `<session file>.lock` beside it, created exclusively.

A lock file rather than an OS lock (flock) because workspaces live on shared drives and in
synced folders, where OS locks are often silently ignored, and because a file can say who
holds it: the refusal message names the pid, host, user and time.

A lock whose holder has died on this host is stale and is taken over. Taking over must not
let two racers both win, so a stale lock is removed only under a short-lived guard file
(`<lock>.break`, created exclusively) after checking that it still holds the very bytes
judged stale; then both racers go back to the exclusive create, which only one wins. The
guard names its holder as the lock does, so a guard left by a process killed while holding
it is taken over at once rather than blocking the session. A lock from another host is
never judged stale: its pid means nothing here. Removing a lock or a guard renames it aside
first (`….old`, named with the renamer's host and pid); a writer that takes a lock sweeps
the asides of dead renamers and a dead holder's guard, so a writer killed at any moment
leaves nothing the next one does not clear.

Locks belong to a process: acquiring a lock this process already holds (through another
SessionLock on the same file) just counts, and the file goes when the last one releases.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import glob
import hashlib
import json
import os
import secrets
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from esp_wizard.errors import UserError
from esp_wizard.i18n import _
from esp_wizard.session.atomic import atomic_create_bytes

LOCK_SUFFIX = ".lock"
BREAK_SUFFIX = ".break"
ASIDE_SUFFIX = ".old"  # a lock or guard renamed aside while it is removed (_remove_if_holding)
_ATTEMPTS = 200  # each busy round sleeps 5 ms: a racer waits at most about a second
_BUSY_SLEEP = 0.005
_UNREADABLE_STALE_AFTER = 10.0  # seconds: an unreadable lock this old is a crash's leftover
_GUARD_STALE_AFTER = 10.0  # seconds: the guard is held for microseconds; older is a crash's


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock: a process on a host (the user is only for the message)."""

    pid: int
    host: str
    user: str

    @classmethod
    def current(cls) -> LockOwner:
        """This process, looked up at call time so that a forked child is itself."""
        return cls(os.getpid(), _hostname(), _username())


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says."""

    pid: int
    host: str
    user: str
    started: dt.datetime | None

    def held_by(self, owner: LockOwner) -> bool:
        return self.pid == owner.pid and self.host == owner.host


class SessionLocked(UserError):
    """The session is open for writing elsewhere; `holder` is None when the lock is unreadable."""

    def __init__(self, session_path: Path, lock_path: Path, holder: LockInfo | None) -> None:
        self.session_path = session_path
        self.lock_path = lock_path
        self.holder = holder
        name = session_path.stem
        hint = _("close it there first (if it is open nowhere, delete {file})")
        hint = hint.format(file=_shown(lock_path))
        if holder is None:
            message = _("session {id} is locked by another window; {hint}")
            message = message.format(id=name, hint=hint)
        else:
            since = (
                _(", since {time}").format(time=_clock(holder.started)) if holder.started else ""
            )
            message = _(
                "session {id} is open in another window "
                "(pid {pid} on host {host}, user {user}{since}); {hint}"
            ).format(
                id=name, pid=holder.pid, host=holder.host, user=holder.user, since=since, hint=hint
            )
        super().__init__(message)


_HELD: dict[tuple[str, int, str], int] = {}  # (lock path, pid, host) -> acquisitions
_HELD_GUARD = threading.Lock()


class SessionLock:
    """The write lock of one session file (`<session file>.lock`)."""

    def __init__(self, session_path: str | Path, *, owner: LockOwner | None = None) -> None:
        self.session_path = Path(session_path).absolute()
        self.path = self.session_path.with_name(self.session_path.name + LOCK_SUFFIX)
        self.owner = owner or LockOwner.current()
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> None:
        """Take the lock, or raise SessionLocked naming who has it; idempotent."""
        if self._held:
            return
        key = self._key()
        with _HELD_GUARD:
            shared = _HELD.get(key, 0) > 0
        if not (shared and self._ours()):  # shared: still check, the file may have gone
            self._claim()
            self._sweep()
        with _HELD_GUARD:
            _HELD[key] = _HELD.get(key, 0) + 1
        self._held = True

    def ensure(self) -> None:
        """Before each write: the lock file must still be ours (recreated if it vanished).

        Raises SessionLocked if another writer holds it now, so we never overwrite its work.
        """
        if not self._held:
            self.acquire()
            return
        if not self._ours():
            self._claim()

    def release(self) -> None:
        """Give the lock up; the file is removed only when the last holder in this process
        releases and only if it is still ours."""
        if not self._held:
            return
        self._held = False
        key = self._key()
        with _HELD_GUARD:
            count = _HELD.get(key, 0) - 1
            if count > 0:
                _HELD[key] = count
                return
            _HELD.pop(key, None)
        if self._ours():
            with contextlib.suppress(OSError):  # releasing never fails a close
                os.unlink(self.path)

    def holder(self) -> LockInfo | None:
        """Who holds the lock now, if anyone (and if the file is readable)."""
        return self._read_quietly()

    def __enter__(self) -> SessionLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.release()

    # -- internals -------------------------------------------------------------------------
    def _key(self) -> tuple[str, int, str]:
        return (str(self.path), self.owner.pid, self.owner.host)

    def _claim(self) -> None:
        """Create the lock file, taking over a stale one; SessionLocked if someone has it."""
        content = self._content()
        for _attempt in range(_ATTEMPTS):
            try:
                atomic_create_bytes(self.path, content, durable=False)
                return
            except FileExistsError:
                pass
            try:
                info, raw = self._read()
            except OSError:
                raise SessionLocked(self.session_path, self.path, None) from None
            if raw is None:
                continue  # released between our create and our read: try again
            if info is not None and info.held_by(self.owner):
                return  # ours: this process, or an earlier process with our pid (dead)
            if not self._stale(info):
                raise SessionLocked(self.session_path, self.path, info)
            if not self._break(raw):
                time.sleep(_BUSY_SLEEP)
        raise SessionLocked(self.session_path, self.path, self._read_quietly())

    def _stale(self, info: LockInfo | None) -> bool:
        if info is None:  # unreadable: a crash while writing it (only without hard links)
            return _age(self.path) > _UNREADABLE_STALE_AFTER
        return info.host == self.owner.host and not pid_alive(info.pid)

    def _break(self, stale: bytes) -> bool:
        """Remove the lock if it still holds `stale`; False if another racer is at it.

        The guard says who holds it, as the lock does: a guard left by a process killed
        while holding it is taken over at once instead of blocking the session.
        """
        guard = self.path.with_name(self.path.name + BREAK_SUFFIX)
        mine = self._content()
        try:
            atomic_create_bytes(guard, mine, durable=False)
        except FileExistsError:
            self._clear_dead_guard(guard)
            return False
        try:
            with contextlib.suppress(OSError):
                if self.path.read_bytes() == stale:
                    os.unlink(self.path)
        finally:
            _remove_if_holding(guard, mine)
        return True

    def _sweep(self) -> None:
        """The lock is ours: clear what writers killed inside a takeover left beside it (a
        guard whose holder died, asides of dead renamers), so a crash leaves no litter."""
        guard = self.path.with_name(self.path.name + BREAK_SUFFIX)
        if guard.exists():
            self._clear_dead_guard(guard)
        sweep_asides(self.path)

    def _clear_dead_guard(self, guard: Path) -> None:
        """Remove `guard` if its holder has died on this host, or if it is a crash's leftover.

        A live holder keeps it for microseconds, so an old guard (say, unreadable, or from
        another host) is a leftover too; that wait is only for guards that cannot name a pid.
        """
        try:
            raw = guard.read_bytes()
        except OSError:
            return  # gone already (or unreadable: the age rule below cannot apply either)
        info = _parse(raw)
        dead = info is not None and info.host == self.owner.host and not pid_alive(info.pid)
        if dead or _age(guard) > _GUARD_STALE_AFTER:
            _remove_if_holding(guard, raw)

    def _content(self) -> bytes:
        record = {
            "pid": self.owner.pid,
            "host": self.owner.host,
            "user": self.owner.user,
            "started": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "token": secrets.token_hex(8),  # two locks never hold the same bytes
        }
        return (json.dumps(record) + "\n").encode("utf-8")

    def _read(self) -> tuple[LockInfo | None, bytes | None]:
        """(what the lock says or None if unreadable, its bytes or None if there is none).

        An OSError other than "not found" (say, no permission) propagates: callers that
        write treat it as a lock held by someone else.
        """
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return None, None
        return _parse(raw), raw

    def _ours(self) -> bool:
        info = self._read_quietly()
        return info is not None and info.held_by(self.owner)

    def _read_quietly(self) -> LockInfo | None:
        try:
            return self._read()[0]
        except OSError:
            return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this host; unsure counts as alive."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - os.kill(pid, 0) would kill it on Windows
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: alive, another user's
        return True
    return True


def _pid_alive_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    if sys.platform != "win32":  # never called elsewhere; lets type checkers see WinDLL
        return True
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return bool(ctypes.get_last_error() == 5)  # access denied
    try:
        code = ctypes.c_ulong()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return code.value == 259  # STILL_ACTIVE
        return True
    finally:
        kernel32.CloseHandle(handle)


def _parse(raw: bytes) -> LockInfo | None:
    try:
        record: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict):
        return None
    pid, host = record.get("pid"), record.get("host")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return None
    user = record.get("user")
    started: dt.datetime | None = None
    with contextlib.suppress(TypeError, ValueError):
        started = dt.datetime.fromisoformat(str(record.get("started")).replace("Z", "+00:00"))
        if started.tzinfo is None:
            started = started.replace(tzinfo=dt.UTC)
    return LockInfo(pid, host, user if isinstance(user, str) else "?", started)


def _remove_if_holding(path: Path, expected: bytes) -> None:
    """Remove `path` only if it still holds `expected`, never a file a racer put there since.

    The file is first renamed away (atomic: whatever is there at that instant moves), then
    checked; a file that turns out to be someone else's is linked back unless its name has
    been taken again meanwhile. The aside's name says who renamed it (see `aside_name`), so
    one left by a process killed in between is swept by the next writer (`sweep_asides`).
    """
    aside = path.with_name(aside_name(path.name, os.getpid()))
    try:
        os.rename(path, aside)
    except OSError:
        return  # gone already: someone else removed it
    try:
        if aside.read_bytes() != expected:
            with contextlib.suppress(OSError):
                os.link(aside, path)
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            os.unlink(aside)


def aside_name(name: str, pid: int) -> str:
    """`s.toml.lock.h1a2b3c4-4242.9f8e7d6c5b4a.old`: the renamer's host (as a short tag, so
    a name stays a plain file name) and pid, then a token so two renames never collide."""
    return f"{name}.{_host_tag(_hostname())}-{pid}.{secrets.token_hex(6)}{ASIDE_SUFFIX}"


def sweep_asides(lock_path: Path) -> int:
    """Remove what processes killed inside a takeover left beside `lock_path`: its asides
    (and its guard's) whose renamer has died on this host, or that are old (from another
    host, or named before asides said who renamed them). Returns how many files went."""
    removed = 0
    here = _host_tag(_hostname())
    for aside in lock_path.parent.glob(f"{glob.escape(lock_path.name)}*{ASIDE_SUFFIX}"):
        parts = aside.name[len(lock_path.name) : -len(ASIDE_SUFFIX)].split(".")
        tag, _, pid = parts[-2].partition("-") if len(parts) > 2 else ("", "", "")
        dead = tag == here and pid.isdigit() and not pid_alive(int(pid))
        if dead or _age(aside) > _GUARD_STALE_AFTER:
            with contextlib.suppress(OSError):
                aside.unlink()
                removed += 1
    return removed


def _host_tag(host: str) -> str:
    return "h" + hashlib.sha1(host.encode("utf-8"), usedforsecurity=False).hexdigest()[:8]


def _clock(moment: dt.datetime) -> str:
    """`10:02 UTC` today, `2026-11-20 10:02 UTC` on another day."""
    moment = moment.astimezone(dt.UTC)
    if moment.date() == dt.datetime.now(dt.UTC).date():
        return moment.strftime("%H:%M UTC")
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _shown(path: Path) -> str:
    """Relative to the current folder when inside it, as a person would type it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _hostname() -> str:
    try:
        return socket.gethostname() or "unknown"
    except OSError:  # pragma: no cover
        return "unknown"


def _username() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no USER variable and no password entry (containers)
        return "unknown"
