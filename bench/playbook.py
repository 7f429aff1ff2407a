"""What the migration playbook costs: compiling the example engagement scaled to N sessions.

    .venv/bin/python bench/playbook.py [--copies 100] [--repeat 3]

The bundled example (ten interviews with the bundled questionnaires, so every artefact
has inventories, who-else rows and answers to read) is copied `--copies` times into a
temporary workspace under new session ids: 100 copies are 1,000 sessions. In the same
run, best of `--repeat`: `compile_workspace` with the playbook step replaced by nothing,
the playbook step alone on the same facts (what it adds: target at most 20%), and
`compile_workspace` as shipped (whole compiles, interleaved with the others, still move
with the load other processes put on the machine; the step's own time does not).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from esp_wizard.findings import compile as _compile
from esp_wizard.findings import compile_workspace
from esp_wizard.findings.collect import collect
from esp_wizard.findings.compile import ordered
from esp_wizard.findings.engagement import load_engagement
from esp_wizard.workspace import Workspace

# The compile module's name for the playbook step, replaced while timing (untyped on purpose).
compile_module: Any = _compile

EXAMPLE = Path(__file__).resolve().parents[1] / "sessions"
ID_LINE = re.compile(r'^id = "([a-z0-9]+)"$', re.MULTILINE)


def build(root: Path, copies: int) -> Workspace:
    sessions = root / "sessions"
    shutil.copytree(EXAMPLE / ".questionnaires", sessions / ".questionnaires")
    sources = sorted(EXAMPLE.glob("*.toml"))
    for copy in range(copies):
        for source in sources:
            text = source.read_text(encoding="utf-8")
            new_id = f"c{copy:04d}{ID_LINE.search(text).group(1)[2:]}"[:8]  # type: ignore[union-attr]
            text = ID_LINE.sub(f'id = "{new_id}"', text, count=1)
            (sessions / f"{source.stem[:-8]}{new_id}.toml").write_text(text, encoding="utf-8")
    return Workspace(root)


def best(repeat: int, work: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def playbook_share(workspace: Workspace, repeat: int) -> list[str]:
    """Compile with and without the playbook step, interleaved in this one run, with the
    step's own time measured inside each compile (garbage collections it triggers there
    count) and alone on the same facts."""
    report = compile_workspace(workspace)
    _, opened, _ = load_engagement(workspace)
    facts = [collect(o) for o in ordered(opened)]
    shipped = compile_module.build_playbook
    inside: list[float] = []

    def timed(facts: object, report: object) -> object:
        start = time.perf_counter()
        result = shipped(facts, report)
        inside.append(time.perf_counter() - start)
        return result

    with_times, without_times = [], []
    try:
        for _ in range(repeat):  # interleaved, so load from other processes hits both alike
            compile_module.build_playbook = timed
            with_times.append(best(1, lambda: compile_workspace(workspace)))
            compile_module.build_playbook = lambda facts, report: None
            without_times.append(best(1, lambda: compile_workspace(workspace)))
    finally:
        compile_module.build_playbook = shipped
    with_playbook, without = min(with_times), min(without_times)
    worst = max(step / total for step, total in zip(inside, with_times, strict=True))
    alone = best(repeat, lambda: shipped(facts, report))
    return [
        f"{'compile without playbook':<28}{without:8.3f} s",
        f"{'compile with playbook':<28}{with_playbook:8.3f} s   {with_playbook / without:5.2f}x"
        " (whole compiles move with the machine's load)",
        f"{'playbook inside a compile':<28}{max(inside):8.3f} s   at most {worst:.1%} of that"
        " compile (target: at most 20%)",
        f"{'the playbook step alone':<28}{alone:8.3f} s   {alone / without:6.1%} of compile",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-playbook-") as folder:
        workspace = build(Path(folder), args.copies)
        report = compile_workspace(workspace)
        assert report.playbook is not None
        print(
            f"{len(report.sessions)} sessions; plan {len(report.playbook.interview_plan.people)}"
            f" people, parity {len(report.playbook.parity.lines)} lines, map "
            f"{len(report.playbook.system_map.nodes)} systems"
        )
        print("\n".join(playbook_share(workspace, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
