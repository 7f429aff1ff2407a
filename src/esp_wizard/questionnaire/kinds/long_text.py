"""long_text: several lines of free text, optionally limited in length."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from esp_wizard.questionnaire.kinds.base import Kind, QuestionBase
from esp_wizard.questionnaire.kinds.text import check_text


class LongTextQuestion(QuestionBase):
    type: Literal["long_text"]
    max_length: Annotated[int, Field(ge=1)] | None = None


class LongTextKind(Kind[LongTextQuestion]):
    type = "long_text"
    model = LongTextQuestion
    condition_kind = "string"
    in_inventory = True

    def validate(self, question: LongTextQuestion, value: Any, other: str = "") -> str:
        return check_text(value, question.max_length)
