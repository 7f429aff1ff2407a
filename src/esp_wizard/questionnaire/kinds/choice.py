"""choice: one option of a list, "Other" with its own text when the question offers it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds.base import OTHER, AnswerError, Found, Kind, Loc
from esp_wizard.questionnaire.kinds.options import (
    OptionsQuestion,
    option_problems,
    options_name_type,
)


class ChoiceQuestion(OptionsQuestion):
    type: Literal["choice"]


class ChoiceKind(Kind[ChoiceQuestion]):
    type = "choice"
    model = ChoiceQuestion
    condition_kind = "string"
    in_inventory = True
    stored = N_("one option's value (text)")

    def name_type(self, question: ChoiceQuestion) -> NameType:
        return options_name_type(question, "string")

    def problems(self, question: ChoiceQuestion, loc: Loc) -> Iterator[Found]:
        return option_problems(question, loc)

    def validate(self, question: ChoiceQuestion, value: Any, other: str = "") -> str:
        if not isinstance(value, str) or value not in question.values:
            raise AnswerError(_("Pick one of the options."))
        if value == OTHER and question.other and not other.strip():
            raise AnswerError(_("Say what “Other” is."))
        return value

    def display(
        self, question: ChoiceQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return question.label_of(str(value), other)

    def canonical(self, question: ChoiceQuestion, value: Any) -> tuple[str, Any]:
        return ("option", value)

    def keeps_other(self, question: ChoiceQuestion, value: Any) -> bool:
        return bool(value == OTHER)
