"""`esp-wizard ask`: the interview as plain prompts, for SSH, simple terminals, screen readers."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import N_, _

name = "ask"

DESCRIPTION = N_(
    "Run an interview as plain prompts, one below the other: for a plain SSH session, a "
    "terminal that full-screen apps handle badly, or a screen reader. Same engine and same "
    "session files as the TUI: a session started here resumes there and back. Asks for "
    "whatever the options leave out. Type :help at any prompt for the special answers "
    "(:dk, :na, :skip, :note, :quote, :flag, :obs, :back, :stop). Long answers are typed "
    "one line at a time; an empty line ends them. ctrl+c stops: every answer is already saved."
)


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name,
        help=_("run an interview as plain prompts (SSH, simple terminals, screen readers)"),
        description=_(DESCRIPTION),
    )
    from esp_wizard.commands.common import add_interview_options

    add_interview_options(parser, _("who runs the interview"))
    parser.add_argument(
        "--resume", metavar="SESSION", help=_("continue a session (its id, a prefix or its file)")
    )
    parser.add_argument(
        "--plain",
        action="store_true",
        help=_(
            "numbered options typed by number or text, each prompt printed once, no escape "
            "sequence (chosen on its own for TERM=dumb or when not run in a terminal)"
        ),
    )
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from esp_wizard.ask.main import run_ask
    from esp_wizard.commands.common import workspace

    return run_ask(args, workspace(args))
