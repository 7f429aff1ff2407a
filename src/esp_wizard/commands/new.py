"""`esp-wizard new`: start an interview in the TUI, asking only what the options leave out.

Options are checked before the TUI opens, so a typo costs no typing. With a client, a
questionnaire and at least one interviewee, the session is created at once and the
interview opens on its first question; otherwise the form opens with the given options
filled in and locked.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from esp_wizard.i18n import _

if TYPE_CHECKING:
    from esp_wizard.questionnaire.catalog import Catalog
    from esp_wizard.tui.start import NewPresets
    from esp_wizard.workspace import Workspace

name = "new"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name,
        help=_("start an interview in the TUI"),
        description=_("Start an interview in the TUI, asking only for what the options leave out."),
    )
    from esp_wizard.commands.common import add_interview_options

    add_interview_options(parser, _("who runs the interview (remembered)"))
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from esp_wizard.tui.collector import held_until_first_frame

    with held_until_first_frame():
        return _new(args)


def _new(args: argparse.Namespace) -> int:
    from esp_wizard.commands.common import parse_interviewee, workspace
    from esp_wizard.config import load_config
    from esp_wizard.errors import UserError
    from esp_wizard.questionnaire.catalog import load_catalog
    from esp_wizard.tui.app import run_app
    from esp_wizard.tui.start import NewPresets, Start
    from esp_wizard.tui.terminal_guard import guarded

    where = workspace(args)
    people = tuple(parse_interviewee(raw) for raw in args.interviewee or [])
    if args.client is not None and not args.client.strip():
        raise UserError(_("--client needs a name"))
    catalog = load_catalog(where.questionnaires_dir)
    chosen = catalog.find(args.questionnaire, args.language) if args.questionnaire else None
    presets = NewPresets(
        client=(args.client or "").strip(),
        engagement=args.engagement.strip() if args.engagement is not None else None,
        facilitator=args.facilitator.strip() if args.facilitator is not None else None,
        questionnaire=chosen,
        language=args.language,
        interviewees=people,
    )
    if not presets.complete:
        with guarded():
            return run_app(where, Start("new", presets), catalog=catalog)
    return _start_at_once(where, presets, catalog, load_config().facilitator)


def _start_at_once(where: Workspace, presets: NewPresets, catalog: Catalog, remembered: str) -> int:
    """Everything needed was given: create the session now, then open it."""
    from esp_wizard.config import load_config, save_config
    from esp_wizard.session.opened import OpenedSession
    from esp_wizard.session.store import SessionStore
    from esp_wizard.tui.app import run_app
    from esp_wizard.tui.start import Start
    from esp_wizard.tui.terminal_guard import guarded

    questionnaire = presets.questionnaire
    assert questionnaire is not None  # presets.complete
    facilitator = presets.facilitator if presets.facilitator is not None else remembered
    store = SessionStore(where)
    session = store.create(  # UserError (one line, exit 2) if the folder refuses
        questionnaire_id=questionnaire.id,
        questionnaire_version=questionnaire.version,
        questionnaire_language=questionnaire.language,
        questionnaire_source=questionnaire.source,
        client=presets.client,
        engagement=presets.engagement or "",
        facilitator=facilitator,
        interviewees=presets.interviewees,
    )
    if facilitator != remembered:
        save_config(load_config().with_changes(facilitator=facilitator))
    opened = OpenedSession(session, questionnaire, store.path_of(session))
    try:
        with guarded():
            return run_app(where, Start("interview", opened=opened), store=store, catalog=catalog)
    finally:
        store.close_all()
