"""Copy the example engagement into a scratch workspace for `make run`.

`make run` opens the fictional Northwind engagement so that a newcomer sees sessions and a
report at once, and can try an interview. The interview must not land in the repository's
own `sessions/` (tracked files, rebuilt by scripts/build_example.py), so each `make run`
starts from a fresh copy in `.scratch/example/`, a folder git ignores.

    .venv/bin/python scripts/prepare_example.py [--into DIR]    # prints the workspace's path
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions"
DEFAULT = ROOT / ".scratch" / "example"
LEFT_BEHIND = ("*.lock", "*.lock.break", ".*.tmp")  # a crashed run's, never the example's


def prepare(into: Path = DEFAULT) -> Path:
    """A fresh copy of the example's sessions (and their questionnaire copies) in `into`."""
    into = into.resolve()
    if into == EXAMPLE.resolve() or EXAMPLE.resolve().is_relative_to(into):
        raise SystemExit(f"refusing to replace the example itself: {into}")
    if into.exists():
        shutil.rmtree(into)
    into.mkdir(parents=True)
    shutil.copytree(EXAMPLE, into / "sessions", ignore=shutil.ignore_patterns(*LEFT_BEHIND))
    return into


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--into", type=Path, default=DEFAULT, help="the scratch workspace")
    args = parser.parse_args(argv)
    workspace = prepare(args.into)
    shown = workspace.relative_to(ROOT) if workspace.is_relative_to(ROOT) else workspace
    print(f"Example engagement copied to {shown}/ (ignored by git; sessions/ is untouched).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
