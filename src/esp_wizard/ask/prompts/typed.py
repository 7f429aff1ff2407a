"""text, number and date: typed on one line, checked by the core before it is accepted.

A rejected answer stays in the prompt with the core's message below it, to be corrected.
The stored answer is typed in for editing; emptying it clears the answer. Each type only
says what form the answer takes (`hint`, shown after the question).
"""

from __future__ import annotations

from typing import Any

from esp_wizard import i18n
from esp_wizard.ask.prompts.context import AskContext, checked
from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.replies import Answered, Reply
from esp_wizard.ask.specials import Special, read_typed
from esp_wizard.i18n import _
from esp_wizard.questionnaire.kinds import parse_text, validate
from esp_wizard.questionnaire.kinds.base import AnswerError, plain_number
from esp_wizard.questionnaire.kinds.date import DateQuestion
from esp_wizard.questionnaire.kinds.number import NumberQuestion
from esp_wizard.questionnaire.kinds.text import TextQuestion


class TypedPrompt:
    def ask(self, question: Any, ctx: AskContext) -> Reply:
        typed = ctx.prompter.text(
            question.text,
            default="" if ctx.value is None else str(ctx.value),
            instruction=self.hint(question),
            validate=checked(lambda text: check_typed(question, ctx, text)),
            commands=bool(ctx.specials),
        )
        reply = read_typed(typed, ctx.specials)
        if isinstance(reply, Special):
            return reply
        if not reply.strip():
            return Answered("")
        return Answered(parse_text(question, reply))

    def hint(self, question: Any) -> str | None:
        """What form the answer takes, shown after the question."""
        return None


def check_typed(question: Any, ctx: AskContext, text: str) -> None:
    """Raise AnswerError (or UnknownCommand) unless `text` may be submitted."""
    reply = read_typed(text, ctx.specials)
    if isinstance(reply, Special):
        return
    if not reply.strip():
        if ctx.in_row and question.required:
            raise AnswerError(_("{text}: required.").format(text=question.text))
        return
    validate(question, parse_text(question, reply))


@asks("text")
class TextPrompt(TypedPrompt):
    def hint(self, question: TextQuestion) -> str | None:
        return f"(e.g. {question.placeholder})" if question.placeholder else None


@asks("number")
class NumberPrompt(TypedPrompt):
    def hint(self, question: NumberQuestion) -> str | None:
        parts = [question.unit] if question.unit else []
        if question.min is not None or question.max is not None:
            low = "" if question.min is None else plain_number(question.min)
            high = "" if question.max is None else plain_number(question.max)
            parts.append(f"{low}…{high}")
        return f"({', '.join(parts)})" if parts else None


@asks("date")
class DatePrompt(TypedPrompt):
    def hint(self, question: DateQuestion) -> str | None:
        low = i18n.short_date(question.min) if question.min else ""
        high = i18n.short_date(question.max) if question.max else ""
        span = f", {low}…{high}" if low or high else ""
        return f"({i18n.date_hint()}{span})"
