"""Kill a writer with SIGKILL at random moments: every answer whose save returned survives.

The harness (tests/helpers/session_crash.py) forks writers from a helper process that has
already imported everything, so 40 kill trials take a couple of seconds; bench/crash.py runs
the same loop with hundreds of trials.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from helpers.session_crash import run_crash_trials

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or not hasattr(signal, "SIGKILL"), reason="needs fork and SIGKILL"
    ),
]


@pytest.mark.parametrize("seed", [20261122, 7])
def test_no_saved_answer_is_lost_when_the_writer_is_killed(tmp_path: Path, seed: int) -> None:
    report = run_crash_trials(tmp_path, trials=20, seed=seed, trials_per_session=10)
    assert report.errors == []
    assert report.losses == []
    assert report.trials == 20 and report.sessions == 2
    assert report.saved > 0  # some kills landed after saves had returned, not only before
    assert report.verified >= report.saved


def test_kills_leave_no_session_but_the_real_ones(tmp_path: Path) -> None:
    from esp_wizard.session.lock import BREAK_SUFFIX, LOCK_SUFFIX
    from esp_wizard.session.store import SessionStore
    from esp_wizard.workspace import Workspace

    report = run_crash_trials(tmp_path, trials=6, seed=3, trials_per_session=3, max_delay=0.02)
    assert report.errors == [] and report.losses == []
    listing = SessionStore(Workspace(tmp_path)).list()
    assert len(listing.entries) == 2 and listing.problems == []
    # a killed writer may leave its lock, the lock's `.lock.break` guard (killed while taking
    # over a stale lock) and a temporary file: hidden from listings, swept (the temporary) or
    # taken over (the lock, and the guard once it is old) by the next writer
    # (or, killed inside the guard's takeover, the guard renamed aside as `.old`)
    left = LOCK_SUFFIX, LOCK_SUFFIX + BREAK_SUFFIX, ".tmp", ".old"
    leftovers = [p.name for p in (tmp_path / "sessions").iterdir() if p.suffix != ".toml"]
    unexpected = [n for n in leftovers if not n.endswith(left) and n != ".questionnaires"]
    assert unexpected == []
