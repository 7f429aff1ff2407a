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
    from esp_wizard.commands.common import print_table, workspace
    from esp_wizard.errors import FileProblems
    from esp_wizard.session.interview import Interview
    from esp_wizard.session.opened import questionnaire_of
    from esp_wizard.session.store import SessionDamaged, SessionStore

    store = SessionStore(workspace(args))
    listing = store.list()
    rows = []
    damaged: list[FileProblems] = []
    for entry in listing:
        session = entry.session
        if args.client and session.client.casefold() != args.client.casefold():
            continue
        try:
            questionnaire, _ = questionnaire_of(store, session)
            progress = Interview(questionnaire, session).progress()
            shown = f"{progress.done}/{progress.total}"
        except SessionDamaged as problems:
            damaged.append(problems)
            continue
        except FileProblems:  # its questionnaire copy is missing: listed, progress unknown
            shown = "?"
        people = ", ".join(
            f"{i.name} ({i.role})" if i.role else i.name for i in session.interviewees
        )
        ref = session.questionnaire
        rows.append(
            [
                session.id,
                session.client,
                session.engagement,
                people,
                f"{ref.id} ({ref.language})",
                session.status.replace("_", " "),
                shown,
                session.updated.strftime("%Y-%m-%d %H:%M UTC"),
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
    print_table(f"{len(rows)} sessions in {store.workspace.sessions_dir}", columns, rows)
    return report_problems([*listing.problems, *damaged], listing.conflict_lines(), len(rows))


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
