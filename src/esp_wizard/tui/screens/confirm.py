"""A yes/no question before something that cannot be taken back quietly."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from esp_wizard.i18n import N_, _
from esp_wizard.tui.safe import safe


class ConfirmModal(ModalScreen[bool]):
    CSS_PATH = "confirm.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,o", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, title: str, message: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.yes = yes or _("Yes")
        self.no = no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-dialog"):
            yield Static(safe(self.title_text, "bold"), id="confirm-title")
            yield Static(safe(self.message), id="confirm-message")
            with Horizontal(id="confirm-buttons"):
                yield Button(
                    _("{label} (y)").format(label=self.yes), variant="warning", id="confirm-yes"
                )
                yield Button(_("{label} (n)").format(label=self.no), id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
