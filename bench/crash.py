"""Crash-kill benchmark: SIGKILL a session writer at random moments, count lost answers.

    .venv/bin/python bench/crash.py [--trials 300] [--seed 7] [--max-delay 0.05]

Each trial forks a writer that adds answers and saves after each one, kills it with SIGKILL
after a random delay, then loads the file and checks every answer whose save had returned.
Exit status 1 if any answer was lost or any file could not be read. POSIX only.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers.session_crash import run_crash_trials  # type: ignore[import-not-found]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--max-delay", type=float, default=0.05, help="seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="esp-wizard-crash-") as folder:
        report = run_crash_trials(
            Path(folder), trials=args.trials, seed=args.seed, max_delay=args.max_delay
        )
    print(f"trials:            {report.trials} (kills, in {report.sessions} sessions)")
    print(f"answers saved:     {report.saved} (save returned before the kill)")
    print(f"answers verified:  {report.verified} (checks after kills, all present)")
    print(f"losses:            {len(report.losses)}")
    print(f"unreadable/errors: {len(report.errors)}")
    for line in report.errors[:10]:
        print(f"  {line}")
    print(f"time:              {report.seconds:.1f} s")
    return 1 if report.losses or report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
