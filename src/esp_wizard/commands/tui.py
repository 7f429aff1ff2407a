"""`esp-wizard` (or `esp-wizard tui`): the TUI's home screen, the workspace's interviews."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esp_wizard.i18n import _

name = "tui"


def add_parser(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        name, help=_("open the home screen (what esp-wizard does without a command)")
    )
    parser.set_defaults(handler=sys.modules[__name__])


def run(args: argparse.Namespace) -> int:
    from esp_wizard.tui.collector import held_until_first_frame

    with held_until_first_frame():
        from esp_wizard.commands.common import workspace
        from esp_wizard.tui.app import run_app
        from esp_wizard.tui.start import Start
        from esp_wizard.tui.terminal_guard import guarded

        with guarded():
            return run_app(workspace(args), Start())
