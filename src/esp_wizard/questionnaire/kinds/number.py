"""number: a number typed as people write it ("1 200,5"), within optional bounds and unit."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any, Literal

from esp_wizard import i18n
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds.base import (
    AnswerError,
    Found,
    Kind,
    Loc,
    QuestionBase,
    is_number,
    number_text,
)

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class NumberQuestion(QuestionBase):
    type: Literal["number"]
    min: int | float | None = None
    max: int | float | None = None
    integer: bool = False
    unit: str = ""


def parse_number(text: str, problem: str) -> int | float:
    """`1 200,5`, `1200.5`, `3e3`: spaces and a decimal comma are accepted."""
    cleaned = text.strip()
    for space in ("\u202f", "\xa0", " "):
        cleaned = cleaned.replace(space, "")
    cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise AnswerError(problem)
    number = float(cleaned)
    if number.is_integer() and "." not in cleaned and "e" not in cleaned.lower():
        return int(cleaned)
    return number


def check_number(value: Any, problem: str) -> int | float:
    """A finite int or float (a bool is not a number here)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise AnswerError(problem)
    return value


def bounds_problems(low: Any, high: Any, loc: Loc) -> Iterator[Found]:
    """min above max: shared by number, scale and date."""
    if low is not None and high is not None and low > high:
        message = _("min ({low}) is greater than max ({high})")
        yield (*loc, "min"), message.format(low=low, high=high)


class NumberKind(Kind[NumberQuestion]):
    type = "number"
    model = NumberQuestion
    condition_kind = "number"
    in_inventory = True
    stored = N_("a number")

    def fits(self, value: Any) -> bool:
        return is_number(value)

    def problems(self, question: NumberQuestion, loc: Loc) -> Iterator[Found]:
        return bounds_problems(question.min, question.max, loc)

    def parse(self, question: NumberQuestion, text: str) -> int | float:
        return parse_number(text, _problem(question))

    def validate(self, question: NumberQuestion, value: Any, other: str = "") -> int | float:
        problem = _problem(question)
        if isinstance(value, str):
            value = parse_number(value, problem)
        number = check_number(value, problem)
        if question.integer:
            if not float(number).is_integer():
                raise AnswerError(_problem(question, whole=True))
            number = int(number)
        if (question.min is not None and number < question.min) or (
            question.max is not None and number > question.max
        ):
            raise AnswerError(problem)
        return number

    def display(
        self, question: NumberQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        number = number_text(value, language)
        return f"{number} {question.unit}" if question.unit and not terse else number

    def canonical(self, question: NumberQuestion, value: Any) -> tuple[str, Any]:
        return ("number", float(value))


# What to type, by the bounds a question has (a whole sentence each, for the translator).
_ENTER = {
    (False, "range"): N_("Enter a number from {low} to {high}."),
    (False, "low"): N_("Enter a number of at least {low}."),
    (False, "high"): N_("Enter a number of at most {high}."),
    (False, "unit"): N_("Enter a number ({unit})."),
    (False, ""): N_("Enter a number."),
    (True, "range"): N_("Enter a whole number from {low} to {high}."),
    (True, "low"): N_("Enter a whole number of at least {low}."),
    (True, "high"): N_("Enter a whole number of at most {high}."),
    (True, "unit"): N_("Enter a whole number ({unit})."),
    (True, ""): N_("Enter a whole number."),
}


def _problem(question: NumberQuestion, whole: bool = False) -> str:
    """ "Enter a number from 0 to 168 hours/week.": the last bound carries the unit."""
    low, high, unit = question.min, question.max, question.unit

    def bound(value: float | None, last: bool) -> str:
        text = "" if value is None else number_text(value, i18n.current())
        return f"{text} {unit}" if last and unit else text

    if low is not None and high is not None:
        shape = "range"
    elif low is not None:
        shape = "low"
    elif high is not None:
        shape = "high"
    else:
        shape = "unit" if unit else ""
    return _(_ENTER[whole, shape]).format(
        low=bound(low, high is None), high=bound(high, True), unit=unit
    )
