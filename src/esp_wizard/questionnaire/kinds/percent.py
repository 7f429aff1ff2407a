"""percent: a share from 0 to 100, decimals allowed ("37,5 %" typed or shown in French).

Conditions see it as a number (`bounce_rate > 2.5`); it is shown with its sign, and typed
with or without it.
"""

from __future__ import annotations

from typing import Any, Literal

from esp_wizard import i18n
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds.base import (
    AnswerError,
    Kind,
    QuestionBase,
    is_number,
    number_text,
)
from esp_wizard.questionnaire.kinds.number import check_number, parse_number

LOW, HIGH = 0, 100


class PercentQuestion(QuestionBase):
    type: Literal["percent"]


class PercentKind(Kind[PercentQuestion]):
    type = "percent"
    model = PercentQuestion
    condition_kind = "number"
    in_inventory = True
    stored = N_("a number")

    def fits(self, value: Any) -> bool:
        return is_number(value)

    def parse(self, question: PercentQuestion, text: str) -> int | float:
        return parse_number(text.strip().removesuffix("%"), _problem())

    def validate(self, question: PercentQuestion, value: Any, other: str = "") -> int | float:
        if isinstance(value, str):
            value = self.parse(question, value)
        number = check_number(value, _problem())
        if not LOW <= number <= HIGH:
            raise AnswerError(_problem())
        return number

    def display(
        self, question: PercentQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return f"{number_text(value, language)} %"

    def canonical(self, question: PercentQuestion, value: Any) -> tuple[str, Any]:
        return ("number", float(value))


def _problem() -> str:
    """The range and an example with the decimal mark of the language in use (37,5 in French)."""
    message = _("Enter a percentage from {low} to {high} (e.g. {example}).")
    return message.format(low=LOW, high=HIGH, example=i18n.decimal(37.5))
