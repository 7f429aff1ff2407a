"""date: a calendar date, typed as ISO YYYY-MM-DD, within optional bounds."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from esp_wizard.questionnaire.kinds.base import AnswerError, Found, Kind, Loc, QuestionBase
from esp_wizard.questionnaire.kinds.number import bounds_problems

_FORM = "Enter a date as YYYY-MM-DD, e.g. 2026-03-31."


class DateQuestion(QuestionBase):
    type: Literal["date"]
    min: dt.date | None = None
    max: dt.date | None = None


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise AnswerError(_FORM) from None


class DateKind(Kind[DateQuestion]):
    type = "date"
    model = DateQuestion
    condition_kind = "date"
    stored = "a date"

    def fits(self, value: Any) -> bool:
        return isinstance(value, dt.date)

    def problems(self, question: DateQuestion, loc: Loc) -> Iterator[Found]:
        return bounds_problems(question.min, question.max, loc)

    def parse(self, question: DateQuestion, text: str) -> dt.date:
        return parse_date(text)

    def validate(self, question: DateQuestion, value: Any, other: str = "") -> dt.date:
        if isinstance(value, str):
            value = parse_date(value)
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            raise AnswerError(_FORM)
        if question.min is not None and value < question.min:
            raise AnswerError(f"Enter a date on or after {question.min.isoformat()}.")
        if question.max is not None and value > question.max:
            raise AnswerError(f"Enter a date on or before {question.max.isoformat()}.")
        return value

    def display(
        self, question: DateQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    def canonical(self, question: DateQuestion, value: Any) -> tuple[str, Any] | None:
        return ("date", value.isoformat()) if isinstance(value, dt.date) else None
