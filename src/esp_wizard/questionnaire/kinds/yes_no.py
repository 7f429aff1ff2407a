"""yes_no: a yes or a no (typed y/n, o/oui in French, true/false, 1/0)."""

from __future__ import annotations

from typing import Any, Literal

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds.base import AnswerError, Kind, QuestionBase, yes_no_words

_YES = ("y", "yes", "o", "oui", "true", "1")
_NO = ("n", "no", "non", "false", "0")
_PROBLEM = N_("Answer yes or no (y / n).")


class YesNoQuestion(QuestionBase):
    type: Literal["yes_no"]


class YesNoKind(Kind[YesNoQuestion]):
    type = "yes_no"
    model = YesNoQuestion
    condition_kind = "bool"
    in_inventory = True
    stored = N_("true or false")

    def fits(self, value: Any) -> bool:
        return isinstance(value, bool)

    def parse(self, question: YesNoQuestion, text: str) -> bool:
        typed = text.strip().lower()
        if typed in _YES:
            return True
        if typed in _NO:
            return False
        raise AnswerError(_(_PROBLEM))

    def validate(self, question: YesNoQuestion, value: Any, other: str = "") -> bool:
        if not isinstance(value, bool):
            raise AnswerError(_(_PROBLEM))
        return value

    def display(
        self, question: YesNoQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        yes, no = yes_no_words(language)
        return yes if value else no

    def canonical(self, question: YesNoQuestion, value: Any) -> tuple[str, Any]:
        return ("bool", bool(value))
