"""Progress through the active questions: a thin bar and `done/total`, in one cheap widget.

It is redrawn on every answer, so it is one line of text rather than Textual's composite
ProgressBar (three widgets and a percentage nobody reads in a workshop).
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from esp_wizard.tui.widgets.flat import Flat


class ProgressLine(Flat, Widget):  # its width changes: a repaint (see Flat)
    DEFAULT_CSS = """
    ProgressLine { height: 1; width: 1fr; }
    """
    done: reactive[int] = reactive(0)
    total: reactive[int] = reactive(0)

    def show(self, done: int, total: int) -> None:
        self.done, self.total = done, total

    @property
    def count(self) -> str:
        return f"{self.done}/{self.total}"

    def render(self) -> Content:
        count = f" {self.count} "
        width = max(0, self.size.width - len(count))
        filled = round(width * self.done / self.total) if self.total else width
        return (  # built from parts: parsing markup on every answer cost more than drawing
            Content.styled("━" * filled, "$accent")
            + Content.styled("━" * (width - filled), "$panel-lighten-2")
            + Content.styled(count, "$text-muted")
        )
