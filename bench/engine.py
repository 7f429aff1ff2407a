"""Questionnaire load time and per-answer save latency, against baselines run alongside.

    .venv/bin/python bench/engine.py [--questions 300] [--repeat 30]

Load: `parse_questionnaire` (tomllib + pydantic + cross-checks + expression parsing and type
checking) on a generated questionnaire, against `tomllib.loads` of the same text (target <=
10x). Save: bench/session_save.py's growth to 300 answers against a bare temp-write-and-rename
of the same bytes (target p95 <= 3x).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate import questionnaire_text
from session_save import main as save_benchmark

from esp_wizard.questionnaire.loader import parse_questionnaire


def timed(function: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    text = questionnaire_text(args.questions)
    questionnaire = parse_questionnaire(text, "bench.toml")
    rules, conditions = len(questionnaire.findings), text.count("when = ")
    print(
        f"questionnaire: {questionnaire.answerable_count} questions, {rules} rules, "
        f"{conditions} conditions, {len(text) / 1024:.0f} KiB"
    )
    baseline = statistics.median(timed(lambda: tomllib.loads(text), args.repeat))
    load = statistics.median(timed(lambda: parse_questionnaire(text, "bench.toml"), args.repeat))
    print(f"tomllib.loads            median {baseline * 1000:8.2f} ms")
    print(f"load and validate        median {load * 1000:8.2f} ms")
    print(f"ratio load / tomllib:    {load / baseline:.1f}x   (target <= 10x)")
    print()
    sys.argv = [sys.argv[0]]
    return save_benchmark()


if __name__ == "__main__":
    sys.exit(main())
