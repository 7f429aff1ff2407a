"""One prompt per question type: the one place that knows how to ask it in plain prompts.

In the spirit of Harlequin's option types, the registry is keyed by the questionnaire's
`type`; the TUI keeps its widgets the same way, so each mode has exactly one place per type.
A prompt returns what was given (replies.Reply); it never records or saves anything itself,
except an inventory, which saves each row through `ctx.commit` as soon as it is complete.
"""

from __future__ import annotations

from typing import Any, Protocol

from esp_wizard.ask.prompts.context import AskContext
from esp_wizard.ask.prompts.inventory import InventoryPrompt
from esp_wizard.ask.prompts.long_text import LongTextPrompt
from esp_wizard.ask.prompts.options import ChoicePrompt, MultiChoicePrompt, ScalePrompt
from esp_wizard.ask.prompts.simple import NotePrompt, YesNoPrompt
from esp_wizard.ask.prompts.typed import TypedPrompt
from esp_wizard.ask.replies import Reply


class QuestionPrompt(Protocol):
    def ask(self, question: Any, ctx: AskContext) -> Reply: ...


PROMPTS: dict[str, QuestionPrompt] = {
    "text": TypedPrompt(),
    "number": TypedPrompt(),
    "date": TypedPrompt(),
    "long_text": LongTextPrompt(),
    "choice": ChoicePrompt(),
    "multi_choice": MultiChoicePrompt(),
    "scale": ScalePrompt(),
    "yes_no": YesNoPrompt(),
    "inventory": InventoryPrompt(),
    "note": NotePrompt(),
}


def prompt_for(question: Any) -> QuestionPrompt:
    return PROMPTS[question.type]


__all__ = ["PROMPTS", "AskContext", "QuestionPrompt", "prompt_for"]
