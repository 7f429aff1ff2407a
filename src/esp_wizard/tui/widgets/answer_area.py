"""Where the answer widget lives: one widget per question type, mounted once, then reused.

Moving to a question of a type already seen only reconfigures that widget and shows it
(the others stay mounted, hidden), so the next question appears in one quick frame.
"""

from __future__ import annotations

from textual.containers import Vertical

from esp_wizard.questionnaire.kinds import Question
from esp_wizard.session.model import Answer
from esp_wizard.tui.widgets.answer import AnswerWidget
from esp_wizard.tui.widgets.backdrop import Backdrop
from esp_wizard.tui.widgets.factory import widget_for
from esp_wizard.tui.widgets.flat import Flat


class AnswerArea(Backdrop, Flat, Vertical):  # resized at a swap: no second layout (Flat)
    def __init__(self, language: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.current: AnswerWidget | None = None
        self._by_kind: dict[type[AnswerWidget], AnswerWidget] = {}

    async def prepare(self, questions: list[Question]) -> None:
        """Mount, hidden, a widget for each type still to come, so none is mounted mid-way."""
        firsts: dict[type[AnswerWidget], Question] = {}
        for question in questions:
            firsts.setdefault(widget_for(question.type), question)
        new = [
            kind(question, None, self.language)
            for kind, question in firsts.items()
            if kind not in self._by_kind
        ]
        for widget in new:
            widget.display = False
            self._by_kind[type(widget)] = widget
        if new:
            await self.mount_all(new)

    async def show(self, question: Question, answer: Answer | None) -> AnswerWidget:
        kind = widget_for(question.type)
        widget = self._by_kind.get(kind)
        if widget is None:
            widget = self._by_kind[kind] = kind(question, answer, self.language)
            await self.mount(widget)
        else:
            widget.reuse(question, answer)
        if widget is not self.current:  # a display change restyles and lays out: only on a swap
            for other in self._by_kind.values():
                if other.display != (other is widget):
                    other.display = other is widget
        self.current = widget
        return widget
