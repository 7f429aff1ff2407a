"""note: text for the facilitator only; nothing to answer, Enter moves on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from esp_wizard.i18n import N_, _
from esp_wizard.session.model import Answer
from esp_wizard.tui.widgets.answer import AnswerWidget, answers


@answers("note")
class NoteAnswer(AnswerWidget):
    DEFAULT_CSS = """
    NoteAnswer .note-hint { color: $text-muted; }
    """

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", N_("Next"), show=False, id="note.next"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(_("Nothing to answer here. Enter goes on."), classes="note-hint")

    def value(self) -> None:
        return None

    def load(self, answer: Answer | None) -> None:
        return None

    def action_confirm(self) -> None:
        self.confirm()
