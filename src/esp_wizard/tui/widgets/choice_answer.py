"""choice: numbered options, a number key picks; "Other…" opens a line for its text."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Select

from esp_wizard import i18n
from esp_wizard.questionnaire.kinds.base import OTHER, QuestionBase
from esp_wizard.questionnaire.kinds.choice import ChoiceQuestion
from esp_wizard.tui.paint import show
from esp_wizard.tui.safe import EDIT_SAFE, safe
from esp_wizard.tui.widgets.answer import AnswerWidget, answers
from esp_wizard.tui.widgets.option_picker import OptionPicker, number_keys, numbered


def select_value(widget: Widget) -> Any:
    """A row select's value, None when nothing is chosen."""
    if isinstance(widget, Select) and widget.value is not Select.NULL:
        return widget.value
    return None


@answers("choice")
class ChoiceAnswer(AnswerWidget):
    DEFAULT_CSS = """
    ChoiceAnswer #other-text { margin-top: 1; }
    """

    question: ChoiceQuestion

    def compose(self) -> ComposeResult:
        yield OptionPicker(id="picker")
        with i18n.use(self.language):  # the question's language
            placeholder = i18n._("What is “Other”?")
        yield Input(
            placeholder=placeholder,
            highlighter=EDIT_SAFE,
            select_on_focus=False,
            compact=True,
            id="other-text",
        )

    def setup(self) -> None:
        values = self.question.values
        labels = numbered([self._label(v) for v in values])
        self.picker.reset(labels, number_keys(len(values)), None)

    def _label(self, value: str) -> str:
        if value == OTHER:
            with i18n.use(self.language):
                return i18n._("Other…")
        return self.question.label_of(value)

    @property
    def picker(self) -> OptionPicker:
        return self.query_one("#picker", OptionPicker)

    @property
    def other_input(self) -> Input:
        return self.query_one("#other-text", Input)

    def value(self) -> str | None:
        index = self.picker.selected
        return self.question.values[index] if index is not None else None

    def other(self) -> str:
        return self.other_input.value.strip() if self.value() == OTHER else ""

    def load(self, answer: object) -> None:
        values = self.question.values
        value = getattr(answer, "value", None)
        self.picker.select_index(values.index(value) if value in values else None)
        self.other_input.value = getattr(answer, "other", "")
        show(self.other_input, value == OTHER)

    def focus_answer(self) -> None:
        self.picker.focus()

    @classmethod
    def row_input(cls, field: QuestionBase, value: Any, language: str, widget_id: str) -> Widget:
        """In a row, a compact select ("Other" has nowhere to keep its text in a row)."""
        assert isinstance(field, ChoiceQuestion)
        options = [(safe(field.label_of(v), lines=False), v) for v in field.values]
        chosen = value if value in field.values else Select.NULL
        return Select(options, value=chosen, prompt="(none)", compact=True, id=widget_id)

    @classmethod
    def row_value(cls, widget: Widget) -> Any:
        return select_value(widget)

    @on(OptionPicker.Chosen)
    def _chosen(self, event: OptionPicker.Chosen) -> None:
        event.stop()
        wants_other = self.value() == OTHER
        show(self.other_input, wants_other)
        if wants_other and not (event.confirm and self.other()):
            self.other_input.focus()  # its Enter confirms (InterviewScreen.action_confirm_line)
            return
        self.confirm() if event.confirm else self.pick()
