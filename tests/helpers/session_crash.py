"""Kill a session writer with SIGKILL at random moments and check that no saved answer is lost.

Used by tests/test_session_crash.py (a few dozen trials) and bench/crash.py (hundreds).

A writer process would spend most of a trial importing pydantic, so a helper process
(`python session_crash.py serve`) imports everything once and forks one writer per trial.
The writer opens the session (taking over the stale lock the previous, killed writer left),
then adds answers in a loop, writing `saved <id>` to stdout only after `save` returned: one
`os.write` of a short line, which a pipe delivers whole or not at all even under SIGKILL.
The parent waits until the writer has announced a seeded number of saves (0, 1 or 2: so
that some kills land during the lock takeover and the first save, and some after saves have
returned, however loaded the machine), then kills it after a seeded random delay, waits
until the helper has reaped it (a zombie's pid still looks alive), then loads the file and
checks that every answer announced as saved is there with its exact value.
"""

from __future__ import annotations

import contextlib
import os
import random
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from esp_wizard.session.lock import SessionLocked
from esp_wizard.session.model import Answer, Session
from esp_wizard.session.store import SessionStore
from esp_wizard.workspace import Workspace

HELPER = Path(__file__).resolve()
QUESTIONNAIRE = 'format = 1\nid = "crash"\ntitle = "Crash test"\n'


def answer_value(answer_id: str) -> str:
    """Awkward but deterministic text, so the parent knows what each answer must hold."""
    return f'{answer_id}: "quoted" \\ back\\slash\nnew line ✓ עברית 😀 \t\x01'


# -- the helper process and its writers ------------------------------------------------------
def serve() -> None:
    """Read `run <workspace> <session id> <trial>` lines; fork a writer for each."""
    for line in sys.stdin:
        command = line.split()
        if not command or command[0] != "run":
            continue
        workspace, session_id, trial = command[1], command[2], command[3]
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                write_forever(Path(workspace), session_id, trial)
            except BaseException as error:  # report, never hang the parent
                os.write(1, f"error {type(error).__name__}: {error}\n".encode())
                code = 1
            finally:
                os._exit(code)
        os.write(1, f"pid {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"reaped {trial}\n".encode())


def write_forever(workspace: Path, session_id: str, trial: str) -> None:
    store = SessionStore(Workspace(workspace))
    session = _open_when_free(store, session_id)
    number = 0
    while True:
        answer_id = f"t{trial}_{number}"
        session.answers[answer_id] = Answer(value=answer_value(answer_id), note=answer_id)
        store.save(session)
        os.write(1, f"saved {answer_id}\n".encode())
        number += 1


def _open_when_free(store: SessionStore, session_id: str, patience: float = 30.0) -> Session:
    """Open the session, waiting while the lock is not yet free.

    The previous writer is dead (reaped) before this one starts, so its lock is stale and
    is taken over at once, except when it was killed inside the takeover itself, holding
    the lock's `.lock.break` guard: the lock then waits for the guard to age (10 s, see
    session/lock.py), as a facilitator reopening the session would.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            return store.open(session_id)
        except SessionLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


# -- the parent ------------------------------------------------------------------------------
@dataclass
class CrashReport:
    trials: int = 0
    sessions: int = 0
    verified: int = 0  # answers checked present after kills (counted once per check)
    saved: int = 0  # answers announced as saved
    losses: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


class _Lines:
    """Lines from a pipe, with a timeout, so a stuck helper fails the run instead of hanging."""

    def __init__(self, pipe: object) -> None:
        self.fd = pipe.fileno()  # type: ignore[attr-defined]
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def next(self, timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not self.selector.select(left):
                raise TimeoutError("the crash helper stopped answering")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("the crash helper exited")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode("utf-8")


def run_crash_trials(
    root: Path,
    *,
    trials: int,
    seed: int,
    max_delay: float = 0.05,
    trials_per_session: int = 25,
    saves_before_kill: tuple[int, ...] = (0, 1, 2),
) -> CrashReport:
    """Run `trials` kill trials in a workspace at `root`; a new session every few trials
    keeps the file (and each trial) small."""
    report = CrashReport()
    rng = random.Random(seed)
    workspace = Workspace(root)
    (root / "sessions").mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    helper = subprocess.Popen(
        [sys.executable, str(HELPER), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        bufsize=0,
    )
    lines = _Lines(helper.stdout)
    try:
        session_id = ""
        expected: dict[str, str] = {}
        for trial in range(trials):
            if trial % trials_per_session == 0:
                session_id, expected = _new_session(workspace), {}
                report.sessions += 1
            assert helper.stdin is not None
            helper.stdin.write(f"run {root} {session_id} {trial}\n".encode())
            pid = None
            while pid is None:
                line = lines.next()
                if line.startswith("pid "):
                    pid = int(line.split()[1])
                else:
                    _record(line, expected, report)
            _await_saves(lines, rng.choice(saves_before_kill), expected, report)
            time.sleep(rng.uniform(0, max_delay))  # the kill's moment: random, on purpose
            with contextlib.suppress(ProcessLookupError):  # it ended itself (with an error)
                os.kill(pid, signal.SIGKILL)
            while (line := lines.next()) != f"reaped {trial}":
                _record(line, expected, report)
            report.trials += 1
            _verify(workspace, session_id, expected, report)
    finally:
        if helper.stdin:
            helper.stdin.close()
        try:
            helper.wait(timeout=10)
        except subprocess.TimeoutExpired:
            helper.kill()
            helper.wait()
    report.seconds = time.monotonic() - started
    return report


def _await_saves(lines: _Lines, count: int, expected: dict[str, str], report: CrashReport) -> None:
    """Read the writer's lines until it has announced `count` saves (or failed)."""
    seen = 0
    while seen < count:
        line = lines.next()
        _record(line, expected, report)
        if not line.startswith("saved "):
            return  # an error line: the writer has stopped
        seen += 1


def _new_session(workspace: Workspace) -> str:
    with SessionStore(workspace) as store:
        session = store.create(
            questionnaire_id="crash",
            questionnaire_version="1",
            questionnaire_language="en",
            questionnaire_source=QUESTIONNAIRE,
            client="Crash Test Ltd",
        )
    return session.id


def _record(line: str, expected: dict[str, str], report: CrashReport) -> None:
    if line.startswith("saved "):
        answer_id = line.split()[1]
        expected[answer_id] = answer_value(answer_id)
        report.saved += 1
    elif line:
        report.errors.append(line)


def _verify(
    workspace: Workspace, session_id: str, expected: dict[str, str], report: CrashReport
) -> None:
    store = SessionStore(workspace)
    listing = store.list()
    report.errors.extend(line for problem in listing.problems for line in problem.lines())
    if len(listing.entries) != report.sessions:
        names = sorted(entry.path.name for entry in listing.entries)
        report.errors.append(f"expected {report.sessions} sessions, listed {names}")
    session = store.read(session_id)
    for answer_id, value in expected.items():
        answer = session.answers.get(answer_id)
        if answer is None or answer.value != value:
            report.losses.append(answer_id)
        else:
            report.verified += 1


if __name__ == "__main__":
    if sys.argv[1:] == ["serve"]:
        serve()
    else:
        sys.exit("usage: session_crash.py serve")
