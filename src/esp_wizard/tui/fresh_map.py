"""One arrangement of the screen per layout, not two, when a hidden widget is shown.

Textual keeps a map of where every widget is. Before a layout it marks that map stale if
a widget that changed was not on screen (`Compositor.update_widgets`); the layout then
arranges the whole screen afresh (`Compositor.reflow`) but leaves the mark, so the first
question asked of the map afterwards (a widget's region, read while rendering the very
frame the layout was for) arranges the whole screen a second time, to the same result.
In the interview that is every move to another type of question: the answer widget
shown was hidden when its content changed. Measured on bench/tui.py's 300 questions:
arrangements per ctrl+n 2.01 -> 1.00, 1.9% of a key press's Python calls.

`keep_fresh` wraps the one screen's compositor so that a layout's new map counts as
fresh, which is what Textual's own lazy rebuild does after arranging (`full_map`).
Textual's attribute is private: where a version does not have it, nothing is changed and
Textual works as it does on its own (one arrangement more, same frame);
tests/tui/test_interview_layouts.py counts the arrangements where it applies.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

STALE = "_full_map_invalidated"  # Textual 8: set by update_widgets, cleared by full_map


def supported(screen: Screen[Any]) -> bool:
    """Whether this Textual keeps the mark `keep_fresh` clears (Textual 8.2 does)."""
    return isinstance(getattr(getattr(screen, "_compositor", None), STALE, None), bool)


def keep_fresh(screen: Screen[Any]) -> bool:
    """Make `screen`'s layouts leave a fresh map; False where this Textual has no mark."""
    if not supported(screen):
        return False
    compositor: Any = screen._compositor  # its reflow is wrapped, per instance

    def reflow_fresh(parent: Any, size: Any) -> Any:
        result = type(compositor).reflow(compositor, parent, size)  # the class's, as patched
        setattr(compositor, STALE, False)  # just arranged in full: nothing is stale
        return result

    compositor.reflow = reflow_fresh
    return True
