"""The base of every answer widget: one question type, one widget, one place that knows it.

One instance per type is mounted and reused from question to question (see `reuse`).
An answer widget holds what the facilitator entered, as raw as the engine accepts it (typed
text for numbers and dates, which the engine parses and validates), and says whether it
differs from what was last saved. It never validates or saves: it posts `Picked` (a choice
was made: save it, stay) or `Confirmed` (the answer is given: save it and move on), and the
interview screen hands the value to the engine.
"""

from __future__ import annotations

from typing import Any

from textual.containers import Vertical
from textual.message import Message

from esp_wizard.questionnaire import model as m
from esp_wizard.session.model import Answer


class AnswerWidget(Vertical):
    DEFAULT_CSS = """
    AnswerWidget { height: auto; }
    """

    class Picked(Message):
        """A choice was made or a row changed: save it now, stay on the question."""

    class Confirmed(Message):
        """The facilitator is done with this answer: save it and move on."""

    _REQUIRED = ("value", "load")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each answer type must say how to read and fill its inputs: checked at import."""
        super().__init_subclass__(**kwargs)
        missing = [
            name for name in cls._REQUIRED if getattr(cls, name) is getattr(AnswerWidget, name)
        ]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    def __init__(self, question: m.Question, answer: Answer | None, language: str) -> None:
        super().__init__(classes="answer-widget")
        self.question = question
        self.language = language
        self._answer = answer
        self._initial: Any = None

    @property
    def stored(self) -> Answer | None:
        """The saved answer to start from (None when unanswered, don't know or N/A)."""
        answer = self._answer
        return answer if answer is not None and answer.status == "answered" else None

    def on_mount(self) -> None:
        self.setup()
        self.show(self._answer)

    def reuse(self, question: m.Question, answer: Answer | None) -> None:
        """Show another question of the same type in this very widget.

        Moving between questions reconfigures the mounted widget instead of mounting a new
        one: no flicker, and no styling and layout of fresh widgets on every keystroke.
        """
        self.question = question
        self.setup()
        self.show(answer)

    # -- what each type provides ------------------------------------------------------------
    def setup(self) -> None:
        """Put in what belongs to the question itself (options, unit, columns)."""

    def value(self) -> Any:
        """What to hand to Interview.answer (None or "" when nothing is entered).

        Every answer type defines it (enforced by `__init_subclass__`).
        """
        return None

    def other(self) -> str:
        """The free text of "Other…", for choice and multi_choice."""
        return ""

    def load(self, answer: Answer | None) -> None:
        """Put a stored answer (or nothing) into the inputs (each type defines it)."""

    def focus_answer(self) -> None:
        self.focus()

    # -- shared behaviour -------------------------------------------------------------------
    def show(self, answer: Answer | None) -> None:
        """Load an answer and remember it as saved, so `changed` means "entered since"."""
        self._answer = answer
        self.load(self.stored)
        self.mark_saved()

    def is_blank(self) -> bool:
        value = self.value()
        return value is None or value == "" or value == []

    @property
    def changed(self) -> bool:
        return self._state() != self._initial

    def mark_saved(self) -> None:
        self._initial = self._state()

    def _state(self) -> tuple[Any, str]:
        return (self.value(), self.other())
