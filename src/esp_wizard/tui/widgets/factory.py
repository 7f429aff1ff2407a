"""The TUI's answer widgets, all registered: importing this module imports every widget
module, and each registers itself where it is defined (`@answers(...)` in answer.py).

A new question type needs its widget module (or a registration on an existing widget) and
one import line below.
"""

from __future__ import annotations

from esp_wizard.tui.widgets import (  # noqa: F401  (imported to register their widgets)
    choice_answer,
    inventory_answer,
    line_answer,
    long_text_answer,
    multi_choice_answer,
    note_answer,
    percent_answer,
    scale_answer,
    yes_no_answer,
)
from esp_wizard.tui.widgets.answer import ANSWER_WIDGETS, AnswerWidget


def widget_for(question_type: str) -> type[AnswerWidget]:
    """The widget class that answers (and edits inventory cells of) this question type."""
    return ANSWER_WIDGETS[question_type]


__all__ = ["ANSWER_WIDGETS", "widget_for"]
