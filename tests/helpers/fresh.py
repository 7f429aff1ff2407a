"""Python code run in a new interpreter: what a module imports is only seen from a process
that imported nothing yet (the test session has loaded everything)."""

from __future__ import annotations

import subprocess
import sys


def fresh_python(code: str) -> str:
    """Run `code` in a new interpreter; what it printed, stripped. Its error fails the test."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()
