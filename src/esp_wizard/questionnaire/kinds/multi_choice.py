"""multi_choice: several options of a list, within optional counts, stored in list order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.expression import NameType
from esp_wizard.questionnaire.kinds.base import OTHER, AnswerError, Found, Kind, Loc
from esp_wizard.questionnaire.kinds.options import (
    OptionsQuestion,
    option_problems,
    options_name_type,
)


class MultiChoiceQuestion(OptionsQuestion):
    type: Literal["multi_choice"]
    min_selected: Annotated[int, Field(ge=0)] | None = None
    max_selected: Annotated[int, Field(ge=1)] | None = None


class MultiChoiceKind(Kind[MultiChoiceQuestion]):
    type = "multi_choice"
    model = MultiChoiceQuestion
    condition_kind = "list"
    stored = N_("a list of option values")

    def fits(self, value: Any) -> bool:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    def name_type(self, question: MultiChoiceQuestion) -> NameType:
        return options_name_type(question, "list")

    def problems(self, question: MultiChoiceQuestion, loc: Loc) -> Iterator[Found]:
        yield from option_problems(question, loc)
        low, high, available = question.min_selected, question.max_selected, len(question.values)
        if low is not None and high is not None and low > high:
            message = _("min_selected ({low}) is greater than max_selected ({high})")
            message = message.format(low=low, high=high)
            yield (*loc, "min_selected"), message
        if low is not None and low > available:
            message = _("min_selected ({low}) exceeds the {count} options")
            yield (*loc, "min_selected"), message.format(low=low, count=available)

    def validate(self, question: MultiChoiceQuestion, value: Any, other: str = "") -> list[str]:
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise AnswerError(_("Pick options from the list."))
        unknown = [v for v in value if v not in question.values]
        if unknown:
            raise AnswerError(_("Not an option: {values}.").format(values=", ".join(unknown)))
        chosen = [v for v in question.values if v in value]  # the questionnaire's order, once
        low, high = question.min_selected, question.max_selected
        if low is not None and len(chosen) < low:
            raise AnswerError(
                _("Pick at least {low} (now {count}).").format(low=low, count=len(chosen))
            )
        if high is not None and len(chosen) > high:
            raise AnswerError(
                _("Pick at most {high} (now {count}).").format(high=high, count=len(chosen))
            )
        if OTHER in chosen and question.other and not other.strip():
            raise AnswerError(_("Say what “Other” is."))
        return chosen

    def display(
        self, question: MultiChoiceQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return ", ".join(question.label_of(v, other) for v in value)

    def canonical(self, question: MultiChoiceQuestion, value: Any) -> tuple[str, Any]:
        return ("options", tuple(sorted(value)))

    def keeps_other(self, question: MultiChoiceQuestion, value: Any) -> bool:
        return OTHER in value
