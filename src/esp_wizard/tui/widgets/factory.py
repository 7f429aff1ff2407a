"""The TUI's answer widgets, each module imported when a question of its type first shows.

Each widget registers itself where it is defined (`@answers(...)` in answer.py); this
module only lists the widget modules. A resumed interview's first frame needs one widget,
and the others (a selection list, a data table, option pickers: ~20 ms of imports) are
imported after that frame, when the interview screen prepares every type still to come.
`all_widgets()` imports them all: the full registry.

A new question type needs its widget module (or a registration on an existing widget) and
one line below.
"""

from __future__ import annotations

from importlib import import_module

from esp_wizard.tui.widgets.answer import ANSWER_WIDGETS as _REGISTERED
from esp_wizard.tui.widgets.answer import AnswerWidget

# A question type `t` is looked for first in `t_answer` (when listed), then in the others in
# this order: line_answer (text, number, date) first, the heaviest last.
WIDGET_MODULES = (
    "line_answer",
    "long_text_answer",
    "percent_answer",
    "yes_no_answer",
    "choice_answer",
    "scale_answer",
    "note_answer",
    "multi_choice_answer",
    "inventory_answer",
)
_PACKAGE = "esp_wizard.tui.widgets"


def widget_for(question_type: str) -> type[AnswerWidget]:
    """The widget class that answers (and edits inventory cells of) this question type."""
    if question_type not in _REGISTERED:
        own = f"{question_type}_answer"
        for name in (own, *WIDGET_MODULES) if own in WIDGET_MODULES else WIDGET_MODULES:
            import_module(f"{_PACKAGE}.{name}")
            if question_type in _REGISTERED:
                break
    return _REGISTERED[question_type]  # KeyError: a type no module registers


def all_widgets() -> dict[str, type[AnswerWidget]]:
    """Every registered widget, by question type (each widget module imported)."""
    for name in WIDGET_MODULES:
        import_module(f"{_PACKAGE}.{name}")
    return _REGISTERED


__all__ = ["WIDGET_MODULES", "all_widgets", "widget_for"]
