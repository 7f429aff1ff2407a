"""`esp-wizard resume SESSION`: reopen an interview at the question where it was left."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import _

name = "resume"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name,
        help=_("reopen an interview where it was left"),
        description=_("Reopen an interview in the TUI at the question where it was left."),
    )
    parser.add_argument(
        "session", metavar="SESSION", help=_("its id, a unique prefix, or its file")
    )
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from esp_wizard.tui.collector import held_until_first_frame

    with held_until_first_frame():
        return _resume(args)


def _resume(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import workspace
    from esp_wizard.questionnaire.catalog import load_catalog
    from esp_wizard.questionnaire.checkedcopy import kept_later
    from esp_wizard.session.opened import open_session  # not via tui.sessions: no listing
    from esp_wizard.session.store import SessionStore
    from esp_wizard.tui.app import run_app
    from esp_wizard.tui.start import Start
    from esp_wizard.tui.terminal_guard import guarded

    where = workspace(args)
    store = SessionStore(where)
    with guarded():  # from the lock on: a hang-up or SIGTERM still releases it
        try:
            catalog = lambda: load_catalog(where.questionnaires_dir)  # noqa: E731
            with kept_later():  # a copy checked now is kept by the app, after the first frame
                opened = open_session(store, args.session, catalog)
            return run_app(where, Start("interview", opened=opened), store=store)
        finally:
            store.close_all()
