"""Regenerate the export golden files under tests/export/golden/, then review the diff by eye.

    .venv/bin/python scripts/update_goldens.py                      # every existing set
    .venv/bin/python scripts/update_goldens.py --workspace . --name example
                                        # add (or refresh) a set from a workspace's engagement

The `fixture` set is the deterministic engagement of tests/findings/fixture.py. A set made
with --workspace records the workspace's path (relative to the repository) in
`workspace.txt`, so later runs and the golden test render the same sessions again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from export.goldens import FIXTURE, golden_sets, render_named, write_set  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, help="a workspace holding one engagement")
    parser.add_argument("--name", help="the set's folder name (default: the workspace's name)")
    args = parser.parse_args()
    if args.workspace is not None:
        root = args.workspace.resolve()
        name = args.name or root.name
        relative = root.relative_to(REPO).as_posix() if root.is_relative_to(REPO) else str(root)
        pointer = REPO / "tests" / "export" / "golden" / name
        pointer.mkdir(parents=True, exist_ok=True)
        (pointer / "workspace.txt").write_text(relative + "\n", encoding="utf-8")
        sets = [name]
    else:
        sets = sorted(set(golden_sets()) | {FIXTURE})
    for name in sets:
        files = render_named(name)
        folder = write_set(name, files)
        print(f"{folder.relative_to(REPO)}: {len(files)} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
