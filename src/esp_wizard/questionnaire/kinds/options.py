"""What choice and multi_choice share: a list of options, "other" optionally offered."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from esp_wizard.i18n import _
from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds.base import OTHER, Found, Loc, Option, QuestionBase


class OptionsQuestion(QuestionBase):
    options: Annotated[list[Option], Field(min_length=1)]
    other: bool = False

    @property
    def values(self) -> list[str]:
        """Every value an answer may hold, "other" included when it is offered."""
        values = [o.value for o in self.options]
        return [*values, OTHER] if self.other and OTHER not in values else values

    def label_of(self, value: str, other_text: str = "") -> str:
        for option in self.options:
            if option.value == value:
                return option.label
        if value == OTHER:
            return other_text or _("Other")
        return value


def options_name_type(question: OptionsQuestion, kind: str) -> NameType:
    label = f"{question.type} question {question.id}"
    return NameType(kind=kind, options=tuple(question.values), label=label)


def option_problems(question: OptionsQuestion, loc: Loc) -> Iterator[Found]:
    seen: set[str] = set()
    for o_i, option in enumerate(question.options):
        if option.value in seen:
            message = _("'{value}' is listed twice").format(value=option.value)
            yield (*loc, "options", o_i, "value"), message
        elif option.value == OTHER and question.other:
            message = _("'other' is the value of other = true; drop this option or other = true")
            yield (*loc, "options", o_i, "value"), message
        seen.add(option.value)
