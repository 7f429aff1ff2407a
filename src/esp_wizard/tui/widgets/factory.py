"""Which widget answers which question type: the one table to extend with a new type."""

from __future__ import annotations

from esp_wizard.tui.widgets.answer import AnswerWidget
from esp_wizard.tui.widgets.choice_answer import ChoiceAnswer
from esp_wizard.tui.widgets.inventory_answer import InventoryAnswer
from esp_wizard.tui.widgets.line_answer import LineAnswer
from esp_wizard.tui.widgets.long_text_answer import LongTextAnswer
from esp_wizard.tui.widgets.multi_choice_answer import MultiChoiceAnswer
from esp_wizard.tui.widgets.note_answer import NoteAnswer
from esp_wizard.tui.widgets.scale_answer import ScaleAnswer
from esp_wizard.tui.widgets.yes_no_answer import YesNoAnswer

WIDGETS: dict[str, type[AnswerWidget]] = {
    "text": LineAnswer,
    "number": LineAnswer,
    "date": LineAnswer,
    "long_text": LongTextAnswer,
    "choice": ChoiceAnswer,
    "multi_choice": MultiChoiceAnswer,
    "scale": ScaleAnswer,
    "yes_no": YesNoAnswer,
    "inventory": InventoryAnswer,
    "note": NoteAnswer,
}
