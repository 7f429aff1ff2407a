"""One inventory row as a small form of its fields; the engine checks it before it closes.

Dismisses with the row as the engine cleaned it (numbers parsed, empty fields dropped), or
None when cancelled. Enter moves to the next field and saves on the last; ctrl+s saves.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from esp_wizard.i18n import N_, _, use
from esp_wizard.questionnaire.kinds import INVENTORY, InventoryField
from esp_wizard.questionnaire.kinds.base import AnswerError
from esp_wizard.questionnaire.kinds.inventory import InventoryQuestion
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.factory import widget_for


class InventoryRowModal(ModalScreen[dict[str, Any] | None]):
    CSS_PATH = "inventory_row.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save row"), priority=True, id="row.save"),
        Binding("escape", "cancel", N_("Cancel"), id="row.cancel"),
    ]

    def __init__(
        self, question: InventoryQuestion, row: dict[str, Any] | None, language: str
    ) -> None:
        super().__init__()
        self.question = question
        self.row = row or {}
        self.language = language

    def compose(self) -> ComposeResult:
        title = _("Edit this {item}") if self.row else _("Add a {item}")
        with VerticalScroll(id="row-dialog", can_focus=False):
            yield Static(safe(title.format(item=self.question.item), "bold"), id="row-title")
            for field in self.question.fields:
                mark = " *" if field.required else ""
                yield Label(safe(f"{field.text}{mark}"), classes="row-label")
                yield self._input_for(field)
            yield Static("", id="row-problem")
            with Horizontal(id="row-buttons"):
                yield Button(_("Save row (ctrl+s)"), variant="primary", id="row-save")
                yield Button(_("Cancel (esc)"), id="row-cancel")

    def _input_for(self, field: InventoryField) -> Widget:
        """The field's input, as its type's answer widget edits a cell."""
        value = self.row.get(field.id)
        return widget_for(field.type).row_input(field, value, self.language, f"field-{field.id}")

    def raw_row(self) -> dict[str, Any]:
        """What was entered, field by field; blank fields are left out."""
        row: dict[str, Any] = {}
        for field in self.question.fields:
            widget = self.query_one(f"#field-{field.id}", Widget)
            value = widget_for(field.type).row_value(widget)
            if value is not None:
                row[field.id] = value
        return row

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(".row-label + *"))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#row-save")
    def action_save(self) -> None:
        try:
            with use(self.language):  # about the question: in the questionnaire's language
                clean = INVENTORY.validate_row(self.question, self.raw_row())
        except AnswerError as error:
            self.query_one("#row-problem", Static).update(safe(str(error), "bold red"))
            return
        self.dismiss(clean)

    @on(Button.Pressed, "#row-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
