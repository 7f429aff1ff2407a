"""F1: every key of every screen, taken from the screens' own bindings, and why these keys."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from esp_wizard.i18n import N_, _

WHY_THESE_KEYS = N_(
    "Next and Back are ctrl+n / ctrl+r and PageDown / PageUp: every terminal (and tmux) "
    "delivers them, and they work inside a multi-line answer, where Enter is a new line. "
    "In a one-line answer or a list, Enter confirms and moves on. Number keys pick an option "
    "(y / n for yes-no); space toggles in a multiple choice. Every confirmed answer is "
    "saved at once; the top line says when. ctrl+p searches every command and, during an "
    "interview, every question by its text. ctrl+q (or ctrl+c) quits; nothing confirmed is "
    "ever lost, and reopening goes back to the same question."
)


def key_table(title: str, bindings: list[BindingType], key_display: dict[str, str]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", box=None, expand=True)
    table.add_column(_("Key"), style="bold", width=18, no_wrap=True)
    table.add_column(_("What it does"))
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = " / ".join(key_display.get(k, k) for k in binding.key.split(","))
        table.add_row(keys, _(binding.tooltip or binding.description))
    return table


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", N_("Close"), id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static(Text(_("esp-wizard keys"), style="bold"), id="help-title")
            yield Static(Text(_(WHY_THESE_KEYS)), id="help-why")
            for title, bindings in self._sections():
                yield Static(key_table(_(title), bindings, KEY_NAMES), classes="help-keys")

    def _sections(self) -> list[tuple[str, list[BindingType]]]:
        from esp_wizard.tui.app import WizardApp
        from esp_wizard.tui.screens.home import HomeScreen
        from esp_wizard.tui.screens.interview import InterviewScreen
        from esp_wizard.tui.screens.new_interview import NewInterviewScreen
        from esp_wizard.tui.screens.review import ReviewScreen, ReviewTable
        from esp_wizard.tui.widgets.inventory_answer import RowTable
        from esp_wizard.tui.widgets.session_table import SessionTable

        return [
            (N_("Everywhere"), [*WizardApp.BINDINGS, Binding("ctrl+p", "", N_("Command palette"))]),
            (N_("Home"), [*SessionTable.BINDINGS, *HomeScreen.BINDINGS]),
            (N_("New interview"), NewInterviewScreen.BINDINGS),
            (N_("Interview"), [*InterviewScreen.BINDINGS, *ANSWER_KEYS]),
            (N_("Inventory questions"), RowTable.BINDINGS),
            (N_("Review"), [*ReviewTable.BINDINGS, *ReviewScreen.BINDINGS]),
        ]

    def action_close(self) -> None:
        self.dismiss(None)


KEY_NAMES = {"pagedown": "PgDn", "pageup": "PgUp", "slash": "/", "escape": "Esc"}
ANSWER_KEYS: list[BindingType] = [
    Binding("enter", "", N_("Confirm a one-line answer or a pick, and go to the next question")),
    Binding("1-9", "", N_("Pick that option (choice, scale) or toggle it (multiple choice)")),
    Binding("y,n", "", N_("Yes / no")),
    Binding("space", "", N_("Toggle an option of a multiple choice")),
    Binding("tab", "", N_("Move between the answer, the note, the quote and the sections")),
    Binding("up,down", "", N_("In the sections list: choose a section; Enter goes there")),
]
