"""multi_choice: space (or an option's number) toggles; each toggle is saved when valid."""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.selection_list import Selection

from esp_wizard import i18n
from esp_wizard.i18n import N_
from esp_wizard.questionnaire.kinds.base import OTHER
from esp_wizard.questionnaire.kinds.multi_choice import MultiChoiceQuestion
from esp_wizard.tui.paint import show
from esp_wizard.tui.safe import EDIT_SAFE, safe
from esp_wizard.tui.widgets.answer import AnswerWidget, QuietBlur, answers
from esp_wizard.tui.widgets.option_picker import KeptOptions, numbered

TICKED, UNTICKED = "✓", " "


class TogglePicker(QuietBlur, KeptOptions, SelectionList[str]):
    """Space or a number toggles an option; Enter confirms the whole selection."""

    DEFAULT_CSS = """
    TogglePicker { height: auto; max-height: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", N_("Done, next"), show=False, id="toggles.confirm"),
    ]

    class Confirm(Message):
        """Enter: the selection is complete."""

    def on_key(self, event: events.Key) -> None:
        """A number toggles its option here, not as a binding (see OptionPicker.on_key:
        a toggle typed just before ctrl+n is saved with the answer)."""
        if len(event.key) == 1 and event.key in "123456789":
            number = int(event.key)
            if number <= self.option_count:
                event.stop()
                event.prevent_default()
                self.toggle_number(number)

    def toggle_number(self, number: int) -> None:
        self.highlighted = number - 1
        self.toggle(self.get_option_at_index(number - 1).value)
        self.post_message(self.SelectionToggled(self, number - 1))

    def action_confirm(self) -> None:
        self.post_message(self.Confirm())

    def render_line(self, y: int) -> Strip:
        """Ticked or not is shown by a glyph (✓ or blank), not by colour alone: NO_COLOR,
        monochrome terminals and screen magnifiers see the state too."""
        strip = super().render_line(y)
        segments = list(strip)
        index = self.scroll_offset.y + y
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        if not 0 <= index < self.option_count:
            return strip
        ticked = self.get_option_at_index(index).value in self.selected
        segments[1] = Segment(TICKED if ticked else UNTICKED, segments[1].style)
        return Strip(segments, strip.cell_length)


@answers("multi_choice")
class MultiChoiceAnswer(AnswerWidget):
    DEFAULT_CSS = """
    MultiChoiceAnswer #other-text { margin-top: 1; }
    """

    question: MultiChoiceQuestion
    _options: tuple[tuple[str, str], ...] = ()  # (label, value) on the list now

    def compose(self) -> ComposeResult:
        yield TogglePicker(id="picker")
        with i18n.use(self.language):  # the question's language
            placeholder = i18n._("What is “Other”?")
        yield Input(
            placeholder=placeholder,
            highlighter=EDIT_SAFE,
            select_on_focus=False,
            compact=True,
            id="other-text",
        )

    def setup(self) -> None:
        values = self.question.values
        with i18n.use(self.language):
            other = i18n._("Other…")
        labels = numbered([other if v == OTHER else self.question.label_of(v) for v in values])
        picker = self.picker
        options = tuple(zip(labels, values, strict=True))
        if options == self._options:  # the same list as the last question: `load` re-ticks it
            picker.highlighted = 0
            return
        self._options = options
        picker.clear_options()
        picker.add_options(
            Selection(safe(label, lines=False), value)
            for label, value in zip(labels, values, strict=True)
        )
        picker.highlighted = 0

    @property
    def picker(self) -> TogglePicker:
        return self.query_one("#picker", TogglePicker)

    @property
    def other_input(self) -> Input:
        return self.query_one("#other-text", Input)

    def value(self) -> list[str]:
        chosen = set(self.picker.selected)
        return [v for v in self.question.values if v in chosen]

    def other(self) -> str:
        return self.other_input.value.strip() if OTHER in self.value() else ""

    def load(self, answer: object) -> None:
        value = getattr(answer, "value", None) or []
        self.picker.deselect_all()
        for item in value:
            if item in self.question.values:
                self.picker.select(item)
        self.other_input.value = getattr(answer, "other", "")
        show(self.other_input, OTHER in value)

    def focus_answer(self) -> None:
        self.picker.focus()

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        wants_other = OTHER in self.value()
        show(self.other_input, wants_other)
        if wants_other and not self.other():
            self.other_input.focus()  # saved once it says what "Other" is
            return
        self.pick()

    @on(TogglePicker.Confirm)
    def _confirm(self, event: TogglePicker.Confirm) -> None:
        event.stop()
        self.confirm()
