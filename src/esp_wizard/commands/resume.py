"""`esp-wizard resume SESSION`: reopen an interview at the question where it was left."""

from __future__ import annotations

import argparse
import sys
from functools import partial
from typing import TYPE_CHECKING, Any

from esp_wizard.i18n import _

if TYPE_CHECKING:
    from esp_wizard.questionnaire.catalog import Catalog
    from esp_wizard.workspace import Workspace

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


def _catalog(where: Workspace) -> Catalog:
    """Every questionnaire, loaded only when the session's own copy cannot be used."""
    from esp_wizard.questionnaire.catalog import load_catalog

    return load_catalog(where.questionnaires_dir)


def _resume(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import workspace
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
            with kept_later():  # a copy checked now is kept by the app, after the first frame
                opened = open_session(store, args.session, partial(_catalog, where))
            return run_app(where, Start("interview", opened=opened), store=store)
        finally:
            store.close_all()
