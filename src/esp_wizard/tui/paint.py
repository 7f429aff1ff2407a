"""Changing what the interview shows at the least cost: every key press repaints, and only
a change of size lays the screen out again.

Textual's `Static.update` asks for a layout of the whole screen every time (the new text
might need another size), and setting `display` or a class restyles even when nothing
changes. Between two questions most texts keep their size (a question of two lines
replaced by another of two lines), so these helpers compare first: the same content does
nothing, a content of the same size is a repaint, and only a content that needs another
size asks for a layout.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


def replace(widget: Static, content: VisualType) -> None:
    """Show `content` in `widget`: a repaint, and a layout only if its size changes."""
    if widget.content == content:
        return
    before = _content_size(widget)
    widget.update(content, layout=False)
    if before is None or _needs(widget) != before:
        widget.refresh(layout=True)


def show(widget: Widget, shown: bool) -> None:
    """Show or hide `widget`, touching its styles only when that changes."""
    if widget.display != shown:
        widget.display = shown


def _content_size(widget: Widget) -> Size | None:
    """The content area's size as laid out; None before the first layout or while hidden."""
    if not widget.display or not widget.is_mounted:
        return None
    size = widget.size - widget.styles.gutter.totals
    return size if size.width > 0 and size.height > 0 else None


def _needs(widget: Widget) -> Size:
    """The content area the widget's current content asks for where its size is `auto`
    (a fixed or fractional width or height does not depend on the content)."""
    laid_out = _content_size(widget) or Size(0, 0)
    styles = widget.styles
    container, viewport = widget.container_size, widget.app.size
    width = laid_out.width
    if styles.width is not None and styles.width.is_auto:
        width = widget.get_content_width(container, viewport)
    height = laid_out.height
    if styles.height is not None and styles.height.is_auto:
        height = widget.get_content_height(container, viewport, width)
    return Size(width, height)
