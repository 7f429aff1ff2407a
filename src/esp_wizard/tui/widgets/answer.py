"""The base of every answer widget, and the TUI's one registry of them, keyed by question type.

A widget registers itself where it is defined (`@answers("number")`); `widgets/factory.py`
imports a widget module when a question of its type first shows (`all_widgets()`: every
one), which fills `ANSWER_WIDGETS`. The same widget class
also says how one field of that type is edited in an inventory row (`row_input` and
`row_value`), so the row form has no table of its own.

One instance per type is mounted and reused from question to question (see `reuse`).
An answer widget holds what the facilitator entered, as raw as the engine accepts it (typed
text for numbers and dates, which the engine parses and validates), and says whether it
differs from what was last saved. It never validates or saves: it posts `Picked` (a choice
was made: save it, stay) or `Confirmed` (the answer is given: save it and move on), each
carrying the `Entry`, and the interview screen hands that to the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from textual.containers import Vertical
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input

from esp_wizard.questionnaire.kinds import Question, is_empty
from esp_wizard.questionnaire.kinds.base import QuestionBase
from esp_wizard.session.model import Answer
from esp_wizard.tui.focus_styles import FocusStyles
from esp_wizard.tui.safe import EDIT_SAFE
from esp_wizard.tui.widgets.backdrop import Backdrop
from esp_wizard.tui.widgets.flat import Flat


@dataclass(frozen=True)
class Entry:
    """What the facilitator entered: the value for the engine and the "Other" text."""

    value: Any = None
    other: str = ""

    @property
    def empty(self) -> bool:
        return is_empty(self.value)


def as_text(value: object) -> str:
    """A stored value back as the text that would have been typed for it."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


class AnswerWidget(Backdrop, Flat, Vertical):  # resized at a swap: no second layout (Flat)
    DEFAULT_CSS = """
    AnswerWidget { height: auto; }
    AnswerWidget .hint { color: $text-muted; }
    """

    class Picked(Message):
        """A choice was made or a row changed: save it now, stay on the question.

        Names its question: a message can reach the screen after a move typed right behind
        the pick (the move saved the pick already), when the widget shows another question."""

        def __init__(self, entry: Entry, question_id: str) -> None:
            super().__init__()
            self.entry = entry
            self.question_id = question_id

    class Confirmed(Message):
        """The facilitator is done with this answer: save it and move on (names its
        question, as Picked does)."""

        def __init__(self, entry: Entry, question_id: str) -> None:
            super().__init__()
            self.entry = entry
            self.question_id = question_id

    _REQUIRED = ("value", "load")

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Each answer type must say how to read and fill its inputs: checked at import."""
        super().__init_subclass__(**kwargs)
        missing = [
            name for name in cls._REQUIRED if getattr(cls, name) is getattr(AnswerWidget, name)
        ]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")

    def __init__(self, question: Question, answer: Answer | None, language: str) -> None:
        super().__init__(classes="answer-widget")
        self.question = question
        self.language = language
        self._answer = answer
        self._initial = Entry()

    @property
    def stored(self) -> Answer | None:
        """The saved answer to start from (None when unanswered, don't know or N/A)."""
        answer = self._answer
        return answer if answer is not None and answer.status == "answered" else None

    def on_mount(self) -> None:
        self.setup()
        self.show(self._answer)

    def reuse(self, question: Question, answer: Answer | None) -> None:
        """Show another question of the same type in this very widget.

        Moving between questions reconfigures the mounted widget instead of mounting a new
        one: no flicker, and no styling and layout of fresh widgets on every keystroke.
        """
        self.question = question
        self.setup()
        self.show(answer)

    # -- what each type provides ------------------------------------------------------------
    def setup(self) -> None:
        """Put in what belongs to the question itself (options, unit, columns)."""

    def value(self) -> Any:
        """What to hand to Interview.answer (None or "" when nothing is entered).

        Every answer type defines it (enforced by `__init_subclass__`).
        """
        return None

    def other(self) -> str:
        """The free text of "Other…", for choice and multi_choice."""
        return ""

    def load(self, answer: Answer | None) -> None:
        """Put a stored answer (or nothing) into the inputs (each type defines it)."""

    def focus_answer(self) -> None:
        self.focus()

    def freshen(self) -> None:
        """Once `focus_answer` has moved the focus (it is queued): inputs that lost focus while
        hidden and did not take it back get their styles back."""
        for widget in self.walk_children(Widget):
            if isinstance(widget, QuietBlur):
                widget.freshen()

    # -- one field of this type in an inventory row ------------------------------------------
    @classmethod
    def row_input(cls, field: QuestionBase, value: Any, language: str, widget_id: str) -> Widget:
        """The input for this type in a row's form: one line of typing unless overridden."""
        return Input(
            as_text(value), highlighter=EDIT_SAFE, select_on_focus=False, compact=True, id=widget_id
        )

    @classmethod
    def row_value(cls, widget: Widget) -> Any:
        """What the row input holds, None when left blank."""
        if isinstance(widget, Input) and widget.value.strip():
            return widget.value.strip()
        return None

    # -- shared behaviour -------------------------------------------------------------------
    def entry(self) -> Entry:
        """What is entered now (read once per action, then carried by the messages)."""
        return Entry(self.value(), self.other())

    def pick(self) -> None:
        self.post_message(self.Picked(self.entry(), self.question.id))

    def confirm(self) -> None:
        self.post_message(self.Confirmed(self.entry(), self.question.id))

    def show(self, answer: Answer | None) -> None:
        """Load an answer and remember it as saved, so `differs` means "entered since"."""
        self._answer = answer
        self.load(self.stored)
        self.mark_saved(self.entry())

    def differs(self, entry: Entry) -> bool:
        """Whether `entry` differs from what was last saved (or loaded)."""
        return entry != self._initial

    def mark_saved(self, entry: Entry) -> None:
        self._initial = entry


class QuietBlur:
    """Mixed into the input an answer widget focuses: losing focus while hidden restyles
    nothing.

    At nearly every question the answer widget left is hidden, then its input loses focus;
    Textual restyles a widget at each focus change (its component styles included: half
    of the styling work of a key press), which a hidden widget does not need. The styles are
    brought up to date when the input is seen again: it takes focus (`focus_answer`), which
    restyles it, or `AnswerWidget.freshen` does. Each restyle takes the styles kept for the
    state the input is in, when it has been in it before (see tui/focus_styles.py). (A plain
    mixin: a Widget base would hide the input's own `can_focus`.)
    """

    _stale_focus_style = False
    _focus_styles: FocusStyles | None = None

    def watch_has_focus(self, has_focus: bool) -> None:
        widget = cast(Widget, self)
        if not has_focus and not _displayed(widget):
            self._stale_focus_style = True
            return
        self._stale_focus_style = False
        self._restyle()

    def freshen(self) -> None:
        """Restyle now if it lost focus while hidden and has not taken it back."""
        widget = cast(Widget, self)
        if self._stale_focus_style and widget.screen.focused is not widget:
            self._stale_focus_style = False
            self._restyle()

    def _restyle(self) -> None:
        """What Textual does at a focus change, from the styles kept for each state."""
        if self._focus_styles is None:
            self._focus_styles = FocusStyles()
        self._focus_styles.restyle(cast(Widget, self))


def _displayed(widget: Widget) -> bool:
    node: Widget | None = widget
    while node is not None:
        if not node.display:
            return False
        node = node.parent if isinstance(node.parent, Widget) else None
    return True


class AnswerInput(QuietBlur, Input):
    """The one-line input an answer widget focuses.

    Input records the typed text's width as its virtual size at every change of value, and
    Widget's `virtual_size` asks for a layout when it changes: every key typed, and the
    value cleared at every question, laid the whole screen out again (and the layout then
    set the virtual size back, which asked for one more). The input's box never depends on
    its text (a fixed height, a fractional width), so a change of virtual size only needs a
    repaint; the input reads it for its own horizontal scrolling, which is unchanged.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


W = TypeVar("W", bound=type[AnswerWidget])

ANSWER_WIDGETS: dict[str, type[AnswerWidget]] = {}


def answers(*types: str) -> Callable[[W], W]:
    """Class decorator: the widget answers questions (and inventory fields) of these types."""

    def register(widget: W) -> W:
        for name in types:
            if name in ANSWER_WIDGETS:
                raise TypeError(f"{name} already has {ANSWER_WIDGETS[name].__name__}")
            ANSWER_WIDGETS[name] = widget
        return widget

    return register
