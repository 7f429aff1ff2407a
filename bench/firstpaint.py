"""What a consultant sees: the TUI in a real terminal (tmux), against a bare Textual app.

    .venv/bin/python bench/firstpaint.py [--pairs 7]

Each app is started in a fresh tmux window of 100x30 (its own tmux server), and the
benchmark polls the screen (`tmux capture-pane`) until the app's content is there AND the
screen has not changed for 0.3 s: "painted and stable" is the first moment the final
screen was on the terminal, measured from the launch (the interview header's ticking clock
is masked out). Three comparisons, A and B
interleaved pair by pair, each a ratio to the bare app (bench/bare_app.py: Header +
DataTable + Footer, 30 rows) started the same way:

- home: `esp-wizard` on a workspace of 30 sessions (a 300-question questionnaire, 150
  answered), until the table shows them (target <= 1.3x);
- resume: `esp-wizard resume ID` until its first open question is painted (target <= 1.5x),
  its questionnaire copy already checked once (kept parsed in the cache folder, as after
  any earlier opening on this machine); and again with that entry removed before each
  launch (the first opening of a copy on this machine: parsed and checked in full);
- processor time: the same three, as the user + system time the process had used when its
  final screen was first seen (a loaded machine stretches wall times, not this);
- memory: the TUI's own peak resident size (VmHWM of its process), home and resume,
  against the bare app's.

`--against DIR` (another checkout, e.g. a worktree of main) also starts that checkout's
esp-wizard (its src/ first on PYTHONPATH, same interpreter) in every pair, in turn with
this one and the bare app, and prints its ratios and this one's to it: an A/B of the same run.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pairs import HostSteal, interleaved, ratio_line

BENCH = Path(__file__).parent
PYTHON = Path(sys.executable)
WIZARD = PYTHON.parent / "esp-wizard"
SOCKET = f"esp-wizard-bench-{os.getpid()}"
STABLE = 0.3  # seconds without a change: the app has finished painting
# The interview header's clock ticks every second: a tick is not painting, and on a loaded
# machine it would often fall inside the 0.3 s and be counted as the end of the first paint.
CLOCK = re.compile(r"\b\d+:\d\d:\d\d\b")
TIMEOUT = 60.0
CHECKED = "questionnaires-checked"  # checkedcopy.FOLDER, in the cache folder


def nothing() -> None:
    """What a launch does first by default."""


def build_workspace(root: Path, sessions: int = 30, questions: int = 300) -> tuple[str, str]:
    """A workspace of `sessions` half-done interviews; the id to resume and its question."""
    import random

    from generate import questionnaire_text
    from report import _session

    from esp_wizard.questionnaire.loader import parse_questionnaire
    from esp_wizard.session.interview import Interview
    from esp_wizard.session.store import SessionStore, session_file_name
    from esp_wizard.workspace import Workspace

    workspace = Workspace(root)
    questionnaire = parse_questionnaire(questionnaire_text(questions=questions))
    workspace.sessions_dir.mkdir(parents=True)
    rng = random.Random(5)
    for number in range(sessions):
        session = _session(questionnaire, number, questions // 2, rng)
        path = workspace.sessions_dir / session_file_name(session)
        path.write_text(session.to_toml(), encoding="utf-8")
    copy = SessionStore(workspace).questionnaire_copy_path(session)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(questionnaire.source, encoding="utf-8")
    question = Interview(questionnaire, session).resume_question()
    assert question is not None
    return session.id, f"Question {question.id}:"


def tmux(*args: str) -> str:
    done = subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True)
    return done.stdout


class Painted:
    """One launch in tmux: seconds to painted-and-stable, and the process's VmHWM (KiB)."""

    def __init__(self, command: list[str], ready: str, env: dict[str, str]) -> None:
        self.command = command
        self.ready = ready
        self.env = env
        self.peak_kib: list[int] = []
        # Processor time the process had used when its final screen was first seen: what a
        # loaded machine changes least (the wall time waits for the other processes too).
        self.cpu: list[float] = []
        self.before: Callable[[], object] = nothing  # before each launch, not timed

    def __call__(self) -> float:
        self.before()
        name = f"w{time.monotonic_ns()}"
        line = " ".join(shlex.quote(part) for part in self.command)
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        start = time.perf_counter()
        tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", f"{exports} exec {line}")
        try:
            pid = tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip()
            seconds = self._wait(name, start, pid)
            self.peak_kib.append(_vm_hwm(pid))
        finally:
            subprocess.run(["tmux", "-L", SOCKET, "kill-session", "-t", name], check=False)
        return seconds

    def _wait(self, name: str, start: float, pid: str) -> float:
        seen, since, cpu = "", 0.0, 0.0
        while True:
            now = time.perf_counter()
            screen = CLOCK.sub("h:mm:ss", tmux("capture-pane", "-p", "-t", name))
            if screen != seen:
                seen, since, cpu = screen, now, _cpu_seconds(pid)
            elif self.ready in seen and now - since >= STABLE:
                self.cpu.append(cpu)
                return since - start
            if now - start > TIMEOUT:
                raise SystemExit(f"no {self.ready!r} on the screen after {TIMEOUT} s:\n{seen}")
            time.sleep(0.01)


def _cpu_seconds(pid: str) -> float:
    """User + system time of a process so far (0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _vm_hwm(pid: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def compile_bytecode() -> None:
    """Both apps start from bytecode caches, as an installed package does (pip compiles at
    install): with PYTHONDONTWRITEBYTECODE set, as in some shells and CI, an editable
    install would otherwise compile every module of esp-wizard at every launch."""
    import compileall

    import esp_wizard

    for folder in (Path(esp_wizard.__file__).parent, BENCH):
        compileall.compile_dir(folder, quiet=1)


def rotated(runs: list[Callable[[], float]], rounds: int) -> list[list[float]]:
    """Each run once per round, the order rotating (none always first); their seconds."""
    times: list[list[float]] = [[] for _ in runs]
    for number in range(rounds):
        for offset in range(len(runs)):
            index = (number + offset) % len(runs)
            times[index].append(runs[index]())
    return times


def compare_against(
    other: Path, rounds: int, launches: dict[str, tuple[Painted, float]], bare: Painted
) -> None:
    """This checkout (A), `other` (B) and the bare app, rotating, for each comparison.

    B has a cache folder of its own: a checked copy is kept under its text's hash, signed
    with the code that checked it, and each checkout would take the other's for stale."""
    import compileall

    for folder in (other / "src" / "esp_wizard", other / "bench"):
        compileall.compile_dir(folder, quiet=1)
    for label, (mine, target) in launches.items():
        cache = Path(mine.env["ESP_WIZARD_CACHE_DIR"] + "-against")
        env = {**mine.env, "PYTHONPATH": str(other / "src"), "ESP_WIZARD_CACHE_DIR": str(cache)}
        theirs = Painted(mine.command, mine.ready, env)
        if mine.before is not nothing:  # the copy not yet checked: neither checkout's
            theirs.before = partial(shutil.rmtree, cache / CHECKED, ignore_errors=True)
        theirs()  # bytecode and disk caches of that checkout
        a, b, base = rotated([mine, theirs, bare], rounds)
        print(ratio_line(f"A {label} / bare app", a, base, target))
        print(ratio_line(f"B {label} / bare app", b, base, target))
        print(ratio_line(f"{label}: A / B ({other})", a, b, 1.0))
        a, b, base = (run.cpu[-rounds:] for run in (mine, theirs, bare))
        print(ratio_line(f"A {label} / bare app, processor time", a, base, target))
        print(ratio_line(f"B {label} / bare app, processor time", b, base, target))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=7)
    parser.add_argument("--against", type=Path, help="another checkout, for an A/B")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-paint-") as folder:
        root = Path(folder)
        session_id, question = build_workspace(root / "ws")
        env = {"ESP_WIZARD_CONFIG_DIR": str(root / "config"), "TERM": "xterm-256color"}
        env["ESP_WIZARD_CACHE_DIR"] = os.environ.get("ESP_WIZARD_CACHE_DIR", str(root / "cache"))
        bare = Painted([str(PYTHON), str(BENCH / "bare_app.py")], "BARE-READY", env)
        workspace = ["--workspace", str(root / "ws")]
        home = Painted([str(WIZARD), *workspace], "Person 29", env)
        resume = Painted([str(WIZARD), *workspace, "resume", session_id], question, env)
        first_resume = Painted([str(WIZARD), *workspace, "resume", session_id], question, env)
        checked = Path(env["ESP_WIZARD_CACHE_DIR"]) / CHECKED

        first_resume.before = lambda: shutil.rmtree(checked, ignore_errors=True)  # checked again

        tmux("new-session", "-d", "-s", "keep", "-x", "100", "-y", "30")  # the server stays up
        try:
            for warm in (bare, home, resume):  # bytecode caches, and the disk cache
                warm()
            if args.against:
                launches = {
                    "home": (home, 1.3),
                    "resume": (resume, 1.5),
                    "resume unchecked": (first_resume, 1.5),
                }
                steal = HostSteal()
                compare_against(args.against.resolve(), args.pairs, launches, bare)
                print(steal.line())
                return 0
            bare.peak_kib.clear()
            pairs = args.pairs
            steal = HostSteal()
            home_times, bare_home = interleaved(home, bare, pairs)
            home_cpu, bare_home_cpu = home.cpu[-pairs:], bare.cpu[-pairs:]
            resume_times, bare_resume = interleaved(resume, bare, pairs)
            resume_cpu, bare_resume_cpu = resume.cpu[-pairs:], bare.cpu[-pairs:]
            first_times, bare_first = interleaved(first_resume, bare, pairs)
        finally:
            subprocess.run(["tmux", "-L", SOCKET, "kill-server"], check=False)
    print(ratio_line("home painted and stable / bare app", home_times, bare_home, 1.3))
    print(ratio_line("resume to first question / bare app", resume_times, bare_resume, 1.5))
    label = "resume, copy not yet checked on this machine / bare app"
    print(ratio_line(label, first_times, bare_first, 1.5))
    cpu = "processor time until painted"
    print(ratio_line(f"home, {cpu} / bare app", home_cpu, bare_home_cpu, 1.3))
    print(ratio_line(f"resume, {cpu} / bare app", resume_cpu, bare_resume_cpu, 1.5))
    label = f"resume, copy not yet checked, {cpu} / bare app"
    print(ratio_line(label, first_resume.cpu, bare.cpu[-pairs:], 1.5))
    bare_peak = statistics.median(bare.peak_kib)
    for label, run in (("home", home), ("resume", resume)):
        peaks = run.peak_kib[1:]  # without the warm-up launch
        print(
            f"{label} peak RSS (VmHWM of the TUI process): "
            f"{statistics.median(peaks) / 1024:.0f} MiB"
            f" (min {min(peaks) / 1024:.0f}, max {max(peaks) / 1024:.0f}); "
            f"bare app {bare_peak / 1024:.0f} MiB: {statistics.median(peaks) / bare_peak:.2f}x"
        )
    print(steal.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
