"""text, number and date: one line of typing; Enter confirms and moves on.

Numbers and dates are handed to the engine as typed: it parses them ("1 200,5", ISO
dates) and says what is wrong, so the rules live in one place for both interview modes.
"""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from esp_wizard.questionnaire import model as m
from esp_wizard.session.model import Answer
from esp_wizard.tui.widgets.answer import AnswerWidget


def as_text(value: object) -> str:
    """A stored value back as the text that would have been typed for it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class LineAnswer(AnswerWidget):
    def compose(self) -> ComposeResult:
        with Horizontal(classes="line-answer"):
            yield Input(select_on_focus=False, id="line")
            yield Label("", classes="unit")

    def setup(self) -> None:
        self.line.placeholder = self._placeholder()
        unit = self.query_one(".unit", Label)
        unit.update(Text(getattr(self.question, "unit", "")))
        unit.display = bool(getattr(self.question, "unit", ""))

    def _placeholder(self) -> str:
        question = self.question
        if isinstance(question, m.DateQuestion):
            return "YYYY-MM-DD"
        if isinstance(question, m.NumberQuestion):
            return "a whole number" if question.integer else "a number"
        if isinstance(question, m.TextQuestion):
            return question.placeholder
        return ""

    @property
    def line(self) -> Input:
        return self.query_one("#line", Input)

    def value(self) -> str:
        return self.line.value.strip()

    def load(self, answer: Answer | None) -> None:
        self.line.value = as_text(answer.value) if answer else ""

    def focus_answer(self) -> None:
        self.line.focus()

    @on(Input.Submitted, "#line")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Confirmed())
