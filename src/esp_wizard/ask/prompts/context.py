"""What a question's prompt needs besides the question: the prompter, the current answer,
the specials offered, and (for inventories) a way to save rows as they are given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from questionary import Choice, Separator

from esp_wizard.ask.prompter import COMMAND_KEY, Prompter
from esp_wizard.ask.specials import LEAVE_ROW, Special, UnknownCommand, find
from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds import Question
from esp_wizard.questionnaire.kinds.base import AnswerError


def _plain(_question: Question, value: Any) -> str:
    return str(value)


@dataclass(frozen=True)
class AskContext:
    prompter: Prompter
    specials: tuple[Special, ...] = ()  # none inside an inventory row
    value: Any = None  # the stored value (an answered question's, or a row field's)
    other: str = ""
    display: Callable[[Any, Any], str] = _plain  # a value as a person reads it
    commit: Callable[[Any], None] | None = None  # inventory: record and save rows now
    in_row: bool = False  # asking one field of an inventory row

    def for_field(self, value: Any) -> AskContext:
        """A row's field: the one command there is `:back`, which leaves the row."""
        return replace(self, specials=(LEAVE_ROW,), value=value, other="", commit=None, in_row=True)

    def command(self) -> Special | None:
        """After `:` in a list or yes/no prompt: the rest of the command, None to go back."""

        def check(text: str) -> None:
            code = text.strip().removeprefix(":")
            if code:
                find(code, self.specials)

        typed = self.prompter.text(_("command"), default=":", validate=checked(check), qmark=" ")
        code = typed.strip().removeprefix(":")
        return find(code, self.specials) if code else None

    def pick(self, message: str, choices: Sequence[Choice | Separator], default: Any = None) -> Any:
        """A select with the specials after the choices: the chosen value, or a Special."""
        while True:
            picked = self.prompter.select(
                message,
                [*choices, *special_choices(self.specials)],
                default=default,
                command_key=bool(self.specials),
            )
            if picked is not COMMAND_KEY:
                return picked
            if (special := self.command()) is not None:
                return special


def special_choices(specials: tuple[Special, ...]) -> list[Choice | Separator]:
    if not specials:
        return []
    return [
        Separator("  " + _("-- or --")),
        *(Choice(f"{_(s.label)} ({s.typed})", value=s) for s in specials),
    ]


def checked(check: Callable[[str], Any]) -> Callable[[str], bool | str]:
    """A questionary validator from a core check that raises AnswerError."""

    def validate(text: str) -> bool | str:
        try:
            check(text)
        except (AnswerError, UnknownCommand) as error:
            return str(error)
        return True

    return validate
