"""Plain mode: the interview as a line-by-line conversation, for TERM=dumb, a pipe, a log,
SSH to a simple terminal and screen readers.

Same API as `Prompter`, no prompt_toolkit at all: every prompt is printed once, options are
numbered and typed by number or by their text, nothing is redrawn and not one escape
sequence is written (text from files is escaped as everywhere in ask). A `:command` typed at
a list or yes/no prompt is handed over as `COMMAND_KEY` and then given back by the
"command" prompt that follows, so the flow treats both modes alike.

Chosen by `--plain`, or on its own when the terminal cannot do better: TERM=dumb, or input
or output not a terminal (unless a prompt_toolkit input was set up by the caller).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from questionary import Choice, Separator

from esp_wizard.ask.prompter import COMMAND_KEY, ENTER_KEY, Prompter, Validate
from esp_wizard.i18n import _
from esp_wizard.safetext import for_terminal

YES = {"y", "yes", "o", "oui"}
NO = {"n", "no", "non"}


def plain_wanted(asked: bool, env: Mapping[str, str] = os.environ) -> bool:
    """`--plain`, or a terminal that cannot show a full prompt (or no terminal at all)."""
    if asked:
        return True
    from prompt_toolkit.application.current import get_app_session

    if get_app_session()._input is not None:  # an input set up by the caller (tests)
        return False
    if env.get("TERM", "") == "dumb":
        return True
    return not (sys.stdin.isatty() and sys.stdout.isatty())


class PlainPrompter(Prompter):
    """Asks by reading whole lines; prints each prompt once."""

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        super().__init__(colour=False)
        self._in = stdin
        self._out = stdout
        self._command = ""  # a `:command` typed at a list prompt, for the command prompt

    # -- lines -------------------------------------------------------------------------------
    def say(self, text: str = "") -> None:
        out = self._out or sys.stdout
        out.write(for_terminal(text) + "\n")
        out.flush()

    def _read(self, prompt: str) -> str:
        """One line; EOFError at the end of input (the run stops, all saved)."""
        out = self._out or sys.stdout
        out.write(for_terminal(prompt, lines=False))
        out.flush()
        source = self._in or sys.stdin
        line = source.readline()
        if not line:
            out.write("\n")
            raise EOFError
        typed = line.rstrip("\r\n")
        if not source.isatty():  # nothing echoed it: the transcript shows what was typed
            out.write(for_terminal(typed, lines=False) + "\n")
        return typed

    # -- prompts -----------------------------------------------------------------------------
    def text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Validate | None = None,
        instruction: str | None = None,
        qmark: str = "?",
        commands: bool = False,
    ) -> str:
        """Enter alone keeps `default`; anything typed replaces it (a `:command` too)."""
        if self._command and message == "command":
            typed, self._command = self._command, ""
            verdict = validate(typed) if validate is not None else True
            if verdict is True:
                return typed
            self.say(f"  {verdict}")
            return ":"  # no command: the list is asked again
        label = f"{message} {instruction}" if instruction else message
        kept = f" [{default}]" if default and "\n" not in default else ""
        prompt = f"{label}{kept}: " if label else f"{qmark.strip() or '>'} "
        while True:
            typed = self._read(prompt)
            answer = typed if typed else default
            verdict = validate(answer) if validate is not None else True
            if verdict is True:
                return answer
            self.say(f"  {verdict}")

    def select(
        self,
        message: str,
        choices: Sequence[Choice | Separator],
        *,
        default: Any = None,
        command_key: bool = False,
    ) -> Any:
        options = self._list(message, choices, default=default)
        default_number = next((n for n, c in options if c.value == default), None)
        hint = f" [{default_number}]" if default_number is not None else ""
        while True:
            typed = self._read(_("Number or text{hint}: ").format(hint=hint)).strip()
            if not typed and default_number is not None:
                return default
            if command_key and typed.startswith(":") and not typed.startswith("::"):
                self._command = typed
                return COMMAND_KEY
            found = _match(typed.removeprefix(":") if typed.startswith("::") else typed, options)
            if found is not None:
                return found.value
            self.say(
                "  "
                + _("Type a number from 1 to {last}, or the option's text.").format(
                    last=len(options)
                )
            )

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice | Separator],
        *,
        validate: Callable[[list[Any]], bool | str] | None = None,
        command_key: bool = False,
    ) -> Any:
        options = self._list(message, choices, ticks=True)
        ticked = [c.value for _, c in options if c.checked]
        while True:
            typed = self._read(_("Numbers or texts, separated by commas (Enter keeps [x]): "))
            typed = typed.strip()
            if command_key and typed.startswith(":") and not typed.startswith("::"):
                self._command = typed
                return COMMAND_KEY
            picked = ticked if not typed else _match_all(typed, options)
            if picked is None:
                self.say(
                    "  "
                    + _("Type numbers from 1 to {last}, or the options' texts.").format(
                        last=len(options)
                    )
                )
                continue
            verdict = validate(picked) if validate is not None else True
            if verdict is True:
                return picked
            self.say(f"  {verdict}")

    def confirm(
        self,
        message: str,
        *,
        default: bool = True,
        instruction: str | None = None,
        command_key: bool = False,
        enter: bool = False,
    ) -> Any:
        shown = instruction or (_("(Y/n)") if default else _("(y/N)"))
        while True:
            typed = self._read(f"{message} {shown} ").strip()
            if not typed:
                return ENTER_KEY if enter else default
            if command_key and typed.startswith(":"):
                self._command = typed
                return COMMAND_KEY
            if typed.casefold() in YES:
                return True
            if typed.casefold() in NO:
                return False
            self.say("  " + _("Type y or n."))

    def _list(
        self,
        message: str,
        choices: Sequence[Choice | Separator],
        default: Any = None,
        ticks: bool = False,
    ) -> list[tuple[int, Choice]]:
        """Print the message and the numbered options once; the options with their numbers."""
        self.say(message)
        options: list[tuple[int, Choice]] = []
        for choice in choices:
            if isinstance(choice, Separator):
                self.say(f"  {str(choice.line).strip()}")
                continue
            options.append((len(options) + 1, choice))
            box = ("[x] " if choice.checked else "[ ] ") if ticks else ""
            current = not ticks and default is not None and choice.value == default
            mark = " (current)" if current else ""
            self.say(f"  {len(options)}. {box}{_title(choice)}{mark}")
        return options


def _title(choice: Choice) -> str:
    title = choice.title
    if isinstance(title, str):
        return title
    return "".join(part[1] for part in title or [])  # questionary's (style, text) pairs


def _value(choice: Choice) -> str | None:
    return choice.value.casefold() if isinstance(choice.value, str) else None


def _match(typed: str, options: list[tuple[int, Choice]]) -> Choice | None:
    if typed.isdigit():
        number = int(typed)
        return next((c for n, c in options if n == number), None)
    wanted = " ".join(typed.split()).casefold()
    if not wanted:
        return None
    # The text shown, or the id behind it: a role reads "Email operations", "email-ops" is
    # what a consultant types in `--interviewee Ana:email-ops`.
    exact = [c for _, c in options if wanted in (_title(c).casefold(), _value(c))]
    if exact:
        return exact[0]
    starts = [c for _, c in options if _title(c).casefold().startswith(wanted)]
    return starts[0] if len(starts) == 1 else None


def _match_all(typed: str, options: list[tuple[int, Choice]]) -> list[Any] | None:
    picked: list[Any] = []
    for part in typed.split(","):
        found = _match(part.strip(), options)
        if found is None:
            return None
        if found.value not in picked:
            picked.append(found.value)
    order = [c.value for _, c in options]
    return sorted(picked, key=order.index)
