"""Containers that show nothing of their own but their background, drawn as just that.

To repaint part of the screen Textual draws every widget under it line by line through its
styles (border, padding, tint, line filters), containers included, although a container of
the interview has no border and no content of its own, and its children cover most of it.
At every ctrl+n the answer widget's box, the answer area, the question column and the rows
around them were drawn that way: about 1 ms of a key press on bench/tui.py. Textual's
`BLANK` says a widget has neither border nor content and draws it as blank lines in its
colours; `Backdrop` adds the app's line filters (the monochrome of NO_COLOR, the mapping
of ANSI colours), which Textual's blank lines leave out.

Only for a container with no border and nothing drawn by itself; padding is fine (it is
background too).
"""

from __future__ import annotations

from typing import ClassVar, cast

from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


class Backdrop:
    """Mixed in before a Textual container class: drawn as its background only."""

    BLANK: ClassVar[bool] = True

    def render_lines(self, crop: Region) -> list[Strip]:
        strips: list[Strip] = super().render_lines(crop)  # type: ignore[misc]
        widget = cast(Widget, self)
        if not widget.BLANK:  # drawn by Textual's styles: filters applied already
            return strips
        background = widget.background_colors[1]
        for line_filter in widget.get_line_filters():
            strips = [strip.apply_filter(line_filter, background) for strip in strips]
        return strips


class BackdropHorizontal(Backdrop, Horizontal):
    """A row of the interview screen (styled as a Horizontal)."""


class BackdropVertical(Backdrop, Vertical):
    """A column of the interview screen (styled as a Vertical)."""


class BackdropScroll(Backdrop, VerticalScroll):
    """The question's scrolling column (styled as a VerticalScroll; scrollbars are widgets
    of their own, drawn as usual)."""
