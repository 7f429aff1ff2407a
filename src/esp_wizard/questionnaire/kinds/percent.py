"""percent: a share from 0 to 100, decimals allowed ("37,5 %" typed or shown in French).

Conditions see it as a number (`bounce_rate > 2.5`); it is shown with its sign, and typed
with or without it.
"""

from __future__ import annotations

from typing import Any, Literal

from esp_wizard.i18n import N_
from esp_wizard.questionnaire.kinds.base import (
    AnswerError,
    Kind,
    QuestionBase,
    is_number,
    number_text,
)
from esp_wizard.questionnaire.kinds.number import check_number, parse_number

LOW, HIGH = 0, 100
_PROBLEM = f"Enter a percentage from {LOW} to {HIGH} (e.g. 37.5)."


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
        return parse_number(text.strip().removesuffix("%"), _PROBLEM)

    def validate(self, question: PercentQuestion, value: Any, other: str = "") -> int | float:
        if isinstance(value, str):
            value = self.parse(question, value)
        number = check_number(value, _PROBLEM)
        if not LOW <= number <= HIGH:
            raise AnswerError(_PROBLEM)
        return number

    def display(
        self, question: PercentQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return f"{number_text(value, language)} %"

    def canonical(self, question: PercentQuestion, value: Any) -> tuple[str, Any]:
        return ("number", float(value))
