"""ctrl+n to the next question painted: the interview against bare Textual apps, same run.

    .venv/bin/python bench/tui.py [--runs 5] [--questions 300] [--answered 150] [--dir DIR]

Three apps, each in its own interpreter at 120x40, driven by the same loop: the keys a
facilitator would press to answer the question, then ctrl+n sent as the terminal sends it
(`driver.send_message`), timed until the first frame holding the next question's text is
written out. The driver is the headless one made to behave like a terminal's: every frame
is rendered to escape sequences and written (to /dev/null), which is what a person waits for.

- esp-wizard: a generated 300-question interview, `--answered` questions answered; when
  the next question is painted, the answer just given must already be in the session file
  on disk (checked at that moment, after the time is taken), else the benchmark fails;
- bare: a Label and an Input; ctrl+n puts the next question's text in the Label, clears
  the Input and focuses it (the floor Textual allows for the same swap);
- durable: the bare app that also writes, before the swap, a TOML file of the answers so
  far atomically and durably (temporary file, fsync, rename, fsync of the folder), as the
  interview's session store does.

Runs are interleaved (the order rotates), so a loaded machine slows all three alike; each
run's p50 and p95 of esp-wizard are divided by the same run's bare and durable figures,
and the median ratio is printed with the lowest and highest run. The processor time each
process used from ctrl+n to the paint is printed as a ratio too (p50 and p95): on a machine
shared with other work, waiting for the processor or the disk (the durable baseline's fsync
swings 6-26 ms at p95) stretches the wall times, not that. Peak memory is
each app process's own VmHWM (from /proc/self/status when its loop ends), not this harness's.
`--dir` picks the disk the files go to (the fsync cost depends on it). The last line says how
much of the processor a virtual machine's host took during the runs (`steal` in /proc/stat):
it comes as spikes on random keys (in one traced run, a phase of one key taking 3-6 times its
usual time with the same work done), which set the p95 of the longest key presses more than
their code does.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

sys.path.insert(0, str(Path(__file__).parent))

from generate import questionnaire_text
from pairs import HostSteal

KEYS = {
    "choice": ["2"],
    "multi_choice": ["1"],
    "yes_no": ["y"],
    "scale": ["3"],
    "number": ["4", "2"],
    "text": ["a", "b", "c"],
    "long_text": ["a", "b", "c"],
    "date": list("2026-01-31"),
}
SIZE = (120, 40)
QUESTION = re.compile(r"Question (q\d+_\d+):")
TARGET_P95 = 2.5  # esp-wizard p95 / durable bare app p95


# -- inside each app's interpreter ---------------------------------------------------------
class Screen:
    """What the terminal shows: enough of a VT parser for Textual's frames (cursor moves,
    text; styles ignored, one cell per character), so a frame that changes only part of a
    line still counts as showing the whole line."""

    CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")

    def __init__(self, width: int, height: int) -> None:
        self.rows = [[" "] * width for _ in range(height)]
        self.x = self.y = 0

    def feed(self, data: str) -> set[int]:
        """Apply a frame; the rows it wrote to."""
        touched: set[int] = set()
        position = 0
        for match in self.CSI.finditer(data):
            self._text(data[position : match.start()], touched)
            params, final = match.groups()
            if final == "H":
                row, _, column = params.partition(";")
                self.y, self.x = int(row or 1) - 1, int(column or 1) - 1
            position = match.end()
        self._text(data[position:], touched)
        return touched

    def _text(self, text: str, touched: set[int]) -> None:
        for number, part in enumerate(text.split("\n")):
            if number:
                self.y, self.x = self.y + 1, 0
            if part and 0 <= self.y < len(self.rows):
                row = self.rows[self.y]
                row[self.x : self.x + len(part)] = part[: max(0, len(row) - self.x)]
                del row[len(self.rows[0]) :]
                self.x += len(part)
                touched.add(self.y)

    def line(self, y: int) -> str:
        return "".join(self.rows[y])


class Terminal:
    """Stands in for the terminal: frames are encoded, written out and applied to a screen
    model; the first frame after which the screen shows a question other than `leaving`
    resolves `painted` with the moment it was written (the checks come after)."""

    def __init__(self) -> None:
        self.sink = os.open(os.devnull, os.O_WRONLY)
        self.screen = Screen(*SIZE)
        self.leaving: str | None = None
        self.painted: asyncio.Future[tuple[float, float]] | None = None
        self.check: Callable[[], None] = lambda: None

    def install(self) -> None:
        from textual.drivers.headless_driver import HeadlessDriver

        terminal = self

        def write(driver: HeadlessDriver, data: str) -> None:
            os.write(terminal.sink, data.encode("utf-8", "surrogateescape"))
            terminal.saw(data, time.perf_counter(), time.process_time())

        HeadlessDriver.is_headless = property(lambda driver: False)  # type: ignore[assignment]
        HeadlessDriver.write = write  # type: ignore[method-assign,assignment]

    def expect(
        self, leaving: str, check: Callable[[], None]
    ) -> asyncio.Future[tuple[float, float]]:
        """`check` runs the moment the next question is painted, after the time is taken."""
        self.leaving, self.check = leaving, check
        self.painted = asyncio.get_running_loop().create_future()
        return self.painted

    def saw(self, data: str, at: float, cpu: float) -> None:
        touched = self.screen.feed(data)
        if self.painted is None or self.painted.done():
            return
        shown = {m.group(1) for y in touched for m in QUESTION.finditer(self.screen.line(y))}
        if shown - {self.leaving}:
            self.painted.set_result((at, cpu))
            self.check()


def vm_hwm_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


async def press_next(
    app: App[None], terminal: Terminal, leaving: str, check: Callable[[], None] = lambda: None
) -> tuple[float, float]:
    """ctrl+n as the terminal sends it; seconds until the next question is painted, and
    the processor time this process used meanwhile (what a busy machine cannot hide)."""
    from textual import events

    painted = terminal.expect(leaving, check)
    start, cpu = time.perf_counter(), time.process_time()
    assert app._driver is not None
    app._driver.send_message(events.Key("ctrl+n", None))
    at, cpu_at = await painted
    return at - start, cpu_at - cpu


async def wizard_loop(
    root: Path, questions: int, answered: int, terminal: Terminal
) -> list[tuple[float, float]]:
    from esp_wizard.questionnaire.catalog import load_catalog
    from esp_wizard.session.model import Interviewee
    from esp_wizard.session.opened import OpenedSession
    from esp_wizard.session.store import SessionStore
    from esp_wizard.tui.app import WizardApp
    from esp_wizard.tui.screens.interview import InterviewScreen
    from esp_wizard.tui.start import Start
    from esp_wizard.workspace import Workspace

    workspace = Workspace(root)
    workspace.questionnaires_dir.mkdir(parents=True)
    workspace.sessions_dir.mkdir(parents=True, exist_ok=True)
    (workspace.questionnaires_dir / "bench.toml").write_text(questionnaire_text(questions))
    catalog = load_catalog(workspace.questionnaires_dir, bundled=root / "none")
    questionnaire = catalog.find("bench")
    store = SessionStore(workspace)
    session = store.create(
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client="Bench Ltd",
        interviewees=[Interviewee(name="Ana", role="email-ops")],
    )
    path = store.path_of(session)
    assert path is not None
    opened = OpenedSession(session, questionnaire, path)
    app = WizardApp(
        workspace, start=Start("interview", opened=opened), store=store, catalog=catalog
    )
    times: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        for _ in range(answered):
            question = screen.question
            if question.type == "inventory":
                break
            await pilot.press(*KEYS.get(question.type, []))

            def on_disk(question_id: str = question.id) -> None:
                if f"[answers.{question_id}]" not in path.read_text(encoding="utf-8"):
                    raise SystemExit(f"{question_id}: next question painted before it was saved")

            times.append(await press_next(app, terminal, question.id, on_disk))
            if screen.live.save_error:
                raise SystemExit(f"save failed: {screen.live.save_error}")
    store.close_all()
    return times


async def bare_loop(
    root: Path | None, answered: int, terminal: Terminal
) -> list[tuple[float, float]]:
    import tomli_w
    from textual.app import App, ComposeResult
    from textual.widgets import Input, Label

    from esp_wizard.session.atomic import atomic_write_bytes

    class Bare(App[None]):
        BINDINGS = [("ctrl+n", "next")]  # noqa: RUF012

        def __init__(self) -> None:
            super().__init__()
            self.number = 0
            self.answers: dict[str, dict[str, object]] = {}

        def compose(self) -> ComposeResult:
            yield Label(self.text(), id="question")
            yield Input(id="answer")

        def text(self) -> str:
            return f"Question q0_{self.number}: how does this part of the program work today?"

        def on_mount(self) -> None:
            self.query_one(Input).focus()

        def action_next(self) -> None:
            field = self.query_one(Input)
            if root is not None:  # the durable variant: every answer on disk first
                at = dt.datetime.now(dt.UTC)
                self.answers[f"q0_{self.number}"] = {"value": field.value, "at": at}
                document = {"session": {"id": "bench", "current": f"q0_{self.number + 1}"}}
                data = tomli_w.dumps(document | {"answers": self.answers}).encode()
                atomic_write_bytes(root / "session.toml", data)
            self.number += 1
            self.query_one(Label).update(self.text())
            field.value = ""
            field.focus()

    app = Bare()
    times: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(answered):
            await pilot.press(*KEYS["text"])
            times.append(await press_next(app, terminal, f"q0_{app.number}"))
    return times


def child(kind: str, folder: str, questions: int, answered: int) -> None:
    terminal = Terminal()
    terminal.install()
    root = Path(folder)
    if kind == "esp-wizard":
        times = asyncio.run(wizard_loop(root, questions, answered, terminal))
    else:
        times = asyncio.run(bare_loop(root if kind == "durable" else None, answered, terminal))
    print(json.dumps({"times": times, "peak_kib": vm_hwm_kib()}))  # (wall, cpu) pairs


# -- the harness -----------------------------------------------------------------------------
def run_one(kind: str, args: argparse.Namespace, base: Path) -> Run:
    """One app's loop in its own interpreter: its latencies, processor times (s) and VmHWM."""
    with tempfile.TemporaryDirectory(dir=base) as folder:
        command = [sys.executable, __file__, "--child", kind, folder]
        command += [str(args.questions), str(args.answered)]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{kind} failed:\n{done.stderr[-3000:]}{done.stdout[-2000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    times = result["times"]
    return Run([float(w) for w, _ in times], [float(c) for _, c in times], int(result["peak_kib"]))


@dataclass(frozen=True)
class Run:
    wall: list[float]  # seconds from ctrl+n to the next question painted, one per key
    cpu: list[float]  # processor seconds the app's process used over the same span
    peak_kib: int  # VmHWM of the app's process


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ratio(label: str, a: list[float], b: list[float], target: float | None = None) -> str:
    ratios = sorted(x / y for x, y in zip(a, b, strict=True))
    median = statistics.median(ratios)
    goal = ""
    if target is not None:
        goal = f" target <= {target}x {'ok' if median <= target else 'OVER'};"
    return (
        f"{label}: {median:.2f}x (min {ratios[0]:.2f}x, max {ratios[-1]:.2f}x; "
        f"{len(ratios)} runs){goal} medians {statistics.median(a) * 1000:.1f} ms "
        f"vs {statistics.median(b) * 1000:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--answered", type=int, default=150)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write sessions in")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder, questions, answered = args.child
        child(kind, folder, int(questions), int(answered))
        return 0

    kinds = ["esp-wizard", "bare", "durable"]
    results: dict[str, list[Run]] = {kind: [] for kind in kinds}
    with tempfile.TemporaryDirectory(prefix="esp-wizard-keys-", dir=args.dir) as folder:
        run_one("esp-wizard", args, Path(folder))  # warm-up: bytecode and disk caches
        steal = HostSteal()
        for number in range(args.runs):
            order = list(itertools.islice(itertools.cycle(kinds), number, number + 3))
            for kind in order:
                results[kind].append(run_one(kind, args, Path(folder)))

    def per_run(kind: str, fraction: float, cpu: bool = False) -> list[float]:
        return [percentile(r.cpu if cpu else r.wall, fraction) for r in results[kind]]

    keys = len(results["esp-wizard"][0].wall)
    print(f"ctrl+n to the next question painted, {keys} keys per run, {args.runs} runs")
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):
        wizard = per_run("esp-wizard", fraction)
        print(ratio(f"{name} esp-wizard / bare", wizard, per_run("bare", fraction)))
        target = TARGET_P95 if name == "p95" else None
        print(ratio(f"{name} esp-wizard / durable", wizard, per_run("durable", fraction), target))
    print(ratio("p95 durable / bare", per_run("durable", 0.95), per_run("bare", 0.95)))
    for name, fraction in (("p50", 0.5), ("p95", 0.95)):  # the disk's waits left out
        wizard_cpu = per_run("esp-wizard", fraction, cpu=True)
        bare_cpu = per_run("bare", fraction, cpu=True)
        print(ratio(f"processor time {name} esp-wizard / bare", wizard_cpu, bare_cpu))
        durable_cpu = per_run("durable", fraction, cpu=True)
        print(ratio(f"processor time {name} esp-wizard / durable", wizard_cpu, durable_cpu))
    peaks = {kind: [r.peak_kib for r in results[kind]] for kind in kinds}
    bare_peak = statistics.median(peaks["bare"])
    for kind in kinds:
        peak = statistics.median(peaks[kind])
        low, high = min(peaks[kind]) / 1024, max(peaks[kind]) / 1024
        print(
            f"peak RSS (VmHWM) of the {kind} process: {peak / 1024:.0f} MiB "
            f"(min {low:.0f}, max {high:.0f}); {peak / bare_peak:.2f}x the bare app"
        )
    print(steal.line())
    print(f"measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
