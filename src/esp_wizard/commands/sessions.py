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
    from esp_wizard.session.store import SessionStore

    store = SessionStore(workspace(args))
    listing = store.list()
    rows = []
    for entry in listing:
        session = entry.session
        if args.client and session.client.casefold() != args.client.casefold():
            continue
        try:
            questionnaire, _ = questionnaire_of(store, session)
            progress = Interview(questionnaire, session).progress()
            shown = f"{progress.done}/{progress.total}"
        except FileProblems:
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
    for problems in listing.problems:
        for line in problems.lines():
            print(f"unreadable: {line}", file=sys.stderr)
    return 0
