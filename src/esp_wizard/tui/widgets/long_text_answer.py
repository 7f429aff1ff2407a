"""long_text: several lines; Enter is a new line, so next/previous keys confirm it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from esp_wizard.session.model import Answer
from esp_wizard.tui.safe_text_area import SafeTextArea
from esp_wizard.tui.widgets.answer import AnswerWidget, QuietBlur, answers


class LongTextArea(QuietBlur, SafeTextArea):
    """The long answer's text area (see QuietBlur)."""


@answers("long_text")
class LongTextAnswer(AnswerWidget):
    # A third of the terminal: 8 lines at 80x24, 16 at 200x50; never fewer than 6.
    DEFAULT_CSS = """
    LongTextAnswer TextArea { height: 34vh; min-height: 6; }
    """

    def compose(self) -> ComposeResult:
        yield LongTextArea(soft_wrap=True, tab_behavior="focus", id="long-text")

    @property
    def area(self) -> TextArea:
        return self.query_one("#long-text", TextArea)

    def value(self) -> str:
        return self.area.text.strip()

    def load(self, answer: Answer | None) -> None:
        self.area.load_text(str(answer.value) if answer and answer.value is not None else "")

    def focus_answer(self) -> None:
        area = self.area
        area.focus()
        area.move_cursor(area.document.end)
