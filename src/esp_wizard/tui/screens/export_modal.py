"""Export from the TUI: a session's summary or the engagement report, in a chosen format.

The file goes to the workspace's `exports/` folder (created when missing) under a name
the core chooses; the modal shows the path and dismisses with it (None when nothing was
written). Rendering and writing are the core's (`esp_wizard.export.files`), in a worker
thread so a large engagement never freezes the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, RadioSet, Static
from textual.worker import Worker, WorkerState

from esp_wizard.i18n import N_, _
from esp_wizard.reasons import error_text
from esp_wizard.tui.widgets.state_radio import StateRadioButton as RadioButton
from esp_wizard.workspace import Workspace

FORMATS = (
    ("md", N_("Markdown (.md)")),
    ("html", N_("HTML page (.html)")),
    ("json", N_("JSON (.json)")),
    ("csv", N_("CSV findings register (.csv)")),
    ("docx", N_("Word document (.docx)")),
)
SESSION_FORMATS = ("md", "html", "json")
REPORT_ONLY = tuple(fmt for fmt, _ in FORMATS if fmt not in SESSION_FORMATS)
EXPORT_GROUP = "export-write"
SIDE_BY_SIDE = 78  # the narrowest terminal with room for both lists side by side


class ExportModal(ModalScreen[Path | None]):
    """Choose what and how to export; Export writes, Close (or Escape) dismisses."""

    CSS_PATH = "export_modal.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", N_("Close"), id="export.close")
    ]

    def __init__(
        self, workspace: Workspace, session_id: str | None, client: str, engagement: str
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.session_id = session_id
        self.client = client
        self.engagement = engagement
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog"):
            yield Label(_("Export"), id="export-heading")
            with Horizontal(id="export-choices"):
                with Vertical(id="choice-what", classes="export-choice"):
                    yield Label(_("What"), classes="export-label")
                    with RadioSet(id="export-what"):
                        yield RadioButton(
                            _("This session's summary"),
                            value=self.session_id is not None,
                            disabled=self.session_id is None,
                            id="what-session",
                        )
                        yield RadioButton(
                            _("The engagement report"),
                            value=self.session_id is None,
                            id="what-report",
                        )
                with Vertical(classes="export-choice"):
                    yield Label(_("Format"), classes="export-label")
                    with RadioSet(id="export-format"):
                        for index, (fmt, label) in enumerate(FORMATS):
                            yield RadioButton(_(label), value=index == 0, id=f"format-{fmt}")
            yield Static("", id="export-result")
            with Horizontal(id="export-buttons"):
                yield Button(_("Export"), variant="primary", id="export-go")
                yield Button(_("Close"), id="export-close")

    def on_resize(self, event: events.Resize) -> None:
        """Side by side when the two lists fit (a short terminal keeps the buttons in
        sight), one above the other on a narrow one."""
        self.set_class(event.size.width < SIDE_BY_SIDE, "-stacked")

    def on_mount(self) -> None:
        self._sync_formats()
        self.query_one("#export-what", RadioSet).focus()

    # -- choices --------------------------------------------------------------------------
    @property
    def what(self) -> str:
        pressed = self.query_one("#export-what", RadioSet).pressed_button
        return "session" if pressed is not None and pressed.id == "what-session" else "report"

    @property
    def chosen_format(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return pressed.id.removeprefix("format-") if pressed and pressed.id else "md"

    @on(RadioSet.Changed, "#export-what")
    def _what_changed(self) -> None:
        self._sync_formats()

    def _sync_formats(self) -> None:
        """A session's summary has no CSV (the CSV is the engagement's findings register)
        and no DOCX (the Word document is the client's report)."""
        for fmt in REPORT_ONLY:
            button = self.query_one(f"#format-{fmt}", RadioButton)
            button.disabled = self.what == "session"
            if button.disabled and button.value:
                self.query_one("#format-md", RadioButton).value = True

    # -- writing --------------------------------------------------------------------------
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        self.query_one("#export-go", Button).disabled = True
        self.query_one("#export-result", Static).update(Text(_("Writing…")))
        self.write_export(self.what, self.chosen_format)

    @work(thread=True, exclusive=True, exit_on_error=False, group=EXPORT_GROUP)
    def write_export(self, what: str, fmt: str) -> Path:
        from esp_wizard.export.files import export_report, export_session

        if what == "session" and self.session_id is not None:
            return export_session(self.workspace, self.session_id, fmt)
        return export_report(self.workspace, self.client, self.engagement, fmt)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != EXPORT_GROUP:
            return
        result = self.query_one("#export-result", Static)
        if event.state == WorkerState.SUCCESS and isinstance(event.worker.result, Path):
            self.written = event.worker.result
            shown = Text(_("Written to "), style="bold green")
            shown.append(str(self.written))
            result.update(shown)
        elif event.state == WorkerState.ERROR:
            error = error_text(event.worker.error) if event.worker.error else ""
            result.update(Text(_("Not written: {error}").format(error=error), style="bold red"))
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self.query_one("#export-go", Button).disabled = False
            self.query_one("#export-close", Button).focus()

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        self.dismiss(self.written)
