"""text, number and date: one line of typing; Enter confirms and moves on (the interview
screen's own Enter, InterviewScreen.action_confirm_line: it moves before the next keys).

Numbers and dates are handed to the engine as typed: it parses them ("1 200,5", ISO
dates) and says what is wrong, so the rules live in one place for both interview modes.
Each type only says what the empty line suggests and which unit follows it.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Label

from esp_wizard import i18n
from esp_wizard.questionnaire.kinds.number import NumberQuestion
from esp_wizard.questionnaire.kinds.text import TextQuestion
from esp_wizard.session.model import Answer
from esp_wizard.tui.paint import replace, show
from esp_wizard.tui.safe import EDIT_SAFE
from esp_wizard.tui.widgets.answer import AnswerInput, AnswerWidget, answers, as_text
from esp_wizard.tui.widgets.flat import FlatHorizontal


class LineAnswer(AnswerWidget):
    DEFAULT_CSS = """
    LineAnswer .line-answer { height: auto; }
    LineAnswer .line-answer Input { width: 1fr; max-width: 60; }
    LineAnswer .unit { padding: 1 1; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        with FlatHorizontal(classes="line-answer"):  # resized at a swap (see Flat)
            yield AnswerInput(highlighter=EDIT_SAFE, select_on_focus=False, id="line")
            yield Label("", classes="unit")

    def setup(self) -> None:
        self.line.placeholder = self.placeholder()
        unit = self.query_one(".unit", Label)
        replace(unit, Text(self.unit()))  # the same unit from question to question: no redraw
        show(unit, bool(self.unit()))

    def placeholder(self) -> str:
        """What the empty line suggests."""
        return ""

    def unit(self) -> str:
        """Shown after the line."""
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


@answers("text")
class TextAnswer(LineAnswer):
    question: TextQuestion

    def placeholder(self) -> str:
        return self.question.placeholder


@answers("number")
class NumberAnswer(LineAnswer):
    question: NumberQuestion

    def placeholder(self) -> str:
        with i18n.use(self.language):  # the question's language
            return i18n._("a whole number") if self.question.integer else i18n._("a number")

    def unit(self) -> str:
        return self.question.unit


@answers("date")
class DateAnswer(LineAnswer):
    def placeholder(self) -> str:
        with i18n.use(self.language):  # JJ/MM/AAAA on a French questionnaire (ISO accepted too)
            return i18n.date_hint()
