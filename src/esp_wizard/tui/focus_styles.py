"""A widget's styles at a change of focus, kept per state: the interview goes back and forth
between the same few.

At nearly every question the answer input shown takes focus, and Textual restyles it from
the whole stylesheet: the widget, then one virtual node per component class (the
highlighted option, the cursor, the placeholder...). Measured on bench/tui.py's 300
questions: 1.3-2.1 ms of every ctrl+n, the largest part of a key press's own work after the
layout. What a widget gets depends only on the stylesheet's rules and on the classes and
pseudo-classes of the widget and its ancestors; `FocusStyles` keeps what was computed for
each such state and, when the state comes back, applies it again the way Textual does
(`Stylesheet.replace_rules`, the component styles, a repaint).

The kept styles are dropped when the stylesheet's rules change (a theme, the CSS of a widget
type mounted for the first time: Textual parses a new list of rules then). A widget with
children or with a scrollbar on show, which Textual restyles along with it, goes the usual
way, and so does every widget where Textual has no `_component_styles` (a private
attribute, Textual 8): it then works exactly as Textual does on its own.
"""

from __future__ import annotations

from typing import Any

from textual.css.styles import RulesMap
from textual.widget import Widget

COMPONENTS = "_component_styles"  # Textual 8: component class -> its styles, per node
MAX_STATES = 16  # focused or not, hovered or not...: a handful per widget

# Pseudo-classes that Textual reads off the app, the same for every node: tested once.
APP_WIDE = frozenset({"dark", "light", "inline", "ansi", "nocolor"})

State = tuple[tuple[bool, ...], tuple[tuple[frozenset[str], tuple[bool, ...]], ...]]


def supported(widget: Widget) -> bool:
    """Whether this Textual keeps component styles where `FocusStyles` can put them back."""
    return isinstance(getattr(widget, COMPONENTS, None), dict)


class FocusStyles:
    """The styles one widget was given in each state it has been in (see the module)."""

    def __init__(self) -> None:
        self._rules: list[Any] | None = None  # the stylesheet's rules they were computed with
        self._app_wide: tuple[str, ...] = ()  # the pseudo-classes those rules test...
        self._per_node: tuple[str, ...] = ()  # ...of the app, and of each node
        self._kept: dict[State, tuple[RulesMap, dict[str, Any]]] = {}

    def restyle(self, widget: Widget) -> None:
        """Bring `widget`'s styles up to date with its state (what `update_node_styles` does)."""
        if not self._can_keep(widget):
            widget.update_node_styles()
            return
        state = self._state(widget)
        kept = self._kept.get(state)
        if kept is None:
            widget.update_node_styles()
            rules = widget.styles.base.get_rules()
            if "transitions" in rules:  # animated: the final styles are not there yet
                return
            if len(self._kept) >= MAX_STATES:
                self._kept.clear()
            self._kept[state] = (rules, dict(getattr(widget, COMPONENTS)))
            return
        self._apply(widget, *kept)

    @staticmethod
    def _apply(widget: Widget, rules: RulesMap, components: dict[str, Any]) -> None:
        """Put kept styles back; like Textual, touch nothing (no caches dropped, no repaint)
        when they are the styles the widget has: one that lost focus while hidden kept them."""
        if widget.styles.base.get_rules() != rules:
            animate = widget.styles.base.has_rule("transitions")  # kept rules have none
            widget.app.stylesheet.replace_rules(widget, rules, animate=animate)
        styles: dict[str, Any] = getattr(widget, COMPONENTS)
        if styles.keys() != components.keys() or any(
            styles[name] is not kept for name, kept in components.items()
        ):
            styles.clear()
            styles.update(components)
            widget.refresh()

    @staticmethod
    def _can_keep(widget: Widget) -> bool:
        scrollbars = widget.show_vertical_scrollbar or widget.show_horizontal_scrollbar
        return supported(widget) and not widget.children and not scrollbars

    def _state(self, widget: Widget) -> State:
        """What the stylesheet can tell apart: classes and tested pseudo-classes, up to the app."""
        rules = widget.app.stylesheet.rules
        if rules is not self._rules:  # a new stylesheet: what was kept no longer holds
            self._rules, self._kept = rules, {}
            tested: set[str] = set().union(*(rule.pseudo_classes for rule in rules))
            self._app_wide = tuple(sorted(tested & APP_WIDE))
            self._per_node = tuple(sorted(tested - APP_WIDE))
        app_wide = tuple(widget.has_pseudo_class(name) for name in self._app_wide)
        names = self._per_node
        chain = tuple(
            (node.classes, tuple(node.has_pseudo_class(name) for name in names))
            for node in widget.ancestors_with_self
        )
        return app_wide, chain
