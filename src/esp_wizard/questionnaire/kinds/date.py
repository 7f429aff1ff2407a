"""date: a calendar date, typed as ISO YYYY-MM-DD (in French also JJ/MM/AAAA), within optional
bounds; shown as the questionnaire's language writes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from esp_wizard import i18n
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds.base import AnswerError, Found, Kind, Loc, QuestionBase
from esp_wizard.questionnaire.kinds.number import bounds_problems

_FORM = N_("Enter a date as {form}, e.g. {example}.")


def _form() -> str:
    example = i18n.short_date(dt.date(2026, 3, 31))
    return _(_FORM).format(form=i18n.date_hint(), example=example)


class DateQuestion(QuestionBase):
    type: Literal["date"]
    min: dt.date | None = None
    max: dt.date | None = None


def parse_date(text: str) -> dt.date:
    """ISO always; the local day/month/year too in the language in use (French)."""
    day = i18n.parse_date(text)
    if day is None:
        raise AnswerError(_form())
    return day


class DateKind(Kind[DateQuestion]):
    type = "date"
    model = DateQuestion
    condition_kind = "date"
    stored = N_("a date")

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
            raise AnswerError(_form())
        if question.min is not None and value < question.min:
            low = i18n.short_date(question.min)
            raise AnswerError(_("Enter a date on or after {date}.").format(date=low))
        if question.max is not None and value > question.max:
            high = i18n.short_date(question.max)
            raise AnswerError(_("Enter a date on or before {date}.").format(date=high))
        return value

    def display(
        self, question: DateQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        if not isinstance(value, dt.date):
            return str(value)
        with i18n.use(language):
            return i18n.short_date(value)

    def canonical(self, question: DateQuestion, value: Any) -> tuple[str, Any] | None:
        return ("date", value.isoformat()) if isinstance(value, dt.date) else None
