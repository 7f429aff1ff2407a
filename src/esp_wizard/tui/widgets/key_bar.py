"""A one-line key bar drawn from the screen's own bindings.

Textual's Footer rebuilds a widget per key whenever focus moves, which on the interview
screen (focus moves with every question) costs more than the rest of a question change.
The interview's keys do not depend on focus, so one Static that draws them is enough.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import App
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.widgets import Static

from esp_wizard.i18n import _


def shown_keys(app: App, bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(key as shown, description) for each binding meant for the footer, once per action."""
    shown: list[tuple[str, str]] = []
    seen: set[str] = set()
    for binding in bindings:
        if isinstance(binding, Binding) and binding.show and binding.action not in seen:
            seen.add(binding.action)
            shown.append((app.get_key_display(binding), _(binding.description)))
    return shown


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, keys: list[tuple[str, str]], *, id: str | None = None) -> None:
        markup = " ".join(
            f"[b $footer-key-foreground]{escape(key)}[/] {escape(description)}"
            for key, description in keys
        )
        super().__init__(markup, id=id)
