"""percent: typed on one line like a number, "%" optional; the core checks 0 to 100."""

from __future__ import annotations

from typing import Any

from esp_wizard.ask.prompts.registry import asks
from esp_wizard.ask.prompts.typed import TypedPrompt


@asks("percent")
class PercentPrompt(TypedPrompt):
    def hint(self, question: Any) -> str | None:
        return "(%, 0…100)"
