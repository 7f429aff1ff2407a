"""Widgets that never scroll: a new size is a repaint of them, not a second layout.

Textual records each widget's virtual (scrollable) size at every layout, and a change of
it asks for another layout of the whole screen. At every question of another type the
answer widget, the question's texts, the progress line and the saved mark change size:
the layout that showed them asked for a second one straight after (after its frame, before
the next key). For a widget that does not scroll the virtual size is its size and nothing
reads it (no scrollbar, no scroll position), so here a change of it only repaints.
"""

from __future__ import annotations

from textual.containers import Horizontal
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Label, Static

from esp_wizard.tui.widgets.backdrop import Backdrop


class Flat:
    """Mixed in before the Textual widget class (Textual collects reactives from mixins)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class FlatStatic(Flat, Static):
    """A Static of the interview screen (styled as a Static)."""


class FlatLabel(Flat, Label):
    """A Label of the interview screen (styled as a Label)."""


class FlatHorizontal(Backdrop, Flat, Horizontal):
    """A row inside an answer widget (styled as a Horizontal, drawn as its background)."""
