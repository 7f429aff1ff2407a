"""A note and a verbatim quote, for every question; Enter keeps them and goes back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input

from esp_wizard.i18n import _
from esp_wizard.session.model import Answer
from esp_wizard.tui.safe import EDIT_SAFE


class Annotations(Horizontal):
    class Done(Message):
        """Enter in the note or the quote: both texts as they stand."""

        def __init__(self, note: str, quote: str) -> None:
            super().__init__()
            self.note = note
            self.quote = quote

    class Changed(Message):
        """A key typed in the note or the quote (the screen saves soon after)."""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder=_("Note (ctrl+t)"),
            highlighter=EDIT_SAFE,
            select_on_focus=False,
            compact=True,
            id="note",
        )
        yield Input(
            placeholder=_("“Verbatim quote”"),
            highlighter=EDIT_SAFE,
            select_on_focus=False,
            compact=True,
            id="quote",
        )

    @property
    def note(self) -> Input:
        return self.query_one("#note", Input)

    @property
    def quote(self) -> Input:
        return self.query_one("#quote", Input)

    def load(self, answer: Answer | None) -> None:
        self.note.value = answer.note if answer else ""
        self.quote.value = answer.quote if answer else ""

    def values(self) -> tuple[str, str]:
        return self.note.value.strip(), self.quote.value.strip()

    @on(Input.Submitted)
    def _done(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Done(*self.values()))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.has_focus:  # typed, not loaded with the next question
            self.post_message(self.Changed())
