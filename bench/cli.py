"""The CLI listings against `python -c 'import rich.console'`, interleaved in the same run.

    .venv/bin/python bench/cli.py [--pairs 9] [--sessions 30]

`esp-wizard questionnaires` and `esp-wizard sessions` on a workspace of 30 sessions (a
300-question questionnaire, 150 answered), each a fresh process as a consultant runs it,
against the cheapest thing that prints a table: importing rich.console (target <= 2x).
`esp-wizard --help` is held to the same 2x (issue 15: the catalogue must not slow it).
Each is timed twice: the first listing after the files changed (cold listing cache: for
`sessions`, every session file touched, so each is read again from its top lines and its
progress table; for `questionnaires`, the listing cache removed: a bundled file shipped as
checked is listed from questionnaires/listing.json, any other parsed and checked again) and
the next one (warm); the warm one is what a consultant usually waits for. The sessions are saved
as the app saves them (with their progress table).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from pairs import interleaved, ratio_line, run_time

PYTHON = Path(sys.executable)
WIZARD = str(PYTHON.parent / "esp-wizard")


def build_workspace(root: Path, sessions: int, questions: int = 300) -> None:
    """`sessions` half-done interviews, saved as the app saves them (progress included)."""
    import random

    from generate import questionnaire_text
    from report import _session, saved_text

    from esp_wizard.questionnaire.loader import parse_questionnaire
    from esp_wizard.session.store import SessionStore, session_file_name
    from esp_wizard.workspace import Workspace

    workspace = Workspace(root)
    questionnaire = parse_questionnaire(questionnaire_text(questions=questions))
    workspace.sessions_dir.mkdir(parents=True)
    rng = random.Random(5)
    for number in range(sessions):
        session = _session(questionnaire, number, questions // 2, rng)
        path = workspace.sessions_dir / session_file_name(session)
        path.write_text(saved_text(questionnaire, session), encoding="utf-8")
    copy = SessionStore(workspace).questionnaire_copy_path(session)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(questionnaire.source, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=9)
    parser.add_argument("--sessions", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-cli-") as folder:
        root = Path(folder)
        build_workspace(root / "ws", sessions=args.sessions)
        env = {**os.environ, "ESP_WIZARD_CONFIG_DIR": str(root / "config")}
        env["ESP_WIZARD_CACHE_DIR"] = str(root / "cache")  # its own: never the user's
        ws = ["--workspace", str(root / "ws")]
        rich = [str(PYTHON), "-c", "import rich.console"]

        def baseline() -> float:
            return run_time(rich, env=env)

        def command(*words: str) -> float:
            return run_time([WIZARD, *ws, *words], env=env)

        def cold_sessions() -> float:
            for path in (root / "ws" / "sessions").glob("*.toml"):
                os.utime(path)  # every file changed since the last listing
            return command("sessions")

        def cold_questionnaires() -> float:
            for path in (root / "cache").glob("questionnaires-*.json"):
                path.unlink()  # every questionnaire parsed and checked again
            return command("questionnaires")

        for warm_up in (baseline, lambda: command("questionnaires"), lambda: command("sessions")):
            warm_up()
        lines = [
            ("--help / import rich.console", lambda: command("--help")),
            ("questionnaires (warm) / import rich.console", lambda: command("questionnaires")),
            ("questionnaires (cold) / import rich.console", cold_questionnaires),
            ("sessions (warm) / import rich.console", lambda: command("sessions")),
            ("sessions (cold) / import rich.console", cold_sessions),
        ]
        for label, run in lines:
            times, floor = interleaved(run, baseline, args.pairs)
            print(ratio_line(label, times, floor, 2.0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
