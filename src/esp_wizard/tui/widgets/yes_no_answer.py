"""yes_no: two options; y (or o, for "oui") picks yes, n picks no."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Select

from esp_wizard.questionnaire.kinds.base import QuestionBase, yes_no_words
from esp_wizard.tui.widgets.answer import AnswerWidget, answers
from esp_wizard.tui.widgets.choice_answer import select_value
from esp_wizard.tui.widgets.option_picker import OptionPicker

KEYS = {"y": 0, "o": 0, "1": 0, "n": 1, "0": 1}


@answers("yes_no")
class YesNoAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        yield OptionPicker(id="picker")

    def setup(self) -> None:
        yes, no = yes_no_words(self.language)
        self.picker.reset([f"{yes[0]}  {yes.capitalize()}", f"n  {no.capitalize()}"], KEYS, None)

    @property
    def picker(self) -> OptionPicker:
        return self.query_one("#picker", OptionPicker)

    def value(self) -> bool | None:
        index = self.picker.selected
        return None if index is None else index == 0

    def load(self, answer: object) -> None:
        value = getattr(answer, "value", None)
        self.picker.select_index(None if value is None else (0 if value else 1))

    def focus_answer(self) -> None:
        self.picker.focus()

    @classmethod
    def row_input(cls, field: QuestionBase, value: Any, language: str, widget_id: str) -> Widget:
        yes, no = yes_no_words(language)
        chosen = value if isinstance(value, bool) else Select.NULL
        options = [(yes.capitalize(), True), (no.capitalize(), False)]
        return Select(options, value=chosen, prompt="(none)", compact=True, id=widget_id)

    @classmethod
    def row_value(cls, widget: Widget) -> Any:
        return select_value(widget)

    def on_option_picker_chosen(self, event: OptionPicker.Chosen) -> None:
        event.stop()
        self.confirm() if event.confirm else self.pick()
