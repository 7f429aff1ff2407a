"""After completing: the findings this interview raised, as the report will count them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from esp_wizard.i18n import N_, _, ngettext
from esp_wizard.session.interview import FiredFinding
from esp_wizard.tui.safe import safe

CATEGORY_STYLES = {"strength": "green", "gap": "red", "hack": "yellow", "manual": "magenta"}


class CompletedModal(ModalScreen[None]):
    CSS_PATH = "completed.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", N_("Home"), priority=True, id="completed.close"),
    ]

    def __init__(self, findings: list[FiredFinding], observations: int) -> None:
        super().__init__()
        self.findings = findings
        self.observations = observations

    def compose(self) -> ComposeResult:
        with Vertical(id="completed-dialog"):
            yield Static(self._title(), id="completed-title")
            yield DataTable(cursor_type="row", zebra_stripes=True, id="findings")
            yield Static(Text(_("Enter or Escape: back home"), style="dim"), id="completed-hint")

    def _title(self) -> Text:
        text = Text(_("Interview completed\n"), style="bold")
        count = len(self.findings)
        text.append(
            ngettext(
                "{count} finding raised by the answers",
                "{count} findings raised by the answers",
                count,
            ).format(count=count)
        )
        if self.observations:
            plus = ngettext(
                ", plus {observations} observation(s) you recorded",
                ", plus {observations} observation(s) you recorded",
                self.observations,
            )
            text.append(plus.format(observations=self.observations))
        return text

    def on_mount(self) -> None:
        table = self.query_one("#findings", DataTable)
        table.add_columns(_("Category"), _("Severity"), _("Finding"))
        for finding in self.findings:
            category = finding.rule.category
            table.add_row(
                Text(category, style=CATEGORY_STYLES.get(category, "")),
                Text(str(finding.rule.severity), justify="center"),
                safe(finding.title),
            )
        table.focus()

    def action_close(self) -> None:
        self.dismiss(None)
