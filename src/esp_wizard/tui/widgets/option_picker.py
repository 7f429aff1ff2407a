"""A list of options where a key picks one: number keys for choices and scales, y/n for yes/no.

Picking marks the option (●) and says so; Enter picks the highlighted one and confirms
(save and move on); a click picks without moving on. Which keys pick which option is data
given by the answer widget, so one picker serves choice, scale and yes_no.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from esp_wizard.i18n import N_
from esp_wizard.tui.safe import safe
from esp_wizard.tui.widgets.answer import QuietBlur


class KeptOptions:
    """Mixed into an OptionList: its rendered options are kept while its width stays.

    Textual's OptionList drops every rendered option at each Resize, and a widget shown
    again gets one even at the same size: each question of a type seen before redrew every
    option. The renders are keyed on option and style, so only a new width needs them gone.
    """

    _options_width = -1

    def _on_resize(self, event: events.Resize | None = None) -> None:
        """Optional `event` only to match OptionList's `_on_resize(self)`; Textual passes it."""
        width = cast(OptionList, self).scrollable_content_region.width
        if event is not None and width == self._options_width:
            event.prevent_default()  # OptionList's own handler would drop them
        self._options_width = width


class OptionPicker(QuietBlur, KeptOptions, OptionList):
    DEFAULT_CSS = """
    OptionPicker { height: auto; max-height: 12; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "confirm", N_("Pick, next"), show=False, id="options.confirm"),
    ]

    class Chosen(Message):
        def __init__(self, picker: OptionPicker, index: int, confirm: bool) -> None:
            super().__init__()
            self.picker = picker
            self.index = index
            self.confirm = confirm

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: list[str] = []
        self.keys: dict[str, int] = {}
        self.selected: int | None = None

    def reset(self, labels: list[str], keys: dict[str, int], selected: int | None) -> None:
        """New options (another question): the chosen one marked and highlighted.

        Questions in a row often share their options (scales, the same list of ESPs): the
        same labels keep the list as it is and only move the mark."""
        self.keys = keys
        if labels == self.labels and self.option_count == len(labels):
            self.select_index(selected)
            self.highlighted = selected if selected is not None else 0
            return
        self.labels = labels
        self.selected = selected
        self.set_options(self._prompt(i) for i in range(len(labels)))
        self.highlighted = selected if selected is not None else 0

    def _prompt(self, index: int) -> Text:
        chosen = index == self.selected
        mark = Text("● " if chosen else "○ ", style="bold" if chosen else "dim")
        return mark + safe(self.labels[index], "bold" if chosen else "", lines=False)

    def select_index(self, index: int | None) -> None:
        """Mark `index` as the chosen option (None: nothing chosen)."""
        previous, self.selected = self.selected, index
        for changed in {previous, index} - {None}:
            assert changed is not None
            self._remark(changed)
        if index is not None:
            self.highlighted = index

    def _remark(self, index: int) -> None:
        """Redraw one option with its new mark, keeping the others' renders.

        Textual's `replace_option_prompt_at_index` drops every option's render and line
        count: at each question the mark moves, so every option of the list was drawn
        again in the frame that shows it (4.4% of a ctrl+n's Python calls, bench/tui.py). A
        mark keeps the option's width, so its height and every other option's render
        stand. Where this Textual lacks what this relies on, its own method is used.
        """
        prompt = self._prompt(index)
        option = self.get_option_at_index(index)
        renders: Any = getattr(self, "_option_render_cache", None)
        if not hasattr(option, "_set_prompt") or not hasattr(renders, "discard"):
            self.replace_option_prompt_at_index(index, prompt)
            return
        option._set_prompt(prompt)
        for key in [key for key in renders.keys() if key[0] is option]:  # noqa: SIM118 (no iter)
            renders.discard(key)
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        """A pick key picks here, in this widget's own queue; keys that pick nothing here
        fall through to the screen.

        Not a binding: Textual runs a focused widget's bindings only once the key has
        bubbled up to the app, after a ctrl+n or ctrl+r typed right behind it (priority
        bindings run at once), and the move saved the answer without the pick (a burst such
        as `3` then ctrl+r: a fast facilitator, or keys queued while the machine was busy).
        A move waits for this queue (InterviewScreen.take_typed_ahead)."""
        index = self.keys.get(event.key)
        if index is not None:
            event.stop()
            event.prevent_default()
            self._choose(index, confirm=False)

    def action_confirm(self) -> None:
        if self.highlighted is not None:
            self._choose(self.highlighted, confirm=True)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index, confirm=False)

    def _choose(self, index: int, confirm: bool) -> None:
        self.select_index(index)
        self.post_message(self.Chosen(self, index, confirm))


def number_keys(count: int) -> dict[str, int]:
    """1-9 for the first nine options (then arrows and Enter)."""
    return {str(n + 1): n for n in range(min(count, 9))}


def numbered(labels: list[str]) -> list[str]:
    return [f"{n + 1}  {label}" if n < 9 else f"   {label}" for n, label in enumerate(labels)]
