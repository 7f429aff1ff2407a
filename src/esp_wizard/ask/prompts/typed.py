"""text, number and date: typed on one line, checked by the core before it is accepted.

A rejected answer stays in the prompt with the core's message below it, to be corrected.
The stored answer is typed in for editing; emptying it clears the answer.
"""

from __future__ import annotations

from typing import Any

from esp_wizard.ask.prompts.context import AskContext, checked
from esp_wizard.ask.replies import Answered, Reply
from esp_wizard.ask.specials import Special, read_typed
from esp_wizard.questionnaire import model as m
from esp_wizard.session.validation import AnswerError, parse_text, validate

TypedQuestion = m.TextQuestion | m.NumberQuestion | m.DateQuestion


class TypedPrompt:
    def ask(self, question: TypedQuestion, ctx: AskContext) -> Reply:
        typed = ctx.prompter.text(
            question.text,
            default="" if ctx.value is None else str(ctx.value),
            instruction=hint(question),
            validate=checked(lambda text: check_typed(question, ctx, text)),
            commands=bool(ctx.specials),
        )
        reply = read_typed(typed, ctx.specials)
        if isinstance(reply, Special):
            return reply
        if not reply.strip():
            return Answered("")
        return Answered(parse_text(question, reply))


def check_typed(question: Any, ctx: AskContext, text: str) -> None:
    """Raise AnswerError (or UnknownCommand) unless `text` may be submitted."""
    reply = read_typed(text, ctx.specials)
    if isinstance(reply, Special):
        return
    if not reply.strip():
        if ctx.in_row and question.required:
            raise AnswerError(f"{question.text}: required.")
        return
    validate(question, parse_text(question, reply))


def hint(question: Any) -> str | None:
    """What form the answer takes, shown after the question."""
    if isinstance(question, m.NumberQuestion):
        parts = [question.unit] if question.unit else []
        if question.min is not None or question.max is not None:
            low = "" if question.min is None else _number(question.min)
            high = "" if question.max is None else _number(question.max)
            parts.append(f"{low}…{high}")
        return f"({', '.join(parts)})" if parts else None
    if isinstance(question, m.DateQuestion):
        low = question.min.isoformat() if question.min else ""
        high = question.max.isoformat() if question.max else ""
        span = f", {low}…{high}" if low or high else ""
        return f"(YYYY-MM-DD{span})"
    if isinstance(question, m.TextQuestion) and question.placeholder:
        return f"(e.g. {question.placeholder})"
    return None


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
