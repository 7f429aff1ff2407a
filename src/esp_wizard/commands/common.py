"""What several commands share: the workspace from options, and output for a person or a pipe."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from esp_wizard.i18n import _
from esp_wizard.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import Console

    from esp_wizard.session.model import Interviewee


def workspace(args: argparse.Namespace) -> Workspace:
    return Workspace.resolve(getattr(args, "workspace", None))


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    """A rich table in a terminal; tab-separated plain lines in a pipe or a file.

    Cells are user text: controls and escapes are shown escaped, and rich markup in them
    (`[link=…]`) is never interpreted.
    """
    from esp_wizard.safetext import for_terminal

    cells = [[for_terminal(str(cell), lines=False) for cell in row] for row in rows]
    out = console()
    if not out.is_terminal:
        print("\t".join(columns))
        for row in cells:
            print("\t".join(row))
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(for_terminal(title, lines=False)), title_justify="left")
    table.header_style = "bold"
    for column in columns:
        table.add_column(_(column))  # piped, the header stays as scripts read it
    for row in cells:
        table.add_row(*(Text(cell) for cell in row))
    out.print(table)


def add_interview_options(parser: argparse.ArgumentParser, facilitator_help: str) -> None:
    """The options `new` and `ask` share: who, for whom, with which questionnaire."""
    parser.add_argument("--client", help=_("the client's name"))
    parser.add_argument("--engagement", help=_("the engagement, e.g. 'ESP move 2027'"))
    parser.add_argument("--questionnaire", metavar="ID", help=_("the questionnaire's id"))
    parser.add_argument("--language", help=_("the questionnaire's language, e.g. en or fr"))
    parser.add_argument(
        "--interviewee",
        action="append",
        metavar="NAME:ROLE",
        help=_("who is interviewed, e.g. 'Ana Souza:email-ops' (repeat for several)"),
    )
    parser.add_argument("--facilitator", help=facilitator_help)


def parse_interviewee(raw: str) -> Interviewee:
    """`Name:role`, the role optional (see Interviewee.parse)."""
    from esp_wizard.session.model import Interviewee

    return Interviewee.parse(raw)
