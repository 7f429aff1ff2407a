"""One prompt per question type: the one place that knows how to ask it in plain prompts.

In the spirit of Harlequin's option types, the registry is keyed by the questionnaire's
`type` and filled where each prompt is defined (`@asks(...)`, see registry.py); the TUI keeps
its widgets the same way. Importing this package imports every prompt module below, which
registers them: a new type needs its prompt module and one import line here.
A prompt returns what was given (replies.Reply); it never records or saves anything itself,
except an inventory, which saves each row through `ctx.commit` as soon as it is complete.
"""

from __future__ import annotations

from esp_wizard.ask.prompts import (  # noqa: F401  (imported to register their prompts)
    inventory,
    long_text,
    options,
    percent,
    simple,
    typed,
)
from esp_wizard.ask.prompts.context import AskContext
from esp_wizard.ask.prompts.registry import PROMPTS, QuestionPrompt, prompt_for

__all__ = ["PROMPTS", "AskContext", "QuestionPrompt", "prompt_for"]
