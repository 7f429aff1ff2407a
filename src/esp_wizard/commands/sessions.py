"""`esp-wizard sessions [--client C]`: the workspace's interviews at a glance."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import N_, _, ngettext

STATUS = {"in_progress": N_("in progress"), "completed": N_("completed")}

name = "sessions"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(name, help=_("list the workspace's sessions"))
    parser.add_argument("--client", help=_("only this client's sessions (case-insensitive)"))
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
                _(STATUS.get(row.status, row.status)),
                row.progress,
                row.updated.strftime("%Y-%m-%d %H:%M UTC"),
            ]
        )
    columns = [
        N_("id"),
        N_("client"),
        N_("engagement"),
        N_("interviewees"),
        N_("questionnaire"),
        N_("status"),
        N_("progress"),
        N_("last change"),
    ]
    title = ngettext("{count} session in {folder}", "{count} sessions in {folder}", len(rows))
    print_table(title.format(count=len(rows), folder=where.sessions_dir), columns, rows)
    problems = [*listing.problems, *listing.damaged]
    return report_problems(problems, listing.conflict_lines(), len(rows))


def report_problems(problems: list[Any], conflicts: list[str], shown: int) -> int:
    """The files left out, one line each, and a closing count; exit 2 if none could be shown."""
    from esp_wizard.safetext import for_terminal

    for file in problems:
        for line in file.lines():
            print(
                _("unreadable: {problem}").format(problem=for_terminal(line, lines=False)),
                file=sys.stderr,
            )
    for line in conflicts:
        print(_("conflict: {line}").format(line=for_terminal(line, lines=False)), file=sys.stderr)
    if problems:
        count = len(problems)
        left_out = ngettext(
            "esp-wizard: warning: {count} damaged session file left out (listed above)",
            "esp-wizard: warning: {count} damaged session files left out (listed above)",
            count,
        )
        print(
            left_out.format(count=count),
            file=sys.stderr,
        )
    return 2 if problems and not shown else 0
