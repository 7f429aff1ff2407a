"""ask's one registry of prompts, keyed by question type, filled where each prompt is defined.

`@asks("number")` on a prompt class registers one instance of it; `ask/prompts/__init__.py`
imports every prompt module, so importing the package fills `PROMPTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

from esp_wizard.ask.prompts.context import AskContext
from esp_wizard.ask.replies import Reply


class QuestionPrompt(Protocol):
    def ask(self, question: Any, ctx: AskContext) -> Reply: ...


P = TypeVar("P", bound=type)

PROMPTS: dict[str, QuestionPrompt] = {}


def asks(*types: str) -> Callable[[P], P]:
    """Class decorator: this prompt asks questions (and inventory fields) of these types."""

    def register(prompt: P) -> P:
        for name in types:
            if name in PROMPTS:
                raise TypeError(f"{name} already has {type(PROMPTS[name]).__name__}")
            PROMPTS[name] = prompt()
        return prompt

    return register


def prompt_for(question: Any) -> QuestionPrompt:
    return PROMPTS[question.type]
