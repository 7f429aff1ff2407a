"""The commands of `esp-wizard`, one module each; heavy imports wait until `run`."""

from __future__ import annotations

import argparse
from typing import Any, Protocol

from esp_wizard.commands import ask, export, new, questionnaires, report, resume, sessions, tui


class Command(Protocol):
    name: str

    def add_parser(self, subparsers: Any) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


COMMANDS: list[Any] = [questionnaires, sessions, ask, report, export, new, resume, tui]
