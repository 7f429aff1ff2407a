"""The `esp-wizard` command: parse options, pick a command, turn user mistakes into one line.

Kept thin and quick to import: each command's module imports what it needs (rich, the
core, Textual) only when it runs, so `esp-wizard --help` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import types
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from esp_wizard import __version__
from esp_wizard.commands import COMMANDS, Command
from esp_wizard.errors import FileProblems, UserError
from esp_wizard.i18n import N_, _

LANGUAGES = ("en", "fr")  # esp_wizard.i18n.LANGUAGES, kept light
# argparse's group titles, translated by localise() below.
ARGPARSE_GROUPS = (N_("positional arguments"), N_("options"))
# argparse's own error messages (its gettext domain has no French): looked up in our
# catalogue by swapping argparse's `_` while a command line is parsed.
ARGPARSE_ERRORS = (
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esp-wizard",
        description=_("Run ESP-migration discovery interviews and compile their findings."),
        epilog=_(
            "The workspace is the current folder unless --workspace or "
            "ESP_WIZARD_WORKSPACE names another. Without a command, the TUI opens."
        ),
    )
    parser.add_argument("--version", action="version", version=f"esp-wizard {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="DIR",
        help=_("the engagement's folder, holding sessions/ and questionnaires/"),
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help=_(
            "the interface's language (default: the config's, else LC_ALL, LC_MESSAGES, "
            "LANG); a report's language also, when given"
        ),
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _no_pydantic_plugins()
    argv = list(sys.argv[1:] if argv is None else argv)
    with _interface_language(_lang_option(argv)):  # --help and errors speak it too
        return _main(argv)


def _no_pydantic_plugins() -> None:
    """No third-party pydantic plugin sees what the sessions hold: one installed in the same
    environment (an observability or tracing plugin) would be handed every answer validated,
    and could send it off the machine. Looking plugins up also reads every installed
    package's metadata, ~20 ms of CPU before a resumed interview's first question."""
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    _no_plugin_loader()


def _no_plugin_loader() -> None:
    """pydantic imports its plugin loader at the first model it builds, and that module
    imports importlib.metadata (with email, zipfile, csv: ~25 ms of CPU before a resumed
    interview's first question) only for `get_plugins()` to find the variable above and
    return nothing. The loader this process would have used, then, is one returning
    nothing: the same answer, without the imports (the real one, if already loaded, stays)."""
    name = "pydantic.plugin._loader"
    if name in sys.modules:
        return
    loader = types.ModuleType(name)
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # get_plugins() -> ()
    sys.modules[name] = loader


def _main(argv: list[str]) -> int:
    parser = build_parser()
    localise(parser)
    with _argparse_speaks_ours():
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
        _say(_("esp-wizard: {error}").format(error=error))
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if os.environ.get("ESP_WIZARD_DEBUG"):
            raise
        message = _(
            "esp-wizard: unexpected error: {kind}: {error} "
            "(set ESP_WIZARD_DEBUG=1 to see the traceback, and please report it)"
        )
        _say(message.format(kind=type(error).__name__, error=error))
        return 1


def _lang_option(argv: list[str]) -> str | None:
    """`--lang fr` / `--lang=fr` before the parser exists, so that its help is in that
    language (a wrong value is left for the parser to refuse)."""
    commands = {command.name for command in COMMANDS}
    for index, word in enumerate(argv):
        if word == "--" or word in commands:  # `report --lang` is the report's language
            break
        if word.startswith("--lang="):
            return word.partition("=")[2]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def _interface_language(option: str | None) -> AbstractContextManager[str]:
    """--lang, else the remembered setting, else the locale: the language of the run (and
    only of this run: a caller of main() in the same process is left as it was)."""
    from esp_wizard import i18n
    from esp_wizard.config import load_config

    config = "" if i18n.normalise(option) else load_config().language
    return i18n.use(i18n.interface_language(option, config))


@contextmanager
def _argparse_speaks_ours() -> Iterator[None]:
    """argparse's errors ("invalid choice", "the following arguments are required"…) in
    the interface's language: argparse looks its messages up through its module's `_`."""
    saved = argparse._  # type: ignore[attr-defined]
    argparse._ = _  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def localise(parser: argparse.ArgumentParser) -> None:
    """argparse's own words (usage, the option groups, -h's help) in the interface's
    language, for the parser and every subcommand's: the standard library ships no French."""
    parser.formatter_class = _Formatter
    for group in parser._action_groups:
        group.title = _(group.title) if group.title else group.title
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = _("show this help message and exit")
        elif isinstance(action, argparse._VersionAction):
            action.help = _("show program's version number and exit")
        elif isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                localise(sub)


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
