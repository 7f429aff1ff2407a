"""text: one line of free text, optionally limited in length or held to a pattern."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field

from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds.base import AnswerError, Found, Kind, Loc, QuestionBase
from esp_wizard.questionnaire.patterns import PatternTimeout, fullmatch, pattern_problem


class TextQuestion(QuestionBase):
    type: Literal["text"]
    max_length: Annotated[int, Field(ge=1)] | None = None
    pattern: str | None = None
    placeholder: str = ""


def check_text(value: Any, max_length: int | None) -> str:
    """Text, within `max_length`: shared by text and long_text."""
    if not isinstance(value, str):
        raise AnswerError(_("Type the answer as text."))
    if max_length is not None and len(value) > max_length:
        raise AnswerError(
            _("Keep it to {limit} characters (now {count}).").format(
                limit=max_length, count=len(value)
            )
        )
    return value


class TextKind(Kind[TextQuestion]):
    type = "text"
    model = TextQuestion
    condition_kind = "string"
    in_inventory = True

    def problems(self, question: TextQuestion, loc: Loc) -> Iterator[Found]:
        if question.pattern is not None and (problem := pattern_problem(question.pattern)):
            yield (*loc, "pattern"), problem

    def validate(self, question: TextQuestion, value: Any, other: str = "") -> str:
        text = check_text(value, question.max_length)
        if question.pattern and text and not _matches(question.pattern, text):
            if question.placeholder:
                message = _("This does not have the expected form (e.g. {example}).")
                raise AnswerError(message.format(example=question.placeholder))
            if question.help:
                message = _("This does not have the expected form: {help}.")
                raise AnswerError(message.format(help=" ".join(question.help.split())))
            raise AnswerError(_("This does not have the expected form."))
        return text


def _matches(pattern: str, text: str) -> bool:
    """With a time limit: a questionnaire's pattern never hangs the interview."""
    try:
        return fullmatch(pattern, text)
    except PatternTimeout as error:
        message = _("This answer cannot be checked against its pattern ({reason}).")
        raise AnswerError(message.format(reason=error)) from None
