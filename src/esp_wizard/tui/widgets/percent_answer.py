"""percent: one line of typing with the % sign after it; the engine parses "37,5"."""

from __future__ import annotations

from esp_wizard.tui.widgets.answer import answers
from esp_wizard.tui.widgets.line_answer import LineAnswer


@answers("percent")
class PercentAnswer(LineAnswer):
    def placeholder(self) -> str:
        return "0 to 100"

    def unit(self) -> str:
        return "%"
