"""`esp-wizard sessions [--client C]`: the workspace's interviews at a glance."""

from __future__ import annotations

import argparse
import sys
from typing import Any

name = "sessions"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(name, help="list the workspace's sessions")
    parser.add_argument("--client", help="only this client's sessions (case-insensitive)")
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    """The table from the listing cache: unchanged files are not parsed again (summary.py)."""
    from esp_wizard.commands.common import print_table, workspace
    from esp_wizard.session.summary import list_summaries

    where = workspace(args)
    listing = list_summaries(where)
    rows = []
    for row in listing.rows:
        if args.client and row.client.casefold() != args.client.casefold():
            continue
        people = ", ".join(f"{i.name} ({i.role})" if i.role else i.name for i in row.interviewees)
        ref = row.questionnaire
        rows.append(
            [
                row.id,
                row.client,
                row.engagement,
                people,
                f"{ref.id} ({ref.language})",
                row.status.replace("_", " "),
                row.progress,
                row.updated.strftime("%Y-%m-%d %H:%M UTC"),
            ]
        )
    columns = [
        "id",
        "client",
        "engagement",
        "interviewees",
        "questionnaire",
        "status",
        "progress",
        "last change",
    ]
    print_table(f"{len(rows)} sessions in {where.sessions_dir}", columns, rows)
    problems = [*listing.problems, *listing.damaged]
    return report_problems(problems, listing.conflict_lines(), len(rows))


def report_problems(problems: list[Any], conflicts: list[str], shown: int) -> int:
    """The files left out, one line each, and a closing count; exit 2 if none could be shown."""
    from esp_wizard.safetext import for_terminal

    for file in problems:
        for line in file.lines():
            print(f"unreadable: {for_terminal(line, lines=False)}", file=sys.stderr)
    for line in conflicts:
        print(f"conflict: {for_terminal(line, lines=False)}", file=sys.stderr)
    if problems:
        left_out = f"{len(problems)} damaged session file{'s' if len(problems) > 1 else ''}"
        print(f"esp-wizard: warning: {left_out} left out (listed above)", file=sys.stderr)
    return 2 if problems and not shown else 0
