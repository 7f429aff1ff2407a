"""`esp-wizard export SESSION`: one session's summary, for the interviewee or the file."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import _

name = "export"
FORMATS = ("md", "html", "json")  # esp_wizard.export.SESSION_FORMATS, kept light here


def add_parser(subparsers: Any) -> None:
    from esp_wizard.commands.report import add_output_options

    parser = subparsers.add_parser(
        name,
        help=_("export one session's summary (Markdown, HTML or JSON)"),
        description=_(
            "Who, when, how long, every active answer with its notes and quotes, "
            "follow-ups, observations and the findings the session raised."
        ),
    )
    parser.add_argument("session", metavar="SESSION", help=_("a session id, unique prefix or file"))
    add_output_options(parser, FORMATS)
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import workspace
    from esp_wizard.commands.report import check_target, emit, output_format, warn
    from esp_wizard.export import render_session
    from esp_wizard.findings.engagement import open_workspace_session
    from esp_wizard.findings.summary import summarize_session

    where = workspace(args)
    check_target(args, where)
    opened, warnings = open_workspace_session(where, args.session)
    summary = summarize_session(opened)
    warn(warnings)
    fmt = output_format(args, FORMATS)
    what = _("session {id}, {done} of {total} answered").format(
        id=summary.session.id, done=summary.answered, total=summary.total
    )
    emit(render_session(summary, fmt), fmt, args.output, what, where, force=args.force)
    return 0
