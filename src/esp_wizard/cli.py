"""The `esp-wizard` command: parse options, pick a command, turn user mistakes into one line.

Kept thin and quick to import: each command's module imports what it needs (rich, the
core, Textual) only when it runs, so `esp-wizard --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from esp_wizard import __version__
from esp_wizard.commands import COMMANDS, Command
from esp_wizard.errors import FileProblems, UserError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esp-wizard",
        description="Run ESP-migration discovery interviews and compile their findings.",
        epilog="The workspace is the current folder unless --workspace or "
        "ESP_WIZARD_WORKSPACE names another. Without a command, the TUI opens.",
    )
    parser.add_argument("--version", action="version", version=f"esp-wizard {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help="the engagement's folder, holding sessions/ and questionnaires/",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command: Command | None = getattr(args, "handler", None)
    if command is None:
        command = _default_command(parser)
        if command is None:
            return 0
    try:
        code = command.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at the interpreter's exit
        return code
    except BrokenPipeError:
        return _pipe_closed()
    except FileProblems as problems:
        for line in problems.lines():
            _say(line)
        return problems.exit_code
    except UserError as error:
        _say(f"esp-wizard: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("ESP_WIZARD_DEBUG"):
            raise
        _say(
            f"esp-wizard: unexpected error: {type(error).__name__}: {error} "
            "(set ESP_WIZARD_DEBUG=1 to see the traceback, and please report it)"
        )
        return 1


def _say(line: str) -> None:
    """One line on stderr; file names and values in it may come from hostile files."""
    from esp_wizard.safetext import for_terminal

    print(for_terminal(line, lines=False), file=sys.stderr)


def _pipe_closed() -> int:
    """The reader went away (`esp-wizard sessions | head -1`): end quietly, as `cat` does.

    stdout is pointed at /dev/null so the interpreter's final flush cannot fail again.
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
    return 141  # 128 + SIGPIPE, what a shell reports for a writer killed by a closed pipe


def _default_command(parser: argparse.ArgumentParser) -> Command | None:
    """Without a command, open the TUI when it is installed; else show the help."""
    default = next((c for c in COMMANDS if c.name == "tui"), None)
    if default is None:
        parser.print_help()
    return default
