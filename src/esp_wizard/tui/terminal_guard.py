"""When the terminal goes away, the TUI still saves, releases its locks and ends, promptly.

A killed tmux server or a dropped SSH connection hangs the terminal up: every write to it
fails, and Textual's output thread dies on the first failure. Textual's driver then waits
forever to queue output for that dead thread (a bell after the error, the mouse-off
sequence while shutting down, the final stop), so the process stayed for hours holding
its session lock. Two guards, neither relying on the terminal:

- `SafeWriterThread` replaces Textual's output thread: a failed write marks the terminal
  gone and further output is dropped; queueing waits a bounded time; stop never hangs.
- `TerminalWatch`, a daemon thread, notices the hang-up itself (poll() reports POLLHUP on
  the terminal, or a write failed). It gives the app GRACE_SECONDS to leave the normal way
  (which saves and releases), then saves every open session, releases every lock and ends
  the process with os._exit: the process always ends.
"""

from __future__ import annotations

import contextlib
import os
import queue
import select
import signal
import sys
import threading
from collections.abc import Iterator
from typing import IO, Any

from textual.drivers import _writer_thread, linux_driver

GRACE_SECONDS = 3.0  # the app's own shutdown usually takes milliseconds
PUT_SECONDS = 1.0  # how long output may wait for room in a live writer's queue
POLL_MILLISECONDS = 500
HANGUP_EXIT = 129  # 128 + SIGHUP, as a shell reports a process ended by a hang-up

_gone = threading.Event()  # set once the terminal is known to be gone


class SafeWriterThread(_writer_thread.WriterThread):
    """Textual's output thread, except that a dead terminal never blocks the app."""

    def write(self, text: str) -> None:
        if _gone.is_set() or not self.is_alive():
            return
        try:
            self._queue.put(text, timeout=PUT_SECONDS)
        except queue.Full:  # the terminal stopped reading: treat it as gone
            _gone.set()

    def run(self) -> None:
        try:
            super().run()
        except (OSError, ValueError):  # EIO on a hung-up terminal, a closed file
            _gone.set()
            self._drain()

    def _drain(self) -> None:
        """Keep taking output (and drop it) until stop, so no writer waits on a full queue."""
        while self._queue.get() is not None:
            pass

    def stop(self) -> None:
        with contextlib.suppress(queue.Full):
            self._queue.put(None, timeout=PUT_SECONDS)
        self.join(timeout=PUT_SECONDS)


class TerminalWatch(threading.Thread):
    """Waits for the terminal to go away, then makes sure the process ends."""

    def __init__(self, fd: int) -> None:
        super().__init__(daemon=True, name="esp-wizard-terminal-watch")
        self.fd = fd
        self.stopped = threading.Event()

    def run(self) -> None:
        poller = select.poll()
        poller.register(self.fd, select.POLLHUP | select.POLLERR | select.POLLNVAL)
        while not self.stopped.is_set() and not _gone.is_set():
            try:
                events = poller.poll(POLL_MILLISECONDS)
            except OSError:
                events = [(self.fd, select.POLLERR)]
            if any(
                mask & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, mask in events
            ):
                _gone.set()
        if self.stopped.wait(GRACE_SECONDS):
            return  # the app left on its own
        emergency_exit()


def emergency_exit() -> None:
    """Save what is open, release every lock, end now; nothing here touches the terminal."""
    from esp_wizard.session.store import SessionStore

    for store in SessionStore.open_stores():
        with contextlib.suppress(Exception):
            store.save_open_sessions()
        with contextlib.suppress(Exception):
            store.close_all()
    os._exit(HANGUP_EXIT)


def install() -> None:
    """Make Textual's Linux driver use the safe output thread (idempotent)."""
    linux_driver.WriterThread = SafeWriterThread  # type: ignore[misc]


@contextlib.contextmanager
def guarded(stream: IO[str] | None = None) -> Iterator[None]:
    """Run the TUI with both guards; outside a terminal (tests, pipes) only the writer's."""
    install()
    _gone.clear()
    stream = stream or sys.__stdout__
    try:
        fd = stream.fileno() if stream is not None else -1
    except (OSError, ValueError):
        fd = -1
    watch = TerminalWatch(fd) if fd >= 0 and os.isatty(fd) else None
    if watch is not None:
        watch.start()
    previous = _unwind_on_signals()
    try:
        yield
    finally:
        if watch is not None:
            watch.stopped.set()
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, OSError):
                signal.signal(number, handler)


def _unwind_on_signals() -> dict[int, Any]:
    """Until the app installs its own handlers (and after it removes them), a hang-up or a
    SIGTERM unwinds with SystemExit, so `finally` blocks release the session locks instead
    of the default action killing the process with its lock on disk."""
    if threading.current_thread() is not threading.main_thread():
        return {}

    def unwind(number: int, _frame: object) -> None:
        raise SystemExit(128 + number)

    previous: dict[int, Any] = {}
    for name in ("SIGHUP", "SIGTERM"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(ValueError, OSError):
                previous[number] = signal.signal(number, unwind)
    return previous
