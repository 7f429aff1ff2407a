"""The TUI's start-up, keystroke latency and memory, against a bare Textual app in the same run.

    .venv/bin/python bench/tui.py [--runs 7] [--questions 300] [--answered 150] [--dir DIR]

First frame: each app runs headless in a fresh interpreter (imports included), timed from
process start to its first screen with content composited: the home screen (a workspace
of 30 sessions) against a bare App with a Header, a DataTable and a Footer (target <= 1.3x).

Latency: in one interpreter, a generated 300-question interview at 120x40; each question
is answered with the keys a facilitator would press, then ctrl+n is timed from the key
event to (1) the next question on the screen object with the answer saved to disk, and
(2) the first frame composited with it (target p95 <= 30 ms). Memory: the peak resident
size of this process (target <= 80 MB). `--dir` picks the disk the sessions go to.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import questionnaire_text

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


# -- first frame, in a child interpreter -----------------------------------------------------
def report_first_frame() -> None:
    """Print the time when a screen with content is first composited, then leave.

    The same hook for both apps: the moment the terminal would receive the first frame.
    """
    import textual.screen

    original = textual.screen.Screen._compositor_refresh

    def refresh(screen: textual.screen.Screen) -> None:
        original(screen)
        if screen.children and screen.is_current:
            print(f"FRAME {time.time()}", flush=True)
            textual.screen.Screen._compositor_refresh = original  # type: ignore[method-assign]
            screen.app.call_later(screen.app.exit)

    textual.screen.Screen._compositor_refresh = refresh  # type: ignore[method-assign]


def child_home(folder: str) -> None:
    """The real home screen (its sessions load after the first frame, in a worker)."""
    report_first_frame()
    from esp_wizard.tui.app import WizardApp
    from esp_wizard.workspace import Workspace

    WizardApp(Workspace(Path(folder))).run(headless=True, size=(120, 40))


def child_bare() -> None:
    report_first_frame()
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

    Bare().run(headless=True, size=(120, 40))


def first_frame(args: list[str]) -> float:
    start = time.time()
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True
    )
    line = next(x for x in result.stdout.splitlines() if x.startswith("FRAME "))
    return float(line.split()[1]) - start


def sessions_workspace(root: Path, count: int = 30) -> None:
    """A workspace with `count` sessions of a bundled-size questionnaire, as the store writes."""
    from esp_wizard.questionnaire.loader import parse_questionnaire
    from esp_wizard.session.interview import Interview
    from esp_wizard.session.model import Interviewee
    from esp_wizard.session.store import SessionStore
    from esp_wizard.workspace import Workspace

    text = questionnaire_text(60, 4)
    questionnaire = parse_questionnaire(text, "bench.toml")
    rng = random.Random(3)
    with SessionStore(Workspace(root)) as store:
        for number in range(count):
            session = store.create(
                questionnaire_id=questionnaire.id,
                questionnaire_version=questionnaire.version,
                questionnaire_language=questionnaire.language,
                questionnaire_source=text,
                client=f"Client {number % 7}",
                engagement="ESP move",
                interviewees=[Interviewee(name=f"Person {number}", role="email-ops")],
            )
            interview = Interview(questionnaire, session)
            for question in questionnaire.questions()[: rng.randrange(40)]:
                if question.type in KEYS and interview.is_active(question.id):
                    interview.answer(question.id, _value(question.type, rng))
            store.save(session)


def _value(kind: str, rng: random.Random) -> object:
    from generate import answer_for

    return answer_for(kind, rng)


# -- keystroke to next question, in this interpreter ---------------------------------------------
async def interview_latencies(
    root: Path, questions: int, answered: int
) -> tuple[list[float], list[float]]:
    """(handled, painted) per ctrl+n: the next question's state saved and on the screen
    object, and the first frame drawn with it."""
    from textual import events

    from esp_wizard.questionnaire.catalog import load_catalog
    from esp_wizard.session.model import Interviewee
    from esp_wizard.session.opened import OpenedSession
    from esp_wizard.session.store import SessionStore
    from esp_wizard.tui.app import WizardApp
    from esp_wizard.tui.start import Start
    from esp_wizard.workspace import Workspace

    workspace = Workspace(root)
    workspace.questionnaires_dir.mkdir()
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
    opened = OpenedSession(session, questionnaire, store.path_of(session))
    app = WizardApp(
        workspace, start=Start("interview", opened=opened), store=store, catalog=catalog
    )
    handled: list[float] = []
    painted: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(answered):
            question = screen.question
            if question.type == "inventory":
                break
            await pilot.press(*KEYS.get(question.type, []))
            start = time.perf_counter()
            app._driver.send_message(events.Key("ctrl+n", None))  # as the terminal sends it
            while screen.question is question or screen._swapping:
                await asyncio.sleep(0)
            handled.append(time.perf_counter() - start)
            frame = asyncio.get_running_loop().create_future()
            screen.call_after_refresh(lambda done=frame: done.set_result(None))
            await frame
            painted.append(time.perf_counter() - start)
            if screen.live.save_error:
                raise SystemExit(f"save failed: {screen.live.save_error}")
        saved = store.load(store.path_of(session))  # type: ignore[arg-type]
        print(f"interview: {len(painted)} questions answered, {len(saved.answers)} answers on disk")
    store.close_all()
    return handled, painted


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--answered", type=int, default=150)
    parser.add_argument("--dir", type=Path, default=None, help="folder to write sessions in")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child_home(args.child[1]) if args.child[0] == "home" else child_bare()
        return 0

    with tempfile.TemporaryDirectory(prefix="esp-wizard-tui-", dir=args.dir) as folder:
        home_root = Path(folder) / "home"
        (home_root / "sessions").mkdir(parents=True)
        sessions_workspace(home_root)
        bare, home = [], []
        for _ in range(args.runs):  # interleaved, so drift hits both alike
            bare.append(first_frame(["bare"]))
            home.append(first_frame(["home", str(home_root)]))
        bare_ms, home_ms = statistics.median(bare) * 1000, statistics.median(home) * 1000
        print(f"first frame, bare Header+DataTable+Footer  median {bare_ms:7.1f} ms")
        print(f"first frame, esp-wizard home (30 sessions) median {home_ms:7.1f} ms")
        print(f"ratio home / bare: {home_ms / bare_ms:.2f}x   (target <= 1.3x)")
        print()
        interview_root = Path(folder) / "interview"
        interview_root.mkdir()
        handled, painted = asyncio.run(
            interview_latencies(interview_root, args.questions, args.answered)
        )
    for label, times in (("on screen, saved", handled), ("first frame drawn", painted)):
        p50, p95 = percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000
        print(f"ctrl+n to next question {label:17}: p50 {p50:5.1f} ms, p95 {p95:5.1f} ms")
    print("   (target p95 <= 30 ms, save included)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory of the interview process: {peak:.0f} MB   (target <= 80 MB)")
    print(f"measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
