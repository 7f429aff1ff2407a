"""Record an observation on the spot: the facilitator's own finding, linked to the question.

Observations are compiled with the rules' findings, so they take the same category,
severity, impact and phase; one may join a root cause the questionnaires' rules name, and the
report then states it inside that cause's finding. The causes are loaded off the UI thread
(the catalogue can take a moment), so the dialog opens at once with "none" and offers them as
soon as they are known. Dismisses with the fields, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from esp_wizard import i18n
from esp_wizard.i18n import N_, _
from esp_wizard.questionnaire.causes import Cause
from esp_wizard.questionnaire.model import CATEGORIES, PHASES
from esp_wizard.tui.safe import EDIT_SAFE, safe
from esp_wizard.tui.safe_text_area import SafeTextArea
from esp_wizard.tui.widgets.key_bar import KeyBar

CATEGORY_LABELS = {
    "strength": N_("Strength: works well, keep it"),
    "gap": N_("Gap: something missing"),
    "hack": N_("Hack: a workaround keeps it running"),
    "manual": N_("Manual: done by hand"),
}
POINTS = [(str(point), point) for point in range(1, 6)]


class ObservationModal(ModalScreen[dict[str, Any] | None]):
    CSS_PATH = "observation.tcss"
    # Focused as the dialog is composed, not later from on_mount: keys typed right after
    # ctrl+o (the facilitator is already writing) must reach the text, not the first select.
    AUTO_FOCUS = "#text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Record"), priority=True, id="observation.save"),
        Binding("escape", "cancel", N_("Cancel"), id="observation.cancel"),
    ]

    def __init__(
        self, question_text: str, causes: Callable[[], Sequence[Cause]] | None = None
    ) -> None:
        super().__init__()
        self.question_text = question_text
        self.load_causes = causes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="observation-dialog", can_focus=False):
            yield Static(Text(_("Observation"), style="bold"), id="observation-title")
            yield Static(
                safe(_("At: {question_text}").format(question_text=self.question_text), "dim"),
                id="observation-at",
            )
            with Grid(id="observation-grid"):
                yield Label(_("Category"))
                yield _select([(_(CATEGORY_LABELS[c]), c) for c in CATEGORIES], "gap", "category")
                yield Label(_("Severity"))
                yield _select(POINTS, 3, "severity")
                yield Label(_("Impact"))
                yield _select(POINTS, 3, "impact")
                yield Label(_("Phase"))
                yield _select([(p, p) for p in PHASES], "discovery", "phase")
                yield Label(_("Root cause"))
                yield _select(cause_options(()), "", "cause")
            yield Label(_("Title (optional)"))
            yield Input(highlighter=EDIT_SAFE, compact=True, id="title")
            yield Label(_("What did you observe?"))
            yield SafeTextArea(id="text")
            yield Static("", id="observation-problem")
            with Horizontal(id="observation-buttons"):
                yield Button(_("Record (ctrl+s)"), variant="primary", id="observation-save")
                yield Button(_("Cancel (esc)"), id="observation-cancel")
        # Its own keys, over the interview's (which do nothing while the dialog is open).
        keys = [("^s", _("Record")), ("esc", _("Cancel")), ("tab", _("Next field"))]
        yield KeyBar([*keys, ("shift+tab", _("Previous field"))], id="observation-keys")

    def on_mount(self) -> None:
        """Straight into the text: the facilitator types while the words are fresh; the
        category, severity and the rest have defaults and are set after, if at all."""
        self.query_one("#text", TextArea).focus()
        if self.load_causes is not None:
            self._causes(self.load_causes)

    @work(thread=True, exit_on_error=False)
    def _causes(self, load: Callable[[], Sequence[Cause]]) -> None:
        causes = load()
        self.app.call_from_thread(self._offer_causes, causes)

    def _offer_causes(self, causes: Sequence[Cause]) -> None:
        if not self.is_attached:  # recorded or cancelled before the causes were known
            return
        select = self.query_one("#cause", Select)
        chosen = select.value
        select.set_options(cause_options(causes))
        select.value = chosen if chosen in {c.id for c in causes} else ""

    def on_key(self, event: events.Key) -> None:
        """Words typed straight after ctrl+o reach the dialog itself (nothing had the focus
        yet when they arrived): they go into the text, in order, instead of being lost."""
        field = self.focused
        if isinstance(field, TextArea) and event.is_printable and event.character:
            field.insert(event.character)
            event.stop()
            event.prevent_default()

    def fields(self) -> dict[str, Any]:
        return {
            "category": self.query_one("#category", Select).value,
            "severity": self.query_one("#severity", Select).value,
            "impact": self.query_one("#impact", Select).value,
            "phase": self.query_one("#phase", Select).value,
            "cause": self.query_one("#cause", Select).value,
            "title": self.query_one("#title", Input).value.strip(),
            "text": self.query_one("#text", TextArea).text.strip(),
        }

    @on(Button.Pressed, "#observation-save")
    def action_save(self) -> None:
        fields = self.fields()
        if not fields["text"]:
            problem = Text(_("Write what you observed (or Escape to cancel)."), style="bold")
            self.query_one("#observation-problem", Static).update(problem)
            self.query_one("#text", TextArea).focus()
            return
        self.dismiss(fields)

    @on(Input.Submitted, "#title")
    def _title_done(self) -> None:
        self.query_one("#text", TextArea).focus()

    @on(Button.Pressed, "#observation-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _select(options: list[tuple[str, Any]], value: Any, widget_id: str) -> Select:
    return Select(options, value=value, allow_blank=False, compact=True, id=widget_id)


def cause_options(causes: Sequence[Cause]) -> list[tuple[str, str]]:
    """ "None" first (an observation is a finding of its own unless the facilitator says)."""
    return [(i18n._("none: a finding of its own"), ""), *((c.title, c.id) for c in causes)]
