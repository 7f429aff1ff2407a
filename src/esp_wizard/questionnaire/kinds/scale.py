"""scale: a whole point from min to max (1-5 by default), each point optionally labelled."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field

from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.kinds.base import (
    AnswerError,
    Found,
    Kind,
    Loc,
    QuestionBase,
    number_text,
)
from esp_wizard.questionnaire.kinds.number import bounds_problems


class ScaleQuestion(QuestionBase):
    type: Literal["scale"]
    min: int = 1
    max: int = 5
    labels: dict[str, str] = Field(default_factory=lambda: {})  # not `dict`: see base.tags

    def label_for(self, point: int) -> str:
        return self.labels.get(str(point), "")


class ScaleKind(Kind[ScaleQuestion]):
    type = "scale"
    model = ScaleQuestion
    condition_kind = "number"
    stored = N_("a whole number")

    def fits(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def problems(self, question: ScaleQuestion, loc: Loc) -> Iterator[Found]:
        yield from bounds_problems(question.min, question.max, loc)
        for point in question.labels:
            if not point.lstrip("-").isdigit() or not question.min <= int(point) <= question.max:
                message = _("'{point}' is not a point of the scale ({low}-{high})")
                message = message.format(point=point, low=question.min, high=question.max)
                yield (*loc, "labels", point), message

    def parse(self, question: ScaleQuestion, text: str) -> int:
        if not re.fullmatch(r"-?\d+", text.strip()):
            raise AnswerError(_choose(question))
        return int(text.strip())

    def validate(self, question: ScaleQuestion, value: Any, other: str = "") -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(_choose(question))
        if not question.min <= value <= question.max:
            raise AnswerError(_choose(question))
        return value

    def display(
        self, question: ScaleQuestion, value: Any, other: str, language: str, terse: bool
    ) -> str:
        if terse:
            return number_text(value, language)
        label = question.label_for(value)
        return f"{value} ({label})" if label else str(value)

    def canonical(self, question: ScaleQuestion, value: Any) -> tuple[str, Any]:
        return ("number", float(value))


def _choose(question: ScaleQuestion) -> str:
    return _("Choose a point from {low} to {high}.").format(low=question.min, high=question.max)
