"""Compiling and rendering a large engagement, against tomllib parsing the same files.

    .venv/bin/python bench/report.py [--sessions 1000] [--answers 60] [--repeat 3]

Writes N sessions of one engagement (each with `--answers` answers, notes, quotes, an
inventory and some observations, interviewees cycling through the roles) into a temporary
workspace, then:

- compile against tomllib reading and parsing every session file (the floor any reader
  pays), interleaved pair by pair: after every file changed (target <= 2x) and with
  nothing changed since the last compile (target <= 1.2x), median with min-max;
- compile memory: the peak of Python allocations of one compile against the input's size
  (target <= 4x);
- best of `--repeat`, each format: compile, then render (md, html, json, csv, docx;
  client-facing formats include the role attribution pass).
- each format: compile, then render (md, html, json, csv, docx; client-facing formats
  include the role attribution pass).

Ratios are against tomllib. Peak memory: the process's peak RSS (it includes generating
the sessions), and the peak of Python allocations during one compile and render of every
format (tracemalloc, in a separate run since it slows everything down).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import sys
import tempfile
import time
import tomllib
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import answer_for, questionnaire_text
from pairs import interleaved, ratio_line

from esp_wizard.export import REPORT_FORMATS, render_report_any
from esp_wizard.findings import compile_workspace
from esp_wizard.questionnaire.loader import parse_questionnaire
from esp_wizard.questionnaire.model import ROLES, InventoryQuestion, Questionnaire
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import (
    Answer,
    Interviewee,
    Observation,
    QuestionnaireRef,
    Session,
)
from esp_wizard.session.store import SessionStore, session_file_name
from esp_wizard.workspace import Workspace
from playbook import playbook_share

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SYSTEMS = ("Salesforce", "Shopify", "Snowflake", "Zendesk", "Custom feed", "Segment")


def build(root: Path, sessions: int, answers: int) -> Workspace:
    """One engagement of `sessions` interviews, each answering `answers` questions."""
    workspace = Workspace(root)
    questionnaire = parse_questionnaire(questionnaire_text(questions=answers, sections=6))
    workspace.sessions_dir.mkdir(parents=True)
    rng = random.Random(11)
    for number in range(sessions):
        session = _session(questionnaire, number, answers, rng)
        path = workspace.sessions_dir / session_file_name(session)
        path.write_text(saved_text(questionnaire, session), encoding="utf-8")
    copy = SessionStore(workspace).questionnaire_copy_path(session)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(questionnaire.source, encoding="utf-8")
    return workspace


def saved_text(questionnaire: Questionnaire, session: Session) -> str:
    """The file as the app saves it: with the progress table the listings read."""
    progress = Interview(questionnaire, session).progress()
    return session.to_toml(progress=(progress.done, progress.total))


def _session(q: Questionnaire, number: int, answers: int, rng: random.Random) -> Session:
    started = START + dt.timedelta(hours=number)
    session = Session(
        id=f"b{number:07d}",
        client="Bench Retail",
        engagement="Replatform",
        started=started,
        updated=started + dt.timedelta(minutes=answers),
        questionnaire=QuestionnaireRef(
            id=q.id, version=q.version, language=q.language, hash=q.hash
        ),
        interviewees=[Interviewee(name=f"Person {number}", role=ROLES[number % len(ROLES)])],
    )
    asked = [question for question in q.questions() if question.answerable]
    for minute, question in enumerate(asked[:answers]):
        if isinstance(question, InventoryQuestion):
            value: object = [
                {"name": name, **({"owner": "IT"} if rng.random() < 0.5 else {})}
                for name in rng.sample(SYSTEMS, 3)
            ]
        else:
            value = answer_for(question.type, rng)
        session.answers[question.id] = Answer(
            value=value,
            note="Mary in IT does it by hand" if minute % 7 == 0 else "",
            quote="“We upload a CSV every Monday.”" if minute % 11 == 0 else "",
            follow_up=minute % 29 == 0,
            at=started + dt.timedelta(minutes=minute),
        )
    if number % 10 == 0:
        session.observations = [
            Observation(
                id=f"obs-{number}",
                category="hack",
                severity=4,
                text="A workaround keeps the feed alive.",
                at=started,
            )
        ]
    return session


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def timed_parse(workspace: Workspace) -> float:
    start = time.perf_counter()
    parse_all(workspace)
    return time.perf_counter() - start


def timed_compile(workspace: Workspace) -> float:
    start = time.perf_counter()
    compile_workspace(workspace)
    return time.perf_counter() - start


def touched(workspace: Workspace) -> float:
    """Compile after every session file changed (mtime only): no cached file can be used."""
    for path in workspace.sessions_dir.glob("*.toml"):
        os.utime(path)
    return timed_compile(workspace)


def compile_memory(workspace: Workspace, size: int) -> None:
    """Peak Python allocations of one compile, against the bytes of TOML it reads."""
    tracemalloc.start()
    compile_workspace(workspace)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    verdict = "ok" if peak <= 4 * size else "OVER"
    print(
        f"compile memory / input: {peak / size:.2f}x ({peak / 2**20:.0f} MiB for "
        f"{size / 2**20:.0f} MiB of TOML) target <= 4x {verdict}"
    )


def parse_all(workspace: Workspace) -> None:
    for path in sorted(workspace.sessions_dir.glob("*.toml")):
        tomllib.loads(path.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-report-") as folder:
        workspace = build(Path(folder), args.sessions, args.answers)
        size = sum(p.stat().st_size for p in workspace.sessions_dir.glob("*.toml"))
        print(f"{args.sessions} sessions x {args.answers} answers, {size / 1e6:.1f} MB of TOML")
        compile_memory(workspace, size)  # first: nothing else allocated yet
        changed = interleaved(lambda: touched(workspace), lambda: timed_parse(workspace), 3)
        print(ratio_line("compile, every file changed / tomllib", *changed, 2.0))
        pairs = interleaved(lambda: timed_compile(workspace), lambda: timed_parse(workspace), 5)
        print(ratio_line("compile, nothing changed / tomllib", *pairs, 1.2))
        floor, compiled = min(pairs[1]), min(pairs[0])
        report = compile_workspace(workspace)
        print(f"{'tomllib parse':<24}{floor:8.3f} s")
        print(f"{'compile':<24}{compiled:8.3f} s   {compiled / floor:5.2f}x")
        print("\n".join(playbook_share(workspace, args.repeat)))  # bench/playbook.py
        for fmt in REPORT_FORMATS:
            rendered = best(args.repeat, lambda fmt=fmt: render_report_any(report, fmt))
            total = compiled + rendered
            out = render_report_any(report, fmt)
            size = len(out) if isinstance(out, bytes) else len(out.encode())
            print(
                f"{'compile + ' + fmt:<24}{total:8.3f} s   {total / floor:5.2f}x"
                f"   (render {rendered:.3f} s, {size / 1e6:.1f} MB)"
            )
        print(
            f"findings {len(report.findings)} + strengths {len(report.strengths)}, "
            f"conflicts {len(report.conflicts)}, follow-ups {len(report.follow_ups)}"
        )
        tracemalloc.start()
        report = compile_workspace(workspace)
        for fmt in REPORT_FORMATS:
            render_report_any(report, fmt)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"peak Python allocations (compile + every format): {peak / 2**20:.0f} MiB")
    print(f"peak RSS of the whole run: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
