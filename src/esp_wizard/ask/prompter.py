"""questionary behind one small API: text, select, checkbox, confirm, and plain lines.

Every prompt is asked with `unsafe_ask`, so ctrl+c raises KeyboardInterrupt (and a closed
input EOFError) for the command to turn into "saved; resume with …" instead of questionary
printing "Cancelled" and returning None. With NO_COLOR set, questionary's styling is
switched off entirely (prompt_toolkit then also drops colours on its own).

Selects, checkboxes and yes/no prompts take no typing, so `:` (the start of every special
answer) ends them with `COMMAND_KEY`; the caller then asks for the rest of the command in a
text prompt that already holds the colon, so typing `:dk` works at every prompt alike.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import questionary
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.styles import Style
from questionary import Choice, Separator

from esp_wizard import i18n
from esp_wizard.i18n import _
from esp_wizard.safetext import for_terminal

Validate = Callable[[str], bool | str]
QUESTIONARY_CLASSES = (
    "qmark",
    "question",
    "question-mark",
    "answer",
    "pointer",
    "highlighted",
    "selected",
    "separator",
    "instruction",
    "text",
    "disabled",
    "description",
    "validation-toolbar",
    "search_success",
    "search_none",
    "aborting",
)
PLAIN_STYLE = Style([(name, "noinherit") for name in QUESTIONARY_CLASSES])


class Marker:
    """A value no answer can take (questionary needs a non-None value for every choice)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


COMMAND_KEY = Marker("COMMAND_KEY")  # `:` pressed where typing is not possible
ENTER_KEY = Marker("ENTER_KEY")  # Enter on a yes/no prompt before y or n


def colour_wanted(env: Mapping[str, str] = os.environ) -> bool:
    """NO_COLOR (any non-empty value, see no-color.org) turns all styling off."""
    return not env.get("NO_COLOR")


class Prompter:
    """Asks with questionary and prints plain lines; one per interview."""

    def __init__(self, colour: bool | None = None) -> None:
        self.colour = colour_wanted() if colour is None else colour
        self.style: Style | None = None if self.colour else PLAIN_STYLE

    def say(self, text: str = "") -> None:
        """A plain line: no markup, so pipes, logs and screen readers get it as written;
        escapes and bidi controls from session text are shown escaped, never obeyed."""
        print(for_terminal(text), flush=True)

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
        """With `commands`, a `:` typed over the untouched stored answer replaces it, so a
        special answer never needs the prefilled text erased first."""
        question = questionary.text(
            for_terminal(f"{message} {instruction}" if instruction else message),
            default=default,
            validate=validate,
            qmark=qmark,
            style=self.style,
            validate_while_typing=False,
        )
        keys = KeyBindings()
        if commands and default:
            keys.add(":")(lambda event: _colon_over(event.current_buffer, default))
        return _ask(question, False, keys)

    def select(
        self,
        message: str,
        choices: Sequence[Choice | Separator],
        *,
        default: Any = None,
        command_key: bool = False,
    ) -> Any:
        values = [c.value for c in choices if isinstance(c, Choice)]
        question = questionary.select(
            for_terminal(message),
            choices=_safe(choices),
            default=default if default in values else None,
            style=self.style,
        )
        return _ask(question, command_key)

    def checkbox(
        self,
        message: str,
        choices: Sequence[Choice | Separator],
        *,
        validate: Callable[[list[Any]], bool | str] | None = None,
        command_key: bool = False,
    ) -> Any:
        """The ticked values, or COMMAND_KEY."""
        question = questionary.checkbox(
            for_terminal(message),
            choices=_safe(choices),
            validate=validate or (lambda _values: True),
            style=self.style,
        )
        return _ask(question, command_key)

    def confirm(
        self,
        message: str,
        *,
        default: bool = True,
        instruction: str | None = None,
        command_key: bool = False,
        enter: bool = False,
    ) -> Any:
        """True or False; COMMAND_KEY; with `enter`, ENTER_KEY when Enter comes first."""
        shown = instruction or (_("(Y/n)") if default else _("(y/N)"))
        if i18n.current() != "en" and not (enter or command_key):
            return self._confirm_word(message, default, shown)
        question = questionary.confirm(
            for_terminal(message), default=default, instruction=shown + " ", style=self.style
        )
        keys = KeyBindings()
        for key in "oO":  # "oui": French yes, whatever the language (y works too)
            keys.add(key, eager=True)(lambda event: event.app.exit(result=True))
        if enter:
            keys.add(Keys.ControlM, eager=True)(lambda event: event.app.exit(result=ENTER_KEY))
        return _ask(question, command_key, keys)

    def _confirm_word(self, message: str, default: bool, shown: str) -> bool:
        """ "oui", "o", "non", "yes"… and Enter: the whole word stays in this prompt (a single
        key would answer at "o" and type "ui" into whatever comes next)."""
        refused = _("Answer y or n.")
        typed = self.text(
            message,
            instruction=shown,
            validate=lambda text: not text.strip() or i18n.yes_no_word(text) is not None or refused,
        )
        answer = i18n.yes_no_word(typed)
        return default if answer is None else answer


def _safe(choices: Sequence[Choice | Separator]) -> list[Choice | Separator]:
    """Option labels and inventory rows come from files: shown escaped, never obeyed."""
    for choice in choices:
        if isinstance(choice, Choice) and isinstance(choice.title, str):
            choice.title = for_terminal(choice.title, lines=False)
    return list(choices)


def _colon_over(buffer: Buffer, default: str) -> None:
    if buffer.text == default:
        buffer.text = ""
    buffer.insert_text(":")


def _ask(question: questionary.Question, command_key: bool, keys: KeyBindings | None = None) -> Any:
    keys = keys or KeyBindings()
    if command_key:
        keys.add(":", eager=True)(lambda event: event.app.exit(result=COMMAND_KEY))
    if keys.bindings:
        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings or KeyBindings(), keys])
    return question.unsafe_ask()
