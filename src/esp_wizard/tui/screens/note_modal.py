"""Editing an engagement's executive note: the consultant's words, shown first in the report.

The core keeps the note (`esp_wizard.findings.engagement_file`); this modal only edits it.
Save writes the engagement file atomically and dismisses with True; Escape discards.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, TextArea

from esp_wizard.errors import UserError
from esp_wizard.findings.engagement_file import save_executive_note
from esp_wizard.i18n import N_, _
from esp_wizard.tui.safe_text_area import SafeTextArea
from esp_wizard.workspace import Workspace


class NoteModal(ModalScreen[bool]):
    DEFAULT_CSS = """
    NoteModal { align: center middle; }
    #note-dialog { width: 80%; height: 70%; border: thick $primary; background: $surface;
                   padding: 1 2; }
    #note-text { height: 1fr; }
    #note-buttons { height: auto; align-horizontal: right; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Discard"), id="note.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="note.save"),
    ]

    def __init__(self, workspace: Workspace, client: str, engagement: str, note: str) -> None:
        super().__init__()
        self.workspace = workspace
        self.client = client
        self.engagement = engagement
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog"):
            yield Label(_("Executive note: shown first in the report (Ctrl+S saves)"))
            yield SafeTextArea(self.note, id="note-text")
            with Horizontal(id="note-buttons"):
                yield Button(_("Save"), variant="primary", id="note-save")
                yield Button(_("Discard"), id="note-cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text
        try:
            save_executive_note(self.workspace, self.client, self.engagement, text)
        except (UserError, OSError) as error:
            self.notify(str(error), severity="error")
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
